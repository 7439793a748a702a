import Foundation
import Testing
import WhoSaidCore
import WhoSaidExtract
@testable import WhoSaidAnalysis

/// Speaker naming and coreference (issue 14, "What a speaker is"): every quote's speaker named as a reader
/// would name it, one construction per test, on invented sentences. Each test runs the whole analysis
/// (`Analyzer().analyze(&doc)`) and checks the resolved `speaker?.name` and `speaker?.type`.
@Suite struct CoreferenceTests {
    /// The quotes the analyser finds in `text`, in a document published by `outlet` under `authors`.
    func analysed(_ text: String, outlet: String? = nil, authors: [String] = []) -> (quotes: [Quote], text: ScalarText) {
        var doc = Document(id: "t", path: "t", authors: authors, outlet: outlet, text: text, paragraphs: [])
        Analyzer().analyze(&doc)
        return (doc.annotations.quotes, ScalarText(text))
    }

    /// What was found, for a failure message: each quote's speaker as written and as named, and its content.
    func found(_ quotes: [Quote], _ s: ScalarText) -> String {
        quotes.map { q in
            let written = q.speaker?.span.map { s[$0] } ?? "-"
            return "[\(written) → \(q.speaker?.name ?? "nil") (\(q.speaker.map { "\($0.type)" } ?? "-")): \(q.content.map { s[$0] })]"
        }.joined(separator: " ")
    }

    /// The speaker of the first quote whose content holds `words`.
    func speaker(
        saying words: String, in text: String, outlet: String? = nil, authors: [String] = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> Speaker? {
        let (quotes, s) = analysed(text, outlet: outlet, authors: authors)
        guard let q = quotes.first(where: { $0.content.contains { s[$0].contains(words) } }) else {
            Issue.record("no quote says “\(words)”; found \(found(quotes, s))", sourceLocation: sourceLocation)
            return nil
        }
        return q.speaker
    }

    /// The speaker of the first quote whose speaker is written `surface` (`she`, `I`).
    func speaker(
        writtenAs surface: String, in text: String, outlet: String? = nil, authors: [String] = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> Speaker? {
        let (quotes, s) = analysed(text, outlet: outlet, authors: authors)
        guard let q = quotes.first(where: { $0.speaker?.span.map { s[$0] } == surface }) else {
            Issue.record("no quote's speaker is written “\(surface)”; found \(found(quotes, s))", sourceLocation: sourceLocation)
            return nil
        }
        return q.speaker
    }

    // MARK: - A person's name, without title, role, age, verb or place

    @Test func aTitleBeforeANameIsNoPartOfIt() {
        let s = speaker(saying: "rail timetable", in: "Transport Secretary Nadia Brell said the new rail timetable would start in May.")
        #expect(s?.name == "Nadia Brell")
        #expect(s?.type == .person)
    }

    @Test func aPlaceAndAnAbbreviatedTitleBeforeANameAreNoPartOfIt() {
        let s = speaker(saying: "appeal the ruling", in: "South Harlow Gov. Kira Noll said the state would appeal the ruling.")
        #expect(s?.name == "Kira Noll")
        #expect(s?.type == .person)
    }

    @Test func anHonorificAndAnAgeGiveTheFullNameNamedBefore() {
        let text = """
            Tomas Varga opened the bakery on Mill Lane in 1968. Mr. Varga, 82, said he still bakes the first loaves \
            every morning.
            """
        let s = speaker(saying: "first loaves", in: text)
        #expect(s?.name == "Tomas Varga")
        #expect(s?.type == .person)
    }

    @Test func aVerbAndAPlaceAfterANameAreNoPartOfIt() {
        let s = speaker(saying: "festival", in: "Lena Ruiz posted on Twitter that the festival would be cancelled.")
        #expect(s?.name == "Lena Ruiz")
        #expect(s?.type == .person)
    }

    @Test func aRoleWithAdjectivesBeforeANameIsNoPartOfIt() {
        let s = speaker(saying: "keep rising", in: "Prices will keep rising through the winter, veteran industry analyst Sam Ortiz said.")
        #expect(s?.name == "Sam Ortiz")
        #expect(s?.type == .person)
    }

    @Test func anAppositionAfterANameIsNoPartOfIt() {
        let s = speaker(saying: "hire 200", in: "Dana Reyes, chief executive of Harbor Foods, said the company would hire 200 workers.")
        #expect(s?.name == "Dana Reyes")
        #expect(s?.type == .person)
    }

    // MARK: - Surnames

    @Test func aSurnameIsTheFullNameTheArticleGives() {
        let text = """
            Sam Ortiz, an analyst at Calder Capital, expects grain prices to climb. “The winter will be hard for \
            bakers,” Ortiz said.
            """
        let s = speaker(saying: "winter will be hard", in: text)
        #expect(s?.name == "Sam Ortiz")
        #expect(s?.type == .person)
    }

    @Test func aTitleWordAsSurnameAfterAnHonorific() {
        let text = """
            Milo King has run the Brannock ferry for thirty years. “The ferry is not for sale, whatever the council \
            offers,” Mr. King said.
            """
        let s = speaker(saying: "not for sale", in: text)
        #expect(s?.name == "Milo King")
        #expect(s?.type == .person)
    }

    @Test func aSurnameInCapitalsLabellingATranscriptTurn() {
        let text = """
            Nadia Brell, the transport secretary, spoke to the Harlow Morning Hour on Tuesday.

            HOST: When will the new line open?

            BRELL: The line will open in May, and the fares will not rise this year.
            """
        let s = speaker(saying: "fares will not rise", in: text)
        #expect(s?.name == "Nadia Brell")
        #expect(s?.type == .person)
    }

    @Test func aSurnameInCapitalsBeforeItsCue() {
        let text = "Nadia Brell toured the depot on Monday. “The line will open in May,” BRELL said."
        let s = speaker(saying: "line will open", in: text)
        #expect(s?.name == "Nadia Brell")
        #expect(s?.type == .person)
    }

    @Test func aSurnameWhoseFirstNameNoListKnows() {
        let text = """
            Zorya Pell, who runs the village shop, opposed the bypass. “It will empty the high street,” Pell said.
            """
        let s = speaker(saying: "empty the high street", in: text)
        #expect(s?.name == "Zorya Pell")
        #expect(s?.type == .person)
    }

    // MARK: - Pronouns

    @Test func aPronounAgreesInGenderWithThePersonItNames() {
        let text = "Nadia Brell met Tomas Varga at the depot on Monday. “The trains are late again,” she said."
        let she = speaker(saying: "trains are late", in: text)
        #expect(she?.name == "Nadia Brell")
        #expect(she?.type == .person)
        let other = "Nadia Brell met Tomas Varga at the depot on Monday. “The trains are late again,” he said."
        let he = speaker(saying: "trains are late", in: other)
        #expect(he?.name == "Tomas Varga")
        #expect(he?.type == .person)
    }

    @Test func aLongQuotationBeforeThePronounDoesNotLoseTheSpeaker() {
        let text = """
            Nadia Brell opened the new depot on Monday. “The trains have been late for years. The signals fail every \
            week. The drivers are tired. The carriages are old. The timetable is a fiction. We asked for money five \
            times. We were ignored every time. That ends today,” she said.
            """
        let s = speaker(saying: "That ends today", in: text)
        #expect(s?.name == "Nadia Brell")
        #expect(s?.type == .person)
    }

    @Test func aPersonNamedOnlyInsideAQuotationIsNotWhatAPronounNames() {
        let text = """
            Tomas Varga chairs the harbour board. Nadia Brell, the mayor, said: “I met Oscar Lind on Friday, and the \
            money is ready.” He said the repairs would start in June.
            """
        let s = speaker(saying: "repairs would start", in: text)
        #expect(s?.name == "Tomas Varga")
        #expect(s?.type == .person)
    }

    @Test func anIndefinitePronounNamesNoOne() {
        let s = speaker(saying: "pier would close", in: "Tomas Varga runs the pier. Someone said the pier would close in June.")
        #expect(s != nil)
        #expect(s?.name == nil)
        #expect(s?.type == .anonymous)
    }

    @Test func aPronounWithNoPersonBeforeItNamesNoOne() {
        let s = speaker(saying: "pier would close", in: "He said the pier would close in June.")
        #expect(s != nil)
        #expect(s?.name == nil)
        #expect(s?.type == .anonymous)
    }

    /// `I` inside a quotation is the quote's speaker, checked at the resolver: the attributor finds no
    /// attribution inside a quotation (`“Last year I said the trains would be late,” Brell said` gives one
    /// quote, Brell's), so the inner one is added by hand.
    @Test func firstPersonInsideAQuotationIsItsSpeakerAtTheResolver() throws {
        let text = """
            Nadia Brell toured the depot on Monday. “Last year I said the trains would be late, and they were,” Brell \
            said.
            """
        let scalars = Array(text.unicodeScalars)
        func range(_ words: String) throws -> TextRange {
            let w = Array(words.unicodeScalars)
            let start = try #require((0...(scalars.count - w.count)).first { Array(scalars[$0..<($0 + w.count)]) == w })
            return TextRange(start: start, end: start + w.count)
        }
        let analyzer = Analyzer()
        let tokens = analyzer.tokenizer.tokenize(scalars)
        let sentences = analyzer.splitter.split(tokens, in: scalars)
        let entities = analyzer.tagger.tag(text: text, scalars: scalars, tokens: tokens, sentences: sentences, outlet: nil)
        var quotes = analyzer.attributor.attribute(scalars: scalars, tokens: tokens, sentences: sentences)
        let iSaid = try range(" I said ")  // ` I said `: `I` at 1, `said` at 3
        quotes.append(Quote(
            id: "inner", kind: .indirect,
            speaker: Speaker(name: "I", type: .person, span: TextRange(start: iSaid.start + 1, end: iSaid.start + 2)),
            cue: TextRange(start: iSaid.start + 3, end: iSaid.start + 7), content: [try range("the trains would be late")],
            confidence: 1))
        let resolved = SpeakerResolver(entities: entities, scalars: scalars, tokens: tokens, sentences: sentences)
            .resolve(quotes)
        let inner = resolved.first { $0.id == "inner" }?.speaker
        #expect(inner?.name == "Nadia Brell")
        #expect(inner?.type == .person)
    }

    @Test func firstPersonOutsideAnyQuotationIsTheBylineAuthor() {
        let text = "The pier has been shut since March. I wrote in April that the repairs would not be ready in time."
        let s = speaker(saying: "repairs would not be ready", in: text, authors: ["Lena Ruiz"])
        #expect(s?.name == "Lena Ruiz")
        #expect(s?.type == .person)
    }

    @Test func weOutsideAnyQuotationIsTheOutlet() {
        let text = "The pier has been shut since March. We said last year that the repairs would not be ready in time."
        let s = speaker(saying: "repairs would not be ready", in: text, outlet: "Harlow Gazette")
        #expect(s?.name == "Harlow Gazette")
        #expect(s?.type == .outlet)
    }

    // MARK: - Interviews

    @Test func anInterviewsAnswersAreTheIntervieweesAndItsQuestionsTheInterviewers() {
        let text = """
            The Harlow Gazette sat down with Petra Lind, the new head of the ferry company. Lind has run the \
            crossings for a decade.

            Q: What will change on the winter timetable this year?

            A: Two more evening sailings, and a bus that waits for the last boat.

            Q: Will fares rise when the new boats arrive?

            A: Not this year, and not for islanders with a season ticket.
            """
        let answer = speaker(saying: "bus that waits for the last boat", in: text, outlet: "Harlow Gazette")
        #expect(answer?.name == "Petra Lind")
        #expect(answer?.type == .person)
        let question = speaker(saying: "Will fares rise", in: text, outlet: "Harlow Gazette", authors: ["Ines Moor"])
        #expect(question?.name == "Ines Moor")
        #expect(question?.type == .person)
        let unsigned = speaker(saying: "Will fares rise", in: text, outlet: "Harlow Gazette")
        #expect(unsigned?.name == "Harlow Gazette")
        #expect(unsigned?.type == .outlet)
    }

    // MARK: - Definite descriptions

    @Test func anAgeDescriptionIsThePersonNamedBefore() {
        let text = """
            Tomas Varga was appointed manager of the ferry company in March. The 56-year-old said the timetable would \
            change in the spring.
            """
        let s = speaker(saying: "timetable would change", in: text)
        #expect(s?.name == "Tomas Varga")
        #expect(s?.type == .person)
    }

    @Test func theNewspaperIsTheOutletNamedBefore() {
        let text = """
            The Harlow Gazette first revealed the closure on Friday. The newspaper reported that the pier would stay \
            shut until June.
            """
        let s = speaker(saying: "stay shut", in: text)
        #expect(s?.name == "Harlow Gazette")
        #expect(s?.type == .outlet)
    }

    @Test func theCompanyIsTheOrganisationNamedBefore() {
        let text = """
            Bellmoor Freight Services announced forty job cuts on Monday. The company said the depot in Westbrook \
            would close in June.
            """
        let s = speaker(saying: "depot in Westbrook", in: text)
        #expect(s?.name == "Bellmoor Freight Services")
        #expect(s?.type == .organization)
    }

    /// `the council` must be in the name of the body it stands for: with no council named, it stays as
    /// written and is not the other organisation named.
    @Test func theCouncilWithNoCouncilNamedStaysAsWritten() {
        let text = """
            Bellmoor Freight Services announced forty job cuts on Monday. The council said it had not been told about \
            the cuts.
            """
        let s = speaker(saying: "not been told", in: text)
        #expect(s?.name != "Bellmoor Freight Services")
        #expect(s?.name == "The council")
    }

    // MARK: - A person's campaign

    @Test func herCampaignIsTheCampaignOfTheWomanNamed() {
        let text = "Mira Quill is running for governor of South Harlow. Her campaign said the new poll was wrong."
        let s = speaker(saying: "poll was wrong", in: text)
        #expect(s?.name == "Quill campaign")
        #expect(s?.type == .organization)
    }

    @Test func theSurnameCampaignIsThatPersonsCampaign() {
        let text = "Mira Quill is running for governor of South Harlow. The Quill campaign said the new poll was wrong."
        let s = speaker(saying: "poll was wrong", in: text)
        #expect(s?.name == "Quill campaign")
        #expect(s?.type == .organization)
    }

    // MARK: - Documents speaking

    @Test func aSurveySpeakingIsADocument() {
        let s = speaker(saying: "later trains", in: "The survey found that most riders want later trains.")
        #expect(s?.type == .document)
    }

    @Test func aReportFromSomeoneSpeakingIsADocument() {
        let s = speaker(saying: "pier was unsafe", in: "A report from the Harbor Safety Board said the pier was unsafe.")
        #expect(s?.type == .document)
    }

    // MARK: - Acronyms

    @Test func anAcronymIsAnOrganisation() {
        let s = speaker(saying: "launch would be delayed", in: "NASA said the launch would be delayed until the autumn.")
        #expect(s?.name == "NASA")
        #expect(s?.type == .organization)
        let invented = speaker(saying: "port would close", in: "The HPTA said the port would close on Sunday.")
        #expect(invented?.name == "HPTA")
        #expect(invented?.type == .organization)
    }

    @Test func anAcronymTheArticleSpellsOutIsItsFullName() {
        let text = """
            The Harbor Safety Board (HSB) inspected the pier in May. HSB said the pier was unsafe for heavy vehicles.
            """
        let s = speaker(saying: "unsafe for heavy vehicles", in: text)
        #expect(s?.name == "Harbor Safety Board")
        #expect(s?.type == .organization)
    }

    // MARK: - Headlines

    @Test func aHeadlineDescriptionIsThePersonTheArticleIsAbout() {
        let text = """
            Former party chairman calls for delay to the Harlow rail vote

            Tomas Varga, who chaired the Harlow Unity Party for a decade, wrote to members on Sunday. Varga argued \
            that the vote should wait until the budget is published. Nadia Brell, the party leader, did not reply. \
            Varga has campaigned against the line since 2019.
            """
        let s = speaker(saying: "delay", in: text)
        #expect(s?.name == "Tomas Varga")
        #expect(s?.type == .person)
    }

    // MARK: - Over the corpus

    /// The articles of `corpus/` (`pages/*.html`, `text/*.txt`).
    static let corpusArticles: [URL] = {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("corpus")
        var out: [URL] = []
        for (dir, ext) in [("pages", "html"), ("text", "txt")] {
            let folder = corpus.appendingPathComponent(dir)
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            out += files.filter { $0.hasSuffix("." + ext) }.sorted().map { folder.appendingPathComponent($0) }
        }
        return out
    }()

    /// No speaker is ever named by a bare pronoun: a pronoun is resolved to whom it stands for, or left
    /// unnamed.
    @Test(.enabled(if: !corpusArticles.isEmpty, "corpus/ holds no articles"), arguments: corpusArticles)
    func noSpeakerIsNamedByAPronoun(article: URL) throws {
        let pronouns: Set<String> = ["he", "she", "it", "they", "we", "i", "him", "her", "them", "us", "me"]
        var doc = try DocumentExtractor().extract(InputItem(path: article.path, bytes: [UInt8](try Data(contentsOf: article))))
        Analyzer().analyze(&doc)
        let s = ScalarText(doc.text)
        for q in doc.annotations.quotes {
            guard let name = q.speaker?.name else { continue }
            #expect(!pronouns.contains(name.lowercased()),
                    "\(article.lastPathComponent): a speaker named “\(name)” for \(q.content.map { String(s[$0].prefix(60)) })")
        }
    }
}

import Foundation
import Testing
import WhoSaidCore
@testable import WhoSaidAnalysis

/// Quote finding on short texts written for the tests, one construction each.
@Suite struct QuoteAttributorTests {
    func quotes(_ text: String) -> (quotes: [Quote], text: ScalarText) {
        var doc = Document(id: "t", path: "t", text: text, paragraphs: [])
        Analyzer().analyze(&doc)
        return (doc.annotations.quotes, ScalarText(text))
    }

    @Test func quoteBeforeItsCue() {
        let found = describe("“We will reopen the pier by June,” said harbour master Alma Reyes.")
        #expect(found.count == 1)
        #expect(found.first?.speaker == "harbour master Alma Reyes")
        #expect(found.first?.cue == "said")
        #expect(found.first?.content == ["“We will reopen the pier by June,”"])
        #expect(found.first?.kind == .direct)
    }

    @Test func aCueAfterToOrAndTakesTheOpeningSubject() {
        let found = describe("Marsh went on the radio to accuse the ferry operator of “gross negligence” over the pier.")
        #expect(found.first?.speaker == "Marsh")
        #expect(found.first?.cue == "accuse")
        let second = describe("Alma Reyes waved at the crowd and said the pier would reopen in June.")
        #expect(second.first?.speaker == "Alma Reyes")
        #expect(second.first?.cue == "said")
    }

    @Test func aQuotedTitleInAnOpeningPhraseIsNoQuotation() {
        let found = describe("On Sunday’s broadcast of “Harbour Hour,” Alma Reyes said the pier would reopen in June.")
        #expect(found.count == 1)
        #expect(found.first?.speaker == "Alma Reyes")
        #expect(found.first?.content == ["the pier would reopen in June"])
    }

    @Test func aNounPhraseContentStopsAtARelativeClauseOrADash() {
        let found = describe("The harbour board praised the new pier, which opened in June after two years of repairs.")
        #expect(found.first?.cue == "praised")
        #expect(found.first?.content == ["the new pier"])
        let dash = describe("Alma Reyes likened the ferry timetable to “a lottery” - a charge the operator denied on Monday.")
        #expect(dash.first?.content == ["the ferry timetable to “a lottery”"])
        let despite = describe("The harbour board praised the new timetable, despite complaints from the night crews.")
        #expect(despite.first?.content == ["the new timetable"])
        let said = describe("Alma Reyes said the pier, which opened in June, would close again.")
        #expect(said.first?.content == ["the pier, which opened in June, would close again"])
        let semicolon = describe("Alma Reyes said the pier would reopen in June; the operator has not confirmed the date.")
        #expect(semicolon.first?.content == ["the pier would reopen in June"])
    }

    @Test func aPhraseAfterTheCueLeavesTheContentBeforeIt() {
        let found = describe("The ferry will run again from Friday, Alma Reyes said at a briefing on Monday.")
        #expect(found.first?.speaker == "Alma Reyes")
        #expect(found.first?.content == ["The ferry will run again from Friday"])
    }

    @Test func aParticipleAfterSaidSharesItsSource() {
        let found = describe("“The pier is safe,” the harbour master said, adding that the repairs would take “a few more weeks.”")
        #expect(found.count == 2)
        #expect(found.last?.speaker == "the harbour master")
        #expect(found.last?.cue == "adding")
        #expect(found.last?.content == ["that the repairs would take “a few more weeks.”"])
    }

    @Test func colonIntroducedQuoteRunningOverParagraphs() {
        let text = """
            A spokesman said: “The pier will reopen in June. The repairs are on budget.

            “Boats can moor there again from the first weekend of the month.”
            """
        let found = describe(text)
        #expect(found.count == 1)
        #expect(found.first?.speaker == "A spokesman")
        #expect(found.first?.content.count == 2)
        #expect(found.first?.content.last == "“Boats can moor there again from the first weekend of the month.”")
        #expect(quotes(text).quotes.first?.speaker?.type == .anonymous)
    }

    @Test func pluralDescriptionsAreGroupsAndOnePersonDescribedIsAnonymous() {
        let text = """
            The officials said the ferry would run again on Friday. One of the aides said the talks had failed. \
            Senior harbour figures warned that the pier would close.
            """
        let qs = quotes(text).quotes
        #expect(qs.map { $0.speaker?.type } == [.group, .anonymous, .group])
    }

    @Test func aOneWordCompanyNameIsAnOrganisation() {
        let text = """
            Talks with the operator Duskline Ferries broke down on Monday. Duskline said the offer was final. \
            Marsh said the crews would strike.
            """
        let qs = quotes(text).quotes
        #expect(qs.first?.speaker?.name == "Duskline")
        #expect(qs.first?.speaker?.type == .organization)
        #expect(qs.last?.speaker?.type == .person)
    }

    @Test func aDashBoundedAsideLeavesTheSourceBeforeIt() {
        let found = describe(
            "Harbour master Alma Reyes — who has run the quay since 2009 — said the repairs had “come just in time”.")
        #expect(found.first?.speaker == "Harbour master Alma Reyes")
        #expect(found.first?.content == ["the repairs had “come just in time”"])
    }

    @Test func anAttributionSetOffByCommasReportsTheClauseBeforeIt() {
        let found = describe(
            "Older skippers are the most likely to need the pier, the harbour board says, and the least able to pay.")
        #expect(found.first?.speaker == "the harbour board")
        #expect(found.first?.content == ["Older skippers are the most likely to need the pier"])
        let report = describe(
            "The Quay slate took every seat on the board, the Harbour Gazette has learned, while rivals kept two places.")
        #expect(report.first?.speaker == "the Harbour Gazette")
        #expect(report.first?.content == ["The Quay slate took every seat on the board"])
    }

    @Test func accordingToUnnamedOfficialsEndingTheSentence() {
        let found = describe("The pier will stay shut until June, according to two harbour officials.")
        #expect(found.first?.speaker == "two harbour officials")
        #expect(found.first?.content == ["The pier will stay shut until June"])
        #expect(quotes("The pier will stay shut until June, according to two harbour officials.").quotes.first?.speaker?.type == .group)
    }

    @Test func aCommonNounSourceBeforeAnApposition() {
        let text = "The report, written for the council by Quayside Surveys, suggests that the pier needs new piles."
        let found = describe(text)
        #expect(found.first?.speaker == "The report")
        #expect(found.first?.content == ["that the pier needs new piles"])
        // A report speaking is a document.
        #expect(quotes(text).quotes.first?.speaker?.type == .document)
    }

    @Test func whoStandsForThePersonNamedBeforeIt() {
        let text = """
            “The fees are fair,” said Alma Reyes, the harbour master. The petition was organised by Tom Vale, \
            a fisherman from the north quay, who said he had missed the tide twice. “It has to stop,” he said.
            """
        let qs = quotes(text).quotes
        #expect(qs.map { $0.speaker?.name } == ["Alma Reyes", "Tom Vale", "Tom Vale"])
    }

    @Test func aCommonNounSourceBeforeARelativeClause() {
        let found = describe(
            "A spokeswoman for the harbour board, which owns the pier, said the repairs would be paid for from reserves.")
        #expect(found.first?.speaker == "A spokeswoman for the harbour board")
        #expect(found.first?.content == ["the repairs would be paid for from reserves"])
    }

    @Test func quoteSplitAroundItsCue() {
        let found = describe("“The fees are fair,” Reyes said. “Every other harbour charges more.”")
        #expect(found.count == 1)
        #expect(found.first?.speaker == "Reyes")
        #expect(found.first?.content == ["“The fees are fair,”", "“Every other harbour charges more.”"])
    }

    @Test func postposedCueWithAnOutlet() {
        let found = describe("“That worries plenty of skippers” says the Quay Gazette.")
        #expect(found.first?.speaker == "the Quay Gazette")
        #expect(found.first?.cue == "says")
    }

    @Test func invertedCueBeforeAMixedQuote() {
        let found = describe("As a result, says fisherman Tom Vale, the board is “out of touch with the quay.”")
        #expect(found.first?.speaker == "fisherman Tom Vale")
        #expect(found.first?.content == ["the board is “out of touch with the quay.”"])
        #expect(found.first?.kind == .mixed)
    }

    @Test func indirectSpeechAndAccordingTo() {
        let said = describe("The harbour board said that fees would rise by a tenth next spring.")
        #expect(said.first?.speaker == "The harbour board")
        // Reported speech keeps its "that", as PolNeAR annotates it.
        #expect(said.first?.content == ["that fees would rise by a tenth next spring"])
        #expect(said.first?.kind == .indirect)
        let according = describe("The fees will rise next spring, according to the harbour board.")
        #expect(according.first?.speaker == "the harbour board")
        #expect(according.first?.content == ["The fees will rise next spring"])
    }

    @Test func pronounSpeakerResolvesToTheLatestNamedSpeaker() {
        let (qs, s) = quotes("Fisherman Tom Vale said the board had not listened. “They never come down to the quay,” he said.")
        #expect(qs.count == 2)
        #expect(qs.last.flatMap { $0.speaker?.span }.map { s[$0] } == "he")
        #expect(qs.last?.speaker?.name == "Tom Vale")
    }

    @Test func quotedNamesAreNotQuotes() {
        let found = describe("Candidates from the “Harbour First” slate won two seats on the board.")
        #expect(found.isEmpty)
    }

    @Test func offsetsAreCodePointsIntoTheUnchangedText() {
        let text = "Intro 🗳️ text. “Prices are up,” Dupont told reporters."
        let (qs, s) = quotes(text)
        #expect(qs.count == 1)
        #expect(qs.first?.speaker?.span == TextRange(start: 32, end: 38))
        #expect(qs.first.flatMap { $0.speaker?.span }.map { s[$0] } == "Dupont")
    }

    @Test func mediumIsKeptAsVia() {
        let (qs, _) = quotes("In an interview with the Guardian last month, councillor Petra Lind said the depot would close by spring.")
        #expect(qs.count == 1)
        #expect(qs.first?.via == "The Guardian")
        let told = quotes("“The depot is finished,” councillor Petra Lind told the Guardian on Monday.").quotes
        #expect(told.first?.via == "The Guardian")
        // An outlet speaking for itself is the speaker, not the medium.
        let own = quotes("The Guardian said the depot would close by spring, citing council papers.").quotes
        #expect(own.first?.speaker?.name == "The Guardian")
        #expect(own.first?.via == nil)
    }

    @Test func parenthesisAfterANameBelongsToTheSource() {
        let found = describe("“The ferry budget is a scandal,” Rep. Ada Quill (D-Ore.) said on Tuesday.")
        #expect(found.first?.speaker == "Rep. Ada Quill (D-Ore.)")
        #expect(found.first?.content == ["“The ferry budget is a scandal,”"])
    }

    @Test func appositiveSourceBeforeReportedSpeech() {
        let text = "Senator Ada Quill, Democrat of Oregon, said the ferry budget had been cut twice in one year."
        let found = describe(text)
        #expect(found.first?.speaker == "Senator Ada Quill, Democrat of Oregon,")
        #expect(found.first?.content == ["the ferry budget had been cut twice in one year"])
        // The speaker is named after the person the apposition describes.
        #expect(quotes(text).quotes.first?.speaker?.name == "Ada Quill")
        // Also when the apposition holds a longer name than the person's.
        let faction = "Dario Ormsby, a founder of the Coastal Renewal platform, said that the board would review the figures."
        #expect(quotes(faction).quotes.first?.speaker?.name == "Dario Ormsby")
        #expect(quotes(faction).quotes.first?.speaker?.type == .person)
    }

    @Test func cueSpanTakesInAuxiliariesAndAdverbs() {
        let found = describe("Mayor Tom Vale has also said that the harbour will never be sold to developers.")
        #expect(found.first?.cue == "has also said")
        #expect(found.first?.speaker == "Mayor Tom Vale")
        #expect(describe("“It stays ours,” Mayor Tom Vale has repeatedly said.").first?.cue == "has repeatedly said")
    }

    @Test func sourceIsANounPhraseNotAPreposition() {
        // A name particle opening the sentence stays in the name.
        #expect(describe("De Vries said that the ferry would run again before the summer.").first?.speaker == "De Vries")
        // `, despite admitting`: the name and apposition before the comma, never the preposition.
        let despite = describe(
            "Council leader Ada Quill, D-Harbourton, despite admitting that the budget was tight, promised a new pier.")
        #expect(!despite.contains { $0.speaker == "despite" })
        // `perhaps` lies between a source and its cue like `also`.
        let perhaps = describe(
            "In the town hall after the vote, Vale's aides were also pleased, perhaps recognizing that the ferry plan had won.")
        #expect(!perhaps.contains { $0.speaker == "perhaps" })
        // `go on` belongs to the cue, not to its source.
        let goesOn = describe("Mayor Tom Vale went on to say that the council had found the money for the repairs.")
        #expect(goesOn.first?.cue == "went on to say")
        #expect(goesOn.first?.speaker == "Mayor Tom Vale")
    }

    @Test func participleAfterAnOpeningPhraseTakesTheSubject() {
        // An opening prepositional or participial phrase comes before the subject; a possessive subject keeps
        // its noun.
        let found = describe(
            "In the town hall after the vote, Vale's aides were also pleased, recognizing that the ferry plan had won.")
        #expect(found.first { $0.cue == "recognizing" }?.speaker == "Vale's aides")
        let chastened = describe(
            "Chastened by the figures, as well as by the protests, Reyes changed the plan, promising to keep the ferry.")
        #expect(chastened.first { $0.cue == "promising" }?.speaker == "Reyes")
    }

    @Test func infinitiveAfterTheCueIsTheContent() {
        // `to` and a verb after `hopes` opens the content; it is no phrase to skip up to the next comma.
        let found = describe("The harbour trust also hopes to open a small museum showing nets, boats and maps in the old shed.")
        #expect(found.first?.content == ["to open a small museum showing nets, boats and maps in the old shed"])
    }

    @Test func secondCoordinatedCueVerbSharesTheSourceAndReportsItsOwnClause() {
        // `criticized X and said Y`: X is the first cue's content; `said` has the same source and Y.
        let found = describe(
            "The harbour commissioner criticized the council's new budget and said the ferry would need more money next year.")
        #expect(found.first { $0.cue == "criticized" }?.content == ["the council's new budget"])
        let said = found.first { $0.cue == "said" }
        #expect(said?.speaker == "The harbour commissioner")
        #expect(said?.content == ["the ferry would need more money next year"])
        // After a reported clause, a verb that is no verb of saying belongs to that clause.
        let clause = describe("Mayor Alma Reyes said the captain inspected the old pier and praised the crew for their work.")
        #expect(clause.first?.content == ["the captain inspected the old pier and praised the crew for their work"])
    }

    @Test func itStandsForTheBodyOpeningTheSentenceBefore() {
        // `it` is the body that is the subject of the sentence before, which does not speak itself.
        let q = quotes("The harbour trust will take over the pier in May. It also hopes to open a small museum in the old shed.")
            .quotes.first { $0.content.count == 1 }
        #expect(q?.speaker?.name == "The harbour trust")
        #expect(q?.speaker?.type == .group)
        // Never a person (`The mayor`).
        let mayor = quotes("The mayor will open the pier in May. It also hopes to open a small museum in the old shed.").quotes
        #expect(!mayor.contains { $0.speaker?.name == "The mayor" })
    }

    @Test func nameInAppositionToADescriptionSpansBoth() {
        // The speaker's span takes in the description the name is in apposition to; the name stays the name.
        let text = "The operations director, Anselm Greaves, said the ferry would sail on time in the morning."
        #expect(describe(text).first?.speaker == "The operations director, Anselm Greaves,")
        #expect(quotes(text).quotes.first?.speaker?.name == "Anselm Greaves")
    }

    @Test func datelineIsNoPartOfTheSource() {
        let found = describe("HARBOURTON -- Mayor Tom Vale said on Monday that the pier would reopen in the spring.")
        #expect(found.first?.speaker == "Mayor Tom Vale")
    }

    @Test func nameOpeningAnAppositionChainIsReportedWithItsFirstApposition() {
        let text = "Ada Quill, the harbour master of Brannock, a port on the west coast, said the pier would reopen in May."
        let found = describe(text)
        #expect(found.first?.speaker == "Ada Quill, the harbour master of Brannock,")
        #expect(quotes(text).quotes.first?.speaker?.name == "Ada Quill")
    }

    @Test func invertedSourceEndsBeforeAPhraseSayingHowItWasSaid() {
        let found = describe("“The pier will reopen,” said Ada Quill, the harbour master of Brannock, in a statement.")
        #expect(found.first?.speaker == "Ada Quill, the harbour master of Brannock,")
    }

    @Test func yearBetweenAPronounAndItsCueBelongsToNeither() {
        let found = describe("Quill in 2012 said that the ferry would keep running for as long as she was mayor.")
        #expect(found.first?.speaker == "Quill")
        #expect(found.first?.cue == "said")
    }

    @Test func phraseWithADeterminerEndsOnItsHeadNoun() {
        let found = describe("“We are in a hurry,” said one Harbour Party source on the council.")
        #expect(found.first?.speaker == "one Harbour Party source")
    }

    @Test func determinerBeforeTheSourcePhraseOpensItsSpan() {
        let none = describe("No one said that the ferry would sail again before the end of the summer.")
        #expect(none.isEmpty || none.first?.speaker == "No one")
        #expect(describe("“The sea is our road,” my grandfather often said.").first?.speaker == "my grandfather")
    }

    @Test func namesJoinedByASlashAreOneSource() {
        let found = describe("The Ledger/Harbour Radio survey found that most residents want the ferry back by May.")
        #expect(found.first?.speaker == "The Ledger/Harbour Radio survey")
    }

    @Test func contentFollowsAPhraseSayingWhereItWasSaid() {
        let found = describe("Ada Quill said on Sunday’s edition of “Harbour Talk,” the ferry subsidy would end in March.")
        #expect(found.first?.content == ["the ferry subsidy would end in March"])
    }
}

/// The seed articles against `expected.json` (skipped when ../shared is absent): every expected quote
/// found with its content, none of the `not_quotes` reported as a quote.
@Suite struct SeedQuoteTests {
    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/seeds")
    static var available: Bool { FileManager.default.fileExists(atPath: seeds.appendingPathComponent("expected.json").path) }

    struct Expected: Decodable {
        struct Doc: Decodable {
            var file: String
            var quotes: [ExpectedQuote]
            var not_quotes: [String]?
        }
        struct ExpectedQuote: Decodable {
            var speaker: String
            var content: Content
        }
        enum Content: Decodable {
            case one(String), many([String])
            init(from decoder: Decoder) throws {
                let c = try decoder.singleValueContainer()
                if let s = try? c.decode(String.self) { self = .one(s) } else { self = .many(try c.decode([String].self)) }
            }
            var parts: [String] { switch self { case .one(let s): [s]; case .many(let a): a } }
        }
        var documents: [Doc]
    }

    @Test(.enabled(if: available)) func everyExpectedQuoteIsFoundAndNoQuotedNameIsAQuote() throws {
        let expected = try JSONDecoder().decode(
            Expected.self, from: Data(contentsOf: Self.seeds.appendingPathComponent("expected.json")))
        for doc in expected.documents {
            let text = try String(contentsOf: Self.seeds.appendingPathComponent(doc.file), encoding: .utf8)
            var d = Document(id: doc.file, path: doc.file, text: text, paragraphs: [])
            Analyzer().analyze(&d)
            let s = ScalarText(text)
            let found = d.annotations.quotes.map { q in
                (text: q.content.map { s[$0] }.joined(separator: " "), speaker: q.speaker?.name)
            }
            for q in doc.quotes {
                // Each expected content part lies inside some found quote (or holds most of one), and
                // that quote's speaker has the expected canonical name.
                for part in q.content.parts {
                    let core = part.trimmingCharacters(in: CharacterSet(charactersIn: "“”\"‘’ ,."))
                    let match = found.first { $0.text.contains(core) || (core.contains($0.text) && $0.text.count * 2 > core.count) }
                    #expect(match != nil, "\(doc.file): not found: \(part.prefix(60)) (\(q.speaker))")
                    #expect(match == nil || match?.speaker == q.speaker,
                        "\(doc.file): \(part.prefix(40)) attributed to \(match?.speaker ?? "nobody"), expected \(q.speaker)")
                }
            }
            for notQuote in doc.not_quotes ?? [] {
                #expect(!found.contains { $0.text == notQuote }, "\(doc.file): reported as a quote: \(notQuote)")
            }
        }
    }
}

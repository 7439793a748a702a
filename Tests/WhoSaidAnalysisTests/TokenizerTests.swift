import Testing
import WhoSaidAnalysis
import WhoSaidCore

@Suite struct TokenizerTests {
    @Test func wordsNumbersAndPunctuation() {
        let t = tokens("The council voted 7-2, at 10:30, on a $1.5 trillion plan (50%).")
        #expect(t.map(\.text) == ["The", "council", "voted", "7-2", ",", "at", "10:30", ",", "on", "a", "$", "1.5",
                                  "trillion", "plan", "(", "50", "%", ")", "."])
        #expect(t.map(\.kind) == [.word, .word, .word, .number, .punctuation, .word, .number, .punctuation, .word,
                                  .word, .symbol, .number, .word, .word, .punctuation, .number, .symbol,
                                  .punctuation, .punctuation])
        #expect(t[0].norm == "the")
    }

    @Test func numbers() {
        #expect(pieces("3.5 1,000,000 1,00 9/11 2015-16 3rd 1990s 2016.") ==
                ["3.5", "1,000,000", "1", ",", "00", "9/11", "2015-16", "3rd", "1990s", "2016", "."])
        #expect(kind(of: "3rd", in: "the 3rd") == .word)
        #expect(kind(of: "1,000,000", in: "1,000,000 people") == .number)
        #expect(pieces("In 2016, 1,2 or 3") == ["In", "2016", ",", "1", ",", "2", "or", "3"])
    }

    @Test func hyphenatedWordsStayWhole() {
        #expect(pieces("a left-wing, better-than-expected COVID-19 result") ==
                ["a", "left-wing", ",", "better-than-expected", "COVID-19", "result"])
        #expect(pieces("pre- and post-war") == ["pre", "-", "and", "post-war"])
        #expect(tokens("non\u{2011}stop")[0].norm == "non-stop")
    }

    @Test func dashes() {
        let t = tokens("Yes - no -- maybe – or — never—ever ― end")
        #expect(t.map(\.text) == ["Yes", "-", "no", "--", "maybe", "–", "or", "—", "never", "—", "ever", "―", "end"])
        #expect(t.filter { $0.kind == .dash }.allSatisfy { $0.norm == "-" })
        #expect(t.filter { $0.kind == .dash }.count == 6)
        #expect(pieces("1990–2000") == ["1990", "–", "2000"])
    }

    @Test func ellipses() {
        let t = tokens("Well… maybe... or.. not. …and")
        #expect(t.map(\.text) == ["Well", "…", "maybe", "...", "or", "..", "not", ".", "…", "and"])
        #expect(t[1].kind == .ellipsis && t[1].norm == "...")
        #expect(t[3].kind == .ellipsis)
        #expect(t[5].kind == .punctuation)
    }

    @Test func apostrophesInsideWords() {
        let t = tokens("Labour’s leader didn’t say O’Brien's rock 'n' roll or rock ’n’ roll of the '90s and ’16")
        #expect(t.map(\.text) == ["Labour", "’s", "leader", "didn’t", "say", "O’Brien", "'s", "rock", "'n'", "roll",
                                  "or", "rock", "’n’", "roll", "of", "the", "'90s", "and", "’16"])
        #expect(t.allSatisfy { $0.kind == .word || $0.kind == .number })
        #expect(t[0].norm == "labour" && t[1].norm == "'s")
        #expect(Tokenizer().tokenize("Labour’s")[1].spaceBefore == .none)
        #expect(t[3].norm == "didn't")
        #expect(t[12].norm == "'n'")
        #expect(kind(of: "’16", in: "class of ’16") == .number)
        #expect(pieces("’Tis ’em 'cause rock'n'roll") == ["’Tis", "’em", "'cause", "rock'n'roll"])
    }

    @Test func cliticsAreTheirOwnTokens() {
        #expect(pieces("he’s she'll they’re we’ve I’m you’d HE'S she’d’ve can’t won’t") ==
                ["he", "’s", "she", "'ll", "they", "’re", "we", "’ve", "I", "’m", "you", "’d", "HE", "'S", "she", "’d",
                 "’ve", "can’t", "won’t"])
        // Not clitics: longer endings, and names.
        #expect(pieces("O’Sullivan D’Souza ma’am y’all") == ["O’Sullivan", "D’Souza", "ma’am", "y’all"])
        // Inside a single quotation the clitic is still a clitic, and the closing quote still closes.
        let t = tokens("‘Labour’s dead’")
        #expect(t.map(\.text) == ["‘", "Labour", "’s", "dead", "’"])
        #expect(t.map(\.kind) == [.openQuote, .word, .word, .word, .closeQuote])
    }

    @Test func closingSingleQuoteIsNotAnApostrophe() {
        let t = tokens("Labour is ‘not dead’, he said.")
        #expect(t.map(\.text) == ["Labour", "is", "‘", "not", "dead", "’", ",", "he", "said", "."])
        #expect(t[2].kind == .openQuote && t[5].kind == .closeQuote)
        #expect(t[2].norm == "'" && t[5].norm == "'")
        // A plural possessive keeps its apostrophe when no single quote is open…
        #expect(pieces("the voters’ choice") == ["the", "voters’", "choice"])
        #expect(pieces("the voters' choice") == ["the", "voters'", "choice"])
        // …and closes the quote when one is.
        #expect(pieces("‘for the voters’ sake") == ["‘", "for", "the", "voters", "’", "sake"])
        #expect(pieces("'Labour is dead,' he said") == ["'", "Labour", "is", "dead", ",", "'", "he", "said"])
        #expect(tokens("'Labour is dead,' he said").map(\.kind).first == .openQuote)
    }

    @Test func curlyDoubleQuotes() {
        let t = tokens("“We won,” he said.")
        #expect(t.map(\.text) == ["“", "We", "won", ",", "”", "he", "said", "."])
        #expect(t[0].kind == .openQuote && t[4].kind == .closeQuote)
        #expect(t[0].norm == "\"" && t[4].norm == "\"")
        #expect(tokens("«Oui» „Ja“").map(\.kind) == [.openQuote, .word, .closeQuote, .openQuote, .word, .closeQuote])
    }

    @Test func straightDoubleQuoteDirectionFromContext() {
        let kinds = { (s: String) in tokens(s).filter { $0.norm == "\"" }.map(\.kind) }
        #expect(kinds("\"We won,\" he said.") == [.openQuote, .closeQuote])
        #expect(kinds("He said \"no\".") == [.openQuote, .closeQuote])
        #expect(kinds("(\"yes\")") == [.openQuote, .closeQuote])
        #expect(kinds("He said,\"Go.\"") == [.openQuote, .closeQuote])
        #expect(kinds("a \" b \" c") == [.openQuote, .closeQuote])
        #expect(kinds("—\"Who?\"—") == [.openQuote, .closeQuote])
        #expect(kinds("\"First paragraph.\n\n\"Second paragraph.\"") == [.openQuote, .openQuote, .closeQuote])
    }

    @Test func nestedQuotes() {
        let t = tokens("“He said ‘no’.”")
        #expect(t.map(\.kind) == [.openQuote, .word, .word, .openQuote, .word, .closeQuote, .punctuation, .closeQuote])
    }

    @Test func abbreviations() {
        let text = "Mr. and Mrs. Dr. Sept. Jan. U.S. U.K. No. 10 a.m. p.m. e.g. i.e. Gov. Sen. Rep. St. Jr. etc."
        let t = tokens(text)
        #expect(t.map(\.text) == ["Mr.", "and", "Mrs.", "Dr.", "Sept.", "Jan.", "U.S.", "U.K.", "No.", "10", "a.m.",
                                  "p.m.", "e.g.", "i.e.", "Gov.", "Sen.", "Rep.", "St.", "Jr.", "etc."])
        #expect(t.filter { $0.kind == .abbreviation }.count == 18)
        #expect(t[6].norm == "u.s.")
        #expect(pieces("J. K. Rowling") == ["J.", "K.", "Rowling"])
        #expect(kind(of: "J.", in: "J. K. Rowling") == .abbreviation)
        // "No." is an abbreviation only before a number.
        #expect(pieces("No. Never.") == ["No", ".", "Never", "."])
        // Case matters: "gov." in a domain-ish context is not Gov.
        #expect(pieces("the U.S.-led force") == ["the", "U.S.", "-", "led", "force"])
        #expect(pieces("Washington, D.C., and U.S.A.") == ["Washington", ",", "D.C.", ",", "and", "U.S.A."])
        #expect(pieces("Sen. Tim Kaine (D-Va.) said") == ["Sen.", "Tim", "Kaine", "(", "D-Va", ".", ")", "said"])
    }

    @Test func urlsEmailsHandlesHashtags() {
        let t = tokens("See https://example.com/a?b=1&c=(2). Or www.bbc.co.uk/news, breitbart.com or mail jo.ann+x@news.example.org. @realDonaldTrump #MAGA #1")
        #expect(t.map(\.text) == ["See", "https://example.com/a?b=1&c=(2)", ".", "Or", "www.bbc.co.uk/news", ",",
                                  "breitbart.com", "or", "mail", "jo.ann+x@news.example.org", ".", "@realDonaldTrump",
                                  "#MAGA", "#", "1"])
        #expect(t.map(\.kind) == [.word, .url, .punctuation, .word, .url, .punctuation, .url, .word, .word, .email,
                                  .punctuation, .handle, .hashtag, .punctuation, .number])
        #expect(t[11].norm == "@realdonaldtrump")
        // A sentence running into the next without a space is not a domain.
        #expect(pieces("He left.The end") == ["He", "left", ".", "The", "end"])
        #expect(pieces("(https://x.org/a)") == ["(", "https://x.org/a", ")"])
        #expect(pieces("“http://x.org”") == ["“", "http://x.org", "”"])
    }

    @Test func emojiSequencesAreOneToken() {
        let t = tokens("Vote 🗳️! 👩🏽‍💻 👨‍👩‍👧‍👦🇬🇧🇺🇸 1️⃣ 🏴󠁧󠁢󠁳󠁣󠁴󠁿 ❤️ ☺️ ok👍🏽")
        #expect(t.map(\.text) == ["Vote", "🗳️", "!", "👩🏽‍💻", "👨‍👩‍👧‍👦", "🇬🇧", "🇺🇸", "1️⃣", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "❤️", "☺️", "ok", "👍🏽"])
        #expect(t.filter { $0.kind == .emoji }.count == 10)
    }

    @Test func unicodeLettersMarksAndFormatCharacters() {
        let t = tokens("Café cafe\u{301} ÆRØ Straße \u{200B} zero\u{200B}width soft\u{AD}hyphen")
        #expect(t.map(\.text) == ["Café", "cafe\u{301}", "ÆRØ", "Straße", "\u{200B}", "zero", "\u{200B}", "width",
                                  "soft\u{AD}hyphen"])
        #expect(t[0].norm == "café")
        #expect(t[2].norm == "ærø")
        #expect(t[4].kind == .other)
        #expect(t[8].norm == "softhyphen")
        #expect(pieces("مرحبا بالعالم") == ["مرحبا", "بالعالم"])
        #expect(tokens("ΑΘΗΝΑ")[0].norm == "αθηνα")
        // A combining mark after punctuation stays with it.
        #expect(pieces("\"\u{301}x") == ["\"\u{301}", "x"])
    }

    @Test func normalisesQuotesDashesAndCase() {
        #expect(tokens("DIDN’T")[0].norm == "didn't")
        #expect(tokens("Left‐Wing")[0].norm == "left-wing")
        #expect(tokens("…")[0].norm == "...")
    }

    @Test func benchmarkFunctionRuns() {
        // Not a timing test: only that the function counts words and returns a positive rate.
        #expect(TokenizerBenchmark.wordCount(" one two\nthree ") == 3)
        #expect(TokenizerBenchmark.wordsPerSecond(text: "A short text.", minimumSeconds: 0, minimumRuns: 1) > 0)
    }
}

import Testing
import WhoSaidAnalysis
import WhoSaidCore

/// Texts written to break tokenizers: every one must keep the invariants.
let naughtyStrings: [String] = [
    "",
    " ",
    "\n\n\n",
    " \t \u{A0}\u{2003}\u{3000} ",
    "\r\n\r\nLine one.\r\nLine two.\r\n",
    "Old Mac\rline\u{2028}sep\u{2029}para\u{85}next",
    "Intro 🗳️ text.",
    "👩🏽‍💻👨‍👩‍👧‍👦 🇬🇧🇺🇸 🏴󠁧󠁢󠁳󠁣󠁴󠁿 1️⃣ #️⃣ ☺️ ❤ ©2024™",
    "great👍🏽thanks😀",
    "Café cafe\u{301} naïve, Zoë, Ærø",
    "\u{301}starts with a combining mark; so does \"\u{301}this",
    "NBSP\u{A0}between\u{A0}words and\u{202F}narrow",
    "zero\u{200B}width\u{200B}space, \u{FEFF}BOM, \u{200E}LRM\u{200F}, soft\u{AD}hyphen",
    "مرحبا بالعالم. שלום עולם! \u{202B}embedded RTL\u{202C}",
    "日本語のテキスト。中文文本！",
    "Ελληνικά και русский текст.",
    "हिन्दी पाठ, ZWJ क्‍ष and ZWNJ می‌خواهم",
    "\"\"\"'''‘’“”«»‹›„",
    "''Tis 'twas ' ' \" \" ’’",
    "...... …… . .. ... —— -- --- – - ―",
    "@ # #1 @_ a@b @@x ##y",
    "http:// https://x www. www.x.com. (see https://en.wikipedia.org/wiki/A_(b)).",
    "mail: a.b-c+d@sub.example.co.uk, or x@y.",
    "U.S.A. U.S U. S. e.g.x i.e., a.m.p.m. No. No.10 Mr.Smith",
    "3.5 $1.5 1,000,000 1,00 10:30 9/11 2015–16 2015-16 -5 +7 50% 3rd 1990s '90s ’16",
    "\u{0}\u{1}\u{7F}control\u{1B}chars",
    "\u{E000}private\u{F8FF}use \u{1F3FB} lone modifier \u{FE0F} lone selector \u{200D}",
    "a\u{200D}b \u{200D}\u{200D} \u{20E3}",
    "x" + String(repeating: "\u{301}", count: 50),
    String(repeating: "word ", count: 200),
    String(repeating: "“", count: 20) + String(repeating: "’", count: 20),
    "The “left-wing” ‘rock ’n’ roll’ of the ’90s — didn’t, Labour’s… (J. K. Rowling, Sept. 11, a.m.)",
    "Tab\tseparated\tvalues\u{B}vertical\u{C}formfeed",
]

@Suite struct TokenizerInvariantTests {
    @Test(arguments: naughtyStrings)
    func invariantsHold(_ text: String) {
        #expect(invariantViolations(text) == [])
    }

    @Test func emptyAndBlankTextsHaveNoTokens() {
        #expect(Tokenizer().tokenize("").isEmpty)
        #expect(Tokenizer().tokenize(" \n\t\u{A0}\u{3000}\r\n").isEmpty)
        #expect(SentenceSplitter().split("").isEmpty)
        #expect(SentenceSplitter().split(" \n\n ").isEmpty)
    }

    @Test func invariantsHoldOnEveryPrefixOfATrickyText() {
        // Cutting a text anywhere must not break anything (look-ahead past the end).
        let text = "“He’s ‘not dead’,” said Mr. J. K. O’Brien (U.S. a.m.) at www.x.com/a_(b). 🇬🇧 1️⃣ 3.5 …"
        let scalars = Array(text.unicodeScalars)
        for cut in 0...scalars.count {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[0..<cut])
            #expect(invariantViolations(String(view)) == [], "prefix of length \(cut)")
        }
    }

    @Test func sentencesCoverEveryTokenOnce() {
        for text in naughtyStrings {
            let scalars = Array(text.unicodeScalars)
            let toks = Tokenizer().tokenize(scalars)
            let sents = SentenceSplitter().split(toks, in: scalars)
            var next = 0
            for s in sents {
                #expect(s.tokens.lowerBound == next)
                #expect(!s.tokens.isEmpty)
                #expect(s.range.start == toks[s.tokens.lowerBound].range.start)
                #expect(s.range.end == toks[s.tokens.upperBound - 1].range.end)
                next = s.tokens.upperBound
            }
            #expect(next == toks.count)
        }
    }

    @Test func offsetsAreCodePoints() {
        // The ballot box and its variation selector are two code points (docs/document-format.md).
        let t = Tokenizer().tokenize("Intro 🗳️ text.")
        #expect(t.map(\.range) == [TextRange(start: 0, end: 5), TextRange(start: 6, end: 8),
                                   TextRange(start: 9, end: 13), TextRange(start: 13, end: 14)])
        #expect(t.map(\.kind) == [.word, .emoji, .word, .punctuation])
    }

    @Test func spacingBeforeTokens() {
        let t = Tokenizer().tokenize("A b,\nc\r\n\r\nd\u{2029}e")
        #expect(t.map(\.spaceBefore) == [.none, .space, .none, .lineBreak, .paragraphBreak, .paragraphBreak])
    }
}

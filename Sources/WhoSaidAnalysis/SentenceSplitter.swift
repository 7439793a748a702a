import WhoSaidCore

/// A sentence: its code-point range in the text (from its first token's start to its last token's end)
/// and the indices of its tokens.
public struct Sentence: Sendable, Hashable {
    public var range: TextRange
    public var tokens: Range<Int>

    public init(range: TextRange, tokens: Range<Int>) {
        self.range = range
        self.tokens = tokens
    }
}

/// Splits tokens into sentences.
///
/// A sentence ends:
/// - always at a line break or paragraph break (news text has one paragraph per line or per blank-line
///   block, and headlines, datelines and bylines have no final stop);
/// - at `.`, `!`, `?` or an ellipsis (with any further `.!?…`, closing quotes and closing brackets right
///   after it, which belong to the sentence before) when whitespace follows and the next token starts a
///   sentence: a word starting with a capital letter or a letter of a script without case, a number, an
///   opening quote or an opening bracket. So `“We won,” he said.` is one sentence, and so is
///   `“Why?” she asked.`, because `she` is lower case.
///
/// Abbreviations (tokens of kind ``TokenKind/abbreviation``):
/// - titles, months and `No.` (see ``Abbreviations/neverEndSentence``) never end a sentence:
///   `Mr. Smith`, `Sept. 11`, `No. 10`;
/// - the others (`U.S.`, `a.m.`, `etc.`, `Inc.`, `Jr.`, state abbreviations and initials such as `J.`)
///   end a sentence only when the next token is a capitalised common sentence opener from
///   ``sentenceOpeners`` (`The`, `He`, `But`, `In`, …) and not itself an abbreviation. This is the usual
///   heuristic: `in the U.S. The talks` splits, `the U.S. Senate` and `J. K. Rowling` do not; it misses
///   `in the U.S. Congress met` (one sentence, correctly) but also `… made in the U.S. Senators said`
///   (one sentence, wrongly).
public struct SentenceSplitter: Sendable {
    /// Lower-cased words that, capitalised after an abbreviation that may end a sentence, start a new one.
    public var sentenceOpeners: Set<String>

    /// The default opener list: articles, pronouns, conjunctions, common prepositions and adverbs that
    /// open news sentences.
    public static let defaultSentenceOpeners: Set<String> = [
        "a", "an", "the", "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our",
        "my", "your", "this", "that", "these", "those", "there", "here", "but", "and", "or", "so", "yet",
        "nor", "if", "when", "while", "after", "before", "as", "since", "although", "though", "because",
        "in", "on", "at", "for", "with", "by", "from", "of", "to", "into", "during", "under", "over",
        "still", "however", "meanwhile", "also", "now", "then", "later", "earlier", "instead", "indeed",
        "what", "who", "why", "how", "where", "which", "some", "many", "most", "all", "both", "each",
        "no", "not", "one", "other", "others", "such", "more", "yes", "last", "next", "according",
    ]

    public init(sentenceOpeners: Set<String> = SentenceSplitter.defaultSentenceOpeners) {
        self.sentenceOpeners = sentenceOpeners
    }

    /// Tokenizes `text` and splits it into sentences.
    public func split(_ text: String) -> [Sentence] {
        let scalars = Array(text.unicodeScalars)
        return split(Tokenizer().tokenize(scalars), in: scalars)
    }

    /// Splits the tokens of `scalars` (as made by ``Tokenizer``) into sentences. Every token is in exactly
    /// one sentence; sentences are in order and do not overlap.
    public func split(_ tokens: [Token], in scalars: [Unicode.Scalar]) -> [Sentence] {
        var sentences: [Sentence] = []
        guard !tokens.isEmpty else { return sentences }
        sentences.reserveCapacity(tokens.count / 20 + 1)
        var first = 0
        func close(_ end: Int) {
            guard end > first else { return }
            sentences.append(Sentence(
                range: TextRange(start: tokens[first].range.start, end: tokens[end - 1].range.end),
                tokens: first..<end))
            first = end
        }
        var t = 0
        let count = tokens.count
        while t < count {
            let token = tokens[t]
            if t > first && token.spaceBefore >= .lineBreak { close(t) }
            let ends: Bool
            switch token.kind {
            case .ellipsis: ends = true
            case .punctuation: ends = token.norm == "." || token.norm == "!" || token.norm == "?" || token.norm == ".."
            case .abbreviation: ends = !Abbreviations.neverEndSentence.contains(token.norm)
            default: ends = false
            }
            guard ends else {
                t += 1
                continue
            }
            // Take further stops, closing quotes and closing brackets touching the stop.
            var e = t + 1
            while e < count, tokens[e].spaceBefore == .none, isTrailer(tokens[e]) { e += 1 }
            guard e < count else { break }
            let next = tokens[e]
            if next.spaceBefore == .space {
                let split: Bool
                if token.kind == .abbreviation && e == t + 1 {
                    split = next.kind == .word && startsUpper(next, scalars) && sentenceOpeners.contains(next.norm)
                } else {
                    split = startsSentence(next, scalars)
                }
                if split { close(e) }
            }
            t = e
        }
        close(count)
        return sentences
    }

    private func isTrailer(_ token: Token) -> Bool {
        switch token.kind {
        case .closeQuote, .ellipsis: return true
        case .punctuation:
            switch token.norm {
            case ".", "!", "?", "..", ")", "]", "}": return true
            default: return false
            }
        default: return false
        }
    }

    private func startsUpper(_ token: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        let x = scalars[token.range.start]
        if x.value < 0x80 { return x.value >= 0x41 && x.value <= 0x5A }
        switch x.properties.generalCategory {
        case .uppercaseLetter, .titlecaseLetter, .otherLetter: return true
        default: return false
        }
    }

    private func startsSentence(_ token: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        switch token.kind {
        case .openQuote, .number: return true
        case .word, .abbreviation, .hashtag, .url: return startsUpper(token, scalars)
        case .punctuation: return token.norm == "(" || token.norm == "["
        default: return false
        }
    }
}

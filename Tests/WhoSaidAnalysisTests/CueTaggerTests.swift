import Foundation
import Testing
import WhoSaidCore
@testable import WhoSaidAnalysis

/// The token-level cue tagger: its resource, its decoding and its spans on sentences written for the tests.
@Suite struct CueTaggerTests {
    func spans(_ text: String) -> (spans: [CueTagger.Span], tags: [UInt8], tokens: [Token], text: ScalarText) {
        let scalars = Array(text.unicodeScalars)
        let tokens = Tokenizer().tokenize(scalars)
        let sentences = SentenceSplitter().split(tokens, in: scalars)
        let tagger = CueTagger.shared!
        let lexicon = CueLexicon.candidates
        return (
            tagger.spans(tokens: tokens, scalars: scalars, sentences: sentences, lexicon: lexicon),
            tagger.tag(tokens: tokens, scalars: scalars, sentences: sentences, lexicon: lexicon), tokens, ScalarText(text)
        )
    }

    func cueTexts(_ text: String) -> [String] {
        let r = spans(text)
        return r.spans.map { s in
            r.text[TextRange(start: r.tokens[s.tokens.lowerBound].range.start, end: r.tokens[s.tokens.upperBound - 1].range.end)]
        }
    }

    @Test func bundledTaggerLoads() throws {
        let tagger = try #require(CueTagger.shared)
        #expect(tagger.bits >= 8)
        #expect(tagger.weights.count == (1 << tagger.bits) * 3)
        #expect(tagger.weights.contains { $0 != 0 })
    }

    @Test func readsAndWritesItsTSV() throws {
        var tagger = CueTagger(bits: 8)
        tagger.weights[5 * 3 + 1] = 1.25
        tagger.weights[7 * 3 + 2] = -0.5
        let text = tagger.tsv(header: ["test"])
        let back = try CueTagger(tsv: Data(text.utf8))
        #expect(back.bits == 8)
        #expect(back.weights == tagger.weights)
        #expect(throws: CueTagger.FormatError.self) { try CueTagger(tsv: Data("bits\t8\n1\tx\t2\t3\n".utf8)) }
    }

    @Test func auxiliariesAndAdverbsJoinTheCue() {
        #expect(cueTexts("Ms Arden has repeatedly said that the harbour fees will not rise this year.").contains("has repeatedly said"))
    }

    @Test func commonCues() {
        #expect(cueTexts("The harbour fees will rise next year, according to the port authority.").contains("according to"))
        #expect(cueTexts("“The pier will reopen in June,” Reyes said.").contains("said"))
    }

    @Test func decodingNeverGivesInsideWithoutBegin() {
        let texts = [
            "Ms Arden has repeatedly said that the harbour fees will not rise this year.",
            "“We will reopen the pier by June,” said harbour master Alma Reyes, who added that boats could moor there.",
            "Critics warned against the plan; the council, according to its minutes, believes it will pass. He told reporters: “No.”",
            "said said said according to to to has has has",
        ]
        for text in texts {
            let r = spans(text)
            #expect(r.tags.count == r.tokens.count)
            for (k, t) in r.tags.enumerated() where t == CueTagger.inside {
                #expect(k > 0 && r.tags[k - 1] != CueTagger.outside, "I without B at token \(k) of \(text)")
            }
            for s in r.spans {
                #expect(!s.tokens.isEmpty)
                #expect(s.tokens.lowerBound >= 0 && s.tokens.upperBound <= r.tokens.count)
                #expect(r.tags[s.tokens.lowerBound] == CueTagger.begin)
            }
        }
    }

    @Test func goldTagsFromCodePointSpans() {
        let text = "Ms Arden has repeatedly said that fees rise."
        let tokens = Tokenizer().tokenize(text)
        let tags = CueTagger.goldTags(tokens: tokens, cueSpans: [9..<28])
        #expect(tags == [0, 0, 1, 2, 2, 0, 0, 0, 0])
    }

    @Test func emptyInput() {
        #expect(spans("").spans.isEmpty)
    }
}

// Trains the token-level cue tagger (Resources/cue-tagger.tsv) on PolNeAR train and reports its cue
// spans against dev's (exact offsets, as the scorer's cue_exact compares them). Run by
// scripts/train-cue-tagger.
import Foundation
import WhoSaidAnalysis
import WhoSaidCore

/// Cue fragments merged as the scorer merges them (touching, or separated by whitespace only).
func mergedCueSpans(_ g: GoldAttribution, _ scalars: [Unicode.Scalar]) -> [Range<Int>] {
    var out: [Range<Int>] = []
    for r in g.cueSpans.sorted(by: { $0.lowerBound < $1.lowerBound }) where !r.isEmpty {
        if let last = out.last, r.lowerBound <= last.upperBound
            || scalars[last.upperBound..<r.lowerBound].allSatisfy({ $0.properties.isWhitespace })
        {
            out[out.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
        } else {
            out.append(r)
        }
    }
    return out
}

func taggerExamples(_ articles: [Article]) -> [CueTagger.Example] {
    articles.map { a in
        let tokens = Tokenizer().tokenize(a.scalars)
        let sentences = SentenceSplitter().split(tokens, in: a.scalars)
        let spans = a.gold.flatMap { mergedCueSpans($0, a.scalars) }
        return CueTagger.Example(
            tokens: tokens, scalars: a.scalars, sentences: sentences, gold: CueTagger.goldTags(tokens: tokens, cueSpans: spans))
    }
}

/// Exact-span precision, recall and F1 of the tagger's cue spans against the gold ones.
func taggerScore(_ tagger: CueTagger, _ examples: [CueTagger.Example], _ articles: [Article], lexicon: CueLexicon,
    minMargin: Float = -.infinity) -> (Double, Double, Double)
{
    var tp = 0, pred = 0, gold = 0
    for (e, a) in zip(examples, articles) {
        let g = Set(a.gold.flatMap { mergedCueSpans($0, a.scalars) }.map { [$0.lowerBound, $0.upperBound] })
        let p = Set(
            tagger.spans(tokens: e.tokens, scalars: e.scalars, sentences: e.sentences, lexicon: lexicon)
                .filter { $0.margin >= minMargin }
                .map { [e.tokens[$0.tokens.lowerBound].range.start, e.tokens[$0.tokens.upperBound - 1].range.end] })
        tp += g.intersection(p).count
        pred += p.count
        gold += g.count
    }
    return Counts.f1(tp, pred, tp, gold)
}

func trainCueTagger(train: [Article], dev: [Article], lexicon: CueLexicon, out: String, epochs: Int, bits: Int) throws {
    let trainExamples = taggerExamples(train)
    let devExamples = taggerExamples(dev)
    let start = Date()
    let tagger = CueTagger.train(trainExamples, lexicon: lexicon, bits: bits, epochs: epochs) { epoch, error in
        print(String(format: "epoch %2d  token error %.4f", epoch, error))
    }
    print(String(format: "trained in %.1f s", Date().timeIntervalSince(start)))
    var confusion = [[Int]](repeating: [0, 0, 0], count: 3)
    for e in devExamples {
        let tags = tagger.tag(tokens: e.tokens, scalars: e.scalars, sentences: e.sentences, lexicon: lexicon)
        for (g, t) in zip(e.gold, tags) { confusion[Int(g)][Int(t)] += 1 }
    }
    print("dev tokens, gold O/B/I by tagged O/B/I: \(confusion)")
    let d = taggerScore(tagger, devExamples, dev, lexicon: lexicon)
    print(String(format: "dev cue spans (exact): P %.3f R %.3f F1 %.3f", d.0, d.1, d.2))
    let header = [
        "Cue tagger for WhoSaid's QuoteAttributor: averaged perceptron weights (O, B, I) over hashed features.",
        "Trained by scripts/train-cue-tagger on PolNeAR v1.0 train (\(train.count) articles, \(epochs) epochs).",
        String(format: "Dev cue spans, exact: P %.3f R %.3f F1 %.3f. Derived data: weights only, no text.", d.0, d.1, d.2),
    ]
    let text = tagger.tsv(header: header)
    try text.write(toFile: out, atomically: true, encoding: .utf8)
    print("wrote \(text.split(separator: "\n").count - header.count - 2) weight rows (\(text.utf8.count / 1024) KB) to \(out)")
}

// whosaid-train: trains the attribution model (Resources/attribution-model.tsv) on PolNeAR's train
// split and picks its threshold on the dev split. Run by scripts/train-attribution.
//
//   whosaid-train --polnear DIR --out FILE [--epochs N]
//
// Every candidate attribution the rules propose on a train article is labelled by the benchmark
// scorer's own rule (its content tokens lie at least half inside an annotated content, and its speaker
// shares a token with that attribution's source), and a logistic model is fitted to those labels by
// stochastic gradient descent in a fixed order, so the same data gives the same file.
import Foundation
import WhoSaidAnalysis
import WhoSaidCore

struct Options {
    var polnear = "../shared/polnear"
    var out = "Sources/WhoSaidAnalysis/Resources/attribution-model.tsv"
    var stemsOut = "Sources/WhoSaidAnalysis/Resources/cue-stems.tsv"
    var epochs = 6
    var minCount = 2
    var l2 = 1e-6
    var average = true
    var runs = 3
    /// Prints the candidates of these dev articles with the bundled model's scores, and stops.
    var explain: [String] = []
    /// Trains the cue tagger instead of the attribution model (scripts/train-cue-tagger).
    var cueTagger = false
    var taggerOut = "Sources/WhoSaidAnalysis/Resources/cue-tagger.tsv"
    var bits = 18
    /// Train candidates see the tags of a tagger trained on the other folds (0: the bundled tagger).
    var folds = 5
    var taggerEpochs = 5

    init(_ args: [String]) {
        var i = 1
        while i < args.count {
            let value = i + 1 < args.count ? args[i + 1] : ""
            switch args[i] {
            case "--polnear": polnear = value; i += 1
            case "--out": out = value; i += 1
            case "--stems-out": stemsOut = value; i += 1
            case "--epochs": epochs = Int(value) ?? epochs; i += 1
            case "--min-count": minCount = Int(value) ?? minCount; i += 1
            case "--l2": l2 = Double(value) ?? l2; i += 1
            case "--no-average": average = false
            case "--runs": runs = max(1, Int(value) ?? runs); i += 1
            case "--explain": explain.append(value); i += 1
            case "--cue-tagger": cueTagger = true
            case "--tagger-out": taggerOut = value; i += 1
            case "--bits": bits = Int(value) ?? bits; i += 1
            case "--tagger-epochs": taggerEpochs = Int(value) ?? taggerEpochs; i += 1
            case "--folds": folds = max(0, Int(value) ?? folds); i += 1
            default:
                FileHandle.standardError.write(Data("usage: whosaid-train [--polnear DIR] [--out FILE] [--epochs N] [--runs N] [--no-average] [--min-count N] [--l2 X] [--folds N] [--tagger-epochs N] | --cue-tagger [--tagger-out FILE] [--tagger-epochs N] [--bits N]\n".utf8))
                exit(2)
            }
            i += 1
        }
    }
}

/// One annotated attribution, as token sets of the scorer's `\w+` tokens.
struct GoldAttribution {
    var content: Set<Int>
    var source: Set<Int>
    var direct: Bool
    /// Code-point ranges, for the cue statistics.
    var cueSpans: [Range<Int>] = []
    var sourceSpans: [Range<Int>] = []
}

struct Article {
    var id: String
    var text: String
    var scalars: [Unicode.Scalar]
    /// The scorer's tokens: maximal runs of word characters, as code-point ranges.
    var words: [Range<Int>]
    var gold: [GoldAttribution]

    /// Indices of the word tokens lying wholly inside the union of `spans`.
    func inside(_ spans: [Range<Int>]) -> Set<Int> {
        var out = Set<Int>()
        for span in spans {
            var lo = 0
            var hi = words.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if words[mid].lowerBound < span.lowerBound { lo = mid + 1 } else { hi = mid }
            }
            var k = lo
            while k < words.count, words[k].upperBound <= span.upperBound {
                out.insert(k)
                k += 1
            }
        }
        return out
    }
}

func isWordScalar(_ s: Unicode.Scalar) -> Bool {
    s == "_" || s.properties.isAlphabetic || s.properties.numericType != nil
}

func loadSplit(_ path: String) throws -> [Article] {
    let data = try String(contentsOfFile: path, encoding: .utf8)
    var articles: [Article] = []
    for line in data.split(separator: "\n") {
        guard let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
            let id = obj["id"] as? String, let text = obj["text"] as? String,
            let atts = obj["attributions"] as? [[String: Any]]
        else { continue }
        let scalars = Array(text.unicodeScalars)
        var words: [Range<Int>] = []
        var i = 0
        while i < scalars.count {
            if isWordScalar(scalars[i]) {
                let s = i
                while i < scalars.count, isWordScalar(scalars[i]) { i += 1 }
                words.append(s..<i)
            } else {
                i += 1
            }
        }
        var article = Article(id: id, text: text, scalars: scalars, words: words, gold: [])
        func spans(_ any: Any?) -> [Range<Int>] {
            ((any as? [[Int]]) ?? []).compactMap {
                $0.count == 2 && 0 <= $0[0] && $0[0] <= $0[1] && $0[1] <= scalars.count ? $0[0]..<$0[1] : nil
            }
        }
        if let bad = atts.first(where: { a in ["content", "source", "cue"].contains { (a[$0] as? [[Int]])?.count != spans(a[$0]).count } }) {
            FileHandle.standardError.write(Data("whosaid-train: \(id): span out of the text (\(scalars.count) code points): \(bad)\n".utf8))
        }
        for a in atts {
            let content = spans(a["content"])
            let direct = content.contains { r in
                let s = String(String.UnicodeScalarView(scalars[r]))
                return s.contains("\"") || s.contains("\u{201C}") || s.contains("\u{201D}") || s.contains("''")
            }
            article.gold.append(
                GoldAttribution(
                    content: article.inside(content), source: article.inside(spans(a["source"])), direct: direct,
                    cueSpans: spans(a["cue"]), sourceSpans: spans(a["source"])))
        }
        articles.append(article)
    }
    return articles
}

/// A quote's content and speaker as the scorer's token sets.
func tokenSets(_ q: Quote, in a: Article) -> (content: Set<Int>, speaker: Set<Int>) {
    let content = a.inside(q.content.map { $0.start..<$0.end })
    let speaker = q.speaker?.span.map { a.inside([$0.start..<$0.end]) } ?? []
    return (content, speaker)
}

func contentMatch(_ pc: Set<Int>, _ g: GoldAttribution) -> Bool {
    Double(g.content.intersection(pc).count) >= 0.5 * Double(pc.count)
}

func speakerOK(_ ps: Set<Int>, _ g: GoldAttribution) -> Bool { g.source.isEmpty || !g.source.isDisjoint(with: ps) }

/// The scorer's attribution-level and direct-quote counts for one article.
struct Counts {
    var attrTP = 0, attrPred = 0, attrFound = 0, attrGold = 0
    var directTP = 0, directPred = 0, directFound = 0, directGold = 0

    mutating func add(_ quotes: [Quote], _ a: Article) {
        let golds = a.gold.filter { !$0.content.isEmpty }
        let preds = quotes.map { tokenSets($0, in: a) }.filter { !$0.content.isEmpty }
        func correct(_ p: (content: Set<Int>, speaker: Set<Int>), _ gs: [GoldAttribution]) -> Bool {
            gs.contains { contentMatch(p.content, $0) && speakerOK(p.speaker, $0) }
        }
        func found(_ g: GoldAttribution) -> Bool {
            preds.contains {
                Double(g.content.intersection($0.content).count) >= 0.5 * Double(g.content.count) && speakerOK($0.speaker, g)
            }
        }
        attrPred += preds.count
        attrTP += preds.filter { correct($0, golds) }.count
        attrGold += golds.count
        attrFound += golds.filter(found).count
        let direct = golds.filter(\.direct)
        let indirect = golds.filter { !$0.direct }
        for p in preds {
            if correct(p, direct) {
                directTP += 1
                directPred += 1
            } else if correct(p, indirect)
                || (indirect.contains { contentMatch(p.content, $0) } && !direct.contains { contentMatch(p.content, $0) })
            {
                continue
            } else {
                directPred += 1
            }
        }
        directGold += direct.count
        directFound += direct.filter(found).count
    }

    static func f1(_ tp: Int, _ pred: Int, _ found: Int, _ gold: Int) -> (Double, Double, Double) {
        let p = pred > 0 ? Double(tp) / Double(pred) : 0
        let r = gold > 0 ? Double(found) / Double(gold) : 0
        return (p, r, p + r > 0 ? 2 * p * r / (p + r) : 0)
    }
    var attr: (Double, Double, Double) { Self.f1(attrTP, attrPred, attrFound, attrGold) }
    var direct: (Double, Double, Double) { Self.f1(directTP, directPred, directFound, directGold) }
}

struct Analysed {
    var tokens: [Token]
    var sentences: [Sentence]
}

func analyse(_ a: Article) -> Analysed {
    let tokens = Tokenizer().tokenize(a.scalars)
    return Analysed(tokens: tokens, sentences: SentenceSplitter().split(tokens, in: a.scalars))
}

// MARK: Training

let options = Options(CommandLine.arguments)
let train = try loadSplit(options.polnear + "/train/gold.jsonl")
let dev = try loadSplit(options.polnear + "/dev/gold.jsonl")
guard !train.isEmpty, !dev.isEmpty else {
    FileHandle.standardError.write(Data("whosaid-train: no articles under \(options.polnear)/{train,dev}/gold.jsonl\n".utf8))
    exit(1)
}

if options.cueTagger {
    try trainCueTagger(
        train: train, dev: dev, lexicon: CueLexicon.candidates, out: options.taggerOut, epochs: options.taggerEpochs, bits: options.bits)
    exit(0)
}

// MARK: Cue stems

/// Stems of the heads of annotated cue spans (`warned` in `has warned against`), with how often a word
/// of that stem is a cue head in train: the fallback for cue forms never seen twice.
func cueStems(_ articles: [Article]) -> String {
    struct Stat { var cues = 0, after = 0, quote = 0, occurrences = 0; var heads: [String: Int] = [:] }
    var stats: [String: Stat] = [:]
    var analysed: [[Token]] = []
    for a in articles {
        let tokens = Tokenizer().tokenize(a.scalars)
        analysed.append(tokens)
        var seen = Set<Int>()
        for g in a.gold {
            guard let first = g.cueSpans.map(\.lowerBound).min(), let last = g.cueSpans.map(\.upperBound).max() else { continue }
            let inCue = tokens.indices.filter { k in
                g.cueSpans.contains { $0.lowerBound <= tokens[k].range.start && tokens[k].range.end <= $0.upperBound }
            }
            guard let h = CueLexicon.head(inCue.map { tokens[$0].norm }) else { continue }
            let head = inCue[h]
            guard tokens[head].kind == .word, !StopWords.english.contains(tokens[head].norm), seen.insert(head).inserted else { continue }
            let stem = CueLexicon.stem(tokens[head].norm)
            stats[stem, default: Stat()].cues += 1
            stats[stem]!.heads[tokens[head].norm, default: 0] += 1
            if let s = g.sourceSpans.map(\.lowerBound).min(), s >= last || s > first { stats[stem]!.after += 1 }
            if g.direct { stats[stem]!.quote += 1 }
        }
    }
    for tokens in analysed {
        for t in tokens where t.kind == .word && !StopWords.english.contains(t.norm) {
            let stem = CueLexicon.stem(t.norm)
            if stats[stem] != nil { stats[stem]!.occurrences += 1 }
        }
    }
    var out = "# Cue stems learned from PolNeAR v1.0 train (\(articles.count) articles) by scripts/train-attribution:\n"
    out += "# the heads of annotated cue spans by stem (CueLexicon.stem), counts and shares only, no text.\n"
    out += CueLexicon.stemColumns.joined(separator: "\t") + "\n"
    for (stem, st) in stats.sorted(by: { ($0.value.cues, $1.key) > ($1.value.cues, $0.key) }) where st.cues >= 2 {
        let head = st.heads.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key
        let n = Double(st.cues)
        out += [stem, head, "\(st.cues)", "\(st.occurrences)",
                String(format: "%.3f", st.occurrences > 0 ? n / Double(st.occurrences) : 0),
                String(format: "%.3f", Double(st.after) / n), String(format: "%.3f", Double(st.quote) / n)]
            .joined(separator: "\t") + "\n"
    }
    return out
}

var lexicon = CueLexicon.candidates
if options.explain.isEmpty {
    let stemsText = cueStems(train)
    try stemsText.write(toFile: options.stemsOut, atomically: true, encoding: .utf8)
    lexicon.stems = CueLexicon.readStems(stemsText, minimumCount: 2, minimumPrecision: CueLexicon.stemMinimumPrecision)
    print("wrote \(lexicon.stems.count) cue stems (of \(stemsText.split(separator: "\n").count - 3)) to \(options.stemsOut)")
}
let proposer = QuoteAttributor(lexicon: lexicon, model: nil)
if !options.explain.isEmpty, let model = AttributionModel.shared {
    var chosen = dev.filter { a in options.explain.contains(where: { a.id.hasPrefix($0) }) }
    for path in options.explain where FileManager.default.fileExists(atPath: path) {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let scalars = Array(text.unicodeScalars)
        chosen.append(Article(id: path, text: text, scalars: scalars, words: [], gold: []))
    }
    for a in chosen {
        let an = analyse(a)
        let text = ScalarText(a.text)
        for c in proposer.candidates(scalars: a.scalars, tokens: an.tokens, sentences: an.sentences) {
            let p = model.probability(c.features)
            let (pc, ps) = tokenSets(c.quote, in: a)
            let ok = a.gold.contains { contentMatch(pc, $0) && speakerOK(ps, $0) }
            print(String(format: "%.2f %@ ", p, ok ? "OK " : "-- "), terminator: "")
            print("S[\(c.quote.speaker?.span.map { text[$0] } ?? "")] C[\(c.quote.cue.map { text[$0] } ?? "")] T[\(c.quote.content.map { text[$0] }.joined(separator: " | ").prefix(100))]")
            let weighed = c.features.map { ($0, model.weights[$0] ?? 0) }.sorted { abs($0.1) > abs($1.1) }
            print("      " + weighed.prefix(8).map { String(format: "%@ %+.2f", $0.0, $0.1) }.joined(separator: ", "))
        }
    }
    exit(0)
}
// The cue tagger's tags on a train article come from a tagger trained on the other folds (jackknife), so
// that the model learns how far to trust tags on text the tagger has not seen.
var foldProposers: [QuoteAttributor] = []
if options.folds > 1, CueTagger.shared != nil {
    let taggerExamples = taggerExamples(train)
    for k in 0..<options.folds {
        let rest = taggerExamples.indices.filter { $0 % options.folds != k }.map { taggerExamples[$0] }
        let tagger = CueTagger.train(rest, lexicon: lexicon, bits: CueTagger.shared!.bits, epochs: options.taggerEpochs)
        foldProposers.append(QuoteAttributor(lexicon: lexicon, model: nil, tagger: tagger))
    }
    print("trained \(options.folds) fold cue taggers for the train candidates")
}
var examples: [(features: [String], label: Bool)] = []
for (n, a) in train.enumerated() {
    let an = analyse(a)
    let proposer = foldProposers.isEmpty ? proposer : foldProposers[n % foldProposers.count]
    for c in proposer.candidates(scalars: a.scalars, tokens: an.tokens, sentences: an.sentences) {
        let (pc, ps) = tokenSets(c.quote, in: a)
        guard !pc.isEmpty else { continue }
        let label = a.gold.contains { contentMatch(pc, $0) && speakerOK(ps, $0) }
        examples.append((c.features, label))
    }
}
let positives = examples.filter(\.label).count
print("train: \(train.count) articles, \(examples.count) candidates, \(positives) correct")

// Features seen fewer than minCount times are dropped.
var counts: [String: Int] = [:]
for e in examples { for f in e.features { counts[f, default: 0] += 1 } }
var index: [String: Int] = [:]
var names: [String] = []
for (f, n) in counts.sorted(by: { $0.key < $1.key }) where n >= options.minCount {
    index[f] = names.count
    names.append(f)
}
let encoded = examples.map { e in (e.features.compactMap { index[$0] }, e.label ? 1.0 : 0.0) }

/// One run of stochastic gradient descent from zero, examples shuffled per epoch by xorshift from `seed`.
/// Averaged SGD: the weights returned are the mean of the weights after every example (kept lazily as
/// `w - u / steps`), which varies much less with the order of examples than the last iterate.
@MainActor func fit(seed: UInt64) -> [Double] {
    var w = [Double](repeating: 0, count: names.count)
    var u = [Double](repeating: 0, count: names.count)
    var steps = 1.0
    var order = Array(encoded.indices)
    var rng = seed
    let l2 = options.l2
    for epoch in 0..<options.epochs {
        for i in stride(from: order.count - 1, to: 0, by: -1) {
            rng ^= rng << 13
            rng ^= rng >> 7
            rng ^= rng << 17
            order.swapAt(i, Int(rng % UInt64(i + 1)))
        }
        let rate = 0.2 / (1 + Double(epoch))
        var loss = 0.0
        for k in order {
            let (fs, y) = encoded[k]
            var z = 0.0
            for f in fs { z += w[f] }
            let p = 1 / (1 + exp(-z))
            loss -= y > 0 ? log(max(p, 1e-12)) : log(max(1 - p, 1e-12))
            let g = p - y
            for f in fs {
                let delta = rate * (g + l2 * w[f])
                w[f] -= delta
                u[f] -= steps * delta
            }
            steps += 1
        }
        print(String(format: "epoch %2d  log loss %.4f", epoch + 1, loss / Double(encoded.count)))
    }
    if options.average { for i in w.indices { w[i] -= u[i] / steps } }
    return w
}

// Several runs with different (fixed) shuffles, their weights averaged: less dependence on the order.
var w = [Double](repeating: 0, count: names.count)
for run in 0..<options.runs {
    let seed: UInt64 = 0x9E37_79B9_7F4A_7C15 &+ UInt64(run) &* 0xBF58_476D_1CE4_E5B9
    let wr = fit(seed: seed)
    for i in w.indices { w[i] += wr[i] / Double(options.runs) }
}

var weights: [String: Double] = [:]
for (i, name) in names.enumerated() where abs(w[i]) >= 1e-4 { weights[name] = w[i] }

// MARK: Threshold, on dev

let devAnalysed = dev.map(analyse)
// The ceiling the rules set: annotated attributions some candidate would find, before any judging.
var ceiling = Counts()
for (a, an) in zip(dev, devAnalysed) {
    ceiling.add(proposer.candidates(scalars: a.scalars, tokens: an.tokens, sentences: an.sentences).map(\.quote), a)
}
if ProcessInfo.processInfo.environment["WHOSAID_TRAIN_MISSES"] != nil {
    for (a, an) in zip(dev, devAnalysed) {
        let text = ScalarText(a.text)
        let cands = proposer.candidates(scalars: a.scalars, tokens: an.tokens, sentences: an.sentences)
        let sets = cands.map { tokenSets($0.quote, in: a) }
        for g in a.gold where !g.content.isEmpty {
            let found = sets.contains { Double(g.content.intersection($0.content).count) >= 0.5 * Double(g.content.count) && speakerOK($0.speaker, g) }
            if found { continue }
            let w = { (s: Set<Int>) in s.sorted().map { text[TextRange(start: a.words[$0].lowerBound, end: a.words[$0].upperBound)] }.joined(separator: " ") }
            let near = zip(cands, sets).first { !$0.1.content.isDisjoint(with: g.content) }
            print("MISS S[\(w(g.source))] C[\(String(w(g.content).prefix(90)))]")
            if let (c, _) = near {
                print("   CAND S[\(c.quote.speaker?.span.map { text[$0] } ?? "")] C[\(c.quote.cue.map { text[$0] } ?? "")] T[\(c.quote.content.map { text[$0] }.joined(separator: " | ").prefix(90))]")
            }
        }
    }
}
if let path = ProcessInfo.processInfo.environment["WHOSAID_TRAIN_DUMP"] {
    // Every dev candidate with its score, in the scorer's prediction format (for analysis).
    var lines: [String] = []
    let scorer = AttributionModel(weights: weights, threshold: 0, quoteThreshold: 0)
    for (a, an) in zip(dev, devAnalysed) {
        var quotes: [[String: Any]] = []
        for c in proposer.candidates(scalars: a.scalars, tokens: an.tokens, sentences: an.sentences) {
            func span(_ r: TextRange) -> [String: Any] { ["start": r.start, "end": r.end] }
            quotes.append([
                "speaker": c.quote.speaker?.span.map { ["name": "", "span": span($0)] } ?? NSNull(),
                "cue": c.quote.cue.map(span) ?? NSNull(), "content": c.quote.content.map(span),
                "score": scorer.probability(c.features), "kind": c.quote.kind.rawValue,
            ])
        }
        let obj: [String: Any] = ["id": a.id, "text": a.text, "quotes": quotes]
        lines.append(String(decoding: try JSONSerialization.data(withJSONObject: obj), as: UTF8.self))
    }
    try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
}
print(String(format: "dev: candidates find %d of %d attributions (recall ceiling %.3f)", ceiling.attrFound, ceiling.attrGold,
    ceiling.attr.1))
/// attr and direct P / R / F1 on dev with these thresholds. Thresholds are chosen by attr F1 × direct F1,
/// which, unlike their sum, does not trade one for the other at equal rates.
@MainActor func devScore(_ t: Double, _ tq: Double, _ tm: Double) -> (attr: (Double, Double, Double), direct: (Double, Double, Double)) {
    let attributor = QuoteAttributor(
        lexicon: lexicon, model: AttributionModel(weights: weights, threshold: t, quoteThreshold: tq, mixedThreshold: tm))
    var c = Counts()
    for (a, an) in zip(dev, devAnalysed) {
        c.add(attributor.attribute(scalars: a.scalars, tokens: an.tokens, sentences: an.sentences), a)
    }
    return (c.attr, c.direct)
}
func line(_ label: String, _ r: (attr: (Double, Double, Double), direct: (Double, Double, Double))) -> String {
    label + String(format: "    %.3f / %.3f / %.3f    %.3f / %.3f / %.3f", r.attr.0, r.attr.1, r.attr.2, r.direct.0, r.direct.1, r.direct.2)
}
// Reported and quoted thresholds over a grid (mixed = reported), then the mixed one with those fixed.
var best = (threshold: 0.5, quote: 0.5, mixed: 0.5, score: -1.0)
print("reported  quoted  attr P / R / F1          direct P / R / F1")
for step in 4...16 {
    for quoteStep in 4...16 {
        let t = Double(step) * 0.05
        let tq = Double(quoteStep) * 0.05
        let r = devScore(t, tq, t)
        if step % 2 == 0 && quoteStep % 2 == 0 { print(line(String(format: "%.2f      %.2f", t, tq), r)) }
        if r.attr.2 * r.direct.2 > best.score { best = (t, tq, t, r.attr.2 * r.direct.2) }
    }
}
print("mixed (reported \(best.threshold), quoted \(best.quote))")
for mixedStep in 2...18 {
    let tm = Double(mixedStep) * 0.05
    let r = devScore(best.threshold, best.quote, tm)
    print(line(String(format: "%.2f          ", tm), r))
    if r.attr.2 * r.direct.2 > best.score + 1e-9 { best = (best.threshold, best.quote, tm, r.attr.2 * r.direct.2) }
}
print("reported (quoted \(best.quote), mixed \(best.mixed))")
for step in 4...16 {
    let t = Double(step) * 0.05
    let r = devScore(t, best.quote, best.mixed)
    print(line(String(format: "%.2f          ", t), r))
    if r.attr.2 * r.direct.2 > best.score + 1e-9 { best = (t, best.quote, best.mixed, r.attr.2 * r.direct.2) }
}
print(String(format: "chosen thresholds: reported %.2f, quoted %.2f, mixed %.2f (attr F1 × direct F1 = %.4f)", best.threshold, best.quote,
    best.mixed, best.score))

let model = AttributionModel(weights: weights, threshold: best.threshold, quoteThreshold: best.quote, mixedThreshold: best.mixed)
let header = [
    "Attribution model for WhoSaid's QuoteAttributor: logistic weights over candidate features.",
    "Trained by scripts/train-attribution (whosaid-train) on PolNeAR v1.0 train (\(train.count) articles,",
    "\(examples.count) candidates, \(positives) correct); threshold chosen on dev. Derived data: weights only, no text.",
]
try model.tsv(header: header).write(toFile: options.out, atomically: true, encoding: .utf8)
print("wrote \(weights.count) weights to \(options.out)")

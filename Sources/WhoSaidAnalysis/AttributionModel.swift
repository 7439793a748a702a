import Foundation

/// A logistic model that judges one candidate attribution in context: the cue form and the words
/// around it, the shape of its source and content. Trained on PolNeAR's train split by
/// `scripts/train-attribution` (the `whosaid-train` tool) and kept in `Resources/attribution-model.tsv`.
///
/// The rules in ``QuoteAttributor`` propose; the model accepts a candidate when its probability
/// reaches ``threshold``, so ambiguous cue forms (`called`, `asked`, `show`) count only where the
/// context makes them attributions.
public struct AttributionModel: Sendable {
    public var weights: [String: Double] {
        didSet { table = StringTable(weights) }
    }
    /// The weights again, for quick lookups by feature name (``probability(_:)``).
    private var table: StringTable<Double>
    /// Reported-speech candidates scoring at least this are kept.
    public var threshold: Double
    /// Candidates whose content is a quotation scoring at least this are kept.
    public var quoteThreshold: Double
    /// Reported-speech candidates holding quoted words (mixed quotes, `said the plan was “dead”`)
    /// scoring at least this are kept. The scorer's direct-quote figures count them, so they get a
    /// threshold of their own.
    public var mixedThreshold: Double

    public init(weights: [String: Double], threshold: Double, quoteThreshold: Double, mixedThreshold: Double? = nil) {
        self.weights = weights
        self.table = StringTable(weights)
        self.threshold = threshold
        self.quoteThreshold = quoteThreshold
        self.mixedThreshold = mixedThreshold ?? threshold
    }

    public func probability(_ features: [String]) -> Double {
        var z = 0.0
        table.forEachValue(features) { z += $0 ?? 0 }
        return 1 / (1 + exp(-z))
    }

    /// The bundled model, or nil when the resource is missing or unreadable (the attributor then
    /// falls back to the lexicon's precise forms).
    public static let shared: AttributionModel? = {
        guard
            let url = BundledResource.url("attribution-model", "tsv"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return nil }
        return try? AttributionModel(tsv: text)
    }()

    public struct FormatError: Error, CustomStringConvertible {
        public var line: Int
        public var description: String { "attribution model: unreadable line \(line)" }
    }

    /// Reads the TSV form: `#` comments, `threshold<TAB>value`, `quote_threshold<TAB>value` and
    /// `mixed_threshold<TAB>value` (the reported threshold when absent), then
    /// `feature<TAB>weight` lines.
    public init(tsv text: String) throws {
        var weights: [String: Double] = [:]
        var threshold = 0.5
        var quoteThreshold = 0.5
        var mixedThreshold: Double?
        var text = text
        // One pass over the UTF-8 bytes (the file holds some 50,000 weights; loading must stay quick).
        try text.withUTF8 { bytes in
            weights.reserveCapacity(bytes.count / 24)
            try BundledResource.forEachLine(bytes) { n, line in
                let (start, end) = (line.lowerBound, line.upperBound)
                var tab = end - 1
                while tab > start, bytes[tab] != 9 { tab -= 1 }
                guard tab > start, let value = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[(tab + 1)..<end]), as: UTF8.self))
                else { throw FormatError(line: n) }
                let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<tab]), as: UTF8.self)
                switch name {
                case "threshold": threshold = value
                case "quote_threshold": quoteThreshold = value
                case "mixed_threshold": mixedThreshold = value
                default: weights[name] = value
                }
            }
        }
        self.init(weights: weights, threshold: threshold, quoteThreshold: quoteThreshold, mixedThreshold: mixedThreshold)
    }

    /// The TSV form, features sorted, with a header saying what made it.
    public func tsv(header: [String]) -> String {
        var out = header.map { "# " + $0 + "\n" }.joined()
        out += "threshold\t\(threshold)\nquote_threshold\t\(quoteThreshold)\nmixed_threshold\t\(mixedThreshold)\n"
        for (name, w) in weights.sorted(by: { $0.key < $1.key }) {
            out += "\(name)\t\(String(format: "%.5f", w))\n"
        }
        return out
    }
}

extension QuoteAttributor {
    /// What the model sees of a candidate. Names are short and stable: they are the model file's keys.
    func features(_ f: Found, _ ctx: Context) -> [String] {
        let lo = ctx.sentences[f.sentence].tokens.lowerBound
        let hi = ctx.sentences[f.sentence].tokens.upperBound
        func word(_ i: Int) -> String { i < lo ? "<s>" : i >= hi ? "</s>" : ctx.norms[i] }
        func shape(_ i: Int) -> String {
            if i < lo { return "start" }
            if i >= hi { return "end" }
            let t = ctx.tokens[i]
            switch t.kind {
            case .openQuote, .closeQuote: return "quote"
            case .punctuation, .dash: return ctx.norms[i]
            case .number: return "num"
            default:
                if Self.pronouns.contains(ctx.norms[i]) { return "pron" }
                if StopWords.english.contains(ctx.norms[i]) { return "fn" }
                return isCapitalised(i, ctx) ? "cap" : "low"
            }
        }
        let form = f.form.tokens.joined(separator: " ")
        let key = f.form.key.isEmpty ? form : f.form.key
        let c0 = f.cue.lowerBound
        let c1 = f.cue.upperBound
        let p1 = word(c0 - 1)
        let n1 = word(c1)
        // Each name is built in one interpolation (one allocation at most; a chain of `+` makes one
        // for every step past fifteen bytes), into an array sized for all of them.
        let n1s = shape(c1)
        var out: [String] = []
        out.reserveCapacity(64)
        out += [
            "bias", "form=\(form)", "key=\(key)", "prec=\(Int(f.form.precision * 10))",
            "lexafter=\(Int(f.form.sourceAfter * 4))", "lexquote=\(Int(f.form.contentQuote * 4))",
            "p1=\(p1)", "p2=\(word(c0 - 2))", "n1=\(n1)", "n2=\(word(c1 + 1))",
            "key|p1=\(key)|\(p1)", "key|n1=\(key)|\(n1)",
            "p1s=\(shape(c0 - 1))", "n1s=\(n1s)", "key|n1s=\(key)|\(n1s)",
            "cuecap=\(isCapitalised(c0, ctx))", "cuelen=\(min(f.form.tokens.count, 4))",
            "stem=\(f.form.stem)", "fallback=\(f.form.key.hasPrefix("~"))",
        ]
        // The source.
        var source = "none"
        if let s = f.source {
            let first = ctx.norms[s.lowerBound]
            if s.count == 1, Self.pronouns.contains(first) {
                source = "pron"
            } else if s.count == 1, Self.relatives.contains(first) {
                source = "rel"
            } else if s.contains(where: { isCapitalised($0, ctx) }) {
                source = "cap"
            } else if Self.determiners.contains(first) {
                source = "det"
            } else {
                source = "low"
            }
            out.append("srclen=\(min(s.count, 6))")
            out.append("srchead=\(ctx.norms[s.upperBound - 1])")
            out.append("srcfirst=\(first)")
            out.append("presrc=\(shape(s.lowerBound - 1))")
        }
        let side = f.sourceAfter ? "after" : "before"
        let content = f.shape.rawValue
        out += [
            "src=\(source)", "srcside=\(side)", "key|src=\(key)|\(source)|\(side)",
            "content=\(content)", "key|content=\(key)|\(content)",
            "src|content=\(source)|\(content)", "mixed=\(f.mixed)",
            "key|src|content=\(key)|\(source)|\(side)|\(content)",
        ]
        // The content: its length, its first words when it is reported speech.
        var words = 0
        for r in f.content {
            var k = f.contentStartToken
            while k < ctx.tokens.count, ctx.tokens[k].range.start < r.end {
                if ctx.tokens[k].range.start >= r.start, ctx.tokens[k].isWordLike { words += 1 }
                k += 1
            }
        }
        var bucket = 0
        while (1 << bucket) < words, bucket < 7 { bucket += 1 }
        out.append("clen=\(bucket)")
        out.append("content|clen=\(f.shape.rawValue)|\(bucket)")
        if f.shape == .reportAfter || f.shape == .reportBefore {
            let first = f.contentStartToken < ctx.tokens.count ? ctx.norms[f.contentStartToken] : "</s>"
            out.append("cfirst=\(first)")
            out.append("key|cfirst=\(key)|\(first)")
            out.append("cfirsts=\(shape(f.contentStartToken))")
        }
        // The sentence: quotation marks in it, where the cue stands.
        let quoted = (lo..<hi).contains { ctx.segmentOf[$0] >= 0 }
        out.append("sentquote=\(quoted)")
        out.append("cuepos=\(min(c0 - lo, 5))")
        out.append("cueback=\(min(hi - c1, 5))")
        // The cue tagger's view: whether it tags the cue's head word, how surely, and whether its span
        // is the one the rules give.
        if tagger != nil {
            if let t = taggedSpan(f, ctx) {
                var b = 0
                var m: Float = 0.5
                while t.margin >= m, b < 7 { b += 1; m *= 2 }
                let exact = t.tokens == (c0 - f.lead)..<c1
                out += ["tag=\(b)", "tag|exact=\(b)|\(exact)", "tag|src=\(b)|\(source)", "tag|content=\(b)|\(content)"]
            } else {
                out += ["tag=none", "tag|src=none|\(source)", "tag|content=none|\(content)"]
            }
        }
        return out
    }
}

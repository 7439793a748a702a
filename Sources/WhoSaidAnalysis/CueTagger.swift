import Foundation

/// A token-level cue tagger: an averaged perceptron over hashed features that tags each token of a
/// sentence `O`, `B` (first token of a cue span) or `I` (inside one), decoded greedily left to right.
/// It finds cue spans the lexicon does not know (one-off phrases, unseen inflections) and the
/// boundaries PolNeAR annotates (`has repeatedly said`, `according to`, `said in a statement`).
///
/// Trained on PolNeAR's train cue spans by `scripts/train-cue-tagger` (weights only, in
/// `Resources/cue-tagger.tsv`). Features: the word, its stem (``CueLexicon/stem(_:)``), shape and
/// suffix, the words and shapes around it, whether it stands inside a quotation and how far the nearest
/// quotation mark is, lexicon membership and precision of the forms and stems at and around it, the
/// position in the sentence, the punctuation before and after, and the tags already given.
public struct CueTagger: Sendable {
    public static let outside: UInt8 = 0
    public static let begin: UInt8 = 1
    public static let inside: UInt8 = 2

    /// Feature hashes keep the top `bits` bits: the weight table has `1 << bits` rows of three tags.
    public let bits: Int
    /// Row-major: `weights[row * 3 + tag]`.
    public var weights: [Float] {
        didSet { nonzero = Self.nonzeroRows(weights) }
    }
    /// One bit a row, set when the row has a weight other than zero. Tagging adds only those rows: a
    /// zero adds nothing, and the bits (32 KB for 18 bits) stay in the cache where the weights
    /// (3 MB) do not.
    private(set) var nonzero: [UInt64] {
        didSet { zeroRow = Self.firstZeroRow(nonzero) }
    }
    /// A row whose weights are all zero (more than half the rows are), read in place of every other
    /// zero row (``addRows(_:to:_:_:)``), so it stays in the cache; row 0 when every row has a weight.
    private(set) var zeroRow: Int

    public init(bits: Int, weights: [Float]? = nil) {
        self.bits = bits
        let weights = weights ?? [Float](repeating: 0, count: (1 << bits) * 3)
        self.weights = weights
        let nonzero = Self.nonzeroRows(weights)
        self.nonzero = nonzero
        self.zeroRow = Self.firstZeroRow(nonzero)
    }

    static func firstZeroRow(_ nonzero: [UInt64]) -> Int {
        guard let k = nonzero.firstIndex(where: { $0 != ~0 }) else { return 0 }
        return k * 64 + (~nonzero[k]).trailingZeroBitCount
    }

    static func nonzeroRows(_ weights: [Float]) -> [UInt64] {
        let rows = weights.count / 3
        var bits = [UInt64](repeating: 0, count: (rows + 63) / 64)
        for r in 0..<rows where weights[r * 3] != 0 || weights[r * 3 + 1] != 0 || weights[r * 3 + 2] != 0 {
            bits[r >> 6] |= 1 << UInt64(r & 63)
        }
        return bits
    }

    /// A tagged cue span: token indices, and how sure the tagger is (the margin of `B` over the other
    /// tags at its first token).
    public struct Span: Sendable, Hashable {
        public var tokens: Range<Int>
        public var margin: Float
    }

    // MARK: Loading

    /// The bundled tagger, or nil when the resource is missing or unreadable.
    public static let shared: CueTagger? = {
        guard
            let url = BundledResource.url("cue-tagger", "tsv"),
            let data = try? Data(contentsOf: url)
        else { return nil }
        return try? CueTagger(tsv: data)
    }()

    public struct FormatError: Error, CustomStringConvertible {
        public var line: Int
        public var description: String { "cue tagger: unreadable line \(line)" }
    }

    /// Reads the TSV form: `#` comments, `bits<TAB>N`, `scale<TAB>S`, then `row<TAB>o<TAB>b<TAB>i` lines
    /// with integer weights (weight × scale).
    public init(tsv data: Data) throws {
        var bits = 0
        var scale: Float = 1
        var weights: [Float] = []
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            try BundledResource.forEachLine(bytes) { n, line in
                let (start, end) = (line.lowerBound, line.upperBound)
                // Integers separated by tabs, or a name then an integer.
                if bytes[start] >= 97 && bytes[start] <= 122 {
                    var tab = start
                    while tab < end, bytes[tab] != 9 { tab += 1 }
                    let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<tab]), as: UTF8.self)
                    guard tab < end, let v = Int(String(decoding: UnsafeBufferPointer(rebasing: bytes[(tab + 1)..<end]), as: UTF8.self))
                    else { throw FormatError(line: n) }
                    if name == "bits" {
                        guard (8...24).contains(v) else { throw FormatError(line: n) }
                        bits = v
                        weights = [Float](repeating: 0, count: (1 << v) * 3)
                    } else if name == "scale" {
                        scale = Float(v)
                    }
                    return
                }
                var values = [Int](repeating: 0, count: 4)
                var k = 0
                var p = start
                while p < end, k < 4 {
                    var negative = false
                    if bytes[p] == 45 { negative = true; p += 1 }
                    var v = 0
                    var digits = 0
                    while p < end, bytes[p] >= 48, bytes[p] <= 57 {
                        v = v * 10 + Int(bytes[p] - 48)
                        p += 1
                        digits += 1
                    }
                    guard digits > 0 else { throw FormatError(line: n) }
                    values[k] = negative ? -v : v
                    k += 1
                    if p < end { guard bytes[p] == 9 else { throw FormatError(line: n) }; p += 1 }
                }
                guard k == 4, bits > 0, values[0] >= 0, values[0] < (1 << bits) else { throw FormatError(line: n) }
                for t in 0..<3 { weights[values[0] * 3 + t] = Float(values[t + 1]) / scale }
            }
        }
        guard bits > 0 else { throw FormatError(line: 0) }
        self.init(bits: bits, weights: weights)
    }

    /// The TSV form: rows with a weight of at least `1 / scale` in absolute value.
    public func tsv(header: [String], scale: Int = 1000) -> String {
        var out = header.map { "# " + $0 + "\n" }.joined()
        out += "bits\t\(bits)\nscale\t\(scale)\n"
        let s = Float(scale)
        for row in 0..<(1 << bits) {
            let q = (0..<3).map { Int((weights[row * 3 + $0] * s).rounded()) }
            guard q.contains(where: { $0 != 0 }) else { continue }
            out += "\(row)\t\(q[0])\t\(q[1])\t\(q[2])\n"
        }
        return out
    }

    // MARK: Features

    @inline(__always) static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var h = a ^ (b &* 0x9E37_79B9_7F4A_7C15)
        h = (h ^ (h >> 31)) &* 0xD6E8_FEB8_6659_FD93
        h = (h ^ (h >> 29)) &* 0xBF58_476D_1CE4_E5B9
        return h ^ (h >> 32)
    }

    /// FNV-1a over UTF-8: stable across runs (unlike `Hasher`).
    @inline(__always) static func hash<S: Sequence>(_ bytes: S) -> UInt64 where S.Element == UInt8 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return h
    }

    /// ``hash(_:)`` of a string's UTF-8 bytes, read from its storage in place when it has one (token
    /// norms do) rather than through the view's iterator: the same value, several times quicker.
    @inline(__always) static func hash(_ s: String) -> UInt64 {
        s.utf8.withContiguousStorageIfAvailable { hash($0) } ?? hash(s.utf8)
    }

    @inline(__always) static func feature(_ template: UInt64, _ v: UInt64) -> UInt64 { mix(template &* 0x2545_F491_4F6C_DD1D, v) }
    @inline(__always) static func feature(_ template: UInt64, _ v: UInt64, _ w: UInt64) -> UInt64 {
        mix(mix(template &* 0x2545_F491_4F6C_DD1D, v), w &+ 0x1234_5678)
    }

    /// What the tagger knows about each token of a document before tagging.
    struct TokenView {
        var word: [UInt64]
        var stem: [UInt64]
        var suffix: [UInt64]
        var shape: [UInt8]
        var inQuote: [Bool]
        /// Bucketed precision of the longest lexicon form starting here (0: none), and its length.
        var formStart: [UInt8]
        var formLength: [UInt8]
        /// Bucketed precision of a form covering this token from an earlier start (0: none).
        var formInside: [UInt8]
        /// Bucketed precision of the token's stem among cue heads (0: none).
        var stemPrecision: [UInt8]
        /// Token distance to the previous and next double quotation mark in the paragraph (capped).
        var quoteLeft: [UInt8]
        var quoteRight: [UInt8]
        var auxiliary: [Bool]
        /// Whether the token may open a cue: a word or abbreviation outside quotations. Other tokens
        /// are tagged `O` without scoring unless they continue a span.
        var opens: [Bool]
    }

    static func shapeOf(_ t: Token, _ scalars: [Unicode.Scalar]) -> UInt8 {
        switch t.kind {
        case .openQuote: return 1
        case .closeQuote: return 2
        case .punctuation:
            switch t.norm {
            case ",": return 3
            case ".": return 4
            case ":": return 5
            case "(", ")": return 6
            default: return 7
            }
        case .dash: return 8
        case .number: return 9
        case .abbreviation: return 10
        case .word:
            if StopWords.english.contains(t.norm) { return 11 }
            let first = scalars[t.range.start]
            if first.value < 0x80 ? (first.value >= 65 && first.value <= 90) : first.properties.isUppercase { return 12 }
            if t.norm.utf8.count > 4 && t.norm.hasSuffix("ly") { return 13 }
            if t.norm.hasSuffix("ing") { return 14 }
            if t.norm.hasSuffix("ed") { return 15 }
            return 16
        default: return 17
        }
    }

    static func bucket(_ p: Double) -> UInt8 { UInt8(1 + min(9, Int(p * 10))) }

    static func view(tokens: [Token], scalars: [Unicode.Scalar], lexicon: CueLexicon) -> TokenView {
        let n = tokens.count
        var v = TokenView(
            word: [UInt64](repeating: 0, count: n), stem: [UInt64](repeating: 0, count: n),
            suffix: [UInt64](repeating: 0, count: n), shape: [UInt8](repeating: 0, count: n),
            inQuote: [Bool](repeating: false, count: n), formStart: [UInt8](repeating: 0, count: n),
            formLength: [UInt8](repeating: 0, count: n), formInside: [UInt8](repeating: 0, count: n),
            stemPrecision: [UInt8](repeating: 0, count: n), quoteLeft: [UInt8](repeating: 255, count: n),
            quoteRight: [UInt8](repeating: 255, count: n), auxiliary: [Bool](repeating: false, count: n),
            opens: [Bool](repeating: false, count: n))
        let norms = tokens.map(\.norm)
        var quoted = false
        var lastQuote = -1
        var coverEnd = 0
        var coverBucket: UInt8 = 0
        for i in 0..<n {
            let t = tokens[i]
            let norm = norms[i]
            if t.spaceBefore >= .paragraphBreak || t.spaceBefore == .lineBreak {
                quoted = false
                lastQuote = -1
            }
            let double = norm == "\"" || norm == "''" || norm == "``"
            if double {
                if t.kind == .openQuote { quoted = true } else if t.kind == .closeQuote { quoted = false }
            }
            v.inQuote[i] = quoted && !double
            if lastQuote >= 0 { v.quoteLeft[i] = UInt8(min(i - lastQuote, 254)) }
            if double { lastQuote = i }
            v.word[i] = hash(norm)
            v.shape[i] = shapeOf(t, scalars)
            v.opens[i] = (t.kind == .word || t.kind == .abbreviation) && !v.inQuote[i]
            // Inside quotations only the word and its shape count (speed: most words are elsewhere).
            if v.inQuote[i] {
                v.stem[i] = v.word[i]
                v.suffix[i] = 0
                if i < coverEnd { v.formInside[i] = coverBucket }
                continue
            }
            v.auxiliary[i] = CueLexicon.auxiliaries.contains(norm)
            if t.kind == .word {
                let utf8 = norm.utf8
                if utf8.count >= 4 {
                    let s = CueLexicon.stem(norm)
                    v.stem[i] = hash(s)
                    if let f = lexicon.stemTable[s] { v.stemPrecision[i] = bucket(f.precision) }
                } else {
                    v.stem[i] = v.word[i]
                }
                v.suffix[i] = hash(utf8.suffix(3))
            } else {
                v.stem[i] = v.word[i]
                v.suffix[i] = UInt64(v.shape[i])
            }
            if t.kind == .word || t.kind == .abbreviation {
                // Lexicon forms (the stem fallback excluded: it has a feature of its own).
                if let f = lexicon.longestForm(norms, at: i) {
                    v.formStart[i] = bucket(f.precision)
                    v.formLength[i] = UInt8(min(f.tokens.count, 6))
                    if i + f.tokens.count > coverEnd {
                        coverEnd = i + f.tokens.count
                        coverBucket = v.formStart[i]
                    }
                }
            }
            if i < coverEnd, v.formStart[i] == 0 || coverEnd > i + Int(v.formLength[i]) { v.formInside[i] = coverBucket }
        }
        var nextQuote = -1
        for i in stride(from: n - 1, through: 0, by: -1) {
            if nextQuote >= 0 { v.quoteRight[i] = UInt8(min(nextQuote - i, 254)) }
            let norm = norms[i]
            if norm == "\"" || norm == "''" || norm == "``" { nextQuote = i }
            if tokens[i].spaceBefore >= .lineBreak { nextQuote = -1 }
        }
        return v
    }

    static func distanceBucket(_ d: UInt8) -> UInt64 {
        d == 255 ? 9 : d <= 3 ? UInt64(d) : d <= 6 ? 4 : d <= 12 ? 5 : d <= 25 ? 6 : 7
    }

    /// The features of token `i` that do not depend on earlier tags (hashes), appended to `out`.
    static func staticFeatures(_ i: Int, lo: Int, hi: Int, _ v: TokenView, into out: inout [UInt64]) {
        let none: UInt64 = 0x5EED
        func w(_ k: Int) -> UInt64 { k < lo ? 1 : k >= hi ? 2 : v.word[k] }
        func st(_ k: Int) -> UInt64 { k < lo ? 1 : k >= hi ? 2 : v.stem[k] }
        func sh(_ k: Int) -> UInt64 { k < lo ? 100 : k >= hi ? 101 : UInt64(v.shape[k]) }
        func fs(_ k: Int) -> UInt64 { k < lo || k >= hi ? 0 : UInt64(v.formStart[k]) }
        out.append(feature(1, none))
        out.append(feature(2, w(i)))
        out.append(feature(3, w(i - 1)))
        out.append(feature(4, w(i - 2)))
        out.append(feature(5, w(i + 1)))
        out.append(feature(6, w(i + 2)))
        out.append(feature(7, st(i)))
        out.append(feature(8, v.suffix[i]))
        out.append(feature(9, sh(i)))
        out.append(feature(10, sh(i - 1) << 16 | sh(i) << 8 | sh(i + 1)))
        out.append(feature(11, w(i - 1), w(i)))
        out.append(feature(12, w(i), w(i + 1)))
        let q: UInt64 = v.inQuote[i] ? 1 : 0
        out.append(feature(13, q))
        out.append(feature(14, UInt64(v.formStart[i]) << 8 | UInt64(v.formLength[i])))
        out.append(feature(15, UInt64(v.formInside[i])))
        out.append(feature(16, UInt64(v.stemPrecision[i])))
        out.append(feature(17, UInt64(min(i - lo, 12))))
        out.append(feature(18, UInt64(min(hi - 1 - i, 12))))
        out.append(feature(19, distanceBucket(v.quoteLeft[i]) << 8 | distanceBucket(v.quoteRight[i])))
        out.append(feature(20, st(i - 1)))
        out.append(feature(21, st(i + 1)))
        out.append(feature(22, fs(i - 1) << 8 | fs(i + 1)))
        out.append(feature(23, w(i - 1), st(i)))
        out.append(feature(24, st(i), w(i + 1)))
        out.append(feature(25, q << 8 | sh(i)))
        out.append(feature(26, sh(i - 1) << 8 | sh(i - 2)))
        // The nearest punctuation on either side within three tokens.
        var left: UInt64 = 0
        var k = i - 1
        while k >= max(lo, i - 3) {
            let s = v.shape[k]
            if s >= 1 && s <= 8 { left = UInt64(s) << 4 | UInt64(i - k); break }
            k -= 1
        }
        var right: UInt64 = 0
        k = i + 1
        while k < min(hi, i + 4) {
            let s = v.shape[k]
            if s >= 1 && s <= 8 { right = UInt64(s) << 4 | UInt64(k - i); break }
            k += 1
        }
        out.append(feature(27, left))
        out.append(feature(28, right))
        out.append(feature(29, UInt64(v.stemPrecision[i]) << 8 | sh(i - 1)))
        out.append(feature(30, UInt64(v.formStart[i]) << 16 | sh(i - 1) << 8 | sh(i + 1)))
        let aux: UInt64 = (i > lo && v.auxiliary[i - 1] ? 1 : 0) | (v.auxiliary[i] ? 2 : 0) | (i + 1 < hi && v.auxiliary[i + 1] ? 4 : 0)
        out.append(feature(31, aux << 8 | UInt64(fs(i + 1)) << 4 | UInt64(i + 2 < hi ? v.formStart[i + 2] : 0)))
    }

    /// The features that depend on the tags given to the two tokens before.
    @inline(__always) static func tagFeatures(_ i: Int, _ v: TokenView, prev: UInt8, prev2: UInt8, into out: inout [UInt64]) {
        let p = UInt64(prev)
        out.append(feature(40, p))
        out.append(feature(41, p, v.word[i]))
        out.append(feature(42, p, v.stem[i]))
        out.append(feature(43, p << 8 | UInt64(v.shape[i])))
        out.append(feature(44, UInt64(prev2) << 8 | p))
        out.append(feature(45, p << 8 | UInt64(v.formInside[i])))
    }

    @inline(__always) func row(_ f: UInt64) -> Int { Int(truncatingIfNeeded: f >> UInt64(64 - bits)) }

    /// Tags every token of a document: `O`, `B` or `I` (an `I` always follows a `B` or an `I`).
    public func tag(tokens: [Token], scalars: [Unicode.Scalar], sentences: [Sentence], lexicon: CueLexicon) -> [UInt8] {
        tagWithMargins(tokens: tokens, scalars: scalars, sentences: sentences, lexicon: lexicon).tags
    }

    func tagWithMargins(tokens: [Token], scalars: [Unicode.Scalar], sentences: [Sentence], lexicon: CueLexicon)
        -> (tags: [UInt8], margins: [Float])
    {
        var tags = [UInt8](repeating: Self.outside, count: tokens.count)
        var margins = [Float](repeating: 0, count: tokens.count)
        guard !tokens.isEmpty else { return (tags, margins) }
        let v = Self.view(tokens: tokens, scalars: scalars, lexicon: lexicon)
        var fs: [UInt64] = []
        fs.reserveCapacity(48)
        // The scores of the static features (the first ones added) of every token that opens: they do
        // not depend on the tags, so they are summed for a whole sentence before decoding it, in a
        // loop whose weight reads (most of them cache misses) overlap from one token to the next.
        var staticScores = [Float](repeating: 0, count: tokens.count * 3)
        weights.withUnsafeBufferPointer { w in
            nonzero.withUnsafeBufferPointer { nonzero in
            staticScores.withUnsafeMutableBufferPointer { staticScores in
            for s in sentences {
                let (lo, hi) = (s.tokens.lowerBound, s.tokens.upperBound)
                for i in s.tokens where v.opens[i] {
                    fs.removeAll(keepingCapacity: true)
                    Self.staticFeatures(i, lo: lo, hi: hi, v, into: &fs)
                    let score = addRows(fs, to: (0, 0, 0), w, nonzero)
                    (staticScores[i * 3], staticScores[i * 3 + 1], staticScores[i * 3 + 2]) = score
                }
                var prev = Self.outside
                var prev2 = Self.outside
                for i in s.tokens {
                    if prev == Self.outside, !v.opens[i] {
                        prev2 = prev
                        continue
                    }
                    var score: (Float, Float, Float)
                    if v.opens[i] {
                        score = (staticScores[i * 3], staticScores[i * 3 + 1], staticScores[i * 3 + 2])
                    } else {
                        fs.removeAll(keepingCapacity: true)
                        Self.staticFeatures(i, lo: lo, hi: hi, v, into: &fs)
                        score = addRows(fs, to: (0, 0, 0), w, nonzero)
                    }
                    fs.removeAll(keepingCapacity: true)
                    Self.tagFeatures(i, v, prev: prev, prev2: prev2, into: &fs)
                    score = addRows(fs, to: score, w, nonzero)
                    let t = Self.decide(score, prev: prev)
                    tags[i] = t
                    margins[i] = t == Self.begin ? score.1 - max(score.0, score.2) : t == Self.inside ? score.2 - max(score.0, score.1) : score.0 - max(score.1, prev == Self.outside ? score.1 : score.2)
                    prev2 = prev
                    prev = t
                }
            }
            }
            }
        }
        return (tags, margins)
    }

    /// `score` plus the weights of the features' rows, added in feature order. A feature whose row is
    /// all zeros reads ``zeroRow`` instead (a select, not a branch: whether a row has a weight is as
    /// good as random, and a mispredicted branch would cancel the reads issued after it); adding its
    /// zeros changes no sum, since no score is ever -0.
    @inline(__always) func addRows(
        _ features: [UInt64], to score: (Float, Float, Float), _ w: UnsafeBufferPointer<Float>, _ nonzero: UnsafeBufferPointer<UInt64>
    ) -> (Float, Float, Float) {
        var score = score
        let zero = zeroRow &* 3
        for f in features {
            let row = row(f)
            // Arithmetic, so that the compiler makes no branch of it: `row * 3` when the row's bit is
            // set, `zero` otherwise.
            let set = Int(truncatingIfNeeded: (nonzero[row >> 6] >> UInt64(row & 63)) & 1)
            let r = zero &+ (row &* 3 &- zero) &* set
            score.0 += w[r]
            score.1 += w[r + 1]
            score.2 += w[r + 2]
        }
        return score
    }

    /// The best tag, never `I` after `O`.
    @inline(__always) static func decide(_ s: (Float, Float, Float), prev: UInt8) -> UInt8 {
        var best = outside
        var top = s.0
        if s.1 > top { best = begin; top = s.1 }
        if prev != outside, s.2 > top { best = inside }
        return best
    }

    /// The cue spans of a document.
    public func spans(tokens: [Token], scalars: [Unicode.Scalar], sentences: [Sentence], lexicon: CueLexicon) -> [Span] {
        let (tags, margins) = tagWithMargins(tokens: tokens, scalars: scalars, sentences: sentences, lexicon: lexicon)
        return Self.spans(tags, margins: margins)
    }

    static func spans(_ tags: [UInt8], margins: [Float]) -> [Span] {
        var out: [Span] = []
        var i = 0
        while i < tags.count {
            guard tags[i] == begin else { i += 1; continue }
            var j = i + 1
            while j < tags.count, tags[j] == inside { j += 1 }
            out.append(Span(tokens: i..<j, margin: margins[i]))
            i = j
        }
        return out
    }

    // MARK: Training

    /// One training document: its tokens, sentences and gold tags.
    public struct Example {
        public var tokens: [Token]
        public var scalars: [Unicode.Scalar]
        public var sentences: [Sentence]
        public var gold: [UInt8]

        public init(tokens: [Token], scalars: [Unicode.Scalar], sentences: [Sentence], gold: [UInt8]) {
            self.tokens = tokens
            self.scalars = scalars
            self.sentences = sentences
            self.gold = gold
        }
    }

    /// Gold tags from cue spans given as code-point ranges: a token lying inside a span is `B` when it
    /// is the first such token of that span, `I` otherwise.
    public static func goldTags(tokens: [Token], cueSpans: [Range<Int>]) -> [UInt8] {
        var tags = [UInt8](repeating: outside, count: tokens.count)
        for span in cueSpans {
            var first = true
            for (k, t) in tokens.enumerated() where t.range.start >= span.lowerBound && t.range.end <= span.upperBound {
                if tags[k] == outside { tags[k] = first ? begin : inside }
                first = false
            }
        }
        // `I` after `O` (a span broken by an unannotated token) starts a span.
        for k in tags.indices where tags[k] == inside && (k == 0 || tags[k - 1] == outside) { tags[k] = begin }
        return tags
    }

    /// Trains an averaged perceptron over `examples` (sentences in a fixed shuffled order per epoch;
    /// same data, same weights). `progress` gets each epoch's training error rate.
    public static func train(
        _ examples: [Example], lexicon: CueLexicon, bits: Int = 20, epochs: Int = 8, teacher: Bool = true, progress: (Int, Double) -> Void = { _, _ in }
    ) -> CueTagger {
        // The static features of every token, computed once.
        struct Sent { var doc: Int; var lo: Int; var hi: Int; var offset: Int }
        var rows: [UInt32] = []
        var sents: [Sent] = []
        var views: [TokenView] = []
        let perToken = 31
        var tagger = CueTagger(bits: bits)
        var fs: [UInt64] = []
        for (d, e) in examples.enumerated() {
            let v = view(tokens: e.tokens, scalars: e.scalars, lexicon: lexicon)
            views.append(v)
            for s in e.sentences where !s.tokens.isEmpty {
                sents.append(Sent(doc: d, lo: s.tokens.lowerBound, hi: s.tokens.upperBound, offset: rows.count))
                for i in s.tokens {
                    fs.removeAll(keepingCapacity: true)
                    staticFeatures(i, lo: s.tokens.lowerBound, hi: s.tokens.upperBound, v, into: &fs)
                    precondition(fs.count == perToken)
                    for f in fs { rows.append(UInt32(tagger.row(f))) }
                }
            }
        }
        let n = (1 << bits) * 3
        var w = [Float](repeating: 0, count: n)
        var u = [Double](repeating: 0, count: n)
        var c = 1.0
        var order = Array(sents.indices)
        var rng: UInt64 = 0x9E37_79B9_7F4A_7C15
        var dyn: [UInt64] = []
        for epoch in 0..<epochs {
            for i in stride(from: order.count - 1, to: 0, by: -1) {
                rng ^= rng << 13
                rng ^= rng >> 7
                rng ^= rng << 17
                order.swapAt(i, Int(rng % UInt64(i + 1)))
            }
            var errors = 0
            var total = 0
            for si in order {
                let s = sents[si]
                let v = views[s.doc]
                let gold = examples[s.doc].gold
                var prev = outside
                var prev2 = outside
                for i in s.lo..<s.hi {
                    let truth = gold[i]
                    if prev == outside, !v.opens[i] {
                        // Tagged `O` unscored at run time.
                        c += 1
                        prev2 = prev
                        prev = teacher ? truth : outside
                        continue
                    }
                    let base = s.offset + (i - s.lo) * perToken
                    dyn.removeAll(keepingCapacity: true)
                    tagFeatures(i, v, prev: prev, prev2: prev2, into: &dyn)
                    var score: (Float, Float, Float) = (0, 0, 0)
                    for k in base..<(base + perToken) {
                        let r = Int(rows[k]) * 3
                        score.0 += w[r]; score.1 += w[r + 1]; score.2 += w[r + 2]
                    }
                    for f in dyn {
                        let r = tagger.row(f) * 3
                        score.0 += w[r]; score.1 += w[r + 1]; score.2 += w[r + 2]
                    }
                    let guess = decide(score, prev: prev)
                    total += 1
                    if guess != truth {
                        errors += 1
                        func update(_ r: Int) {
                            w[r + Int(truth)] += 1
                            u[r + Int(truth)] += c
                            w[r + Int(guess)] -= 1
                            u[r + Int(guess)] -= c
                        }
                        for k in base..<(base + perToken) { update(Int(rows[k]) * 3) }
                        for f in dyn { update(tagger.row(f) * 3) }
                    }
                    c += 1
                    prev2 = prev
                    // Train on the tags the decoder would have given (greedy decoding at run time).
                    prev = teacher ? truth : guess
                }
            }
            progress(epoch + 1, Double(errors) / Double(max(total, 1)))
        }
        for k in 0..<n { w[k] -= Float(u[k] / c) }
        tagger.weights = w
        return tagger
    }
}

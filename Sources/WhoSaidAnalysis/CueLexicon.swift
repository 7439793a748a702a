import Foundation

/// Words and phrases that attribute speech, belief or reports (`said`, `according to`, `warned`),
/// learned from PolNeAR's train split by `scripts/train-cues` (counts only) and kept in
/// `Resources/cues.tsv`, plus a few hand-written forms common in British news.
public struct CueLexicon: Sendable {
    /// What the lexicon knows about one cue form.
    public struct Form: Sendable {
        /// The form's tokens, normalised (`["said", "in", "a", "statement"]`).
        public var tokens: [String]
        /// Share of this form's occurrences that are cues in the training data.
        public var precision: Double
        /// Share of attributions with this cue whose source comes after it (`according to`).
        public var sourceAfter: Double
        /// The lemma-ish key shared by a form's inflections (`say` for said, says, saying).
        public var key: String = ""
        /// Share of attributions with this cue whose content holds a double quotation mark.
        public var contentQuote: Double = 0
        /// The stem of the form's head word (``CueLexicon/stem(_:)``), shared by its inflections.
        public var stem: String = ""
    }

    /// Fallback forms by the stem of a single word (`warns`, unseen as a cue, has the stem of
    /// `warned`), learned from the heads of annotated cue spans (`Resources/cue-stems.tsv`).
    public var stems: [String: Form] = [:] {
        didSet { stemTable = StringTable(stems) }
    }
    /// ``stems`` again, for quick lookups.
    private(set) var stemTable = StringTable<Form>([:])

    /// Forms by their first token, longest first.
    private var byFirst = StringTable<[Form]>([:])

    /// Forms seen as a cue at least this often in training, with at least this precision, are used
    /// by rules alone (``shared``).
    public static let minimumCount = 3
    public static let minimumPrecision = 0.45

    /// Cue forms British political reporting uses that a US corpus rarely shows.
    static let extraForms: [(String, Double)] = [
        ("says", 0.0), ("said", 0.0), ("warned", 0.0), ("hailed", 0.0), ("fear", 0.0), ("fears", 0.0),
        ("insisted", 0.0), ("claimed", 0.0), ("argued", 0.0), ("stated", 0.0), ("admitted", 0.0),
        ("conceded", 0.0), ("predicted", 0.0), ("complained", 0.0), ("replied", 0.0), ("responded", 0.0),
        ("confirmed", 0.0), ("denied", 0.0), ("told", 0.0), ("according to", 1.0),
    ]

    /// The forms rules may trust on their own.
    public static let shared = CueLexicon.loadBundled(minimumCount: minimumCount, minimumPrecision: minimumPrecision)
    /// Every form seen at least twice with a precision of 2% or more, and the stems of cue heads seen
    /// at least twice with ``stemMinimumPrecision``: candidates for ``AttributionModel`` to accept or
    /// reject in context.
    public static let candidates = CueLexicon.loadBundled(minimumCount: 2, minimumPrecision: 0.02, withStems: true)

    public init(forms: [Form], stems: [String: Form] = [:]) {
        self.stems = stems
        stemTable = StringTable(stems)
        var byFirst: [String: [Form]] = [:]
        for var f in forms where !f.tokens.isEmpty {
            if f.stem.isEmpty, let h = Self.head(f.tokens) { f.stem = Self.stem(f.tokens[h]) }
            byFirst[f.tokens[0], default: []].append(f)
        }
        for key in byFirst.keys { byFirst[key]!.sort { $0.tokens.count > $1.tokens.count } }
        self.byFirst = StringTable(byFirst)
    }

    /// Every form starting at token `i`, longest first; then, when no single-word form matches, the
    /// fallback form of the word's stem.
    public func matches(_ norms: [String], at i: Int) -> [Form] {
        var out = (byFirst[norms[i]] ?? []).filter { f in
            guard i + f.tokens.count <= norms.count else { return false }
            for k in 1..<max(1, f.tokens.count) where norms[i + k] != f.tokens[k] { return false }
            return true
        }
        if !stems.isEmpty, out.last.map({ $0.tokens.count > 1 }) ?? true, norms[i].utf8.count >= 4,
            var f = stemTable[Self.stem(norms[i])], !StopWords.english.contains(norms[i])
        {
            f.tokens = [norms[i]]
            out.append(f)
        }
        return out
    }

    /// The longest form starting at token `i` (no stem fallback), without building the list of matches.
    public func longestForm(_ norms: [String], at i: Int) -> Form? {
        guard let forms = byFirst[norms[i]] else { return nil }
        outer: for f in forms where i + f.tokens.count <= norms.count {
            for k in 1..<max(1, f.tokens.count) where norms[i + k] != f.tokens[k] { continue outer }
            return f
        }
        return nil
    }

    /// Stems less precise than this give no fallback candidates.
    /// (0.02 let in 70% more candidates, mostly noise such as `hired` or `established`, and scored lower on dev.)
    public static let stemMinimumPrecision = 0.05

    /// Irregular verb forms, mapped to the form whose stem they share.
    private static let irregular = StringTable<String>([
        "said": "say", "says": "say", "saying": "say", "told": "tell", "telling": "tell", "wrote": "write",
        "written": "write", "writing": "write", "thought": "think", "saw": "see", "seen": "see", "knew": "know",
        "known": "know", "found": "find", "felt": "feel", "spoke": "speak", "spoken": "speak", "heard": "hear",
        "meant": "mean", "taught": "teach", "made": "make", "gave": "give", "given": "give", "took": "take",
        "taken": "take", "held": "hold", "sought": "seek", "fought": "fight", "brought": "bring", "began": "begin",
        "begun": "begin", "chose": "choose", "chosen": "choose", "drew": "draw", "drawn": "draw",
        "understood": "understand", "forgot": "forget", "forgotten": "forget", "swore": "swear", "sworn": "swear",
        "predicted": "predict", "foresaw": "foresee", "led": "lead", "read": "read", "ran": "run", "won": "win",
        "lost": "lose", "spent": "spend", "sent": "send", "paid": "pay", "laid": "lay", "put": "put", "cast": "cast",
    ])

    /// A crude stem shared by a word's inflections: `warned`, `warns`, `warning` and `warn` give
    /// `warn`; `argued`, `argues`, `argue` give `argu`; `called` and `calls` give `cal`. Lower-case
    /// norms in, nothing but suffixes stripped (no dictionary beyond a few irregular verbs).
    public static func stem(_ norm: String) -> String {
        let base = irregular[norm] ?? norm
        let n = base.utf8.count
        guard n >= 4, base.utf8.allSatisfy({ $0 >= 97 && $0 <= 122 }) else { return base }
        // The bytes are edited in a buffer on the stack (this runs for most words of a document).
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n + 1) { w in
            _ = w.initialize(from: base.utf8)
            func ends(_ s: StaticString) -> Bool {
                let k = s.utf8CodeUnitCount
                guard n > k + 2 else { return false }
                let p = s.utf8Start
                for j in 0..<k where w[n - k + j] != p[j] { return false }
                return true
            }
            var count = n
            if ends("ies") || ends("ied") {
                count -= 3
                w[count] = 121  // y
                count += 1
            } else if n > 5, ends("ing") {
                count -= 3
            } else if ends("ed") {
                count -= 2
            } else if ends("es") {
                count -= 2
            } else if w[n - 1] == 115, w[n - 2] != 115, w[n - 2] != 117, w[n - 2] != 105 {  // -s, not -ss -us -is
                count -= 1
            }
            if count > 3, w[count - 1] == 101 { count -= 1 }  // e
            if count > 3, w[count - 1] == w[count - 2], !isVowel(w[count - 1]) { count -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: w[0..<count]), as: UTF8.self)
        }
    }

    private static func isVowel(_ c: UInt8) -> Bool { c == 97 || c == 101 || c == 105 || c == 111 || c == 117 }

    /// Auxiliaries, negations and adverbs that open a cue span without being its head (`has also
    /// said`, `is not expected`). A string table: looked up for every token the cue tagger sees.
    static let auxiliaries = StringTable(members: [
        "also", "later", "previously", "recently", "often", "repeatedly", "once", "then", "now", "had", "has", "have",
        "would", "will", "was", "is", "were", "are", "did", "does", "do", "still", "again", "be", "been", "being",
        "not", "never", "could", "might", "may", "should", "can", "must", "'s", "'re", "'ve", "'d", "'ll", "'m",
        "even", "just", "already", "first", "further", "publicly", "privately", "reportedly", "didn't", "doesn't",
        "don't", "wasn't", "isn't", "hasn't", "haven't", "hadn't", "won't", "wouldn't", "can't", "couldn't",
    ])

    /// The index of a cue's head word among its norms: the first word that is no auxiliary or adverb.
    public static func head(_ norms: [String]) -> Int? {
        norms.firstIndex { n in
            !auxiliaries.contains(n) && !(n.count > 4 && n.hasSuffix("ly")) && n.unicodeScalars.first.map {
                $0.properties.isAlphabetic
            } == true
        }
    }

    static func loadBundled(minimumCount: Int, minimumPrecision: Double, withStems: Bool = false) -> CueLexicon {
        var forms: [String: Form] = [:]
        if let url = BundledResource.url("cues", "tsv"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        {
            var header: [String: Int] = [:]
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                if header.isEmpty {
                    for (i, c) in cols.enumerated() { header[c] = i }
                    continue
                }
                guard let fi = header["form"], let ci = header["cue_count"], let ki = header["key"],
                    let ii = header["inside_cue"], let oi = header["occurrences"], let ai = header["source_after"],
                    let qi = header["content_quote"], cols.count > max(fi, ci, ki, ii, oi, ai, qi)
                else { continue }
                let count = Int(cols[ci]) ?? 0
                let occurrences = Double(cols[oi]) ?? 0
                // Occurrences inside a longer annotated cue count for the form ("said" in "said in a statement").
                let precision = occurrences > 0 ? (Double(cols[ii]) ?? 0) / occurrences : 0
                guard count >= minimumCount, precision >= minimumPrecision else { continue }
                let tokens = Tokenizer().tokenize(cols[fi]).map(\.norm)
                guard !tokens.isEmpty, tokens.contains(where: { $0.first?.isLetter == true }) else { continue }
                // A lone function word (`to`, `on`, `would`) is a cue too rarely to be worth a candidate.
                if tokens.count == 1, StopWords.english.contains(tokens[0]) { continue }
                forms[tokens.joined(separator: " ")] = Form(
                    tokens: tokens, precision: precision, sourceAfter: Double(cols[ai]) ?? 0, key: cols[ki],
                    contentQuote: Double(cols[qi]) ?? 0)
            }
        }
        var stems: [String: Form] = [:]
        if withStems, let url = BundledResource.url("cue-stems", "tsv"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        {
            stems = readStems(text, minimumCount: minimumCount, minimumPrecision: max(minimumPrecision, stemMinimumPrecision))
        }
        for (form, after) in extraForms {
            let tokens = Tokenizer().tokenize(form).map(\.norm)
            let key = tokens.joined(separator: " ")
            if forms[key] == nil { forms[key] = Form(tokens: tokens, precision: 0.6, sourceAfter: after, key: key) }
        }
        return CueLexicon(forms: Array(forms.values), stems: stems)
    }

    /// The columns of `cue-stems.tsv`.
    public static let stemColumns = ["stem", "head", "cue_count", "occurrences", "precision", "source_after", "content_quote"]

    /// Reads `cue-stems.tsv` (a header line with ``stemColumns``, then one stem a line), keeping the
    /// stems seen often enough and precise enough.
    public static func readStems(_ text: String, minimumCount: Int, minimumPrecision: Double) -> [String: Form] {
        var stems: [String: Form] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("stem\t") {
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cols.count >= stemColumns.count, let count = Int(cols[2]), let precision = Double(cols[4]),
                count >= minimumCount, precision >= minimumPrecision
            else { continue }
            stems[cols[0]] = Form(
                tokens: [cols[1]], precision: precision, sourceAfter: Double(cols[5]) ?? 0, key: "~" + cols[0],
                contentQuote: Double(cols[6]) ?? 0, stem: cols[0])
        }
        return stems
    }
}

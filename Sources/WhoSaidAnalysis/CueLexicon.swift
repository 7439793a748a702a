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
    }

    /// Forms by their first token, longest first.
    private var byFirst: [String: [Form]] = [:]

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
    /// Every form seen at least twice with a precision of 5% or more: candidates for
    /// ``AttributionModel`` to accept or reject in context.
    public static let candidates = CueLexicon.loadBundled(minimumCount: 2, minimumPrecision: 0.02)

    public init(forms: [Form]) {
        for f in forms where !f.tokens.isEmpty {
            byFirst[f.tokens[0], default: []].append(f)
        }
        for key in byFirst.keys { byFirst[key]!.sort { $0.tokens.count > $1.tokens.count } }
    }

    /// Every form starting at token `i`, longest first.
    public func matches(_ norms: [String], at i: Int) -> [Form] {
        guard let candidates = byFirst[norms[i]] else { return [] }
        return candidates.filter { f in
            guard i + f.tokens.count <= norms.count else { return false }
            for k in 1..<max(1, f.tokens.count) where norms[i + k] != f.tokens[k] { return false }
            return true
        }
    }

    static func loadBundled(minimumCount: Int, minimumPrecision: Double) -> CueLexicon {
        var forms: [String: Form] = [:]
        if let url = Bundle.module.url(forResource: "cues", withExtension: "tsv", subdirectory: "Resources")
            ?? Bundle.module.url(forResource: "cues", withExtension: "tsv"),
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
        for (form, after) in extraForms {
            let tokens = Tokenizer().tokenize(form).map(\.norm)
            let key = tokens.joined(separator: " ")
            if forms[key] == nil { forms[key] = Form(tokens: tokens, precision: 0.6, sourceAfter: after, key: key) }
        }
        return CueLexicon(forms: Array(forms.values))
    }
}

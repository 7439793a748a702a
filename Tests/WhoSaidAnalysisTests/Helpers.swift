import WhoSaidAnalysis
import WhoSaidCore

/// The quotes the analyser finds in `text`: each one's speaker span, cue and content as they stand in the
/// text, and its kind.
func describe(_ text: String) -> [(speaker: String?, cue: String?, content: [String], kind: Quote.Kind)] {
    var doc = Document(id: "t", path: "t", text: text, paragraphs: [])
    Analyzer().analyze(&doc)
    let s = ScalarText(text)
    return doc.annotations.quotes.map { q in
        (q.speaker?.span.map { s[$0] }, q.cue.map { s[$0] }, q.content.map { s[$0] }, q.kind)
    }
}

/// The tokens of `text` as (text, kind) pairs.
func pieces(_ text: String) -> [String] {
    let scalars = ScalarText(text)
    return Tokenizer().tokenize(text).map { scalars[$0.range] }
}

func tokens(_ text: String) -> [(text: String, kind: TokenKind, norm: String)] {
    let scalars = ScalarText(text)
    return Tokenizer().tokenize(text).map { (scalars[$0.range], $0.kind, $0.norm) }
}

/// The kind of the token whose text is `piece` (the first one).
func kind(of piece: String, in text: String) -> TokenKind? {
    tokens(text).first { $0.text == piece }?.kind
}

/// The sentences of `text` as strings.
func sentences(_ text: String) -> [String] {
    let scalars = ScalarText(text)
    return SentenceSplitter().split(text).map { scalars[$0.range] }
}

/// Checks the tokenizer's guarantees over `scalars`; returns a description of each violation (empty when
/// all hold).
func invariantViolations(_ scalars: [Unicode.Scalar], _ tokens: [Token], limit: Int = 10) -> [String] {
    var problems: [String] = []
    func report(_ s: String) { if problems.count < limit { problems.append(s) } }
    var covered = [Bool](repeating: false, count: scalars.count)
    var previousEnd = 0
    for (i, t) in tokens.enumerated() {
        if t.range.isEmpty { report("empty token \(i) at \(t.range)") }
        if t.range.start < previousEnd { report("token \(i) \(t.range) overlaps or is out of order") }
        if t.range.end > scalars.count { report("token \(i) \(t.range) past the end"); break }
        var gapHasSpace = false
        var gapHasBreak = false
        for k in previousEnd..<max(previousEnd, t.range.start) {
            let p = scalars[k].properties
            if p.isWhitespace { gapHasSpace = true } else { report("non-whitespace U+\(String(scalars[k].value, radix: 16)) at \(k) outside every token") }
            if [0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029].contains(scalars[k].value) { gapHasBreak = true }
        }
        if i > 0 || t.range.start > 0 {
            if (t.spaceBefore == .none) == gapHasSpace { report("token \(i) spaceBefore \(t.spaceBefore) but gap has space: \(gapHasSpace)") }
            if (t.spaceBefore >= .lineBreak) != gapHasBreak { report("token \(i) spaceBefore \(t.spaceBefore) but gap has a break: \(gapHasBreak)") }
        }
        for k in t.range.start..<t.range.end {
            if scalars[k].properties.isWhitespace { report("token \(i) \(t.range) contains whitespace at \(k)") }
            if covered[k] { report("code point \(k) in two tokens") }
            covered[k] = true
        }
        previousEnd = max(previousEnd, t.range.end)
    }
    for k in previousEnd..<scalars.count where !scalars[k].properties.isWhitespace {
        report("non-whitespace U+\(String(scalars[k].value, radix: 16)) at \(k) after the last token")
    }
    return problems
}

func invariantViolations(_ text: String) -> [String] {
    let scalars = Array(text.unicodeScalars)
    var problems = invariantViolations(scalars, Tokenizer().tokenize(text))
    // Round trip: slicing the String itself (not the scalar array) gives each token's text.
    let view = text.unicodeScalars
    for t in Tokenizer().tokenize(text) {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[t.range.start..<t.range.end])
        if view.slice(t.range) != String(s) { problems.append("round trip failed at \(t.range)") }
    }
    return problems
}

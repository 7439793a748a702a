// QuoteAttributor step: quotation segments. Pairs quotation marks into segments (following a quotation
// over paragraphs), answers questions about them, and extends quotes with the quotations that continue
// them without a cue of their own.

import WhoSaidCore

extension QuoteAttributor {
    private func isDouble(_ t: Token) -> Bool { t.norm == "\"" || t.norm == "''" || t.norm == "``" }
    private func isSingle(_ t: Token) -> Bool { t.norm == "'" }

    /// Pairs the document's quotation marks into segments (`ctx.segments`, and `ctx.segmentOf` for each token).
    func findSegments(_ ctx: inout Context) {
        let tokens = ctx.tokens
        var i = 0
        var paragraphStart = 0
        var lastSegmentEnd = -1
        while i < tokens.count {
            let t = tokens[i]
            if t.spaceBefore >= .lineBreak { paragraphStart = i }
            // A closing mark with no opening one in its paragraph closes a quotation that began in an
            // earlier paragraph: the quotation covers the paragraph up to the mark.
            if t.kind == .closeQuote, isDouble(t), ctx.segmentOf[i] < 0 {
                let start = max(paragraphStart, lastSegmentEnd + 1)
                let words = (start..<i).filter { tokens[$0].isWordLike }.count
                if words >= 3 {
                    let index = ctx.segments.count
                    ctx.segments.append(
                        Segment(
                            open: start, close: i, range: TextRange(start: tokens[start].range.start, end: t.range.end),
                            closed: true, words: words))
                    for k in start...i { ctx.segmentOf[k] = index }
                    lastSegmentEnd = i
                }
                i += 1
                continue
            }
            guard t.kind == .openQuote, isDouble(t) || isSingle(t) else { i += 1; continue }
            let double = isDouble(t)
            var j = i + 1
            var close = -1
            var words = 0
            while j < tokens.count {
                let u = tokens[j]
                if u.spaceBefore >= .lineBreak { break }
                if u.kind == .closeQuote && (double ? isDouble(u) : isSingle(u)) { close = j; break }
                if u.kind == .openQuote && (double ? isDouble(u) : isSingle(u)) && j > i + 1 { break }
                if u.isWordLike { words += 1 }
                j += 1
            }
            let last = close >= 0 ? close : j - 1
            guard last > i else { i += 1; continue }
            let seg = Segment(
                open: i, close: last, range: TextRange(start: t.range.start, end: tokens[last].range.end),
                closed: close >= 0, words: words)
            let index = ctx.segments.count
            ctx.segments.append(seg)
            for k in i...last { ctx.segmentOf[k] = index }
            lastSegmentEnd = last
            i = last + 1
        }
    }

    /// Whether nothing but punctuation follows the quotation to the end of its sentence.
    func trailingIsQuoteOnly(_ seg: Int, sentenceEnd: Int, _ ctx: Context) -> Bool {
        var k = ctx.segments[seg].close + 1
        while k < sentenceEnd {
            if ctx.tokens[k].isWordLike { return false }
            k += 1
        }
        return true
    }

    /// Whether quotation `b` is a title (every word capitalised, but for function words after the first)
    /// in a phrase opening its sentence with a preposition (`In his book “Make Your Own Luck,”`).
    func isTitleInOpeningPhrase(_ b: Int, lo: Int, _ ctx: Context) -> Bool {
        let seg = ctx.segments[b]
        guard seg.closed, seg.words <= 8, seg.open > lo else { return false }
        var s0 = lo
        while s0 < seg.open, !ctx.tokens[s0].isWordLike { s0 += 1 }
        guard s0 < seg.open, Self.leadingPrepositions.contains(ctx.norms[s0]),
            !(s0..<seg.open).contains(where: { ctx.segmentOf[$0] >= 0 })
        else { return false }
        var first = true
        for k in (seg.open + 1)..<seg.close where ctx.tokens[k].isWordLike {
            if !isCapitalised(k, ctx), first || !StopWordsForPhrases.isFunctionWord(ctx.norms[k]) { return false }
            first = false
        }
        return !first
    }

    /// Quotations with no cue of their own that continue a direct quote: the next sentence or
    /// paragraph opening with a quotation mark (`A spokesman said: “…` / `“…”`).
    func extendWithContinuations(_ found: inout [Found], _ ctx: Context) {
        var used = Set(found.flatMap(\.segments))
        for f in found {
            for r in f.content { for (si, seg) in ctx.segments.enumerated() where r.contains(seg.range) { used.insert(si) } }
        }
        for fi in found.indices {
            // Reported speech continued by a quotation (`Schiff said the administration may wait.
            // “The other factor is …”`) continues from the last quotation it holds, or from its end.
            guard var last = found[fi].segments.max() ?? lastSegment(endingBy: found[fi].contentEndToken, ctx) else {
                continue
            }
            let reported = found[fi].segments.isEmpty
            var endToken = found[fi].segments.max().map { ctx.segments[$0].close } ?? found[fi].contentEndToken
            // The attribution's own cue and source do not count as words in the gap.
            var ownEnd = max(found[fi].cue.upperBound - 1, found[fi].source.map { $0.upperBound - 1 } ?? 0)
            while last + 1 < ctx.segments.count {
                let next = last + 1
                guard !used.contains(next) else { break }
                let seg = ctx.segments[next]
                // Only punctuation between the end of the quote and the next quotation.
                let gapStart = max(endToken, ownEnd) + 1
                guard gapStart <= seg.open else { break }
                // Words that finish the attributing sentence (`DuVernay said, emphasizing …`) may come
                // between; any other words end the quotation.
                var onlyPunct = true
                for k in gapStart..<seg.open
                where ctx.tokens[k].isWordLike && (ctx.sentenceOf[k] != found[fi].sentence || ownEnd == 0) {
                    onlyPunct = false
                    break
                }
                guard onlyPunct, seg.words >= 3 else { break }
                // The next quotation must not have its own cue.
                let si = ctx.sentenceOf[seg.open]
                if found.contains(where: { $0.sentence == si && $0.cue.lowerBound > seg.open }) { break }
                // A quotation that runs on over paragraphs to one with its own cue (`… told reporters that
                // …` / `“… bill.` / `“…,” she said.`) belongs to that cue, not to the reported speech before.
                if reported, !seg.closed, next + 1 < ctx.segments.count,
                    let fj = found.firstIndex(where: { $0.segments.first == next + 1 }), fj != fi {
                    found[fj].segments.insert(next, at: 0)
                    found[fj].content.insert(seg.range, at: 0)
                    used.insert(next)
                    break
                }
                found[fi].segments.append(next)
                found[fi].content.append(seg.range)
                if reported { found[fi].mixed = true }
                used.insert(next)
                last = next
                endToken = seg.close
                ownEnd = 0
            }
        }
    }

    /// The last quotation that closes at or before token `end` (its index), or -1 when none does, so
    /// that `last + 1` is the first quotation after `end`.
    private func lastSegment(endingBy end: Int, _ ctx: Context) -> Int? {
        var best = -1
        for (i, seg) in ctx.segments.enumerated() {
            if seg.close <= end { best = i } else { break }
        }
        // Only a quotation right after the content can continue it.
        guard best + 1 < ctx.segments.count else { return nil }
        return best
    }
}

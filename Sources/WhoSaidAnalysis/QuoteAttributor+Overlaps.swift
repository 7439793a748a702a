// QuoteAttributor step: attributions against each other. Adds the second of two coordinated cue verbs,
// cuts reported speech before a later attribution, and keeps one attribution per content.

import WhoSaidCore

extension QuoteAttributor {
    /// The first `and` or `but` in `start..<stop`, outside quotations, that joins a second cue verb to the
    /// clause (`praised the plan and warned that …`, `…, but said …`), with that cue's form. The cue is in
    /// lower case, has a form of precision 0.3 or more, and three words or more on either side of it.
    func coordinatedCue(from start: Int, to stop: Int, _ ctx: Context) -> (conjunction: Int, form: CueLexicon.Form)? {
        guard start + 3 < stop - 1 else { return nil }
        var words = 0
        for k in start..<(stop - 1) {
            defer { if ctx.tokens[k].isWordLike { words += 1 } }
            guard words >= 3, ctx.norms[k] == "and" || ctx.norms[k] == "but", ctx.segmentOf[k] < 0 else { continue }
            let v = k + 1
            guard ctx.segmentOf[v] < 0, ctx.tokens[v].kind == .word, !isCapitalised(v, ctx),
                let form = lexicon.matches(ctx.norms, at: v).first(where: { $0.precision >= 0.3 }),
                v + form.tokens.count < stop,
                ((v + form.tokens.count)..<stop).filter({ ctx.tokens[$0].isWordLike }).count >= 3
            else { continue }
            return (k, form)
        }
        return nil
    }

    /// `Mayor Reyes criticized the budget and said allies were worried`: the second of two coordinated cue
    /// verbs has the first's source (the subject they share) and the clause after it for content. The
    /// first attribution's reported clause ends before the conjunction (`coordinatedCue`); this adds the
    /// second one when no candidate has its cue, and gives the first's source to a candidate that has it
    /// with no source or with one from inside the first's content (`the budget and said`).
    func addCoordinatedReports(_ found: inout [Found], _ ctx: Context) {
        for fi in found.indices where found[fi].shape == .reportAfter && found[fi].segments.isEmpty {
            let f = found[fi]
            guard let source = f.source else { continue }
            var k = f.contentEndToken + 1
            while k < ctx.tokens.count, ctx.norms[k] == "," { k += 1 }
            guard k + 1 < ctx.tokens.count, ctx.sentenceOf[k] == f.sentence,
                let c = coordinatedCue(from: f.contentStartToken, to: ctx.sentences[f.sentence].tokens.upperBound, ctx),
                c.conjunction == k
            else { continue }
            let cue = (k + 1)..<(k + 1 + c.form.tokens.count)
            if let gi = found.firstIndex(where: { $0.cue.overlaps(cue) }) {
                if found[gi].source.map({ $0.lowerBound >= f.contentStartToken && $0.lowerBound < cue.lowerBound }) ?? true {
                    found[gi].source = source
                    found[gi].sourceAfter = false
                }
                continue
            }
            guard var g = attribution(cue: cue, form: c.form, sentence: f.sentence, ctx), g.shape == .reportAfter else { continue }
            g.source = source
            g.sourceAfter = false
            g.score = f.score
            if let t = taggedSpan(g, ctx) { g.tagged = t.tokens }
            found.append(g)
        }
    }

    /// `Dock workers say the crossing loses money, and the mayor said …`: reported speech whose content runs
    /// into a later attribution's own source and cue after a clause break ends before it, so that both
    /// stand (when both clear the reported-speech threshold on their own).
    func cutBeforeLaterAttributions(_ found: inout [Found], _ ctx: Context) {
        let threshold = model?.threshold ?? 0
        for i in found.indices where found[i].segments.isEmpty && found[i].shape == .reportAfter && found[i].content.count == 1
            && found[i].score >= threshold
        {
            let r = found[i].content[0]
            var cut: Int?
            for g in found where g.cue.lowerBound > found[i].cue.lowerBound {
                // The later attribution has a source: a pronoun, or a phrase that does not end on a function
                // word (not `Asked to`, `Following a`, `some`).
                guard let gs = g.source, g.score >= threshold else { continue }
                let pronoun = gs.count == 1 && Self.pronouns.contains(ctx.norms[gs.lowerBound])
                guard pronoun || !StopWordsForPhrases.isFunctionWord(ctx.norms[gs.upperBound - 1]) else { continue }
                // A participle sharing an earlier source (`X attacked Y, saying …`) starts at its cue.
                let shared = g.sourceAfter || gs.lowerBound <= found[i].contentStartToken
                let start = shared ? g.cue.lowerBound - g.lead : min(gs.lowerBound, g.cue.lowerBound - g.lead)
                guard start > found[i].contentStartToken + 2, ctx.tokens[start].range.start > r.start,
                    ctx.tokens[g.cue.lowerBound].range.end <= r.end
                else { continue }
                let before = ctx.norms[start - 1]
                guard before == "," || before == "and" || before == "but" || before == ";" || ctx.tokens[start - 1].kind == .dash else {
                    continue
                }
                cut = min(cut ?? start, start)
            }
            guard var e = cut else { continue }
            while e > found[i].contentStartToken,
                ctx.tokens[e - 1].kind == .punctuation || ctx.tokens[e - 1].kind == .dash || ctx.norms[e - 1] == "and"
                    || ctx.norms[e - 1] == "but"
            {
                e -= 1
            }
            let s0 = found[i].contentStartToken
            guard e > s0, (s0..<e).filter({ ctx.tokens[$0].isWordLike }).count >= 2, ctx.segmentOf[e - 1] < 0 else { continue }
            found[i].content = [TextRange(start: r.start, end: ctx.tokens[e - 1].range.end)]
            found[i].contentEndToken = e - 1
        }
    }

    /// Keeps one attribution per content: the one with the more precise cue.
    func removeOverlaps(_ found: [Found]) -> [Found] {
        var out: [Found] = []
        for f in found {
            if let i = out.firstIndex(where: { o in
                o.content.contains(where: { a in f.content.contains(where: { $0.overlaps(a) }) })
            }) {
                // `“…,” White House press secretary Josh Earnest said`: of two cues for the same quotation
                // (`press`, `said`), the likelier.
                let o = out[i]
                if f.score > o.score && (o.segments.isEmpty || o.segments.first == f.segments.first) { out[i] = f }
                continue
            }
            out.append(f)
        }
        return out
    }
}

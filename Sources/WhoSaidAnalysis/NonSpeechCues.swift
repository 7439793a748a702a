import WhoSaidCore

extension QuoteAttributor {
    /// Verbs of doing that the cue stems and the cue tagger take for cues now and then, but that report no
    /// words, thought or stance of their subject: `Mayor Reyes hired two lawyers to fight the ruling`,
    /// `The council is attempting to pass a budget`, `Ames withdrew the harbour bill`, `which prompted the
    /// minister to resign`, `Ortiz waved a flag`. Verbs that can carry a message (`sent a letter saying`,
    /// `sends a message that`) or a stance (`has taken a harder line on`) are not among them.
    static let actionVerbs: Set<String> = [
        "attempt", "attempts", "attempted", "attempting",
        "monitor", "monitors", "monitored", "monitoring", "wave", "waves", "waved", "waving",
        "prompt", "prompts", "prompted", "prompting", "renew", "renews", "renewed", "renewing", "hire", "hires", "hired", "hiring",
        "withdraw", "withdraws", "withdrew", "withdrawn", "withdrawing",
    ]

    /// Whether the candidate's cue is one verb of doing (``actionVerbs``) on its own. A cue span the
    /// tagger runs past the verb (`attempted to portray`, `waves off`, `renews accusations`) holds a
    /// cue of its own and is kept.
    func actionVerbCue(_ f: Found, _ ctx: Context) -> Bool {
        guard f.cue.count == 1, Self.actionVerbs.contains(ctx.norms[f.cue.lowerBound]) else { return false }
        return (f.tagged?.upperBound ?? f.cue.upperBound) <= f.cue.upperBound
    }

    /// `“…,” Anna Quill, a fellow at the institute, said of the council.`: a cue form ending with a
    /// preposition (`said of`, `complained about`) whose source, as PolNeAR annotates it, stands before it
    /// governs the phrase after it, which is what was spoken of, not an inverted source. Such a form gives
    /// no attribution with its source after it, so that the shorter form (`said`) is tried instead.
    func governsItsObject(_ form: CueLexicon.Form) -> Bool {
        guard form.tokens.count > 1, form.sourceAfter <= 0.5, let last = form.tokens.last else { return false }
        return Self.cuePrepositions.contains(last)
    }

    /// `…, Sen. Ada Quill told The Harbour Herald on Thursday.` / `…, the mayor told reporters last week.`: a
    /// `tell` cue whose words after it up to `stop` are only its hearer (an article and capitalised words, or
    /// an object such as `reporters`) and a time (`on Thursday`, `earlier this week`). Such an attribution
    /// reports the clause before it, not its hearer.
    func hearerOnly(after cue: Range<Int>, form: CueLexicon.Form, to stop: Int, _ ctx: Context) -> Bool {
        guard form.tokens.count == 1, Self.tellForms.contains(form.tokens[0]),
            let k = hearerEnd(after: cue, to: stop, lowerCaseAfterArticle: false, ctx)
        else { return false }
        return (k..<stop).allSatisfy { i in
            ctx.segmentOf[i] < 0
                && (!ctx.tokens[i].isWordLike || Self.timeNouns.contains(ctx.norms[i]) || Self.timeOpeners.contains(ctx.norms[i])
                    || ["this", "last", "ago", "today", "yesterday", "tonight"].contains(ctx.norms[i]))
        }
    }

    /// Where the hearer right after a `tell` cue ends (`told [the] Harbour Herald`, `told reporters`, and with
    /// `lowerCaseAfterArticle` also `told the forum`): an optional article, then an object such as `reporters`
    /// or capitalised words that are no time (`Thursday`), or, after an article and only when asked, up to two
    /// lower-case words that are neither function words nor subject pronouns. Nil when no hearer follows.
    func hearerEnd(after cue: Range<Int>, to stop: Int, lowerCaseAfterArticle: Bool, _ ctx: Context) -> Int? {
        var k = cue.upperBound
        var article = false
        if k < stop, ["the", "a", "an"].contains(ctx.norms[k]) { k += 1; article = true }
        let hearer = k
        if k < stop, ctx.segmentOf[k] < 0, Self.objects.contains(ctx.norms[k]) {
            k += 1
        } else {
            while k < stop, ctx.segmentOf[k] < 0, ctx.tokens[k].isWordLike, isCapitalised(k, ctx),
                !Self.timeNouns.contains(ctx.norms[k])
            {
                k += 1
            }
            if lowerCaseAfterArticle, k == hearer, article {
                while k < stop, k - hearer < 2, ctx.segmentOf[k] < 0, ctx.tokens[k].kind == .word, !isCapitalised(k, ctx),
                    !StopWordsForPhrases.isFunctionWord(ctx.norms[k]), !Self.subjectPronouns.contains(ctx.norms[k])
                {
                    k += 1
                }
            }
        }
        return k > hearer ? k : nil
    }

    static let tellForms: Set<String> = ["told", "tells", "tell"]

    /// `told Westmoor voters this weekend he would …`, `told The Herald, “…”`: where the content starts after a
    /// `tell` cue whose hearer (an article and capitalised words, an object such as `reporters`, or an article
    /// and up to two lower-case words: `the forum`) and a time (`this weekend`, `on Thursday`) come before a
    /// clause opened by a subject pronoun or a quotation. PolNeAR leaves the hearer out of the content. Nil
    /// when the words after the cue are not so.
    func contentAfterHearer(after cue: Range<Int>, form: CueLexicon.Form, to stop: Int, _ ctx: Context) -> Int? {
        guard form.tokens.count == 1, Self.tellForms.contains(form.tokens[0]),
            var k = hearerEnd(after: cue, to: stop, lowerCaseAfterArticle: true, ctx)
        else { return nil }
        while k < stop, ctx.segmentOf[k] < 0, Self.timeNouns.contains(ctx.norms[k]) || Self.timeOpeners.contains(ctx.norms[k]) {
            k += 1
        }
        if k < stop, ctx.norms[k] == "," { k += 1 }
        guard k + 2 < stop else { return nil }
        if ctx.tokens[k].kind == .openQuote { return k }
        return Self.subjectPronouns.contains(ctx.norms[k]) && ctx.tokens[k + 1].kind == .word ? k : nil
    }

    static let subjectPronouns: Set<String> = ["he", "she", "they", "it", "we", "i", "you"]

    /// `“…,” Anna Quill, a scientist at the university, told The Harbour Herald.`: a form whose source
    /// never follows it in the training data (`told`, `tells`: the phrase after it is the hearer) takes no
    /// inverted source, even after a comma; the source is the phrase before the comma.
    func neverInverts(_ form: CueLexicon.Form) -> Bool {
        !form.key.hasPrefix("~") && form.sourceAfter == 0
    }
}

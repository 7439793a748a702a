// QuoteAttributor step: the output quotes. Builds each `Quote` from an attribution: the speaker's
// reported span and type, the cue span, the kind (direct, mixed, indirect) and the confidence.

import WhoSaidCore

extension QuoteAttributor {
    private static let anonymousWords: Set<String> = [
        "spokesman", "spokeswoman", "spokesperson", "source", "sources", "official", "officials", "aide", "aides",
        "figure", "figures", "adviser", "advisers", "insider", "insiders", "ally", "allies", "person", "people",
        "minister", "mp", "lawmaker", "staffer", "strategist",
    ]
    static let pluralAnonymousWords: Set<String> = [
        "sources", "officials", "aides", "figures", "advisers", "insiders", "allies", "people",
    ]

    /// Determiners that a source phrase read leftwards stops before (`no one`, `only 52 percent`, `my father`).
    private static let leftOutDeterminers: Set<String> = ["no", "only", "my", "our", "your"]

    /// `The operations director, Anselm Greaves,` for the source `Anselm Greaves` when it is the name in
    /// apposition to a common-noun phrase opening the sentence (``commonNounBeforeApposition``), commas
    /// included; or nil.
    private func describedName(_ s: Range<Int>, sentence si: Int, _ ctx: Context) -> Range<Int>? {
        let lo = ctx.sentences[si].tokens.lowerBound
        guard s.lowerBound - 1 > lo, s.upperBound < ctx.sentences[si].tokens.upperBound, ctx.norms[s.lowerBound - 1] == ",",
            ctx.norms[s.upperBound] == ",", commonNounBeforeApposition(endingBefore: s.upperBound, lo: lo, ctx) == s
        else { return nil }
        var s0 = lo
        while s0 < s.lowerBound, !ctx.tokens[s0].isWordLike { s0 += 1 }
        return s0..<(s.upperBound + 1)
    }

    /// `Scott Pruitt, the attorney general of Oklahoma,` for a source `the attorney general of Oklahoma, one of
    /// the states suing,` (or `the attorney general of Oklahoma` before `, which …`): an apposition whose
    /// name, opening the clause, comes before it, reported with the name and the first apposition only, as
    /// PolNeAR annotates it; or nil.
    private func nameBeforeApposition(_ s: Range<Int>, sentence si: Int, _ ctx: Context) -> Range<Int>? {
        let lo = ctx.sentences[si].tokens.lowerBound
        let hi = ctx.sentences[si].tokens.upperBound
        guard s.lowerBound - 2 >= lo, ctx.norms[s.lowerBound - 1] == ",", !isCapitalised(s.lowerBound, ctx),
            isCapitalised(s.lowerBound - 2, ctx), let name = phraseBackward(from: s.lowerBound - 2, to: lo, ctx),
            isCapitalised(name.lowerBound, ctx), !Self.determiners.contains(ctx.norms[name.lowerBound])
        else { return nil }
        let opener = name.lowerBound - 1
        guard opener < lo || ctx.tokens[opener].kind == .closeQuote || ctx.norms[opener] == "," || ctx.segmentOf[opener] >= 0
        else { return nil }
        let end: Int
        if let comma = s.first(where: { ctx.norms[$0] == "," && ctx.segmentOf[$0] < 0 }) {
            end = comma
        } else if s.upperBound < hi, ctx.norms[s.upperBound] == "," {
            end = s.upperBound
        } else {
            return nil
        }
        return name.lowerBound..<(end + 1)
    }

    /// A word of a dateline's place, written in capitals (`WASHINGTON`, `ST.`).
    private func isDatelineWord(_ i: Int, _ ctx: Context) -> Bool {
        let r = ctx.tokens[i].range
        guard ctx.tokens[i].isWordLike, r.end - r.start >= 2 else { return false }
        return (r.start..<r.end).allSatisfy { !ctx.scalars[$0].properties.isAlphabetic || ctx.scalars[$0].properties.isUppercase }
    }

    /// The subject opening sentence `si - 1`, in the same paragraph, when it is a singular body that
    /// `it` can stand for: a determiner and a noun phrase ending before an auxiliary or a verb (`The new
    /// co-operative will …`, `The Harbour Trust announced …`), whose head is no person (`The mayor`) and
    /// no plural; or nil.
    private func bodyOpeningSentence(before si: Int, _ ctx: Context) -> Range<Int>? {
        guard si > 0, !ctx.sentences[si].tokens.isEmpty,
            ctx.tokens[ctx.sentences[si].tokens.lowerBound].spaceBefore < .lineBreak
        else { return nil }
        let previous = ctx.sentences[si - 1].tokens
        var i = previous.lowerBound
        while i < previous.upperBound, !ctx.tokens[i].isWordLike { i += 1 }
        guard i + 1 < previous.upperBound, ctx.segmentOf[i] < 0, ["the", "a", "an", "this", "its"].contains(ctx.norms[i]) else {
            return nil
        }
        var j = i + 1
        while j < previous.upperBound, j - i <= 6, ctx.segmentOf[j] < 0, ctx.tokens[j].isWordLike {
            let n = ctx.norms[j]
            if StopWordsForPhrases.isFunctionWord(n) || Self.irregularPast.contains(n) { break }
            // A lower-case word ending in `ed` or `s` after the head is the verb (`The council voted`, `plans`).
            if j > i + 1, !isCapitalised(j, ctx), n.hasSuffix("ed") || (n.hasSuffix("s") && !n.hasSuffix("ss")) { break }
            j += 1
        }
        guard j > i + 1, j < previous.upperBound, ctx.tokens[j].isWordLike else { return nil }
        let head = ctx.norms[j - 1]
        guard !Self.anonymousWords.contains(head), !Self.personNouns.contains(head),
            isCapitalised(j - 1, ctx) || !(head.hasSuffix("s") && !head.hasSuffix("ss"))
        else { return nil }
        return i..<j
    }

    /// Past forms without `ed` that end a subject (`The council said`).
    private static let irregularPast: Set<String> = [
        "said", "told", "took", "made", "won", "lost", "gave", "got", "ran", "sent", "wrote", "spoke", "began", "kept",
        "left", "met", "paid", "put", "set", "sold", "held", "went", "came", "saw", "knew", "thought", "found", "felt",
    ]
    /// Heads of a subject that name a person, whom `it` never stands for.
    private static let personNouns: Set<String> = [
        "man", "woman", "boy", "girl", "chairman", "chairwoman", "chair", "mayor", "president", "leader", "owner",
        "councillor", "councilor", "senator", "governor", "father", "mother", "son", "daughter", "wife", "husband",
    ]

    /// `Shops on Tarran Mor`: a plural noun, capitalised only as the first word, before a place preposition.
    private func pluralBeforePlace(_ s: Range<Int>, _ ctx: Context) -> Bool {
        let i = s.lowerBound, n = ctx.norms[i]
        guard s.count >= 3, i == 0 || !ctx.tokens[i - 1].isWordLike, n.count > 3, n.hasSuffix("s"), !n.hasSuffix("ss"),
            ["on", "in", "at", "from", "near", "across", "around"].contains(ctx.norms[i + 1])
        else { return false }
        return true
    }

    /// The quotes of the attributions `found`, numbered `q1`, `q2`, … in the order of their content (in the
    /// order given when not `sorted`): each with its speaker (the source's reported span, named as written
    /// and typed), its cue span, its kind and its confidence.
    func quotes(from found: [Found], _ ctx: Context, sorted: Bool = true) -> [Quote] {
        var quotes: [Quote] = []
        let ordered = sorted ? found.sorted(by: { $0.content[0].start < $1.content[0].start }) : found
        for (n, f) in ordered.enumerated() {
            var speaker: Speaker?
            if let s = f.source {
                // `The operations director, Anselm Greaves, said`: the span takes in the description the name
                // is in apposition to, as PolNeAR annotates it (the model judged the name alone).
                var spanned = f.sourceAfter ? s : describedName(s, sentence: f.sentence, ctx) ?? nameBeforeApposition(s, sentence: f.sentence, ctx) ?? s
                // `A New York judge has rejected …`: a phrase opened by a determiner does not end on the name
                // before its head noun (the model judged the phrase it found).
                if spanned == s, Self.determiners.contains(ctx.norms[s.lowerBound]), s.count >= 2,
                    isCapitalised(s.upperBound - 1, ctx)
                {
                    let stop = min(ctx.sentences[f.sentence].tokens.upperBound, f.sourceAfter || f.cue.lowerBound < s.upperBound
                        ? ctx.sentences[f.sentence].tokens.upperBound : f.cue.lowerBound - f.lead)
                    var k = s.upperBound
                    while k < stop, k - s.upperBound < 2, ctx.tokens[k].kind == .word, ctx.segmentOf[k] < 0,
                        !isCapitalised(k, ctx), !StopWordsForPhrases.isFunctionWord(ctx.norms[k]), !isAdverb(k, ctx),
                        !ctx.norms[k].hasSuffix("ed"), !Self.irregularPast.contains(ctx.norms[k]),
                        lexicon.matches(ctx.norms, at: k).isEmpty
                    {
                        k += 1
                    }
                    if k > s.upperBound, k < stop, ctx.tokens[k].isWordLike { spanned = s.lowerBound..<k }
                }
                // `The Reuters/Ipsos poll showed`: names joined by a slash are one.
                if spanned.lowerBound - 2 >= ctx.sentences[f.sentence].tokens.lowerBound, ctx.norms[spanned.lowerBound - 1] == "/",
                    ctx.tokens[spanned.lowerBound - 1].spaceBefore == .none, ctx.tokens[spanned.lowerBound].spaceBefore == .none,
                    isCapitalised(spanned.lowerBound - 2, ctx), isCapitalised(spanned.lowerBound, ctx),
                    let first = phraseBackward(from: spanned.lowerBound - 2, to: ctx.sentences[f.sentence].tokens.lowerBound, ctx)
                {
                    spanned = first.lowerBound..<spanned.upperBound
                }
                // `No one expected`, `Only 52 percent of voters agreed`, `my father often said`: a determiner the
                // phrase left out opens the reported span.
                if spanned.lowerBound - 1 >= ctx.sentences[f.sentence].tokens.lowerBound,
                    Self.leftOutDeterminers.contains(ctx.norms[spanned.lowerBound - 1]),
                    !isCapitalised(spanned.lowerBound, ctx), ctx.segmentOf[spanned.lowerBound - 1] < 0
                {
                    spanned = (spanned.lowerBound - 1)..<spanned.upperBound
                }
                // `said Rep. Ada Quill, the top Democrat on the committee, in a statement.`: an inverted source's
                // apposition ends before a comma and a prepositional phrase.
                if f.sourceAfter, let comma = spanned.dropLast().first(where: {
                    ctx.norms[$0] == "," && $0 > spanned.lowerBound && Self.leadingPrepositions.contains(ctx.norms[$0 + 1])
                        && $0 + 2 < spanned.upperBound && ["a", "an", "the"].contains(ctx.norms[$0 + 2])
                }) {
                    spanned = spanned.lowerBound..<(comma + 1)
                }
                // `WASHINGTON -- President Obama said`: a dateline (a place in capitals and a dash) opening the
                // source is not reported as part of it (the model judged the whole).
                if let dash = spanned.dropLast().first(where: { ctx.tokens[$0].kind == .dash }), dash > spanned.lowerBound,
                    (spanned.lowerBound..<dash).allSatisfy({ isDatelineWord($0, ctx) || ctx.norms[$0] == "," || ctx.norms[$0] == "." }),
                    ctx.tokens[dash].spaceBefore != .none || ctx.tokens[dash + 1].spaceBefore != .none
                {
                    spanned = (dash + 1)..<spanned.upperBound
                }
                let range = TextRange(start: ctx.tokens[spanned.lowerBound].range.start, end: ctx.tokens[spanned.upperBound - 1].range.end)
                let text = ctx.text(range)
                let norms = s.map { ctx.norms[$0] }
                if s.count == 1, norms[0] == "it", let body = bodyOpeningSentence(before: f.sentence, ctx) {
                    // `The new co-operative will take over the lease. It also hopes to …`: `it` stands for the
                    // body that is the subject of the sentence before.
                    let name = ctx.text(
                        TextRange(start: ctx.tokens[body.lowerBound].range.start, end: ctx.tokens[body.upperBound - 1].range.end))
                    speaker = Speaker(name: name, type: isCapitalised(body.upperBound - 1, ctx) ? .organization : .group, span: range)
                } else if s.count == 1, Self.pronouns.contains(norms[0]) || Self.relatives.contains(norms[0]) {
                    // Named after what it stands for by `SpeakerResolver`.
                    speaker = Speaker(name: text, type: .person, span: range)
                } else {
                    let type: Speaker.Kind
                    let capitalised = s.contains { isCapitalised($0, ctx) }
                    if let head = norms.first(where: Self.anonymousWords.contains),
                        let first = norms.first, ["a", "an", "one", "the"].contains(first)
                    {
                        // `the officials`, `the sources`: a plural description is a group, as `party
                        // officials` is; one person described (`A spokesman`, `one of the aides`) is anonymous.
                        type = Self.pluralAnonymousWords.contains(head) && first == "the" ? .group : .anonymous
                    } else if !capitalised || norms.first.map({ ["many", "some", "most", "several"].contains($0) }) == true
                        // `according to a survey published by the Institute`: a described source.
                        || (f.form.tokens == ["according", "to"] && s.count > 1 && !isCapitalised(s.lowerBound, ctx)
                            && !isCapitalised(s.lowerBound + 1, ctx))
                        || isPluralCommonNoun(s.upperBound - 1, ctx) || pluralBeforePlace(s, ctx)
                    {
                        type = .group
                    } else {
                        type = .person
                    }
                    speaker = Speaker(name: text, type: type, span: range)
                }
            }
            let cueTokens = f.tagged ?? (f.cue.lowerBound - f.lead)..<f.cue.upperBound
            let cue = TextRange(start: ctx.tokens[cueTokens.lowerBound].range.start, end: ctx.tokens[cueTokens.upperBound - 1].range.end)
            let kind: Quote.Kind
            if !f.segments.isEmpty && !f.mixed {
                kind = .direct
            } else if holdsQuotation(f, ctx) {
                kind = .mixed
            } else {
                kind = .indirect
            }
            let base = kind == .direct ? 0.9 : kind == .mixed ? 0.75 : 0.6
            quotes.append(
                Quote(
                    id: "q\(n + 1)", kind: kind, speaker: speaker, cue: cue, content: f.content,
                    confidence: model == nil ? base * (0.5 + 0.5 * min(1, f.score)) : f.score))
        }
        return quotes
    }
}

// QuoteAttributor step: special constructions. Sources of `according to`, quotations signed with a
// dash, headlines that open with a name and a colon, and a transcript's speaker turns.

import WhoSaidCore

extension QuoteAttributor {
    /// `…, according to two administration officials.`: an according-to whose source, a plural
    /// description of unnamed people (`officials`, `sources`), ends the sentence after the clause it reports.
    func accordingToUnnamed(_ f: Found, _ ctx: Context) -> Bool {
        guard f.shape == .reportBefore, f.sourceAfter, f.form.tokens == ["according", "to"], let s = f.source,
            Self.pluralAnonymousWords.contains(ctx.norms[s.upperBound - 1])
        else { return false }
        let hi = ctx.sentences[f.sentence].tokens.upperBound
        return !(s.upperBound..<hi).contains { ctx.tokens[$0].isWordLike || ctx.segmentOf[$0] >= 0 }
    }

    /// `according to a survey published on Thursday by …` / `According to figures from the council, …`:
    /// a source that opens with a determiner or a plural common noun and runs to the comma that ends its
    /// clause or to the sentence end (at most ``accordingToSourceLength`` tokens, no quotation), or nil.
    /// A slash between two names stays inside (`a Westbrook News/Harlow College poll`). With
    /// `anyDescription`, the source may open with any lower-case word (`exit polls`, `state law`, `police`).
    func accordingToSource(from i: Int, hi: Int, _ ctx: Context, anyDescription: Bool = false) -> Range<Int>? {
        guard i < hi, ctx.segmentOf[i] < 0, ctx.tokens[i].kind == .word,
            !isCapitalised(i, ctx) || (anyDescription && possessiveNameOpensDescription(i, hi: hi, ctx)),
            anyDescription || Self.determiners.contains(ctx.norms[i]) || isPluralCommonNoun(i, ctx)
        else { return nil }
        var j = i
        while j < hi, j - i < Self.accordingToSourceLength {
            let t = ctx.tokens[j]
            if ctx.segmentOf[j] >= 0 || t.kind == .openQuote { return nil }
            if t.kind == .dash || (t.kind == .punctuation && !Self.accordingToSourceJoiners.contains(ctx.norms[j])) {
                break
            }
            j += 1
        }
        guard j == hi || ctx.tokens[j].kind == .punctuation || ctx.tokens[j].kind == .dash else { return nil }
        while j > i, !ctx.tokens[j - 1].isWordLike { j -= 1 }
        return j > i ? i..<j : nil
    }

    /// `Westbrook Media's fare tracker`: capitalised words, a possessive and a lower-case word, from `i`.
    private func possessiveNameOpensDescription(_ i: Int, hi: Int, _ ctx: Context) -> Bool {
        var k = i
        while k < hi, ctx.tokens[k].kind == .word, isCapitalised(k, ctx) { k += 1 }
        return k > i && k + 1 < hi && ctx.norms[k] == "'s" && ctx.tokens[k + 1].kind == .word && !isCapitalised(k + 1, ctx)
    }

    /// The most tokens a described according-to source runs to (`early results of the exit poll conducted
    /// by Marlow Research for the Northfield Gazette and regional stations` is 19).
    static let accordingToSourceLength = 24

    /// Punctuation inside a described according-to source: a hyphen, a possessive, and a slash between
    /// two names (`a Westbrook News/Harlow College poll`).
    static let accordingToSourceJoiners: Set<String> = ["-", "'s", "/"]

    /// An according-to with a described source (``accordingToSource(from:hi:_:)``) that reports the rest
    /// of its sentence: the clause before it when the source ends the sentence, or the clause after it
    /// when it opens the sentence.
    func accordingToDescribed(_ f: Found, _ ctx: Context) -> Bool {
        guard f.sourceAfter, f.form.tokens == ["according", "to"], let s = f.source,
            accordingToSource(from: s.lowerBound, hi: ctx.sentences[f.sentence].tokens.upperBound, ctx,
                anyDescription: true) == s
        else { return false }
        let sentence = ctx.sentences[f.sentence].tokens
        switch f.shape {
        case .reportBefore:
            return !(s.upperBound..<sentence.upperBound).contains { ctx.tokens[$0].isWordLike || ctx.segmentOf[$0] >= 0 }
        case .reportAfter:
            return opensSentenceAfterShortOpener(f.cue.lowerBound, sentence: sentence, ctx)
                && s.upperBound < sentence.upperBound && ctx.norms[s.upperBound] == ","
        default:
            return false
        }
    }

    /// The most words of an opener set off by a comma before a sentence-opening according-to.
    static let shortOpenerWords = 3

    /// Sentence adverbs that are no function words and have no -ly (`Meanwhile, according to …`).
    static let adverbialOpeners: Set<String> = ["meanwhile", "still", "instead", "likewise", "moreover", "furthermore", "however"]

    /// Whether `i` opens its sentence, or follows a short opener and its comma (`In addition, according to
    /// the council, …`, `However, according to …`).
    private func opensSentenceAfterShortOpener(_ i: Int, sentence: Range<Int>, _ ctx: Context) -> Bool {
        let words = (sentence.lowerBound..<i).filter { ctx.tokens[$0].isWordLike }
        if words.isEmpty { return true }
        // An adverbial opener, not a subject the according-to interrupts (`The fund, according to …, has grown`):
        // it opens with a function word or an -ly adverb (`In addition`, `However`, `Meanwhile`, `Separately`)
        // and holds no other capitalised word.
        let first = ctx.norms[words[0]]
        guard StopWords.english.contains(first) || first.hasSuffix("ly") || Self.adverbialOpeners.contains(first),
            !words.dropFirst().contains(where: { isCapitalised($0, ctx) })
        else { return false }
        return words.count <= Self.shortOpenerWords && i - 1 > sentence.lowerBound && ctx.norms[i - 1] == ","
            && !(sentence.lowerBound..<(i - 1)).contains { ctx.norms[$0] == "," || ctx.segmentOf[$0] >= 0 }
    }

    /// `“…” ― Carla Sanchez`: a quotation signed with a dash and a name that ends the paragraph.
    func dashAttributions(_ ctx: Context) -> [Found] {
        var out: [Found] = []
        for seg in ctx.segments where seg.words >= 3 {
            let d = seg.close + 1
            guard d + 1 < ctx.tokens.count, ctx.tokens[d].kind == .dash, ctx.tokens[d + 1].spaceBefore < .lineBreak,
                ["―", "—", "–"].contains(ctx.text(ctx.tokens[d].range))
            else { continue }
            var e = d + 1
            while e < ctx.tokens.count, ctx.tokens[e].spaceBefore < .lineBreak || e == d + 1 { e += 1 }
            guard let name = phrase(from: d + 1, to: e, ctx), name.upperBound >= e - 1, isCapitalised(d + 1, ctx) else {
                continue
            }
            out.append(
                Found(
                    cue: d..<(d + 1), source: name, content: [seg.range], segments: [ctx.segmentOf[seg.close]],
                    mixed: false, sentence: ctx.sentenceOf[d], contentEndToken: seg.close,
                    contentStartToken: seg.open, form: CueLexicon.Form(tokens: ["-"], precision: 0.6, sourceAfter: 1),
                    shape: .signed, sourceAfter: true, score: 0.6, lead: 0))
        }
        return out
    }

    /// `Mayor Reyes: Budget Cuts Will Hurt Schools`: a headline (the document's first paragraph) that
    /// opens with a short name and a colon reports what that source said. Not a label (`Breaking:`,
    /// `UPDATE:`, `The Latest:`, `Trouble Over Taxes:`): the name is one to four capitalised words, none
    /// in capitals throughout and none a function word, and its last word is no participle.
    func headlineAttribution(_ ctx: Context) -> Found? {
        let tokens = ctx.tokens
        var end = 1
        while end < tokens.count, tokens[end].spaceBefore < .lineBreak { end += 1 }
        guard let colon = (1..<min(end, 5)).first(where: { ctx.norms[$0] == ":" }), ctx.segmentOf[colon] < 0 else {
            return nil
        }
        let name = 0..<colon
        for k in name {
            let t = tokens[k]
            guard t.kind == .word || t.kind == .abbreviation, ctx.segmentOf[k] < 0, isCapitalised(k, ctx),
                !StopWordsForPhrases.isFunctionWord(ctx.norms[k])
            else { return nil }
            let text = ctx.text(t.range)
            if text.count > 1, text == text.uppercased() { return nil }
        }
        let last = ctx.norms[colon - 1]
        guard !last.hasSuffix("ed"), !last.hasSuffix("ing") else { return nil }
        var stop = end
        while stop > colon + 1, tokens[stop - 1].kind == .punctuation { stop -= 1 }
        guard (colon + 1..<stop).filter({ tokens[$0].isWordLike }).count >= 3 else { return nil }
        return colonAttribution(source: name, colon: colon, contentEnd: stop, score: 0.6, ctx)
    }

    /// `Source: what they said`: the attribution of a source label before a colon, reporting the tokens
    /// from after the colon up to `contentEnd` (exclusive).
    private func colonAttribution(source: Range<Int>, colon: Int, contentEnd: Int, score: Double, _ ctx: Context) -> Found {
        let content = TextRange(start: ctx.tokens[colon + 1].range.start, end: ctx.tokens[contentEnd - 1].range.end)
        return Found(
            cue: colon..<(colon + 1), source: source, content: [content], segments: [], mixed: false,
            sentence: ctx.sentenceOf[colon], contentEndToken: contentEnd - 1, contentStartToken: colon + 1,
            form: CueLexicon.Form(tokens: [":"], precision: 0.6, sourceAfter: 0), shape: .reportAfter,
            sourceAfter: false, score: score, lead: 0)
    }

    /// `SMITH: We will not raise fares.` / `“JONES: Why not?`: paragraphs opening with a speaker label (one
    /// to three words in capitals, optionally after an opening quotation mark) and a colon, in a text with
    /// two labels or more (a transcript; a lone `UPDATE:` or `CORRECTION:` is no speaker). The rest of
    /// the paragraph is the speaker's.
    func transcriptTurns(_ ctx: Context) -> [Found] {
        let tokens = ctx.tokens
        var turns: [Found] = []
        var labels = Set<String>()
        var i = 0
        while i < tokens.count {
            var end = i + 1
            while end < tokens.count, tokens[end].spaceBefore < .lineBreak { end += 1 }
            defer { i = end }
            var k = i
            if k < end, tokens[k].kind == .openQuote { k += 1 }
            let first = k
            while k < end, k - first < 3, tokens[k].kind == .word {
                let text = ctx.text(tokens[k].range)
                guard text.count > 1, text == text.uppercased(), text != text.lowercased() else { break }
                k += 1
            }
            // `Q:` and `A:` (or `Question:`, `Answer:`) in an interview: the interviewer's and the
            // interviewee's turns, named by the speaker resolver.
            if k == first, k + 1 < end, Self.interviewLabels.contains(ctx.text(tokens[k].range)) { k += 1 }
            guard k > first, k < end, ctx.norms[k] == ":" else { continue }
            // Editors' labels (`UPDATE:`, `CORRECTION:`, `EDITOR'S NOTE:`, `WATCH:`) are nobody's turn.
            guard !(first..<k).contains(where: { Self.editorialLabels.contains(ctx.norms[$0]) }) else { continue }
            let colon = k
            var stop = end
            while stop > colon + 1, !tokens[stop - 1].isWordLike { stop -= 1 }
            guard stop > colon + 1 else { continue }
            labels.insert((first..<colon).map { ctx.norms[$0] }.joined(separator: " "))
            turns.append(colonAttribution(source: first..<colon, colon: colon, contentEnd: stop, score: 1, ctx))
        }
        return labels.count >= 2 ? turns : []
    }

    /// Labels of an interview's turns, as written.
    static let interviewLabels: Set<String> = ["Q", "A", "Question", "Answer"]

    /// Words of the labels editors put before a paragraph, which are no speakers in a transcript.
    static let editorialLabels: Set<String> = [
        "update", "updated", "updates", "correction", "corrections", "clarification", "note", "editor", "editor's",
        "editors", "breaking", "watch", "read", "related", "photo", "photos", "video", "advertisement", "more",
        "also", "see", "listen", "source", "sources", "disclosure", "warning", "exclusive", "analysis", "opinion",
    ]
}

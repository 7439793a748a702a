import Foundation
import WhoSaidCore

/// Verbs that characterise their object with quoted words after `as` (`gone after`, `admires`, `rated`),
/// from `Resources/characterising-verbs.txt`: each form's tokens, by its first token, longest first.
enum CharacterisingVerbs {
    struct Form {
        var tokens: [String]
        /// The verb's first form on its line (`go after` for `gone after`).
        var lemma: String
    }

    static let byFirst: [String: [Form]] = {
        guard let url = BundledResource.url("characterising-verbs", "txt"), let data = try? Data(contentsOf: url) else {
            return [:]
        }
        return parse(String(decoding: data, as: UTF8.self))
    }()

    static func parse(_ text: String) -> [String: [Form]] {
        var out: [String: [Form]] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let forms = line.split(separator: ",").map { $0.split(separator: " ").map { String($0).lowercased() } }
                .filter { !$0.isEmpty }
            guard let lemma = forms.first?.joined(separator: " ") else { continue }
            for f in forms { out[f[0], default: []].append(Form(tokens: f, lemma: lemma)) }
        }
        for k in out.keys { out[k]!.sort { $0.tokens.count > $1.tokens.count } }
        return out
    }

    /// The form whose tokens start at `i` in `norms`, if any.
    static func match(_ norms: [String], at i: Int) -> Form? {
        byFirst[norms[i]]?.first { f in
            i + f.tokens.count <= norms.count && f.tokens.indices.allSatisfy { norms[i + $0] == f.tokens[$0] }
        }
    }
}

extension QuoteAttributor {
    /// The most tokens of an object between a characterising verb and its `as` (`22% of Republican claims`).
    static let characterisedObjectLength = 10

    /// `Ames has gone after the governor as a “reckless gambler” and a “spoiled brat.”`: a verb that
    /// characterises its object (``CharacterisingVerbs``) with quoted words after `as` attributes the
    /// object and the quotation (and the quotations coordinated with it) to the verb's subject. An
    /// attribution in `found` at the verb (the lexicon's forms are judged by the model) is kept, its reported
    /// clause ending with the quotation; otherwise one is added.
    func characterisingAttributions(_ found: inout [Found], _ ctx: Context) {
        var added: [Int] = []
        for (n, seg) in ctx.segments.enumerated() where seg.closed && seg.words >= 1 {
            let si = ctx.sentenceOf[seg.open]
            let lo = ctx.sentences[si].tokens.lowerBound
            guard ctx.sentenceOf[seg.close] == si else { continue }
            // `as`, `as a`, `as the` right before the opening mark.
            var a = seg.open - 1
            if a >= lo, ["a", "an", "the"].contains(ctx.norms[a]) { a -= 1 }
            guard a - 1 > lo, ctx.norms[a] == "as", ctx.segmentOf[a] < 0 else { continue }
            // The object, read leftwards to the verb: words, numbers and possessives only.
            var verb: (start: Int, form: CharacterisingVerbs.Form)?
            var k = a - 1
            while k >= lo, a - k <= Self.characterisedObjectLength + 2, ctx.segmentOf[k] < 0 {
                let t = ctx.tokens[k]
                guard t.isWordLike || ctx.norms[k] == "'s" || ctx.norms[k] == "%" else { break }
                // A verb form ending at `k` (`gone after` ends on `after`).
                if let v = (max(lo, k - 2)...k).lazy.compactMap({ s -> (start: Int, form: CharacterisingVerbs.Form)? in
                    guard let f = CharacterisingVerbs.match(ctx.norms, at: s), s + f.tokens.count - 1 == k else { return nil }
                    return (s, f)
                }).first {
                    verb = v
                    break
                }
                k -= 1
            }
            guard let v = verb, k + 1 < a, !isCapitalised(v.start, ctx) else { continue }
            let cue = v.start..<(k + 1)
            // The content: the object, `as` and the quotation, and quotations joined to it by `and` / `or`
            // (`as a “human leech” and a “spoiled brat”`).
            var last = n
            while last + 1 < ctx.segments.count {
                let next = ctx.segments[last + 1]
                var j = ctx.segments[last].close + 1
                if j < next.open, ctx.norms[j] == "," { j += 1 }
                guard j < next.open, ctx.norms[j] == "and" || ctx.norms[j] == "or" else { break }
                j += 1
                if j < next.open, ["a", "an", "the"].contains(ctx.norms[j]) { j += 1 }
                guard j == next.open, next.closed, ctx.sentenceOf[next.close] == si else { break }
                last += 1
            }
            let end = ctx.segments[last].close
            // An attribution the lexicon gives at the verb (`blasted Reyes as a “disgrace” on Wednesday`) keeps
            // its source and cue, and its reported clause ends with the quotation.
            if let i = found.firstIndex(where: { $0.cue.overlaps(cue) }) {
                if found[i].shape == .reportAfter, found[i].segments.isEmpty, found[i].content.count == 1,
                    found[i].contentStartToken == cue.upperBound, found[i].contentEndToken > end
                {
                    found[i].content = [TextRange(start: found[i].content[0].start, end: ctx.tokens[end].range.end)]
                    found[i].contentEndToken = end
                }
                continue
            }
            guard !added.contains(where: { found[$0].cue == cue }) else { continue }
            let form = CueLexicon.Form(
                tokens: v.form.tokens, precision: CueLexicon.minimumPrecision, sourceAfter: 0, key: v.form.lemma, contentQuote: 1)
            guard var f = attribution(cue: cue, form: form, sentence: si, ctx), hasSubjectBefore(f, ctx) else { continue }
            f.content = [TextRange(start: ctx.tokens[cue.upperBound].range.start, end: ctx.tokens[end].range.end)]
            f.segments = []
            f.shape = .reportAfter
            f.contentStartToken = cue.upperBound
            f.contentEndToken = end
            f.setOff = false
            f.score = Self.characterisingScore
            added.append(found.count)
            found.append(f)
        }
    }

    /// Whether `f` has a subject before its cue for source: a pronoun, or a phrase that does not end on a
    /// function word (not `between`, `Clinton declared - or`).
    func hasSubjectBefore(_ f: Found, _ ctx: Context) -> Bool {
        guard !f.sourceAfter, let s = f.source else { return false }
        return (s.count == 1 && Self.pronouns.contains(ctx.norms[s.lowerBound]))
            || !StopWordsForPhrases.isFunctionWord(ctx.norms[s.upperBound - 1])
    }

    /// The score a characterising attribution is given (no model judges it), which decides overlaps.
    static let characterisingScore = 0.5
}

extension QuoteAttributor {
    /// Whether token `i` is a capitalised word after another one in a sentence of running text (three
    /// lower-case words or more that are no function words): part of a name (`on The Morning Show`), not
    /// a cue. Title-case headlines (`Mayor Reyes Says Fares Will Rise`) have their cues.
    func insideName(_ i: Int, sentence: Range<Int>, _ ctx: Context) -> Bool {
        guard i - 1 >= sentence.lowerBound, isCapitalised(i, ctx), ctx.tokens[i - 1].kind == .word, isCapitalised(i - 1, ctx)
        else { return false }
        var lower = 0
        for k in sentence where ctx.tokens[k].kind == .word && !isCapitalised(k, ctx) && !StopWordsForPhrases.isFunctionWord(ctx.norms[k]) {
            lower += 1
            if lower >= 3 { return true }
        }
        return false
    }
}

extension QuoteAttributor {
    /// `Reyes made the following comment:` / `The mayor issued the following statement:` before a
    /// quotation (often the next paragraph): the verb, `the following` and its noun are the cue, the subject
    /// before them the source and the quotation the content. Only where no attribution in `found` already
    /// has the verb for cue.
    func followingAttributions(_ ctx: Context, besides found: [Found]) -> [Found] {
        var out: [Found] = []
        for (si, sentence) in ctx.sentences.enumerated() {
            let lo = sentence.tokens.lowerBound
            let hi = sentence.tokens.upperBound
            for i in sentence.tokens where i - 1 > lo && i + 1 < hi && ctx.norms[i] == "following" && ctx.norms[i - 1] == "the" {
                let v = i - 2
                guard ctx.segmentOf[v] < 0, ctx.tokens[v].kind == .word, !isCapitalised(v, ctx),
                    !StopWordsForPhrases.isFunctionWord(ctx.norms[v]), !found.contains(where: { $0.cue.contains(v) })
                else { continue }
                // `the following:` or `the following statement:`.
                var colon = i + 1
                if ctx.tokens[colon].kind == .word, !isCapitalised(colon, ctx) { colon += 1 }
                guard colon < ctx.tokens.count, ctx.norms[colon] == ":", colon + 1 < ctx.tokens.count else { continue }
                let q = ctx.segmentOf[colon + 1]
                guard q >= 0, ctx.segments[q].open == colon + 1, ctx.segments[q].words >= 3 else { continue }
                let cue = v..<colon
                let form = CueLexicon.Form(
                    tokens: cue.map { ctx.norms[$0] }, precision: CueLexicon.minimumPrecision, sourceAfter: 0,
                    key: ctx.norms[v], contentQuote: 1)
                guard var f = attribution(cue: cue, form: form, sentence: si, ctx), hasSubjectBefore(f, ctx) else { continue }
                f.cue = v..<(colon + 1)
                f.content = [ctx.segments[q].range]
                f.segments = [q]
                f.mixed = false
                f.shape = .quoteAfter
                f.contentStartToken = ctx.segments[q].open
                f.contentEndToken = ctx.segments[q].close
                f.setOff = false
                f.score = Self.characterisingScore
                out.append(f)
            }
        }
        return out
    }
}

extension QuoteAttributor {
    /// Prepositions of place or motion after a participle in a subject (`marching through`, `filing into`).
    static let motionPrepositions: Set<String> = [
        "through", "across", "along", "outside", "around", "into", "near", "past", "toward", "towards",
    ]

    /// For a source `s` found before a cue that follows a participle in `-ing` and a preposition of place or
    /// motion (`Protesters marching through the streets chanted`, `the voters filing into the hall were`),
    /// the noun phrase before the participle (`Protesters`), or nil.
    func subjectBeforeMotion(_ s: Range<Int>, lo: Int, _ ctx: Context) -> Range<Int>? {
        let p = s.lowerBound - 1
        guard p - 2 >= lo, Self.motionPrepositions.contains(ctx.norms[p]), ctx.segmentOf[p - 1] < 0,
            ctx.tokens[p - 1].kind == .word, ctx.norms[p - 1].hasSuffix("ing"), !isCapitalised(p - 1, ctx),
            let np = phraseBackward(from: p - 2, to: lo, ctx), np.upperBound == p - 1,
            !StopWordsForPhrases.isFunctionWord(ctx.norms[p - 2])
        else { return nil }
        return np
    }
}

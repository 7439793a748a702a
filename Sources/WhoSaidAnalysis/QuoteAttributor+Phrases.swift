// QuoteAttributor step: source phrases. Reads the noun phrase of a source forwards or backwards from a
// cue, the subject opening a sentence, and names with their appositions, parentheses and asides.

import WhoSaidCore

extension QuoteAttributor {
    // Looked up for most tokens of a document (``features(_:_:)``): string tables, not sets.
    static let pronouns = StringTable(members: ["he", "she", "they", "i", "we", "it", "you"])
    static let relatives = StringTable(members: ["who", "which", "that"])
    static let determiners = StringTable(members: [
        "the", "a", "an", "one", "some", "many", "several", "most", "few", "two", "three", "his", "her", "their", "its",
        "other", "another", "senior", "former", "top", "both", "these", "those", "this", "all",
    ])

    /// Prepositions that attach a phrase to the noun before it inside a source.
    private static let attachingPrepositions: Set<String> = ["of", "in", "on", "from", "at", "for", "with", "and"]

    /// Function words allowed inside a noun phrase.
    private static let phraseGlue: Set<String> = ["of", "for", "'s", "-", "&", "and", "at", "de", "van", "von"]

    /// `Name, apposition,` before a cue: the name and its appositions, commas included
    /// (`Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said`). The name is
    /// the farthest capitalised phrase that opens the clause (after a quotation or at the sentence start).
    func appositiveSource(endingBefore comma: Int, lo: Int, _ ctx: Context) -> Range<Int>? {
        var k = comma - 1
        var best: Range<Int>?
        while k > lo, comma - k < 30 {
            if ctx.segmentOf[k] >= 0 || ctx.tokens[k].kind == .closeQuote {
                // `Nadia Okonjo, who leads the “Common Ground” group, said`: a quoted name in the apposition.
                let g = ctx.segmentOf[k]
                if g >= 0, ctx.segments[g].closed, ctx.segments[g].close == k, ctx.segments[g].words <= 4,
                    ctx.segments[g].open + 1 < k, isCapitalised(ctx.segments[g].open + 1, ctx)
                {
                    k = ctx.segments[g].open - 1
                    continue
                }
                break
            }
            let open = k - 1 > lo && ctx.norms[k] == "," ? parenthesisBefore(k - 1, lo: lo, ctx) : nil
            let nameEnd = (open ?? k) - 1
            if ctx.norms[k] == ",", nameEnd >= lo, isCapitalised(nameEnd, ctx),
                let found = phraseBackward(from: nameEnd, to: lo, ctx)
            {
                let name = found.lowerBound..<k
                let opener = name.lowerBound - 1
                let opensClause = opener < lo || ctx.tokens[opener].kind == .closeQuote || ctx.norms[opener] == ","
                    || ctx.segmentOf[opener] >= 0
                // `Clinton, at Monday’s debate, said`: a phrase that is no apposition leaves the name alone.
                let apposition = k + 1 < comma && !Self.nonAppositive.contains(ctx.norms[k + 1])
                    && !(ctx.norms[k + 1].hasSuffix("ing") && !isCapitalised(k + 1, ctx))
                if best == nil || opensClause { best = apposition ? name.lowerBound..<(comma + 1) : name }
                if opensClause { break }
            }
            k -= 1
        }
        return best
    }

    /// A common-noun phrase opening the sentence with a determiner and followed by an apposition or a
    /// relative clause that runs to the comma `comma` before the cue (`The survey, carried out for the
    /// Ledger by Hallcroft Research,`): the phrase without its apposition, or nil.
    func commonNounBeforeApposition(endingBefore comma: Int, lo: Int, _ ctx: Context) -> Range<Int>? {
        var s0 = lo
        while s0 < comma, !ctx.tokens[s0].isWordLike { s0 += 1 }
        // `Bluewake's operations director, Anselm Greaves,`: a possessive name serves as the determiner.
        let possessive = s0 + 2 < comma && isCapitalised(s0, ctx) && ctx.norms[s0 + 1] == "'s"
        let head = possessive ? s0 + 2 : s0 + 1
        guard s0 < comma, ctx.segmentOf[s0] < 0, Self.determiners.contains(ctx.norms[s0]) || possessive,
            let c = (head..<min(comma, s0 + 10)).first(where: { ctx.norms[$0] == "," }), c > head,
            ctx.tokens[head].kind == .word, !isCapitalised(head, ctx),
            !StopWordsForPhrases.isFunctionWord(ctx.norms[head]),
            possessive || phraseBackward(from: c - 1, to: lo, ctx)?.lowerBound == s0,
            comma - c >= 3,
            // `A spokeswoman for the transport authority, which subsidises the route,`
            !Self.nonAppositive.contains(ctx.norms[c + 1]) || ctx.norms[c + 1] == "which" || ctx.norms[c + 1] == "who",
            !Self.pronouns.contains(ctx.norms[c + 1]),
            !(c + 1..<comma).contains(where: { ctx.segmentOf[$0] >= 0 || ctx.tokens[$0].kind == .openQuote
                || ctx.tokens[$0].kind == .closeQuote })
        else { return nil }
        // `Another critic, Laurence H. Tribe, likened`: a name in apposition is left alone (taking the
        // whole phrase lowered PolNeAR dev content_lenient_f1 0.5544 to 0.5542: its cue is `likened … to`).
        // `The operations director, Anselm Greaves, said`: a name that is the whole apposition is the source.
        if isCapitalised(c + 1, ctx) {
            return phraseBackward(from: comma - 1, to: lo, ctx)?.lowerBound == c + 1 ? (c + 1)..<comma : nil
        }
        return s0..<c
    }

    /// The subject that opens the sentence (a name or a pronoun, after an optional opening phrase
    /// ending with a comma is not followed): `Clinton` in `Clinton spoke …, arguing …`, or nil.
    func sentenceSubject(lo: Int, before end: Int, _ ctx: Context) -> Range<Int>? {
        var i = lo
        while i < end, !ctx.tokens[i].isWordLike { i += 1 }
        // `In the spin room, Vale's aides were …`, `Chastened by the figures, Vale …`: an opening prepositional
        // or participial phrase ending with a comma comes before the subject (a name or a pronoun).
        if i + 1 < end, Self.leadingPrepositions.contains(ctx.norms[i])
            || (isCapitalised(i, ctx) && (ctx.norms[i].hasSuffix("ed") || ctx.norms[i].hasSuffix("ing"))
                && ctx.tokens[i + 1].kind == .word && !isCapitalised(i + 1, ctx)
                && StopWordsForPhrases.isFunctionWord(ctx.norms[i + 1])),
            let comma = (i + 1..<min(end - 1, i + 24)).first(where: {
                ctx.norms[$0] == "," && (isCapitalised($0 + 1, ctx) || Self.pronouns.contains(ctx.norms[$0 + 1]))
            }),
            !(i..<comma).contains(where: { ctx.segmentOf[$0] >= 0 })
        {
            i = comma + 1
            while i < end, !ctx.tokens[i].isWordLike { i += 1 }
        }
        guard i < end, ctx.segmentOf[i] < 0, isCapitalised(i, ctx) || Self.pronouns.contains(ctx.norms[i]) else { return nil }
        guard var np = phrase(from: i, to: end, ctx) else { return nil }
        // `Obama's aides were …`: a possessive name and the noun it determines.
        if np.upperBound + 1 < end, ctx.norms[np.upperBound] == "'s" {
            var k = np.upperBound + 1
            while k < end, k - np.upperBound <= 2, ctx.tokens[k].kind == .word, !isCapitalised(k, ctx),
                !StopWordsForPhrases.isFunctionWord(ctx.norms[k]), !isAdverb(k, ctx)
            {
                k += 1
            }
            if k > np.upperBound + 1 { np = np.lowerBound..<k }
        }
        guard np.upperBound < end, ctx.tokens[np.upperBound].isWordLike, !isCapitalised(np.upperBound, ctx) else { return nil }
        return np
    }

    /// The name or pronoun that opens the sentence as its subject, followed by a lower-case word
    /// (`Mr. Trump` in `Mr. Trump took to Twitter to …`), or nil. Stricter than `sentenceSubject`: every word of
    /// the name is capitalised and none is a determiner.
    func openingName(lo: Int, before end: Int, _ ctx: Context) -> Range<Int>? {
        var i = lo
        while i < end, !ctx.tokens[i].isWordLike { i += 1 }
        guard i < end, ctx.segmentOf[i] < 0, !Self.timeWords.contains(ctx.norms[i]) else { return nil }
        var j = i
        if Self.pronouns.contains(ctx.norms[i]) {
            j = i + 1
        } else {
            while j < end, ctx.segmentOf[j] < 0, ctx.tokens[j].isWordLike || ctx.norms[j] == "." || ctx.norms[j] == "-",
                ctx.norms[j] == "." || ctx.norms[j] == "-" || isCapitalised(j, ctx), j - i < 6
            {
                if ctx.tokens[j].isWordLike, Self.determiners.contains(ctx.norms[j]) || StopWordsForPhrases.isFunctionWord(ctx.norms[j]) {
                    return nil
                }
                j += 1
            }
        }
        guard j > i, j < end, ctx.tokens[j].kind == .word, !isCapitalised(j, ctx),
            !StopWordsForPhrases.isFunctionWord(ctx.norms[j]) || Self.interveners.contains(ctx.norms[j])
        else { return nil }
        return i..<j
    }

    /// The source of a `said` (or `told`, `wrote`, …) shortly before the comma `comma` (`the mayor said`,
    /// `said the mayor`, `Reyes said in a statement`), or nil.
    func speakerOfSayingBefore(_ comma: Int, lo: Int, _ ctx: Context) -> Range<Int>? {
        var k = comma - 1
        while k >= lo, comma - k <= 8, ctx.segmentOf[k] < 0, ctx.tokens[k].kind != .punctuation || ctx.norms[k] == "." {
            if Self.sayingWords.contains(ctx.norms[k]) {
                var b = k - 1
                while b >= lo, Self.interveners.contains(ctx.norms[b]) || isAdverb(b, ctx) { b -= 1 }
                if b >= lo, ctx.tokens[b].isWordLike, let np = phraseBackward(from: b, to: lo, ctx) { return np }
                if k + 1 < comma, let np = phrase(from: k + 1, to: comma, ctx) { return np }
                return nil
            }
            k -= 1
        }
        return nil
    }

    private static let sayingWords: Set<String> = ["said", "says", "told", "wrote", "writes", "added", "adds"]

    /// Words that cannot open an appositive after an inverted source (`said Roe, adding …`).
    private static let nonAppositive: Set<String> = [
        "and", "but", "or", "so", "as", "because", "if", "when", "while", "although", "though", "in", "on", "at",
        "during", "after", "before", "with", "without", "for", "to", "from", "by", "about", "according", "via",
        "which", "where", "that", "then", "also", "however", "referring", "adding", "noting", "citing", "saying",
        "speaking", "explaining", "pointing", "arguing", "asking", "calling", "describing", "suggesting",
        "like", "unlike", "under", "including", "despite", "instead", "meanwhile", "too", "though",
    ]

    /// The end of `Name, apposition` after an inverted source `s` (one past its last word), when the
    /// apposition runs to the end of the sentence with no quotation in it, or nil.
    func appositiveAfter(_ s: Range<Int>, hi: Int, _ ctx: Context) -> Int? {
        let comma = s.upperBound
        guard comma + 1 < hi, ctx.norms[comma] == ",", ctx.tokens[comma + 1].isWordLike else { return nil }
        let first = ctx.norms[comma + 1]
        guard !Self.nonAppositive.contains(first), !Self.timeWords.contains(first),
            !(first.hasSuffix("ing") && !isCapitalised(comma + 1, ctx)), !Self.pronouns.contains(first)
        else { return nil }
        var end = hi
        while end > comma + 1, !ctx.tokens[end - 1].isWordLike, ctx.tokens[end - 1].kind != .closeQuote { end -= 1 }
        guard end - comma <= 40,
            !(comma + 1..<end).contains(where: { ctx.segmentOf[$0] >= 0 || ctx.tokens[$0].kind == .openQuote })
        else { return nil }
        return end
    }

    /// The opening bracket of a short parenthesis ending at token `close` that follows a capitalised
    /// word (`Moore (D-Wis.)`), or nil.
    func parenthesisBefore(_ close: Int, lo: Int, _ ctx: Context) -> Int? {
        guard ctx.norms[close] == ")",
            let open = (max(lo, close - 8)..<close).last(where: { ctx.norms[$0] == "(" }), open > lo,
            isCapitalised(open - 1, ctx)
        else { return nil }
        return open
    }

    /// The opening dash of an aside set off by dashes that ends at the dash `close` and follows a
    /// word (`Okoro-Lyle — who bought shares for his grandchildren —`), or nil.
    func dashAsideBefore(_ close: Int, lo: Int, _ ctx: Context) -> Int? {
        guard ctx.tokens[close].kind == .dash, ctx.tokens[close - 1].isWordLike else { return nil }
        var k = close - 2
        while k > lo, close - k < 30 {
            if ctx.segmentOf[k] >= 0 || ctx.tokens[k].kind == .openQuote || ctx.tokens[k].kind == .closeQuote { return nil }
            if ctx.tokens[k].kind == .dash {
                return ctx.tokens[k - 1].isWordLike && ctx.tokens[k + 1].isWordLike ? k : nil
            }
            k -= 1
        }
        return nil
    }

    /// The closing bracket of a short parenthesis opening at token `open` (`(R-Fla.)`), or nil.
    private func parenthesisAfter(_ open: Int, hi: Int, _ ctx: Context) -> Int? {
        guard open < hi, ctx.norms[open] == "(" else { return nil }
        return (open + 1..<min(hi, open + 8)).first(where: { ctx.norms[$0] == ")" })
    }

    /// Prepositions that open a phrase saying where or how something was said (`said in an interview`).
    static let leadingPrepositions: Set<String> = [
        "on", "in", "at", "during", "after", "before", "while", "from", "to", "through", "via", "over", "outside", "with",
    ]

    /// Words naming a time, which follow cues (`said Thursday`) without being their source.
    static let timeWords: Set<String> = dayNames.union([
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "today", "yesterday", "tonight", "last", "this", "next", "earlier", "later", "on",
        "in", "at", "during",
    ])

    /// A noun phrase starting at `i` (`Labour donor John Mills`, `the London Evening Standard`, `he`).
    func phrase(from i: Int, to hi: Int, _ ctx: Context, commonNoun: Bool = false) -> Range<Int>? {
        let t = ctx.tokens[i]
        guard ctx.segmentOf[i] < 0, t.isWordLike, !Self.timeWords.contains(ctx.norms[i]) else { return nil }
        if Self.pronouns.contains(ctx.norms[i]) { return i..<(i + 1) }
        // A role before a name (`harbour master Alma Reyes`, `fisherman Tom Vale`) starts lower-case.
        let roleBeforeName = (i + 1..<min(hi, i + 4)).contains { isCapitalised($0, ctx) }
            && !StopWordsForPhrases.isFunctionWord(ctx.norms[i])
        guard isCapitalised(i, ctx) || Self.determiners.contains(ctx.norms[i]) || roleBeforeName
            || (commonNoun && !StopWordsForPhrases.isFunctionWord(ctx.norms[i]))
        else { return nil }
        var j = i
        var sawName = false
        while j < hi, j - i < 9 {
            let u = ctx.tokens[j]
            if ctx.segmentOf[j] >= 0 { break }
            if u.kind == .punctuation && ctx.norms[j] != "-" && ctx.norms[j] != "'s" { break }
            if !u.isWordLike && ctx.norms[j] != "-" && ctx.norms[j] != "'s" { break }
            let n = ctx.norms[j]
            if isCapitalised(j, ctx) { sawName = true }
            // Stop at function words that end the phrase, and at verbs after a name.
            if j > i, StopWordsForPhrases.isFunctionWord(n), !Self.phraseGlue.contains(n), !Self.determiners.contains(n) {
                break
            }
            if j > i, sawName, !isCapitalised(j, ctx), !Self.phraseGlue.contains(n), ctx.norms[j - 1] != "of" {
                // `said Smith yesterday`: lower-case words after a name end the phrase, unless they
                // continue a title (`political correspondent Lewis Goodall`).
                if !(j + 1 < hi && isCapitalised(j + 1, ctx)) && !(j + 2 < hi && isCapitalised(j + 2, ctx)) { break }
            }
            j += 1
        }
        while j > i, Self.phraseGlue.contains(ctx.norms[j - 1]) { j -= 1 }
        if j > i, isCapitalised(j - 1, ctx), let close = parenthesisAfter(j, hi: hi, ctx) { j = close + 1 }
        return j > i ? i..<j : nil
    }

    /// The noun phrase ending at `i`, read leftwards (`Former Labour MP Ruth Smeeth`, `A spokesman`,
    /// `Many in the centre and on the right of the party`).
    func phraseBackward(from i: Int, to lo: Int, _ ctx: Context) -> Range<Int>? {
        guard ctx.segmentOf[i] < 0, ctx.tokens[i].isWordLike else { return nil }
        if Self.pronouns.contains(ctx.norms[i]) || Self.relatives.contains(ctx.norms[i]) { return i..<(i + 1) }
        var j = i
        while j - 1 >= lo, i - j < 10 {
            let k = j - 1
            let u = ctx.tokens[k]
            let n = ctx.norms[k]
            if ctx.segmentOf[k] >= 0 { break }
            if u.kind == .punctuation && n != "-" && n != "'s" { break }
            if !u.isWordLike && n != "-" && n != "'s" { break }
            if Self.pronouns.contains(n) || Self.relatives.contains(n) { break }
            if StopWordsForPhrases.isFunctionWord(n), !Self.phraseGlue.contains(n), !Self.determiners.contains(n),
                n != "in", n != "on", n != "the"
            {
                break
            }
            j = k
            if Self.determiners.contains(n) && (k - 1 < lo || !isCapitalised(k - 1, ctx)) && n != "senior" && n != "former"
                && n != "top"
            {
                // A noun phrase with a prepositional phrase (`Many in the centre and on the right of
                // the party`, `One prominent figure from the left`) goes on through the preposition.
                if k - 2 >= lo, Self.attachingPrepositions.contains(ctx.norms[k - 1]), ctx.segmentOf[k - 2] < 0,
                    ctx.tokens[k - 2].isWordLike, !Self.pronouns.contains(ctx.norms[k - 2])
                {
                    j = k - 1
                    continue
                }
                break
            }
        }
        // Do not start on glue words (but `De Blasio`, `van Hollen`: a particle opening a name stays).
        while j < i, Self.phraseGlue.contains(ctx.norms[j]) || ctx.norms[j] == "in" || ctx.norms[j] == "on",
            !(Self.nameParticles.contains(ctx.norms[j]) && isCapitalised(j + 1, ctx))
        {
            j += 1
        }
        return i + 1 > j ? j..<(i + 1) : nil
    }

    /// Particles inside names (`de Blasio`, `van Hollen`).
    private static let nameParticles: Set<String> = ["de", "van", "von"]

    /// A lower-case word ending in `ly` (`together` aside, adverbs between a source and its cue).
    func isAdverb(_ i: Int, _ ctx: Context) -> Bool {
        let n = ctx.norms[i]
        return n.count > 4 && n.hasSuffix("ly") && !isCapitalised(i, ctx) && ctx.tokens[i].kind == .word
            && !["family", "rally", "ally", "italy", "july", "assembly", "supply", "daily", "weekly", "monthly"].contains(n)
    }

    /// A lower-case word ending in `s` that is not a name: `figures`, `officials`, `critics`.
    func isPluralCommonNoun(_ i: Int, _ ctx: Context) -> Bool {
        let n = ctx.norms[i]
        return !isCapitalised(i, ctx) && n.count > 3 && n.hasSuffix("s") && !n.hasSuffix("ss")
    }

    func isCapitalised(_ i: Int, _ ctx: Context) -> Bool {
        let t = ctx.tokens[i]
        return t.isWordLike && ctx.scalars[t.range.start].properties.isUppercase
    }
}


/// Function words that end a noun phrase.
enum StopWordsForPhrases {
    static func isFunctionWord(_ norm: String) -> Bool { StopWords.english.contains(norm) }
}

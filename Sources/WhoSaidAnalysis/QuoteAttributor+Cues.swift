// QuoteAttributor step: candidate attributions at the cue forms of the lexicon. At each cue,
// `attribution(cue:form:sentence:_:)` finds the source (before the cue, or after it for inverted cues) and
// the content (an adjacent quotation, or the clause after or before the cue).

import WhoSaidCore

extension QuoteAttributor {
    /// Attributions at every cue form outside quotations: at each token, the longest form that gives
    /// one (and, with a model, that the model accepts).
    func candidates(_ ctx: Context) -> [Found] {
        var found: [Found] = []
        for (si, sentence) in ctx.sentences.enumerated() {
            var i = sentence.tokens.lowerBound
            while i < sentence.tokens.upperBound {
                guard ctx.segmentOf[i] < 0, ctx.tokens[i].kind == .word || ctx.tokens[i].kind == .abbreviation else {
                    i += 1
                    continue
                }
                var next = i + 1
                // `on The Morning Show`, `The Daily Report`: a capitalised word inside a name in running text is
                // no cue.
                if insideName(i, sentence: sentence.tokens, ctx) {
                    i += 1
                    continue
                }
                for form in lexicon.matches(ctx.norms, at: i) where i + form.tokens.count <= sentence.tokens.upperBound {
                    let cue = i..<(i + form.tokens.count)
                    // `said about 60 people had …`, `said over 200 …`: a preposition before a number is an
                    // approximation opening the content, not part of the cue.
                    if let last = form.tokens.last, Self.cuePrepositions.contains(last), form.tokens.count > 1,
                        cue.upperBound < sentence.tokens.upperBound, ctx.tokens[cue.upperBound].kind == .number
                    {
                        continue
                    }
                    if var f = attribution(cue: cue, form: form, sentence: si, ctx) {
                        // The tagger sets the span's boundaries when it tags the cue's head word.
                        if let t = taggedSpan(f, ctx) { f.tagged = t.tokens }
                        if var g = laterCueOfSubject(f, sentence: sentence.tokens, ctx) {
                            if let t = taggedSpan(g, ctx) { g.tagged = t.tokens }
                            g.subjectWordAttribution = [f]
                            f = g
                        }
                        found.append(f)
                        next = f.cue.upperBound
                        break
                    }
                }
                i = next
            }
        }
        return found
    }

    /// The most tokens between a cue word inside a subject and the verb after it (``laterCueOfSubject(_:sentence:_:)``).
    static let subjectCueReach = 8

    /// `The Reyes campaign plans to …`, `A harbour board report released last year found …`, `the mayor's
    /// former campaign adviser said …`: an imprecise cue word inside the subject (`campaign`, `report`,
    /// `released`) whose clause goes on, with no punctuation between, to a more precise cue whose source
    /// (before it) opens before that word and holds it and its source. The attribution at the later cue, or nil.
    private func laterCueOfSubject(_ f: Found, sentence: Range<Int>, _ ctx: Context) -> Found? {
        guard f.form.precision < CueLexicon.minimumPrecision, !f.sourceAfter, taggedSpan(f, ctx) == nil else { return nil }
        var j = f.cue.upperBound
        while j < sentence.upperBound, j - f.cue.upperBound < Self.subjectCueReach {
            let t = ctx.tokens[j]
            if ctx.segmentOf[j] >= 0 || t.kind == .openQuote || t.kind == .dash { return nil }
            if t.kind == .punctuation && ctx.norms[j] != "'s" && ctx.norms[j] != "-" { return nil }
            if t.kind == .word, !isCapitalised(j, ctx) {
                for form in lexicon.matches(ctx.norms, at: j) where j + form.tokens.count <= sentence.upperBound {
                    guard form.precision > f.form.precision,
                        let g = attribution(cue: j..<(j + form.tokens.count), form: form, sentence: f.sentence, ctx)
                    else { continue }
                    guard let gs = g.source, !g.sourceAfter, gs.lowerBound < f.cue.lowerBound, gs.contains(f.cue.lowerBound),
                        f.source.map({ $0.lowerBound >= gs.lowerBound }) ?? true
                    else { return nil }
                    return g
                }
            }
            j += 1
        }
        return nil
    }

    /// Words between a source and its cue that belong to neither (`Smith also said`).
    static let interveners: Set<String> = [
        "also", "later", "previously", "recently", "often", "repeatedly", "once", "then", "now", "had", "has", "have",
        "would", "will", "was", "is", "were", "are", "did", "does", "do", "still", "again", "publicly", "privately",
        "reportedly", "initially", "earlier", "already", "even", "first", "further", "simply", "just", "not", "never",
        "openly", "quickly", "flatly", "bluntly", "could", "might", "may", "should", "can", "must", "perhaps", "almost",
        "'s", "'re", "'ve", "'d", "'ll", "'m", "didn't", "doesn't", "don't", "wasn't", "isn't", "hasn't", "haven't",
        "hadn't", "won't", "wouldn't", "can't", "couldn't", "weren't", "aren't", "shouldn't",
    ]

    /// Conjunctions that, after a comma, start a clause outside the reported speech.
    private static let clauseBreakers: Set<String> = ["but", "though", "although", "while", "whereas", "even"]

    /// The attribution at `cue`, a match of `form` in sentence `si`: its source and its content, or nil
    /// when the cue reports nothing.
    func attribution(cue: Range<Int>, form: CueLexicon.Form, sentence si: Int, _ ctx: Context) -> Found? {
        let sentence = ctx.sentences[si]
        let tokens = ctx.tokens
        let lo = sentence.tokens.lowerBound
        let hi = sentence.tokens.upperBound
        // The cue takes in a colon right after it (`says:`, 222 of 240 in train) and a preposition that
        // governs the content (`complained about`, `warned against`; not after `say`: `said of` is rarely a cue).
        var cue = cue
        if cue.upperBound < hi, ctx.segmentOf[cue.upperBound] < 0, let last = form.tokens.last,
            !Self.cuePrepositions.contains(last), last != ":"
        {
            let next = ctx.norms[cue.upperBound]
            let say = form.key == "say" || form.stem == "say"
            if next == ":" || (!say && Self.cuePrepositions.contains(next)),
                cue.upperBound + 1 < hi, ctx.tokens[cue.upperBound + 1].isWordLike || ctx.tokens[cue.upperBound + 1].kind == .openQuote
            {
                cue = cue.lowerBound..<(cue.upperBound + 1)
            }
        }
        // The token just before the cue, skipping adverbs and auxiliaries (and `been` before a participle in
        // `-ing`: `has been steadily pounding`; a passive `has been rebuked by` keeps its agent after it).
        let progressive = form.tokens[0].hasSuffix("ing")
        var left = cue.lowerBound - 1
        while left >= lo, Self.interveners.contains(ctx.norms[left]) || isAdverb(left, ctx) || (progressive && ctx.norms[left] == "been") {
            left -= 1
        }
        // `went on to say`, `, going on to argue`: `go on` belongs to the cue.
        var goesOn = false
        if left - 1 >= lo, ctx.norms[left] == "on", Self.goForms.contains(ctx.norms[left - 1]) {
            goesOn = ctx.norms[left - 1] == "going"
            left -= 2
            while left >= lo, Self.interveners.contains(ctx.norms[left]) || isAdverb(left, ctx) { left -= 1 }
        }
        let leadStart = left + 1
        // `Sanders on Tuesday said`: a time phrase between the source and the cue belongs to neither.
        // (`who in 2010 said`, `Smith in 2012 said`: a year, too, after a pronoun or a name; `an ad in 2008`
        // keeps its year.)
        var year = false
        if left - 2 >= lo, ctx.tokens[left].kind == .number, ctx.norms[left].count == 4,
            ctx.norms[left].hasPrefix("19") || ctx.norms[left].hasPrefix("20")
        {
            let before = left - 2
            year = Self.pronouns.contains(ctx.norms[before]) || Self.relatives.contains(ctx.norms[before])
                || (isCapitalised(before, ctx) && phraseBackward(from: before, to: lo, ctx).map { isCapitalised($0.lowerBound, ctx)
                    && !Self.determiners.contains(ctx.norms[$0.lowerBound]) } == true)
        }
        if left - 1 > lo, Self.timeNouns.contains(ctx.norms[left]) || year, Self.timeOpeners.contains(ctx.norms[left - 1]) {
            left -= 2
            while left >= lo, Self.interveners.contains(ctx.norms[left]) || isAdverb(left, ctx) { left -= 1 }
        }
        // `Rep. Gwen Moore (D-Wis.) said`: a short parenthesis after a name belongs to the source.
        let parenthesis = left > lo ? parenthesisBefore(left, lo: lo, ctx) : nil
        // `Desmond Okoro-Lyle — who bought shares … — said`: a dash-bounded aside leaves the source before it.
        let dashAside = parenthesis == nil && left > lo ? dashAsideBefore(left, lo: lo, ctx) : nil
        let leftIsPunct = parenthesis == nil && dashAside == nil
            && (left < lo || tokens[left].kind == .punctuation || tokens[left].kind == .closeQuote
                || tokens[left].kind == .dash)
        let right = cue.upperBound

        var source: Range<Int>?
        var sourceAfter = false
        var afterSaying = false
        // `X, an ally, said it was …`: a pronoun after the cue starts the content, not an inverted source.
        let pronounStartsContent = right + 1 < hi && Self.pronouns.contains(ctx.norms[right])
            && ctx.tokens[right + 1].isWordLike
        // Only a cue that usually inverts, or one with nothing to its left, may have its source after it.
        let mayInvert = (form.sourceAfter > 0.5 || leftIsPunct) && !neverInverts(form)
        // `according to party officials`: a cue whose source always follows may take a common noun.
        let phraseAfter = mayInvert && right < hi && !pronounStartsContent
            ? phrase(from: right, to: hi, ctx, commonNoun: form.sourceAfter > 0.9) : nil
        // An inverted source ends its clause (`…, said Jane Roe.`, `said Jane Roe, a lawyer`); a noun
        // phrase that runs on into a verb starts the content (`Roe, a lawyer, said the plan failed`).
        let afterEndsClause = phraseAfter.map {
            $0.upperBound >= hi || tokens[$0.upperBound].kind == .punctuation || tokens[$0.upperBound].kind == .dash
        } ?? false
        let commaBefore = left >= lo && ctx.norms[left] == ","
        if let np = phraseAfter, form.sourceAfter > 0.5 || (leftIsPunct && (afterEndsClause || !commaBefore)) {
            // `according to a survey published on Thursday by the Institute`, `according to unofficial
            // results tallied through Wednesday`: a described source runs to the end of its clause.
            source = form.tokens == ["according", "to"]
                ? accordingToSource(from: right, hi: hi, ctx, anyDescription: true) ?? np : np
            sourceAfter = true
            if governsItsObject(form) { return nil }
        } else if let open = parenthesis {
            source = phraseBackward(from: open - 1, to: lo, ctx).map { $0.lowerBound..<(left + 1) }
        } else if let open = dashAside {
            source = phraseBackward(from: open - 1, to: lo, ctx)
        } else if !leftIsPunct, left > lo, parenthesis == nil, dashAside == nil,
            Self.nonFiniteOpeners.contains(ctx.norms[left]), !isCapitalised(left, ctx),
            let subject = openingName(lo: lo, before: left, ctx)
        {
            // `Trump took to Twitter to accuse …`, `Blige sang before asking …`: a cue after a preposition
            // or a conjunction has the clause's opening subject as its source, not the words before it.
            source = subject
        } else if !leftIsPunct, left - 1 > lo, Self.nonFiniteOpeners.contains(ctx.norms[left]), !isCapitalised(left, ctx),
            !["and", "or", "but"].contains(ctx.norms[left]), ctx.norms[left - 1] == ",",
            let appositive = appositiveSource(endingBefore: left - 1, lo: lo, ctx)
        {
            // `Ryan, the House speaker, despite admitting …`: the name and apposition before the comma.
            source = appositive
        } else if !leftIsPunct, left >= lo {
            source = phraseBackward(from: left, to: lo, ctx)
            // `Protesters marching through the streets chanted`: the place a participle leads through is no
            // source; the noun the participle follows is.
            if let s = source, let mover = subjectBeforeMotion(s, lo: lo, ctx) { source = mover }
        } else if commaBefore, form.tokens[0].hasSuffix("ing") || goesOn, !isCapitalised(cue.lowerBound, ctx),
            let subject = sentenceSubject(lo: lo, before: left, ctx)
        {
            // `Clinton spoke about the death of X, arguing that …`: a participle after a comma has the
            // clause's subject as its source.
            source = subject
        } else if commaBefore, form.tokens[0].hasSuffix("ing") || goesOn, !isCapitalised(cue.lowerBound, ctx),
            let previous = speakerOfSayingBefore(left, lo: lo, ctx)
        {
            // `“…,” the mayor said, adding that …`: a participle after `said` has the same source, and the
            // clause after it for content (the quotation before is the `said`'s).
            source = previous
            afterSaying = true
        } else if commaBefore, let appositive = appositiveSource(endingBefore: left, lo: lo, ctx) {
            // `Flynn, a top Trump surrogate, said`
            source = appositive
        } else if commaBefore, let subject = commonNounBeforeApposition(endingBefore: left, lo: lo, ctx) {
            // `The survey, carried out for the Ledger by Hallcroft Research, suggests`
            source = subject
        }

        // The quotation right before the cue (`“…,” she said`) and right after it (`said: “…”`).
        var before: Int?
        var k = (sourceAfter ? cue.lowerBound : (source?.lowerBound ?? cue.lowerBound)) - 1
        while k >= lo, tokens[k].kind == .punctuation, ctx.norms[k] == "," || ctx.norms[k] == "-" { k -= 1 }
        if !afterSaying, k >= lo, ctx.segmentOf[k] >= 0, ctx.segments[ctx.segmentOf[k]].close == k { before = ctx.segmentOf[k] }
        var a = (sourceAfter ? (source?.upperBound ?? right) : right)
        while a < hi, ctx.norms[a] == ":" || ctx.norms[a] == "," { a += 1 }
        // Reported speech keeps its `that` (as PolNeAR annotates it); a quotation may follow one.
        let reportStart = a
        if a < hi, ctx.norms[a] == "that" { a += 1 }
        // A quotation may close just before a sentence that only attributes it (`“…” He said so.`
        // is rare; `“….” he said.` split by the sentence splitter is common).
        let wordsAfter = (a..<hi).filter { tokens[$0].isWordLike && ctx.segmentOf[$0] < 0 }.count
        // `“…?” Trump said, looking out on the crowd.`: a clause after a comma does not stop it.
        let attributionEnd = sourceAfter ? (source?.upperBound ?? right) : right
        let commaAfter = attributionEnd < hi && ctx.norms[attributionEnd] == ","
        // The quotation opening right after the cue (`said: “…”`), of three words or more.
        var after: Int?
        if a < tokens.count, ctx.segmentOf[a] >= 0, ctx.segments[ctx.segmentOf[a]].open == a,
            ctx.segments[ctx.segmentOf[a]].words >= 3
        {
            after = ctx.segmentOf[a]
        }
        // Not when a quotation of its own opens right after the cue in its sentence (`“…” She adds, “…”`).
        let quotationFollows = after != nil && a < hi
        if before == nil, !afterSaying, !quotationFollows, wordsAfter == 0 || commaAfter, k < lo, k >= 0, ctx.segmentOf[k] >= 0,
            ctx.segments[ctx.segmentOf[k]].close == k, ctx.tokens[lo].spaceBefore < .lineBreak
        {
            before = ctx.segmentOf[k]
        }
        // `On this week’s “Harbour Hour,” Reyes said …`: a quoted title inside an opening prepositional
        // phrase is no quotation of the speaker's.
        if let b = before, isTitleInOpeningPhrase(b, lo: lo, ctx) { before = nil }

        var content: [TextRange] = []
        var segments: [Int] = []
        var mixed = false
        var end = cue.upperBound - 1
        var begin = cue.upperBound
        var shape = ContentShape.reportAfter
        var setOff = false
        if let b = before, ctx.segments[b].words >= 2 {
            shape = .quoteBefore
            begin = ctx.segments[b].open
            // `“…,” he said` (and the quote it may continue: `“…,” he said. “…”` is added later).
            segments.append(b)
            // A split quote: `“A,” he said, “B.”`
            if let f = after, ctx.sentenceOf[ctx.segments[f].open] == si { segments.append(f) }
            content = segments.map { ctx.segments[$0].range }
            end = ctx.segments[segments.last!].close
            // `There is, though, “a long way still to go”, says the Quay Gazette.`: the words before the
            // quotation in its sentence are part of what was said.
            let open = ctx.segments[b].open
            if open > lo, ctx.sentenceOf[open] == si, (lo..<open).filter({ tokens[$0].isWordLike }).count >= 2,
                !(lo..<open).contains(where: { ctx.segmentOf[$0] >= 0 })
            {
                var s0 = lo
                while s0 < open, !tokens[s0].isWordLike { s0 += 1 }
                content[0] = TextRange(start: tokens[s0].range.start, end: content[0].end)
                mixed = true
                begin = s0
            }
        } else if let f = after, ctx.segmentOf[a] == f, trailingIsQuoteOnly(f, sentenceEnd: hi, ctx) {
            segments.append(f)
            content = [ctx.segments[f].range]
            end = ctx.segments[f].close
            shape = .quoteAfter
            begin = ctx.segments[f].open
        } else {
            // Reported speech: the clause after the cue, or before it when the cue ends the sentence.
            var start = reportStart
            // `told reporters that …`, `told the Post on Friday that …`
            // `hopes to open a shop, …`: `to` and a verb is the content (an infinitive), not a phrase before it.
            let infinitive = start + 1 < hi && ctx.norms[start] == "to" && ctx.tokens[start + 1].kind == .word
                && !cue.contains { Self.raisingWords.contains(ctx.norms[$0]) }
                && !isCapitalised(start + 1, ctx) && !StopWordsForPhrases.isFunctionWord(ctx.norms[start + 1])
                && !Self.determiners.contains(ctx.norms[start + 1])
            let opensWithPhrase = start < hi && !infinitive
                && (Self.timeWords.contains(ctx.norms[start]) || Self.leadingPrepositions.contains(ctx.norms[start]))
            if let that = (start..<min(hi, start + 10)).first(where: { ctx.norms[$0] == "that" && ctx.segmentOf[$0] < 0 }),
                form.tokens.first == "told" || form.tokens.first == "tell" || form.key == "tell" || opensWithPhrase
                    || (that - start <= 3 && Self.objects.contains(ctx.norms[start]))
            {
                // `warned voters that …`, `telling them that …`: the object stays out of the content.
                start = that
            } else if opensWithPhrase, let comma = (start..<min(hi, start + 16)).first(where: {
                ctx.norms[$0] == "," && (ctx.segmentOf[$0] < 0 || ($0 + 1 < hi && ctx.tokens[$0 + 1].kind == .closeQuote))
            }) {
                // `said on Sunday's broadcast of “The Show,” the plan …`: the content follows the phrase.
                start = comma + 1
                if start < hi, ctx.tokens[start].kind == .closeQuote { start += 1 }
            }
            // `told voters this weekend he would …`: the hearer stays out of the content.
            if start == reportStart, let h = contentAfterHearer(after: cue, form: form, to: hi, ctx) { start = h }
            var stop = hi
            // A contrasting clause after a comma is the writer's, not the speaker's (`…, but
            // Republicans seem confident`).
            // A comma just inside a closing quotation mark counts as outside it.
            if let k = (start..<hi).first(where: { k in
                guard k + 1 < hi, ctx.norms[k] == "," else { return false }
                var n = k + 1
                if ctx.segmentOf[k] >= 0 {
                    guard ctx.segments[ctx.segmentOf[k]].close == n else { return false }
                    n += 1
                }
                return n < hi && Self.clauseBreakers.contains(ctx.norms[n])
            }) {
                stop = ctx.segmentOf[k] >= 0 ? k + 2 : k
            }
            // `…, saying …`: a participle cue after a comma starts an attribution of its own.
            if let k = (start..<stop).first(where: { k in
                k > start + 2 && k + 1 < stop && ctx.norms[k] == "," && ctx.segmentOf[k] < 0
                    && ctx.norms[k + 1].hasSuffix("ing") && !isCapitalised(k + 1, ctx)
                    && lexicon.matches(ctx.norms, at: k + 1).contains { $0.precision >= 0.15 }
            }) {
                stop = k
            }
            // `…, which the union rejected as “…”`: a non-restrictive `which` clause with a cue of its own
            // before quoted words is the writer's report of another reply, not the speaker's words.
            if let k = (start..<stop).first(where: { k in
                k > start + 2 && k + 2 < stop && ctx.norms[k] == "," && ctx.segmentOf[k] < 0 && ctx.norms[k + 1] == "which"
                    && ((k + 2)..<stop).contains { c in
                        ctx.segmentOf[c] < 0 && lexicon.matches(ctx.norms, at: c).contains { $0.precision >= 0.15 }
                            && ((c + 1)..<stop).contains { ctx.segmentOf[$0] >= 0 }
                    }
            }) {
                stop = k
            }
            // A cue with a noun phrase for object (`praised X`; not `said`, `told`, `that …`).
            let npObject = !(start < stop && ctx.norms[start] == "that") && !form.tokens.contains { Self.clauseCueWords.contains($0) }
            // `The senator criticized the budget and said allies were worried`: a second cue verb joined to
            // the first shares its source and reports a clause of its own (`addCoordinatedReports`). After a
            // reported clause (`said he met the mayor and asked …`) only a verb of saying does.
            if source != nil, let k = coordinatedCue(from: start, to: stop, ctx),
                npObject || k.form.tokens.contains(where: { Self.clauseCueWords.contains($0) })
            {
                stop = k.conjunction
            }
            // A semicolon outside quotation marks ends the reported clause; so do, after a cue with a noun
            // phrase for object (`praised X, which …`, `cited X - a charge …`), a dash or a comma before a
            // relative pronoun.
            if let k = (start + 1..<max(start + 1, stop)).first(where: { k in
                guard ctx.segmentOf[k] < 0 else { return false }
                if ctx.norms[k] == ";" { return true }
                guard npObject, k > start + 2 else { return false }
                // `condemned the launch on Monday`: when it was said.
                if ctx.norms[k] == "on" || ctx.norms[k] == "at" {
                    let d = k + 1 < stop && ctx.norms[k + 1] == "the" ? k + 2 : k + 1
                    return d < stop && Self.dayNames.contains(ctx.norms[d])
                }
                if tokens[k].kind == .dash { return tokens[k].spaceBefore != .none && k + 1 < hi && tokens[k + 1].spaceBefore != .none }
                return ctx.norms[k] == "," && k + 1 < stop && Self.relativeOpeners.contains(ctx.norms[k + 1])
            }) {
                stop = k
            }
            // A quotation opened in the clause runs to its close, across sentence ends.
            if stop - 1 >= start, ctx.segmentOf[stop - 1] >= 0 {
                stop = max(stop, ctx.segments[ctx.segmentOf[stop - 1]].close + 1)
            }
            while stop > start, tokens[stop - 1].kind == .punctuation && ctx.segmentOf[stop - 1] < 0 { stop -= 1 }
            let afterWords = (start..<max(start, stop)).filter { tokens[$0].isWordLike }.count
            // `A, the council says, and B` / `A, The Post has learned, while B`: an attribution set off by
            // commas mid-sentence, with a conjunction after it, reports the clause before it.
            let attributionStart = sourceAfter ? cue.lowerBound : (source?.lowerBound ?? cue.lowerBound)
            setOff = attributionStart - 1 > lo && ctx.norms[attributionStart - 1] == ","
                && attributionEnd + 1 < hi && ctx.norms[attributionEnd] == ","
                && (Self.clauseBreakers.contains(ctx.norms[attributionEnd + 1])
                    || ctx.norms[attributionEnd + 1] == "and" || ctx.norms[attributionEnd + 1] == "or")
            // `…, Reyes said at a briefing on Monday.` / `…, she said as she left.`: a phrase after the cue
            // with no clause of its own leaves the content before the attribution.
            let adjunctOnly = start == reportStart && start < hi
                && (Self.leadingPrepositions.contains(ctx.norms[start]) || ctx.norms[start] == "as") && ctx.norms[start] != "to"
                && attributionStart - 1 > lo && ctx.norms[attributionStart - 1] == ","
            // `…, said Jo Park, a lawyer for the city.` / `…, according to Jo Park, head of …`: an inverted
            // source set off by commas after a clause is followed by its appositive, not by what was said.
            // Not after a short opener (`As a result, says Jo Park, the board is …`), nor before quoted words.
            let invertedAside = sourceAfter && start == reportStart && attributionStart - 1 > lo
                && ctx.norms[attributionStart - 1] == "," && attributionEnd < hi && ctx.norms[attributionEnd] == ","
                && (lo..<attributionStart).filter({ tokens[$0].isWordLike }).count >= 4
                && !(attributionEnd..<hi).contains(where: { ctx.segmentOf[$0] >= 0 })
            let toldHearer = start == reportStart && attributionStart - 1 > lo && ctx.norms[attributionStart - 1] == ","
                && hearerOnly(after: cue, form: form, to: stop, ctx)
            if afterWords >= 3 && !setOff && !adjunctOnly && !invertedAside && !toldHearer {
                content = [TextRange(start: tokens[start].range.start, end: tokens[stop - 1].range.end)]
                end = stop - 1
                begin = start
            } else {
                // `…, he said.` / `…, according to X.`
                var e = (sourceAfter ? cue.lowerBound : (source?.lowerBound ?? cue.lowerBound)) - 1
                while e >= lo, tokens[e].kind == .punctuation || tokens[e].kind == .dash { e -= 1 }
                var s = lo
                while s <= e, tokens[s].kind == .punctuation { s += 1 }
                let beforeWords = e >= s ? (s...e).filter { tokens[$0].isWordLike }.count : 0
                guard beforeWords >= 3 else { return nil }
                content = [TextRange(start: tokens[s].range.start, end: tokens[e].range.end)]
                end = e
                begin = s
                shape = .reportBefore
            }
        }
        guard !content.isEmpty else { return nil }
        // `“…,” said Tim Hess, a developer in Virginia, who introduced …`: an inverted source keeps the
        // appositive that ends the sentence (PolNeAR annotates the whole noun phrase).
        if sourceAfter, shape == .quoteBefore || shape == .reportBefore, let s = source,
            let extended = appositiveAfter(s, hi: hi, ctx)
        {
            source = s.lowerBound..<extended
        }
        return Found(
            cue: cue, source: source, content: content, segments: segments, mixed: mixed,
            sentence: si, contentEndToken: end, contentStartToken: begin, form: form, shape: shape,
            sourceAfter: sourceAfter, score: form.precision, lead: cue.lowerBound - leadStart,
            setOff: setOff && shape == .reportBefore)
    }

    /// Cue words whose content is a clause (`said`, `told … that`), not a noun phrase.
    private static let clauseCueWords: Set<String> = [
        "say", "said", "says", "saying", "tell", "told", "tells", "telling", "add", "added", "adds", "adding", "write",
        "wrote", "writes", "writing", "according", "argue", "argued", "argues", "arguing", "note", "noted", "notes",
        "noting", "believe", "believes", "believed", "think", "thinks", "thought",
    ]

    /// Relative pronouns opening a clause after a comma (`…, which …`),
    /// and the adjuncts that follow a noun-phrase content after a comma (`…, despite …`, `…, using …`).
    private static let relativeOpeners: Set<String> = [
        "which", "who", "whom", "where", "whose", "with", "despite", "using", "meaning", "including",
    ]

    /// The days of the week (`on Monday`, `said Thursday`).
    static let dayNames: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// Prepositions a cue span ends with when they follow the cue word (`complained about`).
    static let cuePrepositions: Set<String> = ["about", "of", "for", "against", "over"]

    /// Objects between a cue and its `that` clause (`warned voters that`).
    static let objects: Set<String> = [
        "him", "her", "them", "us", "me", "you", "reporters", "voters", "supporters", "lawmakers", "viewers",
        "listeners", "journalists", "congress", "members", "colleagues", "donors", "students", "residents", "americans",
    ]

    /// Words before a cue that make it non-finite or coordinated (`to accuse`, `before asking`, `and said`):
    /// its source is the subject that opens the sentence.
    private static let nonFiniteOpeners: Set<String> = [
        "to", "and", "or", "but", "before", "after", "despite", "for", "by", "with", "without", "while", "when",
        "upon", "from", "of", "than",
    ]

    /// `on Tuesday`, `last week`, `this month` between a source and its cue.
    static let timeOpeners: Set<String> = ["on", "this", "last", "earlier", "late", "early", "in"]
    static let timeNouns: Set<String> = dayNames.union([
        "week", "month", "year", "weekend", "night", "morning", "afternoon", "evening", "january", "february",
        "march", "april", "june", "july", "august", "september", "october", "november", "december",
    ])

    /// Verbs before `to` that say nothing of their subject's words or wishes (`seems to`, `continue to`).
    private static let raisingWords: Set<String> = [
        "seem", "seems", "seemed", "appear", "appears", "appeared", "continue", "continues", "continued", "begin",
        "begins", "began", "start", "starts", "started", "tend", "tends", "tended", "willing", "happen", "happened",
        "used", "need", "needs", "needed",
    ]

    /// `go` before `on to say`.
    private static let goForms: Set<String> = ["go", "goes", "going", "went", "gone"]
}

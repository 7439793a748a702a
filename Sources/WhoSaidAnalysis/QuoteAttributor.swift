import WhoSaidCore

/// Finds attributions — direct quotes, reported speech, mixed quotes, *according to*, beliefs — with
/// their speaker, cue and content spans, by rules over tokens, sentences and quotation marks.
///
/// Steps, each its own function: quotation segments (pairing marks, following quotes over paragraphs),
/// cues (longest match against ``CueLexicon``), the source next to each cue (before it, or after it for
/// inverted and postposed cues), the content (an adjacent quotation, or the clause after or before the
/// cue), then continuation quotes with no cue of their own. ``SpeakerResolver`` then names the
/// speakers (pronouns to the latest named speaker).
public struct QuoteAttributor: Sendable {
    public var lexicon: CueLexicon
    /// Accepts or rejects each candidate attribution in context; nil to trust the lexicon's
    /// precise forms alone.
    public var model: AttributionModel?
    /// Tags cue spans token by token: their boundaries (`has repeatedly said`) and what the model
    /// knows of the tagger's view; nil to use the lexicon's forms alone.
    public var tagger: CueTagger?

    /// With the bundled model (when it loads), every cue form seen in training is a candidate and the
    /// model decides; without one, only forms precise on their own are used.
    public init(model: AttributionModel? = .shared) {
        self.model = model
        self.lexicon = model == nil ? .shared : .candidates
        self.tagger = model == nil ? nil : .shared
    }

    public init(lexicon: CueLexicon, model: AttributionModel?, tagger: CueTagger? = .shared) {
        self.lexicon = lexicon
        self.model = model
        self.tagger = tagger
    }

    /// A run of quoted text: its opening and closing marks (token indices) and range.
    struct Segment {
        var open: Int
        /// The closing mark, or the last token before a paragraph break when the quote runs on.
        var close: Int
        var range: TextRange
        var closed: Bool
        var words: Int
    }

    /// The working view of one document.
    struct Context {
        let scalars: [Unicode.Scalar]
        let tokens: [Token]
        let sentences: [Sentence]
        let norms: [String]
        /// Sentence index of each token.
        let sentenceOf: [Int]
        var segments: [Segment] = []
        /// Segment index of each token inside a quotation (marks included), or -1.
        var segmentOf: [Int]
        /// The tagger's cue spans, and the index of the span holding each token (or -1).
        var tagged: [CueTagger.Span] = []
        var taggedOf: [Int] = []

        func text(_ r: TextRange) -> String {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: scalars[r.start..<r.end])
            return String(v)
        }
    }

    public func attribute(scalars: [Unicode.Scalar], tokens: [Token], sentences: [Sentence]) -> [Quote] {
        guard !tokens.isEmpty else { return [] }
        var ctx = makeContext(scalars: scalars, tokens: tokens, sentences: sentences)
        findSegments(&ctx)
        tagCues(&ctx)
        let judge = { (c: Found) -> Found? in
            // `The total passed that figure in 17 days`: a quantity is no speaker.
            if quantitySource(c, ctx) { return nil }
            // `Reyes hired two lawyers to …`: a verb of doing reports nothing.
            if actionVerbCue(c, ctx) { return nil }
            // No attribution: a bare article for source (`The Post sent …`), or reported speech (no quoted
            // words) with no source at all (`It's unclear whether …`).
            if bareArticleSource(c, ctx) { return nil }
            if c.segments.isEmpty, c.source == nil, !holdsQuotation(c, ctx) { return nil }
            // Nor is reported speech whose content after the cue opens with a conjunction or an adjunct
            // (`said as he entered the talks`, `did not want … but was treated`, `would constantly tussle
            // with debate moderators`).
            if c.segments.isEmpty, c.shape == .reportAfter, c.contentStartToken < ctx.tokens.count,
                Self.nonContentOpeners.contains(ctx.norms[c.contentStartToken]), !holdsQuotation(c, ctx)
            {
                return nil
            }
            guard let model else { return c }
            var f = c
            f.score = model.probability(features(f, ctx))
            let threshold = !f.segments.isEmpty ? model.quoteThreshold
                : holdsQuotation(f, ctx) ? model.mixedThreshold : model.threshold
            if f.score >= threshold { return f }
            // The model learned from US reporting; a precise cue with a named source and quoted words
            // is kept unless the model all but rules it out (`says Labour donor John Mills, the left is “…”`;
            // below 0.05 on PolNeAR dev they were all wrong: `The Daily Beast called them in an article …`).
            if f.form.precision >= CueLexicon.minimumPrecision && f.source != nil && holdsQuotation(f, ctx)
                && f.score >= 0.05
            {
                return f
            }
            // `…, Reyes said.` / `…, said Jo Park, a lawyer for the city.`: a precise cue with a named source
            // that closes the sentence after the clause it reports is kept unless the model all but rules it out.
            if f.shape == .reportBefore, f.form.precision >= CueLexicon.minimumPrecision, f.score >= 0.25,
                closesSentenceAfterClause(f, ctx)
            {
                return f
            }
            // `Mayor Reyes said the fares would rise.`: reported speech after a precise cue whose source, named,
            // stands before it is kept from a lower score than reported speech in general.
            if f.score >= Self.namedReportThreshold, namedSourceBeforeReport(f, ctx) { return f }
            // `A, The Westmoor Post has learned, while B`: an attribution set off by commas after the
            // clause it reports, with its source, is one whatever the model says.
            if f.setOff && f.source != nil { return f }
            // `Turnout fell to 18 per cent, according to party officials.`: according to unnamed officials
            // or sources ending the sentence, after the clause it reports.
            return accordingToUnnamed(f, ctx) || accordingToDescribed(f, ctx) ? f : nil
        }
        // A later cue taken for a cue word inside its subject (``laterCueOfSubject(_:sentence:_:)``) that is
        // turned down leaves the word's own attribution to be judged.
        var found = candidates(ctx).compactMap { c in judge(c) ?? c.subjectWordAttribution.first.flatMap(judge) }
        // `according to a survey published on Thursday by …`: a cue inside another attribution's source
        // (`published`) is part of that source, not a claim of its own.
        found = found.filter { f in
            !found.contains { g in
                g.cue != f.cue && g.form.tokens == ["according", "to"] && g.source.map { $0.contains(f.cue.lowerBound) } == true
            }
        }
        addCoordinatedReports(&found, ctx)
        characterisingAttributions(&found, ctx)
        found += followingAttributions(ctx, besides: found)
        found += dashAttributions(ctx)
        if let h = headlineAttribution(ctx) { found.append(h) }
        // A transcript's speaker labels: each turn is its speaker's, whatever else the paragraphs hold.
        let turns = transcriptTurns(ctx)
        if !turns.isEmpty {
            found.removeAll { f in
                turns.contains { t in t.content.contains { a in f.content.contains { $0.overlaps(a) } } }
            }
            found = turns + found
        }
        cutBeforeLaterAttributions(&found, ctx)
        found = removeOverlaps(found)
        extendWithContinuations(&found, ctx)
        return name(found, ctx)
    }

    /// One candidate attribution with what a model needs to judge it, for training
    /// (see `whosaid-train`).
    public struct Candidate: Sendable {
        public var quote: Quote
        public var features: [String]
    }

    /// Every candidate attribution the lexicon's forms give, before any model judges them or
    /// overlaps are settled, with their features.
    public func candidates(scalars: [Unicode.Scalar], tokens: [Token], sentences: [Sentence]) -> [Candidate] {
        guard !tokens.isEmpty else { return [] }
        var ctx = makeContext(scalars: scalars, tokens: tokens, sentences: sentences)
        findSegments(&ctx)
        tagCues(&ctx)
        let found = candidates(ctx)
        let quotes = name(found, ctx, sorted: false)
        return zip(found, quotes).map { Candidate(quote: $1, features: features($0, ctx)) }
    }

    private func makeContext(scalars: [Unicode.Scalar], tokens: [Token], sentences: [Sentence]) -> Context {
        var sentenceOf = [Int](repeating: 0, count: tokens.count)
        for (si, s) in sentences.enumerated() { for t in s.tokens { sentenceOf[t] = si } }
        return Context(
            scalars: scalars, tokens: tokens, sentences: sentences, norms: tokens.map(\.norm), sentenceOf: sentenceOf,
            segmentOf: [Int](repeating: -1, count: tokens.count))
    }

    /// The tagger's cue spans, when there is a tagger.
    private func tagCues(_ ctx: inout Context) {
        guard let tagger else { return }
        ctx.tagged = tagger.spans(tokens: ctx.tokens, scalars: ctx.scalars, sentences: ctx.sentences, lexicon: lexicon)
        ctx.taggedOf = [Int](repeating: -1, count: ctx.tokens.count)
        for (n, s) in ctx.tagged.enumerated() { for k in s.tokens { ctx.taggedOf[k] = n } }
    }

    /// The tagged span that holds the cue's head word (its form's first token), if any.
    func taggedSpan(_ f: Found, _ ctx: Context) -> CueTagger.Span? {
        guard !ctx.taggedOf.isEmpty else { return nil }
        let n = ctx.taggedOf[f.cue.lowerBound]
        return n >= 0 ? ctx.tagged[n] : nil
    }

    /// Attributions at every cue form outside quotations: at each token, the longest form that gives
    /// one (and, with a model, that the model accepts).
    private func candidates(_ ctx: Context) -> [Found] {
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

    // MARK: Quotation segments

    private func isDouble(_ t: Token) -> Bool { t.norm == "\"" || t.norm == "''" || t.norm == "``" }
    private func isSingle(_ t: Token) -> Bool { t.norm == "'" }

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

    // MARK: One cue

    struct Found {
        var cue: Range<Int>
        var source: Range<Int>?
        var content: [TextRange]
        var segments: [Int]
        /// Quoted words inside a clause of the speaker's own (`the left is “in control”`).
        var mixed: Bool
        var sentence: Int
        /// Last token covered by content, for continuations.
        var contentEndToken: Int
        /// First token of the content (an opening quotation mark for quoted content).
        var contentStartToken: Int
        var form: CueLexicon.Form
        var shape: ContentShape
        var sourceAfter: Bool
        /// How sure the model is (the form's precision when there is no model).
        var score: Double
        /// Auxiliaries and adverbs before the cue form that the cue span takes in (`has repeatedly
        /// said`), as PolNeAR annotates cues.
        var lead: Int
        /// Set off by commas mid-sentence with a conjunction after it (`A, the council says, and B`).
        var setOff = false
        /// The cue span the tagger gives (token indices), reported instead of the form and its lead.
        var tagged: Range<Int>? = nil
        /// The attribution at a cue word inside the subject that this one, at the later cue, replaced
        /// (``laterCueOfSubject(_:sentence:_:)``): none or one.
        var subjectWordAttribution: [Found] = []
    }

    /// Where the content is, relative to the cue.
    enum ContentShape: String {
        /// `“…,” she said` (and a split quote `“…,” she said, “…”`).
        case quoteBefore
        /// `She said: “…”`
        case quoteAfter
        /// `She said (that) …`
        case reportAfter
        /// `…, she said.`
        case reportBefore
        /// `“…” ― Name`
        case signed
    }

    // Looked up for most tokens of a document (``features(_:_:)``): string tables, not sets.
    static let pronouns = StringTable(members: ["he", "she", "they", "i", "we", "it", "you"])
    static let relatives = StringTable(members: ["who", "which", "that"])
    static let determiners = StringTable(members: [
        "the", "a", "an", "one", "some", "many", "several", "most", "few", "two", "three", "his", "her", "their", "its",
        "other", "another", "senior", "former", "top", "both", "these", "those", "this", "all",
    ])
    /// Words between a source and its cue that belong to neither (`Smith also said`).
    private static let interveners: Set<String> = [
        "also", "later", "previously", "recently", "often", "repeatedly", "once", "then", "now", "had", "has", "have",
        "would", "will", "was", "is", "were", "are", "did", "does", "do", "still", "again", "publicly", "privately",
        "reportedly", "initially", "earlier", "already", "even", "first", "further", "simply", "just", "not", "never",
        "openly", "quickly", "flatly", "bluntly", "could", "might", "may", "should", "can", "must", "perhaps", "almost",
        "'s", "'re", "'ve", "'d", "'ll", "'m", "didn't", "doesn't", "don't", "wasn't", "isn't", "hasn't", "haven't",
        "hadn't", "won't", "wouldn't", "can't", "couldn't", "weren't", "aren't", "shouldn't",
    ]
    /// Conjunctions that, after a comma, start a clause outside the reported speech.
    private static let clauseBreakers: Set<String> = ["but", "though", "although", "while", "whereas", "even"]
    /// Prepositions that attach a phrase to the noun before it inside a source.
    private static let attachingPrepositions: Set<String> = ["of", "in", "on", "from", "at", "for", "with", "and"]
    /// Function words allowed inside a noun phrase.
    private static let phraseGlue: Set<String> = ["of", "for", "'s", "-", "&", "and", "at", "de", "van", "von"]

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

    /// The first `and` or `but` in `start..<stop`, outside quotations, that joins a second cue verb to the
    /// clause (`praised the plan and warned that …`, `…, but said …`), with that cue's form. The cue is in
    /// lower case, has a form of precision 0.3 or more, and three words or more on either side of it.
    private func coordinatedCue(from start: Int, to stop: Int, _ ctx: Context) -> (conjunction: Int, form: CueLexicon.Form)? {
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
    private func addCoordinatedReports(_ found: inout [Found], _ ctx: Context) {
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

    /// `“…” ― Carla Sanchez`: a quotation signed with a dash and a name that ends the paragraph.
    private func dashAttributions(_ ctx: Context) -> [Found] {
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
    private func headlineAttribution(_ ctx: Context) -> Found? {
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
    private func transcriptTurns(_ ctx: Context) -> [Found] {
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

    /// Whether nothing but punctuation follows the quotation to the end of its sentence.
    private func trailingIsQuoteOnly(_ seg: Int, sentenceEnd: Int, _ ctx: Context) -> Bool {
        var k = ctx.segments[seg].close + 1
        while k < sentenceEnd {
            if ctx.tokens[k].isWordLike { return false }
            k += 1
        }
        return true
    }

    /// `Name, apposition,` before a cue: the name and its appositions, commas included
    /// (`Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said`). The name is
    /// the farthest capitalised phrase that opens the clause (after a quotation or at the sentence start).
    private func appositiveSource(endingBefore comma: Int, lo: Int, _ ctx: Context) -> Range<Int>? {
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
    private func commonNounBeforeApposition(endingBefore comma: Int, lo: Int, _ ctx: Context) -> Range<Int>? {
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
    private func sentenceSubject(lo: Int, before end: Int, _ ctx: Context) -> Range<Int>? {
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
    private func openingName(lo: Int, before end: Int, _ ctx: Context) -> Range<Int>? {
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

    /// Whether quotation `b` is a title (every word capitalised, but for function words after the first)
    /// in a phrase opening its sentence with a preposition (`In his book “Make Your Own Luck,”`).
    private func isTitleInOpeningPhrase(_ b: Int, lo: Int, _ ctx: Context) -> Bool {
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

    /// The source of a `said` (or `told`, `wrote`, …) shortly before the comma `comma` (`the mayor said`,
    /// `said the mayor`, `Reyes said in a statement`), or nil.
    private func speakerOfSayingBefore(_ comma: Int, lo: Int, _ ctx: Context) -> Range<Int>? {
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

    /// Words that open no reported content right after a cue.
    static let nonContentOpeners: Set<String> = ["and", "but", "or", "as", "even", "with", "compared"]
    static let dayNames: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// Prepositions a cue span ends with when they follow the cue word (`complained about`).
    static let cuePrepositions: Set<String> = ["about", "of", "for", "against", "over"]

    /// Objects between a cue and its `that` clause (`warned voters that`).
    static let objects: Set<String> = [
        "him", "her", "them", "us", "me", "you", "reporters", "voters", "supporters", "lawmakers", "viewers",
        "listeners", "journalists", "congress", "members", "colleagues", "donors", "students", "residents", "americans",
    ]

    /// Words that cannot open an appositive after an inverted source (`said Roe, adding …`).
    private static let nonAppositive: Set<String> = [
        "and", "but", "or", "so", "as", "because", "if", "when", "while", "although", "though", "in", "on", "at",
        "during", "after", "before", "with", "without", "for", "to", "from", "by", "about", "according", "via",
        "which", "where", "that", "then", "also", "however", "referring", "adding", "noting", "citing", "saying",
        "speaking", "explaining", "pointing", "arguing", "asking", "calling", "describing", "suggesting",
        "like", "unlike", "under", "including", "despite", "instead", "meanwhile", "too", "though",
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

    /// The end of `Name, apposition` after an inverted source `s` (one past its last word), when the
    /// apposition runs to the end of the sentence with no quotation in it, or nil.
    private func appositiveAfter(_ s: Range<Int>, hi: Int, _ ctx: Context) -> Int? {
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
    private func parenthesisBefore(_ close: Int, lo: Int, _ ctx: Context) -> Int? {
        guard ctx.norms[close] == ")",
            let open = (max(lo, close - 8)..<close).last(where: { ctx.norms[$0] == "(" }), open > lo,
            isCapitalised(open - 1, ctx)
        else { return nil }
        return open
    }

    /// The opening dash of an aside set off by dashes that ends at the dash `close` and follows a
    /// word (`Okoro-Lyle — who bought shares for his grandchildren —`), or nil.
    private func dashAsideBefore(_ close: Int, lo: Int, _ ctx: Context) -> Int? {
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
    private static let leadingPrepositions: Set<String> = [
        "on", "in", "at", "during", "after", "before", "while", "from", "to", "through", "via", "over", "outside", "with",
    ]

    /// Words naming a time, which follow cues (`said Thursday`) without being their source.
    private static let timeWords: Set<String> = dayNames.union([
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "today", "yesterday", "tonight", "last", "this", "next", "earlier", "later", "on",
        "in", "at", "during",
    ])

    /// A noun phrase starting at `i` (`Labour donor John Mills`, `the London Evening Standard`, `he`).
    private func phrase(from i: Int, to hi: Int, _ ctx: Context, commonNoun: Bool = false) -> Range<Int>? {
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
    /// Verbs before `to` that say nothing of their subject's words or wishes (`seems to`, `continue to`).
    private static let raisingWords: Set<String> = [
        "seem", "seems", "seemed", "appear", "appears", "appeared", "continue", "continues", "continued", "begin",
        "begins", "began", "start", "starts", "started", "tend", "tends", "tended", "willing", "happen", "happened",
        "used", "need", "needs", "needed",
    ]
    /// Determiners that a source phrase read leftwards stops before (`no one`, `only 52 percent`, `my father`).
    private static let leftOutDeterminers: Set<String> = ["no", "only", "my", "our", "your"]
    /// `go` before `on to say`.
    private static let goForms: Set<String> = ["go", "goes", "going", "went", "gone"]
    /// Particles inside names (`de Blasio`, `van Hollen`).
    private static let nameParticles: Set<String> = ["de", "van", "von"]

    /// A lower-case word ending in `ly` (`together` aside, adverbs between a source and its cue).
    private func isAdverb(_ i: Int, _ ctx: Context) -> Bool {
        let n = ctx.norms[i]
        return n.count > 4 && n.hasSuffix("ly") && !isCapitalised(i, ctx) && ctx.tokens[i].kind == .word
            && !["family", "rally", "ally", "italy", "july", "assembly", "supply", "daily", "weekly", "monthly"].contains(n)
    }

    /// A lower-case word ending in `s` that is not a name: `figures`, `officials`, `critics`.
    private func isPluralCommonNoun(_ i: Int, _ ctx: Context) -> Bool {
        let n = ctx.norms[i]
        return !isCapitalised(i, ctx) && n.count > 3 && n.hasSuffix("s") && !n.hasSuffix("ss")
    }

    /// `Shops on Tarran Mor`: a plural noun, capitalised only as the first word, before a place preposition.
    private func pluralBeforePlace(_ s: Range<Int>, _ ctx: Context) -> Bool {
        let i = s.lowerBound, n = ctx.norms[i]
        guard s.count >= 3, i == 0 || !ctx.tokens[i - 1].isWordLike, n.count > 3, n.hasSuffix("s"), !n.hasSuffix("ss"),
            ["on", "in", "at", "from", "near", "across", "around"].contains(ctx.norms[i + 1])
        else { return false }
        return true
    }

    func isCapitalised(_ i: Int, _ ctx: Context) -> Bool {
        let t = ctx.tokens[i]
        return t.isWordLike && ctx.scalars[t.range.start].properties.isUppercase
    }

    /// `…, according to two administration officials.`: an according-to whose source, a plural
    /// description of unnamed people (`officials`, `sources`), ends the sentence after the clause it reports.
    private func accordingToUnnamed(_ f: Found, _ ctx: Context) -> Bool {
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
    private func accordingToSource(from i: Int, hi: Int, _ ctx: Context, anyDescription: Bool = false) -> Range<Int>? {
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
    private func accordingToDescribed(_ f: Found, _ ctx: Context) -> Bool {
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

    /// Singular nouns for a quantity, which move (`passed`, `rose`) but never speak.
    private static let quantityNouns: Set<String> = [
        "total", "figure", "number", "amount", "sum", "tally", "count", "rate", "price", "cost", "level", "percentage",
    ]

    /// Whether the source before the cue is a determiner and a quantity noun (`The total`, `the figure`)
    /// and no quotation is reported.
    private func quantitySource(_ f: Found, _ ctx: Context) -> Bool {
        guard !f.sourceAfter, let s = f.source, s.count == 2, Self.determiners.contains(ctx.norms[s.lowerBound]),
            Self.quantityNouns.contains(ctx.norms[s.lowerBound + 1])
        else { return false }
        return !holdsQuotation(f, ctx)
    }

    /// Words of the labels editors put before a paragraph, which are no speakers in a transcript.
    static let editorialLabels: Set<String> = [
        "update", "updated", "updates", "correction", "corrections", "clarification", "note", "editor", "editor's",
        "editors", "breaking", "watch", "read", "related", "photo", "photos", "video", "advertisement", "more",
        "also", "see", "listen", "source", "sources", "disclosure", "warning", "exclusive", "analysis", "opinion",
    ]

    /// The score from which ``namedSourceBeforeReport(_:_:)`` keeps an attribution (the reported
    /// threshold is 0.55; on PolNeAR dev and train the 0.40–0.55 band of such candidates is mostly right).
    static let namedReportThreshold = 0.40

    /// `Mayor Reyes said the fares would rise.`: reported speech (no quoted words) after a precise cue,
    /// with a source holding a name before the cue (a capitalised word other than a pronoun, a relative
    /// or a determiner: `She`, `That`, `The outline of a plan` are no names).
    private func namedSourceBeforeReport(_ f: Found, _ ctx: Context) -> Bool {
        guard f.shape == .reportAfter, f.segments.isEmpty, !f.sourceAfter,
            f.form.precision >= CueLexicon.minimumPrecision, let s = f.source,
            s.contains(where: { isName($0, ctx) }), !holdsQuotation(f, ctx)
        else { return false }
        return true
    }

    private func isName(_ i: Int, _ ctx: Context) -> Bool {
        isCapitalised(i, ctx) && !Self.pronouns.contains(ctx.norms[i]) && !Self.relatives.contains(ctx.norms[i])
            && !Self.determiners.contains(ctx.norms[i])
    }

    /// `…, Reyes said.` / `…, said Jo Park, a lawyer.`: an attribution with a capitalised source that
    /// follows a comma and ends its sentence (nothing but punctuation after the cue and the source).
    private func closesSentenceAfterClause(_ f: Found, _ ctx: Context) -> Bool {
        guard let s = f.source, s.contains(where: { isCapitalised($0, ctx) }) else { return false }
        let start = min(s.lowerBound, f.cue.lowerBound - f.lead)
        guard start - 1 >= 0, ctx.norms[start - 1] == "," else { return false }
        let hi = ctx.sentences[f.sentence].tokens.upperBound
        var k = max(s.upperBound, f.cue.upperBound)
        while k < hi, ctx.tokens[k].kind == .punctuation, ctx.norms[k] != "," { k += 1 }
        return k >= hi
    }

    /// Whether some quotation lies inside the attribution's content (direct or mixed speech).
    /// A source that is only an article (`The` before a capitalised cue: `The Post sent …`).
    private func bareArticleSource(_ f: Found, _ ctx: Context) -> Bool {
        guard let s = f.source, s.count == 1 else { return false }
        let w = ctx.norms[s.lowerBound]
        return w == "the" || w == "a" || w == "an"
    }

    private func holdsQuotation(_ f: Found, _ ctx: Context) -> Bool {
        f.content.contains { r in ctx.segments.contains { r.contains($0.range) } }
    }

    // MARK: Overlaps and continuations

    /// `Dock workers say the crossing loses money, and the mayor said …`: reported speech whose content runs
    /// into a later attribution's own source and cue after a clause break ends before it, so that both
    /// stand (when both clear the reported-speech threshold on their own).
    private func cutBeforeLaterAttributions(_ found: inout [Found], _ ctx: Context) {
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
    private func removeOverlaps(_ found: [Found]) -> [Found] {
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

    /// Quotations with no cue of their own that continue a direct quote: the next sentence or
    /// paragraph opening with a quotation mark (`A spokesman said: “…` / `“…”`).
    private func extendWithContinuations(_ found: inout [Found], _ ctx: Context) {
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

    // MARK: Speakers

    private static let anonymousWords: Set<String> = [
        "spokesman", "spokeswoman", "spokesperson", "source", "sources", "official", "officials", "aide", "aides",
        "figure", "figures", "adviser", "advisers", "insider", "insiders", "ally", "allies", "person", "people",
        "minister", "mp", "lawmaker", "staffer", "strategist",
    ]
    private static let pluralAnonymousWords: Set<String> = [
        "sources", "officials", "aides", "figures", "advisers", "insiders", "allies", "people",
    ]

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

    private func name(_ found: [Found], _ ctx: Context, sorted: Bool = true) -> [Quote] {
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

/// Function words that end a noun phrase.
enum StopWordsForPhrases {
    static func isFunctionWord(_ norm: String) -> Bool { StopWords.english.contains(norm) }
}

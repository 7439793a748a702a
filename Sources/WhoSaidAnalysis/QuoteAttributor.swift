// The quote attributor's entry point: `attribute` runs the steps in order, `candidates` gives every
// candidate with its features for training; and the working types (Segment, Context, Found). Each step is
// an extension of QuoteAttributor in its own file:
//   QuoteAttributor+Segments.swift       quotation segments, and the quotations that continue a quote
//   QuoteAttributor+Cues.swift           candidate attributions at cue forms: one cue's source and content
//   QuoteAttributor+Phrases.swift        source phrases: noun phrases, sentence subjects, appositions
//   QuoteAttributor+Judging.swift        the tests that turn a candidate down or keep it
//   QuoteAttributor+Constructions.swift  according to, dash-signed quotes, headlines, transcript turns
//   QuoteAttributor+Overlaps.swift       coordinated reports, and attributions that run into each other
//   QuoteAttributor+Quotes.swift         the output quotes: speaker span and type, cue, kind, confidence

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

    /// One attribution as the steps find and refine it: its cue, source and content, in tokens and ranges.
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

    /// The attributions of one document, in the order of their content: candidates at every cue form,
    /// judged; the special constructions; overlaps settled; continuations added; then the output quotes.
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
        return quotes(from: found, ctx)
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
        let quotes = self.quotes(from: found, ctx, sorted: false)
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
}

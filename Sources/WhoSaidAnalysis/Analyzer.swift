import WhoSaidCore

/// The analysis stage: tokens and sentences, people, organisations, outlets and factions, then quotes
/// with their speakers resolved to those entities, added to a document's annotations. The text is
/// never changed; every annotation points into it in code points.
public struct Analyzer: Sendable {
    public var tokenizer = Tokenizer()
    public var splitter = SentenceSplitter()
    public var tagger = EntityTagger()
    public var attributor = QuoteAttributor()

    public init() {}

    public func analyze(_ doc: inout Document) {
        let scalars = Array(doc.text.unicodeScalars)
        let tokens = tokenizer.tokenize(scalars)
        let sentences = splitter.split(tokens, in: scalars)
        let entities = tagger.tag(text: doc.text, scalars: scalars, tokens: tokens, sentences: sentences, outlet: doc.outlet)
        doc.annotations.people = entities.people
        doc.annotations.organizations = entities.organizations
        doc.annotations.outlets = entities.outlets
        doc.annotations.factions = entities.factions
        let quotes = attributor.attribute(scalars: scalars, tokens: tokens, sentences: sentences)
        doc.annotations.quotes = SpeakerResolver(
            entities: entities, scalars: scalars, tokens: tokens, sentences: sentences, authors: doc.authors, outlet: doc.outlet
        ).resolve(quotes)
    }
}

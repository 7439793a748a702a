import WhoSaidCore

/// The analysis stage: tokens and sentences, then quotes with their speakers, added to a document's
/// annotations. The text is never changed; every annotation points into it in code points.
public struct Analyzer: Sendable {
    public var tokenizer = Tokenizer()
    public var splitter = SentenceSplitter()
    public var attributor = QuoteAttributor()

    public init() {}

    public func analyze(_ doc: inout Document) {
        let scalars = Array(doc.text.unicodeScalars)
        let tokens = tokenizer.tokenize(scalars)
        let sentences = splitter.split(tokens, in: scalars)
        doc.annotations.quotes = attributor.attribute(scalars: scalars, tokens: tokens, sentences: sentences)
    }
}

/// Builds a document text paragraph by paragraph, keeping the code-point range of each paragraph.
///
/// Paragraphs are joined with one blank line (`"\n\n"`), the convention every stage relies on.
public struct TextBuilder: Sendable {
    public private(set) var text = ""
    public private(set) var paragraphs: [TextRange] = []
    private var length = 0   // in code points

    public init() {}

    /// Appends a paragraph; empty or all-whitespace paragraphs are ignored.
    public mutating func append(paragraph: String) {
        guard paragraph.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else { return }
        if !paragraphs.isEmpty {
            text += "\n\n"
            length += 2
        }
        let count = paragraph.unicodeScalars.count
        text += paragraph
        paragraphs.append(TextRange(start: length, end: length + count))
        length += count
    }

    public var isEmpty: Bool { paragraphs.isEmpty }
}

/// Why a page, text dump or archive member could not be turned into a document.
public enum ExtractionError: Error, Sendable, Equatable, CustomStringConvertible {
    case emptyInput
    case binaryContent
    case notHTML
    case tooLarge(bytes: Int, limit: Int)
    case nestingTooDeep(limit: Int)
    case unknownCharset(String)
    case undecodable(charset: String)
    case parserFailed
    case noArticleText
    case corruptGzip(String)
    case unreadable(String)

    public var description: String {
        switch self {
        case .emptyInput: return "empty input"
        case .binaryContent: return "binary content, not a page or text"
        case .notHTML: return "does not look like HTML (no markup found)"
        case .tooLarge(let bytes, let limit):
            return "input is \(bytes / 1_048_576) MB, over the \(limit / 1_048_576) MB limit (see --max-size)"
        case .nestingTooDeep(let limit): return "markup nested deeper than \(limit) levels"
        case .unknownCharset(let name): return "unknown charset '\(name)' and the bytes are not valid UTF-8"
        case .undecodable(let charset): return "bytes are not valid \(charset)"
        case .parserFailed: return "libxml2 could not parse the page"
        case .noArticleText: return "no article text found"
        case .corruptGzip(let reason): return "corrupt gzip data: \(reason)"
        case .unreadable(let reason): return "cannot read: \(reason)"
        }
    }
}

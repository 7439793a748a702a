/// A half-open range of Unicode code points (scalars) in a document's text.
///
/// Every annotation in WhoSaid points into the unchanged document text with code-point offsets,
/// end exclusive, the way Python indexes strings. This makes our output directly comparable with
/// gold data from PolNeAR, Citron and spaCy. Convert from UTF-8 bytes (libxml2, SQLite FTS5) or
/// UTF-16 units only at those edges.
public struct TextRange: Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        precondition(start >= 0 && start <= end, "invalid range \(start)..<\(end)")
        self.start = start
        self.end = end
    }

    public var count: Int { end - start }
    public var isEmpty: Bool { start == end }

    public func contains(_ other: TextRange) -> Bool { start <= other.start && other.end <= end }
    public func overlaps(_ other: TextRange) -> Bool { start < other.end && other.start < end }

    public static func < (lhs: TextRange, rhs: TextRange) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }

    public var description: String { "\(start)..<\(end)" }
}

/// A document that could not be processed, reported in place of the document so that a batch
/// goes on: one JSON record per failure, with the path and a reason a person can act on.
public struct DocumentFailure: Error, Sendable, Codable, Equatable, CustomStringConvertible {
    public var path: String
    public var error: String

    public init(path: String, error: String) {
        self.path = path
        self.error = error
    }

    public var description: String { "\(path): \(error)" }
}

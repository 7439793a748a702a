import WhoSaidCore

/// Where analysed documents go: the storage interface ingest writes through and later commands read.
///
/// The embedded SQLite implementation is ``SQLiteStore``. Everything SQLite-specific (pragmas, FTS5,
/// the file checks) stays behind this protocol so that another backend (PostgreSQL, for teams that
/// outgrow one machine) can be added without touching ingest.
public protocol DocumentStore: AnyObject, Sendable {
    /// Whether a document with this content hash (``DocumentHash/of(_:)``) is already stored.
    func contains(contentHash: String) throws -> Bool

    /// Stores a batch in one transaction: either all of it is stored or none of it. Documents whose
    /// content hash is already stored (or repeated within the batch) are skipped and counted as
    /// duplicates; failures are recorded once per source and reason.
    func write(_ batch: StoreBatch) throws -> StoreOutcome

    /// Counts of what is stored.
    func stats() throws -> StoreStats
}

/// An analysed document on its way into a store.
public struct StoredDocument: Sendable {
    public var document: Document
    /// ``DocumentHash/of(_:)`` of the document's text.
    public var contentHash: String

    public init(document: Document, contentHash: String? = nil) {
        self.document = document
        self.contentHash = contentHash ?? DocumentHash.of(document.text)
    }
}

/// The identity used to recognise a document already stored: SHA-256 of its extracted text.
///
/// The text, not the raw bytes, so that the same article saved twice with different page furniture
/// (ads, timestamps, a tracking comment) or syndicated under another URL is stored once.
public enum DocumentHash {
    public static func of(_ text: String) -> String { "sha256:" + SHA256.hex(Array(text.utf8)) }
}

/// What one transaction writes: documents and the failures met since the previous batch.
public struct StoreBatch: Sendable {
    public var documents: [StoredDocument]
    public var failures: [DocumentFailure]

    public init(documents: [StoredDocument] = [], failures: [DocumentFailure] = []) {
        self.documents = documents
        self.failures = failures
    }

    public var isEmpty: Bool { documents.isEmpty && failures.isEmpty }
}

/// What a batch write did.
public struct StoreOutcome: Sendable, Equatable {
    public var stored = 0
    public var duplicates = 0

    public init(stored: Int = 0, duplicates: Int = 0) {
        self.stored = stored
        self.duplicates = duplicates
    }
}

/// Counts for `whosaid stats`. People, organisations and factions count distinct canonical names;
/// outlets count distinct names among outlet entities and the articles' own outlets.
public struct StoreStats: Sendable, Equatable, Codable {
    public var articles = 0
    public var quotes = 0
    public var people = 0
    public var organizations = 0
    public var outlets = 0
    public var factions = 0
    public var errors = 0

    public init() {}
}

/// Why a store could not be opened or written. Opening never changes a file it refuses.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case missing(path: String)
    case notADatabase(path: String)
    case notWhoSaid(path: String)
    case newerSchema(path: String, found: Int, known: Int)
    case unusable(path: String, reason: String)

    public var description: String {
        switch self {
        case .missing(let path):
            return "\(path): no such database (create one with 'whosaid ingest --db \(path) ...')"
        case .notADatabase(let path):
            return "\(path): not a WhoSaid database (not an SQLite file); refusing to touch it"
        case .notWhoSaid(let path):
            return "\(path): an SQLite database that WhoSaid did not create; refusing to touch it"
        case .newerSchema(let path, let found, let known):
            return "\(path): database schema version \(found) is newer than this whosaid knows (\(known));"
                + " use a newer whosaid"
        case .unusable(let path, let reason):
            return "\(path): cannot open the database: \(reason)"
        }
    }
}

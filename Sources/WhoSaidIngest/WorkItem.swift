import WhoSaidCore
import WhoSaidExtract

/// One unit of work that a reader hands to the extract-and-analyse workers.
public enum WorkItem: Sendable {
    /// A page or text dump file, read by the worker.
    case file(path: String)
    /// Bytes already read from an archive or a JSON Lines record.
    case record(RecordInput)
    /// Something a reader could not turn into an input (a broken JSON line, a truncated WARC record).
    case failure(DocumentFailure)
}

/// An input read out of a container (WARC record, JSON Lines record), with what the container says.
public struct RecordInput: Sendable {
    public var input: InputItem
    /// Where it came from: `dump.warc.gz#<urn:uuid:…>`, `dump.jsonl:12`, `-:3`.
    public var source: String
    /// The document id to use (the WARC record id, the JSON record's `id`).
    public var documentID: String
    /// Metadata given with the record that overrides what the page says.
    public var overrides = MetadataOverrides()

    public init(input: InputItem, source: String, documentID: String, overrides: MetadataOverrides = MetadataOverrides()) {
        self.input = input
        self.source = source
        self.documentID = documentID
        self.overrides = overrides
    }
}

/// `url`, `title`, `published`, `outlet` and `wire` given by a JSON Lines record.
public struct MetadataOverrides: Sendable, Equatable {
    public var url: String?
    public var title: String?
    public var published: String?
    public var outlet: String?
    public var wire: String?

    public init(
        url: String? = nil, title: String? = nil, published: String? = nil, outlet: String? = nil, wire: String? = nil
    ) {
        self.url = url
        self.title = title
        self.published = published
        self.outlet = outlet
        self.wire = wire
    }

    func apply(to doc: inout Document) {
        if let url { doc.url = url }
        if let title { doc.title = title }
        // Normalised like a page's date; text that is no date leaves the page's own.
        if let published, let date = PublishedDate.normalize(published, language: doc.language) { doc.published = date }
        if let outlet { doc.outlet = outlet }
        if let wire { doc.wire = wire }
    }
}

import WhoSaidCore

/// What a source said, with every report of it across the stored articles.
public struct Claim: Sendable, Equatable {
    public var id: Int64
    public var text: String
    public var kind: String
    public var speaker: ClaimSpeaker?
    public var cue: String?
    /// The medium the words came through (`The Independent`), as its canonical name.
    public var via: String?
    public var factions: [String]
    /// The earliest published date among all its reports.
    public var firstReported: String?
    /// The reports that match the query's article-level filters (all of them when there are none).
    public var reports: [Report]
    /// Every report of the claim, however many were read (not part of the JSON).
    public var totalReports = 0

    /// The claim as the JSON object of `whosaid query --format json`.
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.key("id")
        w.int(Int(id))
        w.field("text", text)
        w.field("kind", kind)
        w.key("speaker")
        if let speaker {
            w.beginObject()
            w.field("name", speaker.name)
            w.field("type", speaker.type)
            w.field("affiliation", speaker.affiliation)
            w.endObject()
        } else {
            w.null()
        }
        w.field("cue", cue)
        w.field("via", via)
        w.field("factions", factions)
        w.field("first_reported", firstReported)
        w.key("reports")
        w.beginArray()
        for r in reports { r.write(to: &w) }
        w.endArray()
        w.endObject()
    }
}

/// Who a claim is attributed to, under the canonical name of its entity.
public struct ClaimSpeaker: Sendable, Equatable {
    public var name: String
    public var type: String
    public var affiliation: String?
    /// The canonical entity's row id (links in `whosaid serve`; not part of the JSON).
    public var entityID: Int64? = nil
}

/// One article's report of a claim.
public struct Report: Sendable, Equatable {
    /// The document id of the article (`doc_id`).
    public var article: String
    public var title: String?
    public var outlet: String?
    public var url: String?
    public var published: String?
    /// Code-point offsets of the quote's content in the article text.
    public var start: Int?
    public var end: Int?

    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("article", article)
        w.field("title", title)
        w.field("outlet", outlet)
        w.field("url", url)
        w.field("published", published)
        w.field("start", start)
        w.field("end", end)
        w.endObject()
    }
}

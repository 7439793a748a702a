import Foundation
import GRDB
import WhoSaidCore

/// One stored article as `whosaid show` prints it: who is in it, the factions it names, and its
/// quotes with their speakers resolved to the canonical entities of the whole store.
public struct ArticleView: Sendable, Equatable {
    /// The article's row id.
    public var id: Int64
    /// Its document id.
    public var docID: String
    public var title: String?
    public var outlet: String?
    public var published: String?
    public var url: String?
    public var authors: [String]
    /// Where it was read from (a path, a WARC record, a JSON line).
    public var source: String
    public var people: [Person]
    /// Organisations and outlets the article names, in order of first mention.
    public var organizations: [String]
    /// Factions the article names, in order of first mention.
    public var factions: [String]
    /// In order of position in the text.
    public var quotes: [Quote]

    /// A person named in the article.
    public struct Person: Sendable, Equatable {
        /// The canonical name across the store (*Keir Starmer* for *Sir Keir Starmer*).
        public var name: String
        /// The name the article uses, when different.
        public var articleName: String?
        public var roles: [String]
        public var affiliations: [String]
        public var factions: [String]
        /// How many of the article's quotes are theirs.
        public var quotes: Int
    }

    /// A quote of the article with its claim.
    public struct Quote: Sendable, Equatable {
        /// The claim it belongs to (nil if it was never aggregated).
        public var claimID: Int64?
        public var kind: String
        public var text: String
        public var speaker: ClaimSpeaker?
        /// The words naming the speaker in this article (`Lansman`, `he`, `a Momentum spokesman`).
        public var mention: String?
        public var cue: String?
        public var via: String?
        public var factions: [String]
        /// Code-point offsets of its content in the article text.
        public var start: Int?
        public var end: Int?
        /// How many articles report the claim, this one included.
        public var reports: Int
    }

    /// The article as the JSON object of `whosaid show ID --format json`.
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.key("article")
        w.beginObject()
        w.field("id", Int(id))
        w.field("doc_id", docID)
        w.field("title", title)
        w.field("outlet", outlet)
        w.field("published", published)
        w.field("url", url)
        w.field("authors", authors)
        w.field("source", source)
        w.endObject()
        w.key("people")
        w.beginArray()
        for p in people {
            w.beginObject()
            w.field("name", p.name)
            w.field("article_name", p.articleName)
            w.field("roles", p.roles)
            w.field("affiliations", p.affiliations)
            w.field("factions", p.factions)
            w.field("quotes", p.quotes)
            w.endObject()
        }
        w.endArray()
        w.field("organizations", organizations)
        w.field("factions", factions)
        w.key("quotes")
        w.beginArray()
        for q in quotes {
            w.beginObject()
            w.field("claim", q.claimID.map(Int.init))
            w.field("kind", q.kind)
            w.field("text", q.text)
            w.key("speaker")
            if let s = q.speaker {
                w.beginObject()
                w.field("name", s.name)
                w.field("type", s.type)
                w.field("affiliation", s.affiliation)
                w.field("mention", q.mention)
                w.endObject()
            } else {
                w.null()
            }
            w.field("cue", q.cue)
            w.field("via", q.via)
            w.field("factions", q.factions)
            w.field("start", q.start)
            w.field("end", q.end)
            w.field("reports", q.reports)
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }
}

extension ClaimQuery {
    /// The article with this row id, or nil.
    static func articleView(rowID: Int64, db: Database) throws -> ArticleView? {
        try articleView(where: "id = ?", rowID, db: db)
    }

    /// The first stored article with this document id, or nil.
    static func articleView(docID: String, db: Database) throws -> ArticleView? {
        try articleView(where: "doc_id = ?", docID, db: db)
    }

    private static func articleView(
        where condition: String, _ argument: any DatabaseValueConvertible, db: Database
    ) throws -> ArticleView? {
        let row = try Row.fetchOne(db, sql: """
            SELECT id, doc_id, source, url, title, authors, published, outlet FROM articles
            WHERE \(condition) ORDER BY id LIMIT 1
            """, arguments: [argument])
        guard let row else { return nil }
        let articleID: Int64 = row["id"]

        let quotes = try Row.fetchAll(db, sql: """
            SELECT q.kind, q.text, q.speaker_name, q.speaker_type, q.speaker_text, q.speaker_entity_id, q.cue_text,
                q.via, r.claim_id, c.reports, c.speaker_id, s.name AS speaker, s.kind AS speaker_kind, af.name AS affiliation,
                v.name AS via_name,
                COALESCE(r.start, (SELECT MIN(start) FROM quote_contents WHERE quote_id = q.id)) AS start,
                COALESCE(r."end", (SELECT MAX("end") FROM quote_contents WHERE quote_id = q.id)) AS "end"
            FROM quotes q
            LEFT JOIN reports r ON r.quote_id = q.id
            LEFT JOIN claims c ON c.id = r.claim_id
            LEFT JOIN canonical_entities s ON s.id = c.speaker_id
            LEFT JOIN canonical_entities af ON af.id = c.affiliation_id
            LEFT JOIN canonical_entities v ON v.id = c.via_id
            WHERE q.article_id = ?
            ORDER BY start IS NULL, start, q.id
            """, arguments: [articleID])
        var quotesBy: [Int64: Int] = [:]
        let articleQuotes = try quotes.map { q -> ArticleView.Quote in
            if let entity: Int64 = q["speaker_entity_id"] { quotesBy[entity, default: 0] += 1 }
            let name: String? = q["speaker"] ?? q["speaker_name"]
            let claimID: Int64? = q["claim_id"]
            let factions = try claimID.map {
                try String.fetchAll(db, sql: """
                    SELECT e.name FROM claim_factions cf JOIN canonical_entities e ON e.id = cf.faction_id
                    WHERE cf.claim_id = ? ORDER BY e.name
                    """, arguments: [$0])
            } ?? []
            return ArticleView.Quote(
                claimID: claimID, kind: q["kind"], text: q["text"],
                speaker: name.map {
                    ClaimSpeaker(
                        name: $0, type: q["speaker_type"] ?? q["speaker_kind"] ?? "anonymous", affiliation: q["affiliation"],
                        entityID: q["speaker_id"])
                },
                mention: q["speaker_text"], cue: q["cue_text"], via: q["via_name"] ?? q["via"], factions: factions,
                start: q["start"], end: q["end"], reports: q["reports"] ?? 1)
        }

        var people: [ArticleView.Person] = []
        var organizations: [String] = []
        var factions: [String] = []
        for e in try Row.fetchAll(db, sql: """
            SELECT e.id, e.kind, e.name, e.roles, e.affiliations, e.factions, ce.name AS canonical,
                (SELECT MIN(start) FROM mentions WHERE entity_id = e.id) AS first
            FROM entities e
            LEFT JOIN entity_links l ON l.entity_id = e.id
            LEFT JOIN canonical_entities cl ON cl.id = l.canonical_id
            LEFT JOIN canonical_entities ce ON ce.id = COALESCE(cl.merged_into, cl.id)
            WHERE e.article_id = ?
            ORDER BY first IS NULL, first, e.id
            """, arguments: [articleID])
        {
            let name: String = e["name"]
            let canonical: String = e["canonical"] ?? name
            switch e["kind"] as String {
            case "person":
                people.append(ArticleView.Person(
                    name: canonical, articleName: canonical == name ? nil : name, roles: jsonStrings(e["roles"]),
                    affiliations: jsonStrings(e["affiliations"]), factions: jsonStrings(e["factions"]),
                    quotes: quotesBy[e["id"]] ?? 0))
            case "faction":
                if !factions.contains(canonical) { factions.append(canonical) }
            default:
                if !organizations.contains(canonical) { organizations.append(canonical) }
            }
        }
        return ArticleView(
            id: articleID, docID: row["doc_id"], title: row["title"], outlet: row["outlet"], published: row["published"],
            url: row["url"], authors: jsonStrings(row["authors"]), source: row["source"], people: people,
            organizations: organizations, factions: factions, quotes: articleQuotes)
    }
}

/// A JSON array of strings as stored in the v1 tables; empty when it is not one.
func jsonStrings(_ json: String?) -> [String] {
    guard let json, let list = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String] else { return [] }
    return list
}

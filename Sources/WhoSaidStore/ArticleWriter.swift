import GRDB
import WhoSaidCore

/// Inserts one analysed document and its annotations, inside the caller's transaction.
enum ArticleWriter {
    /// Returns false (and writes nothing) when an article with the same content hash is stored.
    static func insert(_ item: StoredDocument, at time: String, in db: Database) throws -> Bool {
        let doc = item.document
        try db.cachedStatement(sql: """
            INSERT INTO articles (doc_id, source, url, title, authors, published, outlet, wire, language, text,
                paragraphs, content_hash, ingested_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (content_hash) DO NOTHING
            """
        ).execute(arguments: [
            doc.id, doc.path, doc.url, doc.title, json(doc.authors), doc.published, doc.outlet, doc.wire, doc.language,
            doc.text, json(doc.paragraphs), item.contentHash, time,
        ])
        guard db.changesCount == 1 else { return false }
        let articleID = db.lastInsertedRowID

        var entityIDs: [String: Int64] = [:]
        let entityInsert = try db.cachedStatement(sql: """
            INSERT INTO entities (article_id, local_id, kind, name, aliases, roles, affiliations, factions)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let mentionInsert = try db.cachedStatement(
            sql: #"INSERT INTO mentions (entity_id, start, "end") VALUES (?, ?, ?)"#)
        let annotations = doc.annotations
        // A pronoun (`He`, `It`) is never stored as an entity.
        for entity in annotations.people + annotations.organizations + annotations.outlets + annotations.factions
        where !Pronoun.isPronoun(entity.name) {
            try entityInsert.execute(arguments: [
                articleID, entity.id, entity.kind.rawValue, entity.name, json(entity.aliases), json(entity.roles),
                json(entity.affiliations), json(entity.factions),
            ])
            let entityID = db.lastInsertedRowID
            entityIDs[entity.id] = entityID
            for m in entity.mentions { try mentionInsert.execute(arguments: [entityID, m.start, m.end]) }
        }

        guard !annotations.quotes.isEmpty else { return true }
        let scalars = ScalarText(doc.text)
        let quoteInsert = try db.cachedStatement(sql: """
            INSERT INTO quotes (article_id, local_id, kind, speaker_name, speaker_type, speaker_entity_id,
                speaker_start, speaker_end, speaker_text, cue_start, cue_end, cue_text, text, via, confidence)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let contentInsert = try db.cachedStatement(
            sql: #"INSERT INTO quote_contents (quote_id, position, start, "end") VALUES (?, ?, ?, ?)"#)
        for q in annotations.quotes {
            let span = q.speaker?.span
            // A speaker the analysis left unnamed, or named by a pronoun, is unresolved: shown as written,
            // typed anonymous, never an entity (``Pronoun``).
            let name = q.speaker.flatMap { s in s.name ?? s.span.map { scalars[$0] } }
            let unresolved = q.speaker.map { $0.name == nil || Pronoun.isPronoun($0.name!) } ?? false
            let type = q.speaker.map { unresolved ? "anonymous" : $0.type.rawValue }
            let text = q.content.map { scalars[$0] }.joined(separator: " … ")
            try quoteInsert.execute(arguments: [
                articleID, q.id, q.kind.rawValue, name, type,
                q.speaker?.entity.flatMap { entityIDs[$0] }, span?.start, span?.end, span.map { scalars[$0] },
                q.cue?.start, q.cue?.end, q.cue.map { scalars[$0] }, text, q.via, q.confidence,
            ])
            let quoteID = db.lastInsertedRowID
            for (position, c) in q.content.enumerated() {
                try contentInsert.execute(arguments: [quoteID, position, c.start, c.end])
            }
        }
        return true
    }

    static func json(_ strings: [String]) -> String {
        var w = JSONWriter()
        w.beginArray()
        for s in strings { w.string(s) }
        w.endArray()
        return String(decoding: w.bytes, as: UTF8.self)
    }

    static func json(_ ranges: [TextRange]) -> String {
        var w = JSONWriter()
        w.beginArray()
        for r in ranges { w.range(r) }
        w.endArray()
        return String(decoding: w.bytes, as: UTF8.self)
    }
}

import Foundation
import GRDB

/// Keeps the cross-article tables (schema v2: canonical entities, claims, reports) in step with the
/// stored articles, inside the transaction that stores each article.
///
/// It works from the rows just written (`entities`, `quotes`, `quote_contents`), not from the
/// document, so the v2 migration can run it over articles stored before the tables existed.
///
/// - People are one canonical entity per full name with titles dropped (*Sir Keir Starmer* and
///   *Keir Starmer*; an article that resolved *Starmer* stores its entity as *Keir Starmer*). A
///   one-word name (*Starmer* left unresolved, *Keir*) is its own entity: two people sharing a surname
///   or first name are never merged.
/// - Organisations and outlets are one entity under all their aliases (*Sky* and *Sky News*): a new
///   name joins the organisation or outlet that already has it, or one of its aliases, as a name.
/// - A quote joins a claim by the same speaker entity with the same normalised text, or, when both
///   are at least ``minimumContainedWords`` words, a text containing the other; otherwise it opens one.
public enum ClaimAggregator {
    /// Containment only counts between texts of at least this many words (shorter ones are too
    /// common to be the same quote: *"We will win"*).
    public static let minimumContainedWords = 8

    /// Adds the aggregates of one stored article (by row id). Running it twice for one article is
    /// prevented by the unique quote id of `reports`.
    static func add(articleID: Int64, in db: Database) throws {
        guard let article = try Row.fetchOne(
            db, sql: "SELECT outlet, published FROM articles WHERE id = ?", arguments: [articleID])
        else { return }
        let published: String? = article["published"]
        let outletName: String? = article["outlet"]
        let outletID = try outletName.flatMap { try resolveOrganization(name: $0, aliases: [], kind: "outlet", in: db) }

        // Every entity of the article, linked to its canonical entity.
        var canonical: [Int64: Int64] = [:]
        var factionsOf: [Int64: [Int64]] = [:]
        var affiliationOf: [Int64: Int64] = [:]
        let entities = try Row.fetchAll(
            db, sql: "SELECT id, kind, name, aliases, affiliations, factions FROM entities WHERE article_id = ? ORDER BY id",
            arguments: [articleID])
        for row in entities {
            let id: Int64 = row["id"]
            let kind: String = row["kind"]
            let name: String = row["name"]
            let aliases = strings(row["aliases"])
            let target: Int64
            switch kind {
            case "person": target = try resolvePerson(name: name, aliases: aliases, in: db)
            case "faction": target = try resolveSimple(kind: "faction", name: name, aliases: aliases, in: db)
            default: target = try resolveOrganization(name: name, aliases: aliases, kind: kind, in: db)
            }
            canonical[id] = target
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO entity_links (entity_id, canonical_id) VALUES (?, ?)")
                .execute(arguments: [id, target])
            factionsOf[id] = try strings(row["factions"]).map {
                try resolveSimple(kind: "faction", name: $0, aliases: [], in: db)
            }
            if let affiliation = strings(row["affiliations"]).first {
                affiliationOf[id] = try resolveOrganization(name: affiliation, aliases: [], kind: "organization", in: db)
            }
        }

        let quotes = try Row.fetchAll(db, sql: """
            SELECT q.id, q.kind, q.speaker_name, q.speaker_type, q.speaker_entity_id, q.cue_text, q.text, q.via,
                (SELECT MIN(start) FROM quote_contents WHERE quote_id = q.id) AS start,
                (SELECT MAX("end") FROM quote_contents WHERE quote_id = q.id) AS "end"
            FROM quotes q WHERE q.article_id = ? ORDER BY q.id
            """, arguments: [articleID])
        for q in quotes {
            let quoteID: Int64 = q["id"]
            let entityID: Int64? = q["speaker_entity_id"]
            let speakerName: String? = q["speaker_name"]
            let speakerType: String? = q["speaker_type"]
            var speakerID: Int64? = entityID.flatMap { canonical[$0] }
            if speakerID == nil, let speakerName, !NameKey.of(speakerName).isEmpty {
                switch speakerType {
                case "person": speakerID = try resolvePerson(name: speakerName, aliases: [], in: db)
                case "outlet", "organization":
                    speakerID = try resolveOrganization(name: speakerName, aliases: [], kind: speakerType!, in: db)
                default: speakerID = try resolveSimple(kind: speakerType ?? "anonymous", name: speakerName, aliases: [], in: db)
                }
            }
            var affiliationID = entityID.flatMap { affiliationOf[$0] }
            if affiliationID == nil, speakerType == "anonymous", let speakerName {
                affiliationID = try affiliationOfDescription(speakerName, in: db)
            }
            let via: String? = q["via"]
            let viaID = try via.flatMap { try resolveOrganization(name: $0, aliases: [], kind: "outlet", in: db) }
            let text: String = q["text"]
            let key = TextKey.of(text)
            let words = key.isEmpty ? 0 : key.split(separator: " ").count
            let claimID = try findClaim(speakerID: speakerID, key: key, words: words, in: db)
                ?? insertClaim(
                    speakerID: speakerID, q: q, affiliationID: affiliationID, viaID: viaID, key: key, words: words,
                    in: db)
            if let affiliationID {
                try db.cachedStatement(sql: "UPDATE claims SET affiliation_id = ? WHERE id = ? AND affiliation_id IS NULL")
                    .execute(arguments: [affiliationID, claimID])
            }
            if let viaID {
                try db.cachedStatement(sql: "UPDATE claims SET via_id = ? WHERE id = ? AND via_id IS NULL")
                    .execute(arguments: [viaID, claimID])
            }
            for faction in entityID.flatMap({ factionsOf[$0] }) ?? [] {
                try db.cachedStatement(sql: "INSERT OR IGNORE INTO claim_factions (claim_id, faction_id) VALUES (?, ?)")
                    .execute(arguments: [claimID, faction])
            }
            try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO reports (claim_id, quote_id, article_id, outlet_id, published, start, "end")
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """
            ).execute(arguments: [claimID, quoteID, articleID, outletID, published, q["start"], q["end"]])
            try db.cachedStatement(sql: """
                UPDATE claims SET reports = reports + 1,
                    first_reported = CASE WHEN ?1 IS NOT NULL AND (first_reported IS NULL OR ?1 < first_reported)
                        THEN ?1 ELSE first_reported END
                WHERE id = ?2
                """
            ).execute(arguments: [published, claimID])
        }
    }

    /// Adds the aggregates of the article stored with this content hash.
    static func add(contentHash: String, in db: Database) throws {
        if let id = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT id FROM articles WHERE content_hash = ?"), arguments: [contentHash])
        {
            try add(articleID: id, in: db)
        }
    }

    /// Adds the aggregates of every stored article, in row-id order (the v2 migration).
    static func addAll(in db: Database) throws {
        for id in try Int64.fetchAll(db, sql: "SELECT id FROM articles ORDER BY id") {
            try add(articleID: id, in: db)
        }
    }

    private static func findClaim(speakerID: Int64?, key: String, words: Int, in db: Database) throws -> Int64? {
        if let id = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT id FROM claims WHERE speaker_id IS ? AND text_key = ? ORDER BY id LIMIT 1"),
            arguments: [speakerID, key])
        {
            return id
        }
        guard words >= minimumContainedWords else { return nil }
        // Word-boundary containment either way: keys are single-spaced, so pad both with spaces.
        return try Int64.fetchOne(
            db.cachedStatement(sql: """
                SELECT id FROM claims WHERE speaker_id IS ?1 AND words >= ?3
                AND (instr(' ' || text_key || ' ', ' ' || ?2 || ' ') > 0 OR instr(' ' || ?2 || ' ', ' ' || text_key || ' ') > 0)
                ORDER BY id LIMIT 1
                """),
            arguments: [speakerID, key, minimumContainedWords])
    }

    private static func insertClaim(
        speakerID: Int64?, q: Row, affiliationID: Int64?, viaID: Int64?, key: String, words: Int, in db: Database
    ) throws -> Int64 {
        try db.cachedStatement(sql: """
            INSERT INTO claims (speaker_id, speaker_name, speaker_type, affiliation_id, via_id, kind, cue, text,
                text_key, words)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        ).execute(arguments: [
            speakerID, q["speaker_name"], q["speaker_type"], affiliationID, viaID, q["kind"], q["cue_text"], q["text"],
            key, words,
        ])
        return db.lastInsertedRowID
    }

    // MARK: Canonical entities

    /// A person: one entity per full name without titles; a one-word name stays on its own.
    static func resolvePerson(name: String, aliases: [String], in db: Database) throws -> Int64 {
        let key = NameKey.person(name)
        let id = try canonicalID(kind: "person", key: key.isEmpty ? NameKey.of(name) : key, name: name, in: db)
        try addAliases([name] + aliases, to: id, person: true, in: db)
        return id
    }

    /// An organisation or outlet: joins the one that has this name, or one of these aliases, as a name or alias.
    static func resolveOrganization(name: String, aliases: [String], kind: String, in db: Database) throws -> Int64 {
        let names = [name] + aliases
        var found: Int64?
        for candidate in names {
            let key = NameKey.of(candidate)
            if key.isEmpty { continue }
            found = try Int64.fetchOne(db.cachedStatement(sql: """
                SELECT c.id FROM canonical_aliases a JOIN canonical_entities c ON c.id = a.entity_id
                WHERE a.alias_key = ? AND c.kind IN ('outlet', 'organization')
                ORDER BY c.kind = ? DESC, c.id LIMIT 1
                """), arguments: [key, kind])
            if found != nil { break }
        }
        let id = try found ?? canonicalID(kind: kind, key: NameKey.of(name), name: name, in: db)
        try addAliases(names, to: id, person: false, in: db)
        return id
    }

    /// Factions, groups and anonymous sources: one entity per kind and normalised name.
    static func resolveSimple(kind: String, name: String, aliases: [String], in db: Database) throws -> Int64 {
        let id = try canonicalID(kind: kind, key: NameKey.of(name), name: name, in: db)
        try addAliases([name] + aliases, to: id, person: false, in: db)
        return id
    }

    /// The organisation an anonymous description names first (*Momentum* in *Momentum spokesman*),
    /// when it is a known organisation, outlet or faction.
    static func affiliationOfDescription(_ description: String, in db: Database) throws -> Int64? {
        let words = NameKey.of(description).split(separator: " ")
        guard words.count >= 2 else { return nil }
        for length in stride(from: words.count - 1, through: 1, by: -1) {
            let prefix = words[0..<length].joined(separator: " ")
            if let id = try Int64.fetchOne(db.cachedStatement(sql: """
                SELECT c.id FROM canonical_aliases a JOIN canonical_entities c ON c.id = a.entity_id
                WHERE a.alias_key = ? AND c.kind IN ('organization', 'outlet', 'faction')
                ORDER BY c.kind = 'faction', c.id LIMIT 1
                """), arguments: [prefix])
            {
                return id
            }
        }
        return nil
    }

    private static func canonicalID(kind: String, key: String, name: String, in db: Database) throws -> Int64 {
        if let id = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT id FROM canonical_entities WHERE kind = ? AND key = ?"),
            arguments: [kind, key])
        {
            return id
        }
        try db.cachedStatement(sql: "INSERT INTO canonical_entities (kind, name, key) VALUES (?, ?, ?)")
            .execute(arguments: [kind, name, key])
        return db.lastInsertedRowID
    }

    private static func addAliases(_ names: [String], to id: Int64, person: Bool, in db: Database) throws {
        for name in names {
            // People are found under their surname-free and title-free forms too (`Sir Keir Starmer`).
            var keys = [NameKey.of(name)]
            if person { keys.append(NameKey.person(name)) }
            for key in Set(keys) where !key.isEmpty {
                try db.cachedStatement(sql: "INSERT OR IGNORE INTO canonical_aliases (alias_key, entity_id, alias) VALUES (?, ?, ?)")
                    .execute(arguments: [key, id, name])
            }
        }
    }

    private static func strings(_ json: String?) -> [String] {
        guard let json, let data = json.data(using: .utf8),
            let list = try? JSONSerialization.jsonObject(with: data) as? [String]
        else { return [] }
        return list
    }
}

/// How names are compared across articles: lower case, accents folded, punctuation as spaces,
/// whitespace collapsed, a leading *the* dropped.
public enum NameKey {
    /// Titles and honorifics dropped from the front of a person's name.
    static let titles: Set<Substring> = [
        "sir", "dame", "lord", "lady", "baroness", "baron", "dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor",
        "rt", "hon", "the", "rev", "reverend", "cllr", "councillor",
    ]

    public static func of(_ name: String) -> String {
        var words = TextKey.of(name).split(separator: " ")
        if words.count > 1, words[0] == "the" { words.removeFirst() }
        return words.joined(separator: " ")
    }

    /// A person's key: titles dropped (`Sir Keir Starmer` → `keir starmer`), unless only a title is left.
    public static func person(_ name: String) -> String {
        var words = TextKey.of(name).split(separator: " ")
        while words.count > 1, titles.contains(words[0]) { words.removeFirst() }
        return words.joined(separator: " ")
    }
}

/// The normalised text of a quote, for near-duplicates: lower case, accents folded, punctuation and
/// quotation marks removed, whitespace collapsed.
public enum TextKey {
    public static func of(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            let properties = scalar.properties
            // Apostrophes join (don't → dont), so typographic and straight ones compare equal.
            if scalar == "'" || scalar == "\u{2019}" || scalar == "\u{2018}" { continue }
            if properties.isAlphabetic || properties.numericType != nil {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(scalar)  // already lower case: folded above
            } else {
                pendingSpace = true
            }
        }
        return String(out)
    }
}

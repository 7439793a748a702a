import Foundation
import GRDB
import WhoSaidCore

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
/// - A speaker described rather than named (*a spokesman*, *The survey*, *one senior official*; see
///   ``SpeakerScope``) is an entity of its article alone. Factions and generic bare plurals
///   (*Labour MPs*) are one entity per kind and name.
/// - A quote joins a claim by the same speaker entity (or, without a speaker, another quote without
///   one) with the same normalised text; or, with a speaker and when both texts are at least
///   ``minimumContainedWords`` words, a claim of that speaker whose text contains the quote's or is
///   contained in it; otherwise it opens one. Containment is found through hashes, not by reading the
///   speaker's claims: a claim inside the quote is one of the quote's spans of 8 words or more
///   (looked up by `key_hash`); a claim around it has the quote's first and last 8-word runs among
///   its own (`claim_shingles`). The cost grows with the quote's length, not with the store.
/// - A described speaker's quote also joins the claim of another article's described speaker of its
///   kind when both speak for the same organisation and the normalised texts are equal (one statement
///   carried by two papers); never on containment, and never without an organisation.
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
        // Dates compare as instants: the UTC sort key of the article's date (``PublishedDate``).
        let published = (article["published"] as String?).flatMap(PublishedDate.sortKey)
        let outletName: String? = article["outlet"]
        let outletID = try outletName.flatMap { try resolveOrganization(name: $0, aliases: [], kind: "outlet", in: db) }
        // The named entities this article adds to, whose joins (``EntityJoiner``) are worked out again
        // after it; those with a row id from `firstNew` on are new.
        var touched = Set<Int64>()
        let firstNew = try (Int64.fetchOne(db.cachedStatement(sql: "SELECT MAX(id) FROM canonical_entities")) ?? 0) + 1

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
            let aliases = strings(row["aliases"]).filter { !Pronoun.isPronoun($0) }
            // A pronoun is never an entity (`He`, `It`): the quotes it speaks stay unresolved.
            if Pronoun.isPronoun(name) { continue }
            let target: Int64
            switch kind {
            case "person": target = try resolvePerson(name: name, aliases: aliases, in: db)
            case "faction": target = try resolveSimple(kind: "faction", name: name, aliases: aliases, in: db)
            default: target = try resolveOrganization(name: name, aliases: aliases, kind: kind, in: db)
            }
            canonical[id] = target
            touched.insert(target)
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
            var speakerType: String? = q["speaker_type"]
            var speakerID: Int64? = entityID.flatMap { canonical[$0] }
            // A pronoun left unresolved by the analysis is shown as written, typed anonymous, and joins no entity.
            let pronoun = speakerID == nil && speakerName.map(Pronoun.isPronoun) == true
            if pronoun { speakerType = "anonymous" }
            // A description that picks its speaker out only within this article (`a spokesman`, `The survey`).
            var scoped = false
            if speakerID == nil, !pronoun, let speakerName, !NameKey.of(speakerName).isEmpty {
                switch speakerType {
                case "person":
                    speakerID = try resolvePerson(name: speakerName, aliases: [], in: db)
                    touched.insert(speakerID!)
                case "outlet", "organization":
                    speakerID = try resolveOrganization(name: speakerName, aliases: [], kind: speakerType!, in: db)
                    touched.insert(speakerID!)
                default:
                    let kind = speakerType ?? "anonymous"
                    if SpeakerScope.isArticleScoped(kind: kind, name: speakerName) {
                        scoped = true
                        speakerID = try resolveScoped(kind: kind, name: speakerName, articleID: articleID, in: db)
                    } else {
                        speakerID = try resolveSimple(kind: kind, name: speakerName, aliases: [], in: db)
                    }
                }
            }
            var affiliationID = entityID.flatMap { affiliationOf[$0] }
            if affiliationID == nil, speakerType == "anonymous" || scoped, let speakerName {
                affiliationID = try affiliationOfDescription(speakerName, in: db)
            }
            let via: String? = q["via"]
            let viaID = try via.flatMap { try resolveOrganization(name: $0, aliases: [], kind: "outlet", in: db) }
            let text: String = q["text"]
            let runs = WordRuns(TextKey.of(text))
            var found = try findClaim(speakerID: speakerID, runs: runs, in: db)
            if found == nil, scoped, let affiliationID, let speakerType {
                found = try findDescribedClaim(affiliationID: affiliationID, kind: speakerType, runs: runs, in: db)
            }
            let claimID = try found
                ?? insertClaim(
                    speakerID: speakerID, speakerType: speakerType, q: q, affiliationID: affiliationID, viaID: viaID,
                    runs: runs, in: db)
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
            // The faction index orders by the claim's first reported date, which may just have moved.
            try db.cachedStatement(sql: """
                UPDATE claim_factions SET sort_date = (SELECT COALESCE(first_reported, '~') FROM claims WHERE id = ?1)
                WHERE claim_id = ?1
                """
            ).execute(arguments: [claimID])
        }
        try EntityJoiner.rejoin(touched: touched, newFrom: firstNew, in: db)
    }

    /// Adds the aggregates of the article stored with this content hash.
    static func add(contentHash: String, in db: Database) throws {
        if let id = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT id FROM articles WHERE content_hash = ?"), arguments: [contentHash])
        {
            try add(articleID: id, in: db)
        }
    }

    /// Adds the aggregates of every stored article, in row-id order.
    static func addAll(in db: Database) throws {
        for id in try Int64.fetchAll(db, sql: "SELECT id FROM articles ORDER BY id") {
            try add(articleID: id, in: db)
        }
    }

    /// Empties the cross-article tables and adds the aggregates of every stored article again (the v5
    /// migration): the same rows, with the same ids, as ingesting the articles afresh gives.
    static func rebuildAll(in db: Database) throws {
        for table in ["reports", "claim_factions", "claim_shingles", "claims", "entity_links", "canonical_aliases", "canonical_entities"] {
            try db.execute(sql: "DELETE FROM \(table)")
        }
        try addAll(in: db)
    }

    private static func findClaim(speakerID: Int64?, runs: WordRuns, in db: Database) throws -> Int64? {
        if let id = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT id FROM claims WHERE named_speaker_id IS ? AND text_key = ? ORDER BY id LIMIT 1"),
            arguments: [speakerID, runs.key])
        {
            return id
        }
        // Containment only between quotes of one known speaker: unattributed quotes join only on equal text.
        guard let speakerID, runs.words.count >= minimumContainedWords else { return nil }
        var best: Int64?
        // A claim inside the quote is one of the quote's spans of at least 8 words: look their hashes up.
        let spans = runs.spanHashes(minimumWords: minimumContainedWords).filter { $0 != runs.hash }
        for chunk in stride(from: 0, to: spans.count, by: 10_000) {
            let part = Array(spans[chunk..<min(chunk + 10_000, spans.count)])
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, text_key FROM claims WHERE named_speaker_id = ? AND key_hash IN (\(placeholders(part.count)))
                    ORDER BY id
                    """,
                arguments: StatementArguments([speakerID] + part))
            for row in rows {
                let id: Int64 = row[0]
                if id < best ?? .max, runs.contains(row[1] as String) { best = id }
            }
        }
        // A claim containing the quote has the quote's first and last runs of 8 words among its runs.
        let shingles = runs.shingleHashes(size: minimumContainedWords)
        if let first = shingles.first, let last = shingles.last {
            let rows = try Row.fetchAll(
                db.cachedStatement(sql: """
                    SELECT id, text_key FROM claims WHERE id IN (
                        SELECT claim_id FROM claim_shingles WHERE speaker_id = ?1 AND shingle = ?2
                        INTERSECT SELECT claim_id FROM claim_shingles WHERE speaker_id = ?1 AND shingle = ?3)
                    ORDER BY id
                    """),
                arguments: [speakerID, first, last])
            for row in rows {
                let id: Int64 = row[0]
                if id < best ?? .max, WordRuns.padded(row[1] as String).contains(runs.padded) { best = id }
            }
        }
        return best
    }

    /// The claim of another article's described speaker of this kind, speaking for the same
    /// organisation, with the same normalised text: two reports of one anonymous quote (*a Home Office
    /// spokesman said …* in two papers carrying the same statement). Only equal text joins, never
    /// containment, and only with an affiliation: two unaffiliated *a spokesman* quotes alike in words
    /// may be anyone's.
    private static func findDescribedClaim(affiliationID: Int64, kind: String, runs: WordRuns, in db: Database) throws -> Int64? {
        try Int64.fetchOne(
            db.cachedStatement(sql: """
                SELECT c.id FROM claims c JOIN canonical_entities s ON s.id = c.speaker_id
                WHERE c.affiliation_id = ? AND c.key_hash = ? AND c.text_key = ? AND c.speaker_type = ?
                AND s.article_id IS NOT NULL
                ORDER BY c.id LIMIT 1
                """),
            arguments: [affiliationID, runs.hash, runs.key, kind])
    }

    /// Indexes a claim for containment (its `key_hash` is set by the caller): with a speaker and at
    /// least ``minimumContainedWords`` words, the hashes of all its runs of that many words.
    private static func index(claimID: Int64, speakerID: Int64?, runs: WordRuns, in db: Database) throws {
        guard let speakerID, runs.words.count >= minimumContainedWords else { return }
        for shingle in Set(runs.shingleHashes(size: minimumContainedWords)) {
            try db.cachedStatement(
                sql: "INSERT OR IGNORE INTO claim_shingles (speaker_id, shingle, claim_id) VALUES (?, ?, ?)"
            ).execute(arguments: [speakerID, shingle, claimID])
        }
    }

    static func placeholders(_ n: Int) -> String { Array(repeating: "?", count: n).joined(separator: ", ") }

    /// A new claim. `speakerID` is the entity its speaker was named as (`named_speaker_id`, which
    /// near-duplicates are found under); `speaker_id`, what the reports and queries read, is the entity
    /// that name is joined to now (``EntityJoiner``), kept in step as joins change.
    private static func insertClaim(
        speakerID: Int64?, speakerType: String?, q: Row, affiliationID: Int64?, viaID: Int64?, runs: WordRuns,
        in db: Database
    ) throws -> Int64 {
        var shownID = speakerID
        var shownType = speakerType
        if let speakerID, let joined = try Row.fetchOne(
            db.cachedStatement(sql: """
                SELECT j.id, j.kind FROM canonical_entities c JOIN canonical_entities j ON j.id = c.merged_into WHERE c.id = ?
                """),
            arguments: [speakerID])
        {
            shownID = joined["id"]
            shownType = joined["kind"]
        }
        try db.cachedStatement(sql: """
            INSERT INTO claims (speaker_id, named_speaker_id, speaker_name, speaker_type, affiliation_id, via_id, kind,
                cue, text, text_key, words, key_hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        ).execute(arguments: [
            shownID, speakerID, q["speaker_name"], shownType, affiliationID, viaID, q["kind"], q["cue_text"], q["text"],
            runs.key, runs.words.count, runs.hash,
        ])
        let id = db.lastInsertedRowID
        try index(claimID: id, speakerID: speakerID, runs: runs, in: db)
        return id
    }

    // MARK: Canonical entities

    /// A person: one entity per full name without titles; a one-word name stays on its own.
    /// Named by the best form of its key ever given (``EntityJoiner/bestName(_:key:)``), whatever came first.
    static func resolvePerson(name: String, aliases: [String], in db: Database) throws -> Int64 {
        let personKey = NameKey.person(name)
        let key = personKey.isEmpty ? NameKey.of(name) : personKey
        let given = EntityJoiner.bestName([name] + aliases, key: key) ?? name
        let id: Int64
        if let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT id, name FROM canonical_entities WHERE kind = 'person' AND key = ?"),
            arguments: [key])
        {
            id = row["id"]
            let current: String = row["name"]
            if let best = EntityJoiner.bestName([current, given], key: key), best != current {
                try db.cachedStatement(sql: "UPDATE canonical_entities SET name = ? WHERE id = ?").execute(arguments: [best, id])
            }
        } else {
            try db.cachedStatement(sql: "INSERT INTO canonical_entities (kind, name, key, surname) VALUES ('person', ?, ?, ?)")
                .execute(arguments: [given, key, EntityJoiner.surname(ofKey: key)])
            id = db.lastInsertedRowID
        }
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

    /// A description confined to its article (``SpeakerScope``): one entity per kind, normalised name
    /// and article. Its key is the name's key, `@` and the article's row id (a name's key holds no `@`);
    /// it is known under its name, so `--speaker "a spokesman"` finds every speaker so described.
    static func resolveScoped(kind: String, name: String, articleID: Int64, in db: Database) throws -> Int64 {
        let key = "\(NameKey.of(name))@\(articleID)"
        if let id = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT id FROM canonical_entities WHERE kind = ? AND key = ?"), arguments: [kind, key])
        {
            return id
        }
        try db.cachedStatement(sql: "INSERT INTO canonical_entities (kind, name, key, article_id) VALUES (?, ?, ?, ?)")
            .execute(arguments: [kind, name, key, articleID])
        let id = db.lastInsertedRowID
        try addAliases([name], to: id, person: false, in: db)
        return id
    }

    /// Factions, and groups named alike in every article (`Republicans`, `Labour MPs`): one entity per
    /// kind and normalised name.
    static func resolveSimple(kind: String, name: String, aliases: [String], in db: Database) throws -> Int64 {
        let id = try canonicalID(kind: kind, key: NameKey.of(name), name: name, in: db)
        try addAliases([name] + aliases, to: id, person: false, in: db)
        return id
    }

    /// The organisation a description names (*Momentum* in *Momentum spokesman*, *Labour* in *a
    /// Labour spokesman*, *Ashcombe District Council* in *a spokesman for Ashcombe District Council*,
    /// the council in *the council's report*), when it is a known organisation, outlet or faction: the
    /// longest known name opening the description after its determiner, else the longest known name
    /// opening at a later capitalised word. A possessive names its owner (`council's` → council).
    static func affiliationOfDescription(_ description: String, in db: Database) throws -> Int64? {
        var words = description.split(whereSeparator: \.isWhitespace).map { SpeakerScope.withoutPossessive(String($0)) }
        while words.count > 1, SpeakerScope.openers.contains(SpeakerScope.bare(words[0])) || SpeakerScope.bare(words[0]) == "the" {
            words.removeFirst()
        }
        guard words.count >= 2 else { return nil }
        for start in 0..<words.count {
            // The first word, as before; later ones only when capitalised (a name, not `senior` or `for`).
            guard start == 0 || words[start].first?.isUppercase == true else { continue }
            // Not the whole description from its first word (`Momentum spokesman` is not Momentum).
            let longest = start == 0 ? words.count - 1 : words.count - start
            for length in stride(from: longest, through: 1, by: -1) {
                let key = NameKey.of(words[start..<(start + length)].joined(separator: " "))
                if key.isEmpty { continue }
                if let id = try Int64.fetchOne(db.cachedStatement(sql: """
                    SELECT c.id FROM canonical_aliases a JOIN canonical_entities c ON c.id = a.entity_id
                    WHERE a.alias_key = ? AND c.kind IN ('organization', 'outlet', 'faction')
                    ORDER BY c.kind = 'faction', c.id LIMIT 1
                    """), arguments: [key])
                {
                    return id
                }
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

/// The words of a normalised text (``TextKey``) and 64-bit FNV-1a hashes of its spans, the same on
/// every run and machine: the hash of a span equals the hash of a text made of just those words.
struct WordRuns {
    /// The normalised text.
    let key: String
    let words: [Substring]
    /// The hash of the whole text.
    let hash: Int64
    /// The text with a space on each side, for word-boundary containment.
    let padded: String

    init(_ key: String) {
        self.key = key
        words = key.split(separator: " ")
        padded = WordRuns.padded(key)
        var h = WordRuns.offset
        for (n, word) in words.enumerated() { h = WordRuns.append(word, to: h, space: n > 0) }
        hash = Int64(bitPattern: h)
    }

    static func padded(_ key: String) -> String { " " + key + " " }

    /// Whether `other` (a normalised text) is this text or a run of its words.
    func contains(_ other: String) -> Bool { padded.contains(WordRuns.padded(other)) }

    /// The hashes of every span of at least `minimumWords` words, whole text included: O(n²) of them.
    func spanHashes(minimumWords: Int) -> [Int64] {
        guard words.count >= minimumWords else { return [] }
        var hashes: [Int64] = []
        hashes.reserveCapacity((words.count - minimumWords + 1) * (words.count - minimumWords + 2) / 2)
        for start in 0...(words.count - minimumWords) {
            var h = WordRuns.offset
            for end in start..<words.count {
                h = WordRuns.append(words[end], to: h, space: end > start)
                if end - start + 1 >= minimumWords { hashes.append(Int64(bitPattern: h)) }
            }
        }
        return hashes
    }

    /// The hashes of the runs of exactly `size` words, in text order.
    func shingleHashes(size: Int) -> [Int64] {
        guard words.count >= size else { return [] }
        return (0...(words.count - size)).map { start in
            var h = WordRuns.offset
            for n in start..<(start + size) { h = WordRuns.append(words[n], to: h, space: n > start) }
            return Int64(bitPattern: h)
        }
    }

    private static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x100_0000_01b3

    private static func append(_ word: Substring, to hash: UInt64, space: Bool) -> UInt64 {
        var h = hash
        if space { h = (h ^ 0x20) &* prime }
        for byte in word.utf8 { h = (h ^ UInt64(byte)) &* prime }
        return h
    }
}

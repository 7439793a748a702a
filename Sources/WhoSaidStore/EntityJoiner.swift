import GRDB

/// Joins the names a person goes by across articles, and settles a name typed differently in
/// different articles, the same way whatever order the articles came in.
///
/// Every name stays its own canonical entity (what its claims are found under, `claims.named_speaker_id`);
/// a join is a pointer, `canonical_entities.merged_into`, to the entity it is joined to, which is
/// what claims are listed and counted under (`claims.speaker_id`). Joins are worked out afresh from
/// the whole store for the names an article touches, after the article is aggregated, so they
/// depend on which names the store holds, never on the order they arrived in; and one that no
/// longer holds is undone (`Smith` joined to Ann Smith goes back to its own entity when Bob Smith
/// arrives).
///
/// - A person's name with first and last name and nothing between (`Owen Marsh`) joins the one
///   person whose name has those first and last names with middle names between (`Owen John Marsh`).
/// - A surname alone (`Quill`) joins the one person whose full name ends with it (after the joins
///   above: `Marsh` joins Owen John Marsh when Owen Marsh is joined to him). With two such people
///   (`Ann Smith`, `Bob Smith`), it stays its own entity.
/// - A name typed a person in some articles and an organisation or outlet in others (`NASA`) is
///   the kind it is given most often (articles naming it as an entity plus reports of its quotes);
///   a tie goes to the organisation. The minority entity is joined to the majority one.
enum EntityJoiner {
    /// The word people sharing a name are grouped by: the last word of a person's key.
    static func surname(ofKey key: String) -> String {
        String(key.split(separator: " ").last ?? "")
    }

    /// The best of the names given that are `key` with or without a title: one without a title
    /// (*Keir Starmer* over *Sir Keir Starmer*), then the first in code-point order. A person is named
    /// by the best of all names ever given, the same whatever order they came in.
    static func bestName(_ names: [String], key: String) -> String? {
        names.filter { NameKey.person($0) == key }.min { a, b in
            let (ta, tb) = (NameKey.of(a) != key, NameKey.of(b) != key)  // titled
            return ta != tb ? !ta : a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
        }
    }

    /// Works the joins out again where the touched entities may change them: among the people sharing
    /// the surname of a new person (entities from row id `newFrom` on), since the joins of a surname
    /// depend only on the names it holds; and for a name both a touched person and an organisation
    /// go by (or a touched organisation and a person), since its kind depends on their counts.
    static func rejoin(touched: Set<Int64>, newFrom: Int64, in db: Database) throws {
        guard !touched.isEmpty else { return }
        var surnames = Set<String>()
        var keys = Set<String>()  // person keys whose kind is decided again
        for id in touched.sorted() {
            guard let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT kind, key, surname FROM canonical_entities WHERE id = ? AND article_id IS NULL"),
                arguments: [id])
            else { continue }
            switch row["kind"] as String {
            case "person":
                guard let surname: String = row["surname"] else { continue }
                let key: String = row["key"]
                let named = try Bool.fetchOne(db.cachedStatement(sql: """
                    SELECT EXISTS (SELECT 1 FROM canonical_aliases a JOIN canonical_entities c ON c.id = a.entity_id
                    WHERE a.alias_key = ? AND c.kind IN ('organization', 'outlet') AND c.article_id IS NULL)
                    """), arguments: [key]) ?? false
                if named { keys.insert(key) }
                if named || id >= newFrom { surnames.insert(surname) }
            case "organization", "outlet":
                // People named like this organisation (by any of its names).
                for person in try Row.fetchAll(db.cachedStatement(sql: """
                    SELECT p.key, p.surname FROM canonical_aliases a
                    JOIN canonical_entities p ON p.kind = 'person' AND p.key = a.alias_key AND p.article_id IS NULL
                    WHERE a.entity_id = ? AND p.surname IS NOT NULL
                    """), arguments: [id])
                {
                    surnames.insert(person["surname"])
                    keys.insert(person["key"])
                }
            default: continue
            }
        }
        for surname in surnames.sorted() { try rejoin(surname: surname, decidingKindOf: keys, in: db) }
    }

    private struct Member {
        let id: Int64
        let key: String
        let words: [Substring]
        /// The entity it is joined to now, and that entity's kind.
        let joined: Int64?
        let joinedKind: String?
    }

    /// The joins of everyone whose surname is `surname`, from the store as it is now. The kind of the
    /// names in `keys` (those whose articles or organisation just grew) is decided again; every other
    /// name keeps the kind decided when it last grew, which its counts have not changed since.
    static func rejoin(surname: String, decidingKindOf keys: Set<String>, in db: Database) throws {
        let members = try Row.fetchAll(
            db.cachedStatement(sql: """
                SELECT c.id, c.key, c.merged_into, j.kind FROM canonical_entities c
                LEFT JOIN canonical_entities j ON j.id = c.merged_into
                WHERE c.kind = 'person' AND c.surname = ? AND c.article_id IS NULL ORDER BY c.key
                """),
            arguments: [surname]
        ).map { row in
            Member(id: row[0], key: row[1], words: (row[1] as String).split(separator: " "), joined: row[2], joinedKind: row[3])
        }
        var current: [Int64: Int64?] = [:]  // what each entity looked at is joined to now
        var target: [Int64: Int64?] = [:]  // and what it should be (nil: itself)
        for m in members {
            current[m.id] = .some(m.joined)
            target[m.id] = .some(nil)
        }

        // The kind a name is given most often: an organisation's name typed a person joins the
        // organisation, or the organisation joins the person.
        var people: [Member] = []
        var orgOf: [Int64: Int64] = [:]  // organisation → the person it is joined to
        for m in members {
            guard keys.contains(m.key) else {
                if m.joinedKind == "organization" || m.joinedKind == "outlet" {
                    target[m.id] = .some(m.joined)
                } else {
                    people.append(m)
                }
                continue
            }
            guard let orgID = try Int64.fetchOne(
                db.cachedStatement(sql: """
                    SELECT c.id FROM canonical_aliases a JOIN canonical_entities c ON c.id = a.entity_id
                    WHERE a.alias_key = ? AND c.kind IN ('organization', 'outlet') AND c.article_id IS NULL
                    ORDER BY c.kind, c.key LIMIT 1
                    """),
                arguments: [m.key])
            else {
                people.append(m)
                continue
            }
            current[orgID] = .some(try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT merged_into FROM canonical_entities WHERE id = ?"), arguments: [orgID]))
            if try weight(orgID, in: db) >= weight(m.id, in: db) {
                target[m.id] = .some(orgID)
                target[orgID] = .some(nil)
            } else {
                orgOf[orgID] = m.id
                people.append(m)
            }
        }
        // Organisations joined to one of these people earlier stay joined to them.
        if !members.isEmpty {
            let ids = members.map(\.id)
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT id, merged_into FROM canonical_entities
                    WHERE merged_into IN (\(ClaimAggregator.placeholders(ids.count))) AND kind IN ('organization', 'outlet')
                    """,
                arguments: StatementArguments(ids))
            {
                let id: Int64 = row[0]
                if target[id] == nil { current[id] = .some(row[1]); orgOf[id] = row[1] }
            }
        }

        // `Owen Marsh` = `Owen John Marsh`: the one longer name with the same first and last names.
        for m in people where m.words.count == 2 {
            let fits = people.filter { $0.words.count > 2 && $0.words.first == m.words.first && $0.words.last == m.words.last }
            if fits.count == 1 { target[m.id] = .some(fits[0].id) }
        }
        // `Quill` → Ada Quill: the one full name (after the joins above) ending with the surname.
        let full = people.filter { $0.words.count >= 2 && target[$0.id]! == nil }
        for m in people where m.words.count == 1 && full.count == 1 {
            target[m.id] = .some(full[0].id)
        }
        // An organisation joined to a person is joined to whom that person is joined to.
        for (org, person) in orgOf { target[org] = .some((target[person] ?? nil) ?? person) }

        for (id, joined) in target.sorted(by: { $0.key < $1.key }) where current[id] != .some(joined) {
            try apply(id, joinedTo: joined, in: db)
        }
    }

    /// How often a name is given as this entity: articles naming it as an entity, plus reports of
    /// claims made under it.
    private static func weight(_ id: Int64, in db: Database) throws -> Int {
        try Int.fetchOne(
            db.cachedStatement(sql: """
                SELECT (SELECT COUNT(*) FROM entity_links WHERE canonical_id = ?1)
                    + (SELECT COALESCE(SUM(reports), 0) FROM claims WHERE named_speaker_id = ?1)
                """),
            arguments: [id]) ?? 0
    }

    /// Records a join (or its undoing) and moves the claims made under the name to the entity now
    /// shown for it, with that entity's kind when it differs.
    private static func apply(_ id: Int64, joinedTo joined: Int64?, in db: Database) throws {
        try db.cachedStatement(sql: "UPDATE canonical_entities SET merged_into = ? WHERE id = ?").execute(arguments: [joined, id])
        let shown = joined ?? id
        try db.cachedStatement(sql: """
            UPDATE claims SET speaker_id = ?1,
                speaker_type = CASE WHEN (SELECT kind FROM canonical_entities WHERE id = ?1) <> (SELECT kind FROM canonical_entities WHERE id = ?2)
                    OR ?1 = ?2 AND speaker_type IN ('person', 'organization', 'outlet')
                    THEN (SELECT kind FROM canonical_entities WHERE id = ?1) ELSE speaker_type END
            WHERE named_speaker_id = ?2
            """
        ).execute(arguments: [shown, id])
    }
}

/// Speaker names that are pronouns: never an entity, never joined to one.
enum Pronoun {
    static let words: Set<String> = [
        "i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "hers", "it", "its",
        "they", "them", "their", "this", "that", "these", "those", "who", "whom", "someone", "somebody", "everyone",
        "everybody", "anyone", "anybody", "nobody",
    ]

    /// Whether a name is one pronoun (`He`, `it`, `THEY`).
    static func isPronoun(_ name: String) -> Bool {
        words.contains(NameKey.of(name))
    }
}

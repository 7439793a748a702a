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

    /// Names a person's entity by the best of the names it has been given that are its key with or
    /// without a title: one without a title (*Keir Starmer* over *Sir Keir Starmer*), then the first
    /// in code-point order. The best of all names ever given, so the same whatever order they came in.
    static func rename(person id: Int64, key: String, names: [String], in db: Database) throws {
        guard let current = try String.fetchOne(
            db.cachedStatement(sql: "SELECT name FROM canonical_entities WHERE id = ?"), arguments: [id])
        else { return }
        let forms = ([current] + names).filter { NameKey.person($0) == key }
        guard let best = forms.min(by: { a, b in
            let (ta, tb) = (NameKey.of(a) != key, NameKey.of(b) != key)  // titled
            return ta != tb ? !ta : a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
        }), best != current else { return }
        try db.cachedStatement(sql: "UPDATE canonical_entities SET name = ? WHERE id = ?").execute(arguments: [best, id])
    }

    /// Works the joins out again for every person sharing a surname with the touched entities, and
    /// for the people and organisations sharing a name with them.
    static func rejoin(touched: Set<Int64>, in db: Database) throws {
        guard !touched.isEmpty else { return }
        var surnames = Set<String>()
        for id in touched.sorted() {
            guard let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT kind, key, surname FROM canonical_entities WHERE id = ? AND article_id IS NULL"),
                arguments: [id])
            else { continue }
            switch row["kind"] as String {
            case "person":
                if let surname: String = row["surname"] { surnames.insert(surname) }
            case "organization", "outlet":
                // People named like this organisation (by any of its names).
                let found = try String.fetchAll(db.cachedStatement(sql: """
                    SELECT p.surname FROM canonical_aliases a
                    JOIN canonical_entities p ON p.kind = 'person' AND p.key = a.alias_key AND p.article_id IS NULL
                    WHERE a.entity_id = ? AND p.surname IS NOT NULL
                    """), arguments: [id])
                surnames.formUnion(found)
            default: continue
            }
        }
        for surname in surnames.sorted() { try rejoin(surname: surname, in: db) }
    }

    private struct Member {
        let id: Int64
        let words: [Substring]
    }

    /// The joins of everyone whose surname is `surname` (and of the organisations named as one of
    /// them), from the store as it is now.
    static func rejoin(surname: String, in db: Database) throws {
        let members = try Row.fetchAll(
            db.cachedStatement(sql: """
                SELECT id, key FROM canonical_entities
                WHERE kind = 'person' AND surname = ? AND article_id IS NULL ORDER BY key
                """),
            arguments: [surname]
        ).map { Member(id: $0["id"], words: ($0["key"] as String).split(separator: " ")) }
        var target: [Int64: Int64?] = [:]  // every entity looked at, and what it is joined to (nil: itself)
        for m in members { target[m.id] = .some(nil) }

        // The kind a name is given most often.
        var people: [Member] = []
        for m in members {
            let key = m.words.joined(separator: " ")
            guard let org = try Row.fetchOne(
                db.cachedStatement(sql: """
                    SELECT c.id FROM canonical_aliases a JOIN canonical_entities c ON c.id = a.entity_id
                    WHERE a.alias_key = ? AND c.kind IN ('organization', 'outlet') AND c.article_id IS NULL
                    ORDER BY c.kind, c.key LIMIT 1
                    """),
                arguments: [key])
            else {
                people.append(m)
                continue
            }
            let orgID: Int64 = org["id"]
            if try weight(orgID, in: db) >= weight(m.id, in: db) {
                target[m.id] = .some(orgID)
                target[orgID] = .some(nil)
            } else {
                target[orgID] = .some(m.id)
                people.append(m)
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

        // An organisation joined to a person joined to another is joined to that other.
        for (id, joined) in target {
            if let joined, let further = target[joined] ?? nil { target[id] = .some(further) }
        }
        for (id, joined) in target.sorted(by: { $0.key < $1.key }) {
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
        try db.cachedStatement(sql: "UPDATE canonical_entities SET merged_into = ? WHERE id = ? AND merged_into IS NOT ?")
            .execute(arguments: [joined, id, joined])
        guard db.changesCount > 0 else { return }
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

import GRDB
import WhoSaidStore

/// Finds canonical entities by any of their names, and suggests close names for unknown ones.
enum NameResolver {
    /// Kinds that can speak: a faction too (*Momentum hailed the results*).
    static let speakerKinds = ["person", "organization", "outlet", "faction", "group", "anonymous"]

    /// Ids of the entities of these kinds known under `name` (as a name or an alias; a person's
    /// also without titles). Throws ``QueryError/unknownName`` with suggestions when there are none.
    static func ids(_ name: String, kinds: [String], option: String, db: Database) throws -> [Int64] {
        let ids = try find(name, kinds: kinds, db: db)
        if ids.isEmpty {
            throw QueryError.unknownName(
                option: option, name: name, suggestions: try suggestions(for: name, kinds: kinds, db: db))
        }
        return ids
    }

    /// Ids of the entities of these kinds known under `name`, none when there are none; a name joined
    /// to another entity (``canonical_entities.merged_into``: `Quill` to Ada Quill) gives that entity.
    static func find(_ name: String, kinds: [String], db: Database) throws -> [Int64] {
        let keys = Array(Set([NameKey.of(name), NameKey.person(name)].filter { !$0.isEmpty }))
        guard !keys.isEmpty else { return [] }
        return try Int64.fetchAll(
            db,
            sql: """
                SELECT DISTINCT COALESCE(c.merged_into, c.id) AS id
                FROM canonical_aliases a JOIN canonical_entities c ON c.id = a.entity_id
                WHERE a.alias_key IN (\(ClaimQuery.placeholders(keys.count)))
                AND c.kind IN (\(ClaimQuery.placeholders(kinds.count)))
                ORDER BY id
                """,
            arguments: StatementArguments(keys + kinds))
    }

    /// Up to three known names closest to `name` by edit distance over their normalised forms, or
    /// holding it as whole words.
    static func suggestions(for name: String, kinds: [String], db: Database) throws -> [String] {
        let key = NameKey.of(name)
        guard !key.isEmpty else { return [] }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT a.alias_key, c.name FROM canonical_aliases a JOIN canonical_entities c ON c.id = a.entity_id
                WHERE c.kind IN (\(ClaimQuery.placeholders(kinds.count)))
                """,
            arguments: StatementArguments(kinds))
        let limit = max(2, key.count / 3)
        var best: [String: Int] = [:]
        for row in rows {
            let alias: String = row[0]
            let canonical: String = row[1]
            var d = editDistance(key, alias)
            // A name inside a longer one (Goodall in Lewis Goodall) is as close as the farthest typo.
            if d > limit, key.count >= 3, (" " + alias + " ").contains(" " + key + " ") { d = limit }
            if d <= limit, d < best[canonical] ?? Int.max { best[canonical] = d }
        }
        return best.sorted { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key }.prefix(3).map(\.key)
    }

    /// Levenshtein distance over Unicode scalars.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

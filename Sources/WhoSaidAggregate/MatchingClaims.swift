import GRDB
import WhoSaidCore

/// A name with how often it occurs in a report (claims, or reports for outlets).
public struct NameCount: Sendable, Equatable {
    public var name: String
    public var count: Int

    public init(name: String, count: Int) {
        self.name = name
        self.count = count
    }

    /// `Sky News (3); The Week (1)`: lists in the delimited formats.
    public static func joined(_ list: [NameCount]) -> String {
        list.map { "\($0.name) (\($0.count))" }.joined(separator: "; ")
    }

    /// An array of `{name, <countKey>}` objects.
    static func write(_ list: [NameCount], key: String, countKey: String, to w: inout JSONWriter) {
        w.key(key)
        w.beginArray()
        for item in list {
            w.beginObject()
            w.field("name", item.name)
            w.field(countKey, item.count)
            w.endObject()
        }
        w.endArray()
    }
}

/// How many names the lists of a report row hold at most (most frequent first).
let reportListLimit = 10

extension ClaimQuery.Plan {
    /// The claims the plan matches, as a subquery with the columns `id`, `speaker_id`,
    /// `affiliation_id`, `via_id`, `reports` (how many of its reports match) and `first` (the
    /// earliest matching report's date). `extra` are more conditions on the claim (alias `c`).
    ///
    /// Without report filters it reads `claims` alone (the stored report count and first date);
    /// with them it starts from the matching reports and groups them by claim.
    ///
    /// `fromReports` makes SQLite read the matching reports first (when the claims wanted are many,
    /// a pass through the reports beats a look-up per claim).
    func matchingClaims(
        _ extra: [String] = [], _ extraArguments: [any DatabaseValueConvertible] = [], fromReports: Bool = false
    ) -> (sql: String, arguments: [any DatabaseValueConvertible]) {
        var arguments: [any DatabaseValueConvertible] = []
        let fullTextJoin = fullText.map { match -> String in
            arguments.append(match)
            return " JOIN claims_fts ON claims_fts.rowid = c.id AND claims_fts MATCH ?"
        } ?? ""
        let conditions = reportConditions + claimConditions + extra
        arguments += reportArguments + claimArguments + extraArguments
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let sql: String
        if reportConditions.isEmpty {
            sql = """
                SELECT c.id, c.speaker_id, c.affiliation_id, c.via_id, c.reports, c.first_reported AS first
                FROM claims c\(fullTextJoin)\(whereClause)
                """
        } else {
            sql = """
                SELECT c.id, c.speaker_id, c.affiliation_id, c.via_id, COUNT(*) AS reports, MIN(r.published) AS first
                FROM reports r \(fromReports ? "CROSS JOIN" : "JOIN") claims c ON c.id = r.claim_id\(fullTextJoin)\(whereClause)
                GROUP BY c.id
                """
        }
        return (sql, arguments)
    }

    /// `FROM … WHERE …` over the matching reports of the matching claims that also meet `extra`
    /// (aliases `r` and `c`), to be followed by more conditions (`AND …`) and a grouping.
    /// `fromReports` makes SQLite read the reports first.
    func matchingReports(
        _ extra: [String], _ extraArguments: [any DatabaseValueConvertible], fromReports: Bool = false
    ) -> (sql: String, arguments: [any DatabaseValueConvertible]) {
        var sql = fromReports
            ? "FROM reports r CROSS JOIN claims c ON c.id = r.claim_id" : "FROM claims c JOIN reports r ON r.claim_id = c.id"
        var arguments: [any DatabaseValueConvertible] = []
        if let match = fullText {
            sql += " JOIN claims_fts ON claims_fts.rowid = c.id AND claims_fts MATCH ?"
            arguments.append(match)
        }
        sql += " WHERE " + (extra + reportConditions + claimConditions).joined(separator: " AND ")
        return (sql, arguments + extraArguments + reportArguments + claimArguments)
    }

    /// Whether only the reports narrow the claims down (so that a pass through the matching reports
    /// is the way to read them all).
    var onlyReportFilters: Bool { claimConditions.isEmpty && fullText == nil }
}

extension ClaimQuery {
    /// Runs `body`, turning SQLite's complaints about a full-text query into ``QueryError/badFullText``.
    static func readingFullText<T>(_ plan: Plan, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError where plan.fullText != nil && error.message?.contains("fts5") == true {
            throw QueryError.badFullText(query: plan.about ?? "", reason: error.message ?? "\(error)")
        }
    }

    /// The ``reportListLimit`` most frequent entities of `counting` (a grouped query with the
    /// columns `id` and `n`), named, most frequent first.
    static func topNames(_ db: Database, counting: String, arguments: [any DatabaseValueConvertible]) throws -> [NameCount] {
        try Row.fetchAll(db, sql: """
            SELECT e.name, g.n FROM (\(counting) ORDER BY n DESC, id LIMIT \(reportListLimit)) g
            JOIN canonical_entities e ON e.id = g.id ORDER BY g.n DESC, e.name
            """, arguments: StatementArguments(arguments)
        ).map { NameCount(name: $0[0], count: $0[1]) }
    }

    /// How many claims and reports a speaker or source has among the matching claims, and the
    /// first date one was reported. A source's claims are its own, affiliated and via ones.
    struct Tally {
        var own = 0, affiliated = 0, via = 0, reports = 0
        var first: String?
        var claims: Int { own + affiliated + via }

        /// Adds a grouped row `(…, …, claims, reports, first)` in the role of the `roles` column.
        mutating func add(_ row: Row, role: Int) {
            let claims: Int = row[2]
            switch role {
            case 0: own += claims
            case 1: affiliated += claims
            default: via += claims
            }
            reports += row[3] as Int
            if let date: String = row[4], first.map({ date < $0 }) ?? true { first = date }
        }

        /// The ids most claims first, then most reports, then by id.
        static func ranked(_ tallies: [Int64: Tally]) -> [Int64] {
            tallies.keys.sorted { a, b in
                let x = tallies[a]!, y = tallies[b]!
                if x.claims != y.claims { return x.claims > y.claims }
                if x.reports != y.reports { return x.reports > y.reports }
                return a < b
            }
        }
    }

    /// The canonical names of these entities.
    static func plainNames<S: Sequence>(_ ids: S, db: Database) throws -> [Int64: String] where S.Element == Int64 {
        let ids = Array(Set(ids))
        var names: [Int64: String] = [:]
        for start in stride(from: 0, to: ids.count, by: 500) {
            let batch = Array(ids[start..<min(start + 500, ids.count)])
            for row in try Row.fetchAll(
                db, sql: "SELECT id, name FROM canonical_entities WHERE id IN (\(placeholders(batch.count)))",
                arguments: StatementArguments(batch))
            {
                names[row[0]] = row[1]
            }
        }
        return names
    }

    /// Counts per (row, entity) turned into each row's list of at most ``reportListLimit`` names, most
    /// frequent first (then by name).
    static func topLists(_ counts: [Int64: [Int64: Int]], db: Database) throws -> [Int64: [NameCount]] {
        var chosen: [Int64: [(id: Int64, count: Int)]] = [:]
        for (key, items) in counts {
            chosen[key] = items.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .prefix(reportListLimit).map { ($0.key, $0.value) }
        }
        let names = try plainNames(chosen.values.flatMap { $0.map(\.id) }, db: db)
        return chosen.mapValues { items in
            // Entities of one name count together: the speakers of several articles described alike
            // (`Momentum spokesman`), each an entity of its article.
            var byName: [String: Int] = [:]
            for item in items { byName[names[item.id] ?? "", default: 0] += item.count }
            return Array(byName.map { NameCount(name: $0.key, count: $0.value) }
                .sorted { $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name }.prefix(reportListLimit))
        }
    }

    /// Pairs `(key, entity, count)` from `sql` into counts per key and entity.
    static func pairCounts(
        _ db: Database, sql: String, arguments: [any DatabaseValueConvertible]
    ) throws -> [Int64: [Int64: Int]] {
        var counts: [Int64: [Int64: Int]] = [:]
        let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(arguments))
        while let row = try rows.next() {
            counts[row[0], default: [:]][row[1], default: 0] += row[2] as Int
        }
        return counts
    }

    /// The canonical names and kinds of these entities, and for a speaker described rather than named
    /// (*a spokesman*, *The survey*: an entity of one article) the document id of its article. An
    /// organisation that an article tagged as an outlet, or that published articles, is an outlet (the
    /// store keeps one entity for both kinds, under the kind it was first met as: *Sky News* named as a
    /// correspondent's employer first).
    static func entityNames(_ ids: [Int64], db: Database) throws -> [Int64: (name: String, kind: String, article: String?)] {
        guard !ids.isEmpty else { return [:] }
        var names: [Int64: (name: String, kind: String, article: String?)] = [:]
        for row in try Row.fetchAll(
            db, sql: """
                SELECT e.id, e.name, CASE WHEN e.kind = 'organization' AND (
                    EXISTS (SELECT 1 FROM reports WHERE outlet_id = e.id)
                    OR EXISTS (SELECT 1 FROM entity_links l JOIN entities x ON x.id = l.entity_id
                        WHERE l.canonical_id = e.id AND x.kind = 'outlet')) THEN 'outlet' ELSE e.kind END,
                    (SELECT a.doc_id FROM articles a WHERE a.id = e.article_id)
                FROM canonical_entities e WHERE e.id IN (\(placeholders(ids.count)))
                """,
            arguments: StatementArguments(ids))
        {
            names[row[0]] = (row[1], row[2], row[3])
        }
        return names
    }

    /// The first `limit` (all for nil) of the `ranked` entities whose kind is one of `types` (any
    /// when empty), with their names, kinds and (for a described speaker) article: read a hundred at a
    /// time, only as far as needed.
    static func keeping(
        _ ranked: [Int64], types: [String], limit: Int?, db: Database
    ) throws -> [(id: Int64, name: String, kind: String, article: String?)] {
        var kept: [(id: Int64, name: String, kind: String, article: String?)] = []
        var start = 0
        while start < ranked.count, kept.count < limit ?? Int.max {
            let batch = Array(ranked[start..<min(start + 100, ranked.count)])
            start += batch.count
            let names = try entityNames(batch, db: db)
            for id in batch where kept.count < limit ?? Int.max {
                guard let n = names[id], types.isEmpty || types.contains(n.kind) else { continue }
                kept.append((id, n.name, n.kind, n.article))
            }
        }
        return kept
    }
}

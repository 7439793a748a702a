import GRDB
import WhoSaidCore
import WhoSaidStore

// What the pages of `whosaid serve` read beyond `query`, the reports and `show`: one claim, one
// article with its text, an entity by row id, claims over time, and an outlet's sources.

/// A count in a period (`2024`, `2024-03`), for charts over time.
public struct PeriodCount: Sendable, Equatable {
    public var period: String
    public var count: Int

    public init(period: String, count: Int) {
        self.period = period
        self.count = count
    }
}

/// Who an outlet quotes: its reports counted by the speaker's type and by faction, per period.
public struct OutletView: Sendable, Equatable {
    /// The outlet's canonical name and row ids (an outlet may also be known as an organisation).
    public var name: String
    public var entityIDs: [Int64]
    /// Its reports (one per quote it carried) and the claims they report.
    public var reports: Int
    public var claims: Int
    /// Reports per speaker type (person, organization, outlet, faction, group, anonymous,
    /// unattributed), most first.
    public var types: [NameCount]
    /// Reports per faction of the speaker, most first (at most ten).
    public var factions: [NameCount]
    /// The speakers it quotes most (at most ten), with their row ids.
    public var speakers: [(name: String, id: Int64, count: Int)]
    /// Reports per period and speaker type; per period and faction (of the ten above). Periods are
    /// months when the reports span at most three years, else years; undated reports are left out.
    public var typesOverTime: [String: [PeriodCount]]
    public var factionsOverTime: [String: [PeriodCount]]

    public static func == (a: OutletView, b: OutletView) -> Bool {
        a.name == b.name && a.entityIDs == b.entityIDs && a.reports == b.reports && a.claims == b.claims
            && a.types == b.types && a.factions == b.factions && a.typesOverTime == b.typesOverTime
            && a.factionsOverTime == b.factionsOverTime
            && a.speakers.map(\.name) == b.speakers.map(\.name) && a.speakers.map(\.count) == b.speakers.map(\.count)
    }
}

extension ClaimQuery {
    /// The claim with this id and its reports (at most `reportLimit`, the earliest; nil for all), first
    /// reported first; nil when there is none.
    public func claim(id: Int64, reportLimit: Int? = nil) throws -> Claim? {
        try store.read { db in
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM claims WHERE id = ?)", arguments: [id]) == true
            else { return nil }
            var filter = ClaimFilter()
            filter.reportLimit = reportLimit
            return try Self.claim(id, plan: Plan(filter, db: db), db: db)
        }
    }

    /// The article with this row id (digits) or document id, with its text; nil when there is none.
    public func article(_ id: String) throws -> (view: ArticleView, text: String)? {
        try store.read { db in
            var view: ArticleView?
            if let rowID = Int64(id), String(rowID) == id { view = try Self.articleView(rowID: rowID, db: db) }
            if view == nil { view = try Self.articleView(docID: id, db: db) }
            guard let view else { return nil }
            let text = try String.fetchOne(db, sql: "SELECT text FROM articles WHERE id = ?", arguments: [view.id]) ?? ""
            return (view, text)
        }
    }

    /// The canonical entities a key names: a row id (digits) of one, else any of its names as
    /// `whosaid show` resolves them. Throws ``ShowError`` (with suggestions) when it names none.
    public func entityIDs(_ key: String) throws -> [Int64] {
        try store.read { db in
            if let id = Int64(key), String(id) == key,
                try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM canonical_entities WHERE id = ?)", arguments: [id]) == true
            {
                return [id]
            }
            let ids = try NameResolver.find(key, kinds: NameResolver.speakerKinds, db: db)
            if ids.isEmpty {
                throw ShowError.notFound(
                    id: key, suggestions: try NameResolver.suggestions(for: key, kinds: NameResolver.speakerKinds, db: db))
            }
            return try Self.preferred(ids, for: key, db: db)
        }
    }

    /// The entity these canonical ids make up (from ``entityIDs(_:)``), with `limit` of its claims
    /// after the first `offset`, earliest reported first.
    /// `reportLimit` bounds the reports read of each claim shown (nil for all).
    public func entity(ids: [Int64], limit: Int?, offset: Int = 0, reportLimit: Int? = nil) throws -> EntityView {
        try store.read { db in try Self.entityView(ids, limit: limit, offset: offset, reportLimit: reportLimit, db: db) }
    }

    /// How many claims the entities are the source of (own, affiliated or via), per month of their
    /// first report; undated claims are left out.
    public func claimsOverTime(ids: [Int64]) throws -> [PeriodCount] {
        guard !ids.isEmpty else { return [] }
        let list = Self.placeholders(ids.count)
        return try store.read { db in
            try Row.fetchAll(db, sql: """
                SELECT substr(c.first_reported, 1, 7) AS period, COUNT(*) FROM claims c
                WHERE (c.speaker_id IN (\(list)) OR c.affiliation_id IN (\(list)) OR c.via_id IN (\(list)))
                AND c.first_reported IS NOT NULL GROUP BY period ORDER BY period
                """, arguments: StatementArguments(ids + ids + ids)
            ).map { PeriodCount(period: $0[0], count: $0[1]) }
        }
    }

    /// The outlet a key names (a row id, or a name as `--outlet` takes it) with whom it quotes.
    /// Throws ``QueryError/unknownName`` with suggestions when it names none.
    public func outlet(_ key: String) throws -> OutletView {
        try store.read { db in
            var ids: [Int64] = []
            if let id = Int64(key), String(id) == key,
                try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM reports WHERE outlet_id = ?)", arguments: [id]) == true
            {
                ids = [id]
            } else {
                ids = try NameResolver.ids(key, kinds: ["outlet", "organization"], option: "--outlet", db: db)
            }
            let names = try Self.entityNames(ids, db: db)
            let list = Self.placeholders(ids.count)
            let arguments = StatementArguments(ids)
            let totals = try Row.fetchOne(
                db, sql: "SELECT COUNT(*), COUNT(DISTINCT claim_id), MIN(published), MAX(published) FROM reports WHERE outlet_id IN (\(list))",
                arguments: arguments)!
            let first: String? = totals[2], last: String? = totals[3]
            // Months when they fit a chart, else years.
            let years = (first.flatMap { Int($0.prefix(4)) }, last.flatMap { Int($0.prefix(4)) })
            let width = (years.0 != nil && years.1 != nil && years.1! - years.0! < 3) ? 7 : 4
            let type = """
                CASE WHEN c.speaker_id IS NULL AND c.speaker_name IS NULL THEN 'unattributed'
                ELSE COALESCE(c.speaker_type, s.kind, 'anonymous') END
                """
            var typesOverTime: [String: [PeriodCount]] = [:]
            var typeTotals: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT substr(r.published, 1, \(width)) AS period, \(type) AS type, COUNT(*)
                FROM reports r JOIN claims c ON c.id = r.claim_id LEFT JOIN canonical_entities s ON s.id = c.speaker_id
                WHERE r.outlet_id IN (\(list)) GROUP BY period, type ORDER BY period
                """, arguments: arguments)
            {
                let period: String? = row[0], type: String = row[1], n: Int = row[2]
                typeTotals[type, default: 0] += n
                if let period { typesOverTime[type, default: []].append(PeriodCount(period: period, count: n)) }
            }
            var factionsOverTime: [String: [PeriodCount]] = [:]
            var factionTotals: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT substr(r.published, 1, \(width)) AS period, e.name, COUNT(*)
                FROM reports r JOIN claim_factions cf ON cf.claim_id = r.claim_id JOIN canonical_entities e ON e.id = cf.faction_id
                WHERE r.outlet_id IN (\(list)) GROUP BY period, e.name ORDER BY period
                """, arguments: arguments)
            {
                let period: String? = row[0], faction: String = row[1], n: Int = row[2]
                factionTotals[faction, default: 0] += n
                if let period { factionsOverTime[faction, default: []].append(PeriodCount(period: period, count: n)) }
            }
            let ranked = { (totals: [String: Int]) in
                totals.map { NameCount(name: $0.key, count: $0.value) }
                    .sorted { $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name }
            }
            let factions = Array(ranked(factionTotals).prefix(reportListLimit))
            let shown = Set(factions.map(\.name))
            let speakers = try Row.fetchAll(db, sql: """
                SELECT e.name, e.id, g.n FROM (
                    SELECT c.speaker_id AS id, COUNT(*) AS n FROM reports r JOIN claims c ON c.id = r.claim_id
                    WHERE r.outlet_id IN (\(list)) AND c.speaker_id IS NOT NULL GROUP BY c.speaker_id
                    ORDER BY n DESC, id LIMIT \(reportListLimit)) g
                JOIN canonical_entities e ON e.id = g.id ORDER BY g.n DESC, e.name
                """, arguments: arguments
            ).map { (name: $0[0] as String, id: $0[1] as Int64, count: $0[2] as Int) }
            return OutletView(
                name: ids.first.flatMap { names[$0]?.name } ?? key, entityIDs: ids, reports: totals[0], claims: totals[1],
                types: ranked(typeTotals), factions: factions, speakers: speakers, typesOverTime: typesOverTime,
                factionsOverTime: factionsOverTime.filter { shown.contains($0.key) })
        }
    }
}

import GRDB
import WhoSaidCore

/// A speaker of `whosaid speakers`: one canonical entity with what it said among the matching claims.
public struct SpeakerRow: Sendable, Equatable {
    public var name: String
    /// The entity's kind: person, organization, outlet, faction, group or anonymous.
    public var type: String
    /// For a speaker described rather than named (*a spokesman*, *The survey*), which is a speaker of
    /// one article only: that article's document id. Nil for speakers across articles.
    public var article: String?
    public var claims: Int
    /// Reports of those claims (the matching ones, under report filters).
    public var reports: Int
    public var firstReported: String?
    /// Whom the speaker spoke for (Lewis Goodall → Sky News), most claims first.
    public var affiliations: [NameCount]
    /// Factions linked to the speaker's claims, most claims first.
    public var factions: [NameCount]
    /// The publications that carried the claims, most reports first.
    public var outlets: [NameCount]
    /// The canonical entity's row id (links in `whosaid serve`; not part of the JSON).
    public var entityID: Int64? = nil

    public static let columns = [
        "speaker", "type", "article", "claims", "reports", "first_reported", "affiliations", "factions", "outlets",
    ]

    /// The row's fields in ``columns`` order; lists as `name (count); …`.
    public var fields: [String] {
        [
            name, type, article ?? "", String(claims), String(reports), firstReported ?? "", NameCount.joined(affiliations),
            NameCount.joined(factions), NameCount.joined(outlets),
        ]
    }

    /// The speaker as the JSON object of `whosaid speakers --format json`.
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("name", name)
        w.field("type", type)
        w.field("article", article)
        w.field("claims", claims)
        w.field("reports", reports)
        w.field("first_reported", firstReported)
        NameCount.write(affiliations, key: "affiliations", countKey: "claims", to: &w)
        NameCount.write(factions, key: "factions", countKey: "claims", to: &w)
        NameCount.write(outlets, key: "outlets", countKey: "reports", to: &w)
        w.endObject()
    }
}

extension ClaimQuery {
    /// Speakers ranked by how many of the claims matching `filter` they made (then by reports), at
    /// most `filter.limit`. `types` keeps only speakers of these kinds (all when empty).
    ///
    /// One pass through the matching claims, grouped by speaker and affiliation, ranks the speakers
    /// and gives whom they spoke for; one more query each reads the factions and outlets of the
    /// speakers shown, along the speaker index when they made few of the claims, else in one pass
    /// through the claims' factions or reports.
    public func speakers(_ filter: ClaimFilter, types: [String] = []) throws -> [SpeakerRow] {
        try store.read { db in
            try Self.requireArticles(db, path: store.path)
            let plan = try Plan(filter, db: db)
            return try Self.readingFullText(plan) {
                var tallies: [Int64: Tally] = [:]
                var affiliations: [Int64: [Int64: Int]] = [:]
                var total = 0
                // `+`: grouped in a temporary b-tree over one pass through the table, several times
                // faster than walking the speaker index with a table look-up per claim.
                let (matching, arguments) = plan.matchingClaims(
                    ["+c.speaker_id IS NOT NULL"], fromReports: plan.onlyReportFilters)
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT m.speaker_id, m.affiliation_id, COUNT(*), SUM(m.reports), MIN(m.first) FROM (\(matching)) m
                    GROUP BY +m.speaker_id, m.affiliation_id
                    """, arguments: StatementArguments(arguments))
                while let row = try rows.next() {
                    let id: Int64 = row[0]
                    tallies[id, default: Tally()].add(row, role: 0)
                    if let affiliation: Int64 = row[1] { affiliations[id, default: [:]][affiliation] = row[2] }
                    total += row[2] as Int
                }
                let ranked = Tally.ranked(tallies)
                let shown = try Self.keeping(ranked, types: types, limit: filter.limit, db: db)
                guard !shown.isEmpty else { return [] }

                // A look-up per claim costs about four times a row read in a pass.
                let ids = shown.map(\.id)
                let pass = 4 * ids.reduce(0) { $0 + tallies[$1]!.claims } > total
                let inShown = (pass ? "+" : "") + "c.speaker_id IN (\(Self.placeholders(ids.count)))"
                let (shownClaims, shownArguments) = plan.matchingClaims([inShown], ids, fromReports: pass)
                let factions = try Self.pairCounts(db, sql: """
                    SELECT m.speaker_id, cf.faction_id, COUNT(*) FROM (\(shownClaims)) m
                    JOIN claim_factions cf ON cf.claim_id = m.id GROUP BY m.speaker_id, cf.faction_id
                    """, arguments: shownArguments)
                let (reports, reportArguments) = plan.matchingReports([inShown], ids, fromReports: pass)
                let outlets = try Self.pairCounts(db, sql: """
                    SELECT c.speaker_id, r.outlet_id, COUNT(*) \(reports) AND +r.outlet_id IS NOT NULL
                    GROUP BY c.speaker_id, r.outlet_id
                    """, arguments: reportArguments)
                let affiliationLists = try Self.topLists(affiliations.filter { ids.contains($0.key) }, db: db)
                let factionLists = try Self.topLists(factions, db: db)
                let outletLists = try Self.topLists(outlets, db: db)
                return shown.map { speaker in
                    let t = tallies[speaker.id]!
                    return SpeakerRow(
                        name: speaker.name, type: speaker.kind, article: speaker.article, claims: t.claims, reports: t.reports, firstReported: t.first,
                        affiliations: affiliationLists[speaker.id] ?? [], factions: factionLists[speaker.id] ?? [],
                        outlets: outletLists[speaker.id] ?? [], entityID: speaker.id)
                }
            }
        }
    }

    /// Whom the matching claims that also meet `condition` were spoken for, most claims first.
    static func affiliations(
        claimCondition condition: String, _ arguments: [any DatabaseValueConvertible], plan: Plan, db: Database
    ) throws -> [NameCount] {
        let (matching, all) = plan.matchingClaims([condition, "c.affiliation_id IS NOT NULL"], arguments)
        return try topNames(db, counting: """
            SELECT m.affiliation_id AS id, COUNT(*) AS n FROM (\(matching)) m GROUP BY m.affiliation_id
            """, arguments: all)
    }

    /// The factions of the matching claims that also meet `condition`, most claims first.
    static func factions(
        claimCondition condition: String, _ arguments: [any DatabaseValueConvertible], plan: Plan, db: Database
    ) throws -> [NameCount] {
        let (matching, all) = plan.matchingClaims([condition], arguments)
        return try topNames(db, counting: """
            SELECT cf.faction_id AS id, COUNT(*) AS n FROM (\(matching)) m JOIN claim_factions cf ON cf.claim_id = m.id
            GROUP BY cf.faction_id
            """, arguments: all)
    }

    /// The outlets of the matching reports of the matching claims that also meet `condition`, most
    /// reports first.
    static func outlets(
        claimCondition condition: String, _ arguments: [any DatabaseValueConvertible], plan: Plan, db: Database
    ) throws -> [NameCount] {
        let (reports, all) = plan.matchingReports([condition], arguments)
        return try topNames(db, counting: """
            SELECT r.outlet_id AS id, COUNT(*) AS n \(reports) AND +r.outlet_id IS NOT NULL GROUP BY r.outlet_id
            """, arguments: all)
    }
}

import GRDB
import WhoSaidCore

/// A source of `whosaid sources`: an outlet, organisation, person or other speaker, with the
/// matching claims it is the source of.
///
/// A claim counts once for a source: as its own when the source said it, else as affiliated when
/// the speaker spoke for the source (a correspondent, a spokesman), else as via when the source
/// carried it as the medium. So `claims == own + affiliated + via`.
public struct SourceRow: Sendable, Equatable {
    public var name: String
    /// The entity's kind: person, organization, outlet, faction, group or anonymous.
    public var type: String
    /// For a source described rather than named (*a spokesman*, *The survey*), which is a source of one
    /// article only: that article's document id. Nil for sources across articles.
    public var article: String?
    public var claims: Int
    public var own: Int
    public var affiliated: Int
    public var via: Int
    /// Reports of those claims (the matching ones, under report filters).
    public var reports: Int
    public var firstReported: String?
    /// Who spoke for it (affiliated claims by speaker), most claims first.
    public var affiliatedSpeakers: [NameCount]
    /// Whose words it carried as the medium, most claims first.
    public var viaSpeakers: [NameCount]
    /// The canonical entity's row id (links in `whosaid serve`; not part of the JSON).
    public var entityID: Int64? = nil

    public static let columns = [
        "source", "type", "article", "claims", "own", "affiliated", "via", "reports", "first_reported", "affiliated_speakers",
        "via_speakers",
    ]

    /// The row's fields in ``columns`` order; lists as `name (count); …`.
    public var fields: [String] {
        [
            name, type, article ?? "", String(claims), String(own), String(affiliated), String(via), String(reports), firstReported ?? "",
            NameCount.joined(affiliatedSpeakers), NameCount.joined(viaSpeakers),
        ]
    }

    /// The source as the JSON object of `whosaid sources --format json`.
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("name", name)
        w.field("type", type)
        w.field("article", article)
        w.field("claims", claims)
        w.field("own", own)
        w.field("affiliated", affiliated)
        w.field("via", via)
        w.field("reports", reports)
        w.field("first_reported", firstReported)
        NameCount.write(affiliatedSpeakers, key: "affiliated_speakers", countKey: "claims", to: &w)
        NameCount.write(viaSpeakers, key: "via_speakers", countKey: "claims", to: &w)
        w.endObject()
    }
}

extension ClaimQuery {
    /// Sources ranked by how many of the claims matching `filter` came from them (their own, by
    /// those speaking for them, or carried as the medium), then by reports; at most `filter.limit`.
    /// `types` keeps only sources of these kinds (all when empty).
    ///
    /// Three grouped passes over the matching claims (by speaker; by affiliation and speaker; by
    /// medium and speaker) give the counts and who spoke for or through each source.
    public func sources(_ filter: ClaimFilter, types: [String] = []) throws -> [SourceRow] {
        try store.read { db in
            try Self.requireArticles(db, path: store.path)
            let plan = try Plan(filter, db: db)
            return try Self.readingFullText(plan) {
                var tallies: [Int64: Tally] = [:]
                var speakersFor: [Int64: [Int64: Int]] = [:], speakersVia: [Int64: [Int64: Int]] = [:]
                // Speakers and affiliations are grouped over one pass through the table (`+` keeps SQLite
                // from walking their index with a look-up per claim); the few media along their index.
                let roles: [(column: String, scan: Bool, extra: [String])] = [
                    ("speaker_id", true, []),
                    ("affiliation_id", true, ["c.affiliation_id IS NOT c.speaker_id"]),
                    ("via_id", false, ["c.via_id IS NOT c.speaker_id", "c.via_id IS NOT c.affiliation_id"]),
                ]
                for (index, role) in roles.enumerated() {
                    let plus = role.scan ? "+" : ""
                    let (matching, arguments) = plan.matchingClaims(
                        ["\(plus)c.\(role.column) IS NOT NULL"] + role.extra, fromReports: plan.onlyReportFilters)
                    let speaker = index == 0 ? "NULL" : "m.speaker_id"
                    let rows = try Row.fetchCursor(db, sql: """
                        SELECT m.\(role.column), \(speaker), COUNT(*), SUM(m.reports), MIN(m.first) FROM (\(matching)) m
                        GROUP BY \(plus)m.\(role.column), \(speaker)
                        """, arguments: StatementArguments(arguments))
                    while let row = try rows.next() {
                        let id: Int64 = row[0]
                        tallies[id, default: Tally()].add(row, role: index)
                        if let speaker: Int64 = row[1] {
                            if index == 1 { speakersFor[id, default: [:]][speaker] = row[2] }
                            if index == 2 { speakersVia[id, default: [:]][speaker] = row[2] }
                        }
                    }
                }
                let ranked = Tally.ranked(tallies)
                let shown = try Self.keeping(ranked, types: types, limit: filter.limit, db: db)
                let ids = Set(shown.map(\.id))
                let forLists = try Self.topLists(speakersFor.filter { ids.contains($0.key) }, db: db)
                let viaLists = try Self.topLists(speakersVia.filter { ids.contains($0.key) }, db: db)
                return shown.map { source in
                    let t = tallies[source.id]!
                    return SourceRow(
                        name: source.name, type: source.kind, article: source.article, claims: t.claims, own: t.own, affiliated: t.affiliated,
                        via: t.via, reports: t.reports, firstReported: t.first,
                        affiliatedSpeakers: forLists[source.id] ?? [], viaSpeakers: viaLists[source.id] ?? [],
                        entityID: source.id)
                }
            }
        }
    }
}

import Foundation
import GRDB
import GRDBSQLite
import WhoSaidCore
import WhoSaidStore

/// Filters over the stored claims; every one given must hold. All values reach SQLite as bound
/// parameters, never as SQL text.
public struct ClaimFilter: Sendable, Equatable {
    /// A speaker, under any of its names (`Starmer` for Keir Starmer).
    public var speaker: String?
    /// A source: the speaker, anyone speaking for it (their affiliation), or the medium (`via`).
    public var source: String?
    /// The publication that carried the article.
    public var outlet: String?
    public var faction: String?
    /// Words searched in the quote text (FTS5), each taken literally; results ranked by relevance.
    public var about: String?
    /// Published on or after (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or an ISO 8601 date and time), as an
    /// instant: days are UTC days.
    public var since: String?
    /// Published on or before (same forms; a day, month or year includes all of it).
    public var until: String?
    public var kind: String?
    /// An article's document id or row id.
    public var article: String?
    /// At most this many claims; nil for all.
    public var limit: Int?
    /// How claims are listed; nil for the default: newest first, or the best full-text match first
    /// with `about`.
    public var sort: ClaimSort?
    /// Skips this many matching claims first (paging; `whosaid serve`).
    public var offset = 0
    /// Whether claims are listed last reported first (the default order; `whosaid serve` sets it).
    public var newestFirst: Bool {
        get { sort == nil || sort == .newest }
        set { sort = newValue ? .newest : .oldest }
    }
    /// Reads at most this many reports of each claim (the earliest); nil for all. A claim carried by
    /// thousands of articles is then cheap to list (``Claim/totalReports`` still counts them all).
    public var reportLimit: Int?

    public init() {}

    /// Whether any filter applies to reports rather than to claims.
    var hasReportFilters: Bool { outlet != nil || since != nil || until != nil || article != nil }
}

/// The orders `whosaid query --sort` lists claims in.
public enum ClaimSort: String, Sendable, CaseIterable {
    /// Latest first reported first (the default), undated last.
    case newest
    /// Earliest first reported first, undated last.
    case oldest
    /// Most reports first, then newest.
    case reports
    /// By speaker name (unattributed last), then newest.
    case speaker
}

/// Why a query cannot run.
public enum QueryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No speaker, source, outlet or faction has this name; `suggestions` are the closest known.
    case unknownName(option: String, name: String, suggestions: [String])
    case badDate(option: String, value: String)
    case badFullText(query: String, reason: String)
    case empty(path: String)

    public var description: String {
        switch self {
        case .unknownName(let option, let name, let suggestions):
            let known = suggestions.isEmpty ? "" : "; did you mean " + suggestions.map { "'\($0)'" }.joined(separator: ", ") + "?"
            return "\(option): no \(option.dropFirst(2)) named '\(name)' in the database\(known)"
        case .badDate(let option, let value):
            return "\(option): '\(value)' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD, a day that exists, or an ISO 8601 date and time)"
        case .badFullText(let query, let reason):
            return "--about: cannot search for '\(query)': \(reason)"
        case .empty(let path):
            return "\(path): the database holds no articles yet; add some with 'whosaid ingest --db \(path) DIR'"
        }
    }
}

/// Answers claim queries over the aggregates of a ``SQLiteStore``.
public struct ClaimQuery: Sendable {
    public let store: SQLiteStore

    public init(store: SQLiteStore) { self.store = store }

    /// The claims matching `filter`: best full-text match first when `about` is given, otherwise
    /// earliest reported first.
    public func claims(_ filter: ClaimFilter) throws -> [Claim] {
        try store.read { db in
            try Self.requireArticles(db, path: store.path)
            let plan = try Plan(filter, db: db)
            let ids = try Self.claimIDs(plan, limit: filter.limit.map { $0 + filter.offset }, db: db)
            return try ids.dropFirst(filter.offset).map { try Self.claim($0, plan: plan, db: db) }
        }
    }

    static func requireArticles(_ db: Database, path: String) throws {
        if try !(Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM articles)") ?? false) {
            throw QueryError.empty(path: path)
        }
    }

    /// The filter turned into SQL conditions with their arguments.
    struct Plan {
        var claimConditions: [String] = []
        var claimArguments: [any DatabaseValueConvertible] = []
        var reportConditions: [String] = []
        var reportArguments: [any DatabaseValueConvertible] = []
        var fullText: String?
        var about: String?
        /// The entities of `--speaker`, `--source` and `--faction`: the claims are read through the
        /// index of one of them (in that order of preference), already in listing order.
        var speakerIDs: [Int64] = []
        var sourceIDs: [Int64] = []
        var factionIDs: [Int64] = []
        /// The order asked for; nil for the default (newest first, best match first with `about`).
        var sort: ClaimSort?

        var reportLimit: Int?

        init(_ f: ClaimFilter, db: Database) throws {
            sort = f.sort
            reportLimit = f.reportLimit
            if let name = f.speaker {
                let ids = try NameResolver.ids(name, kinds: NameResolver.speakerKinds, option: "--speaker", db: db)
                speakerIDs = ids
                claimConditions.append("c.speaker_id IN (\(placeholders(ids.count)))")
                claimArguments += ids
            }
            if let name = f.source {
                let ids = try NameResolver.ids(name, kinds: NameResolver.speakerKinds, option: "--source", db: db)
                sourceIDs = ids
                let list = placeholders(ids.count)
                claimConditions.append("(c.speaker_id IN (\(list)) OR c.affiliation_id IN (\(list)) OR c.via_id IN (\(list)))")
                claimArguments += ids + ids + ids
            }
            if let name = f.faction {
                let ids = try NameResolver.ids(name, kinds: ["faction"], option: "--faction", db: db)
                factionIDs = ids
                claimConditions.append(
                    "EXISTS (SELECT 1 FROM claim_factions cf WHERE cf.claim_id = c.id AND cf.faction_id IN (\(placeholders(ids.count))))")
                claimArguments += ids
            }
            if let kind = f.kind {
                claimConditions.append("c.kind = ?")
                claimArguments.append(kind)
            }
            if let about = f.about {
                guard let match = FullText.literal(about) else {
                    throw QueryError.badFullText(query: about, reason: "it has no words to search for")
                }
                fullText = match
                self.about = about
            }
            if let name = f.outlet {
                let ids = try NameResolver.ids(name, kinds: ["outlet", "organization"], option: "--outlet", db: db)
                reportConditions.append("r.outlet_id IN (\(placeholders(ids.count)))")
                reportArguments += ids
            }
            // Reports hold UTC sort keys (``PublishedDate/sortKey(_:)``): a bound in the same shape
            // compares as instants do; `until` compares the key's prefix, so a day, month or year includes all of it.
            if let since = f.since {
                guard let bound = DateBound.key(since) else { throw QueryError.badDate(option: "--since", value: since) }
                reportConditions.append("r.published >= ?")
                reportArguments.append(bound)
            }
            if let until = f.until {
                guard let bound = DateBound.key(until) else { throw QueryError.badDate(option: "--until", value: until) }
                reportConditions.append("substr(r.published, 1, ?) <= ?")
                reportArguments += [bound.count, bound]
            }
            if let article = f.article {
                reportConditions.append(
                    "r.article_id IN (SELECT id FROM articles WHERE doc_id = ? UNION SELECT id FROM articles WHERE id = ? AND CAST(id AS TEXT) = ?)")
                reportArguments += [article, article, article]
            }
        }

        /// Every condition on a claim, each after " AND ", the report filters as one `EXISTS`; with
        /// their arguments in order.
        var claimWhere: (sql: String, arguments: [any DatabaseValueConvertible]) {
            var conditions = claimConditions
            if !reportConditions.isEmpty {
                conditions.append("EXISTS (SELECT 1 FROM reports r WHERE r.claim_id = c.id\(reportWhere))")
            }
            return (conditions.map { " AND " + $0 }.joined(), claimArguments + reportArguments)
        }

        var reportWhere: String {
            reportConditions.isEmpty ? "" : " AND " + reportConditions.joined(separator: " AND ")
        }
    }

    static func placeholders(_ n: Int) -> String { Array(repeating: "?", count: n).joined(separator: ", ") }

    /// How claims are listed oldest first: first reported first, undated last, then by id. The
    /// `claims_*_date` and `claim_factions_faction_date` indexes hold this order, and newest first is
    /// read from them backwards (the dated claims, then the undated ones).
    static let listingOrder = "COALESCE(c.first_reported, '~'), c.id"

    /// The orders without an index: the sort of every matching claim, newest first among equals.
    static func sortOrder(_ sort: ClaimSort) -> String {
        let newest = "c.first_reported IS NULL, c.first_reported DESC, c.id DESC"
        switch sort {
        case .newest: return newest
        case .oldest: return listingOrder
        case .reports: return "c.reports DESC, " + newest
        case .speaker:
            let name = "COALESCE((SELECT s.name FROM canonical_entities s WHERE s.id = c.speaker_id), c.speaker_name)"
            return "\(name) IS NULL, \(name) COLLATE NOCASE, \(name), " + newest
        }
    }

    /// With `--about` and no speaker, source or faction to narrow it, at most this many matching
    /// claims (the most recently stored) are ranked: ranking is the cost of a full-text query, and
    /// a common word can match a large share of the store.
    public static let rankedMatches = 5_000

    static func claimIDs(_ plan: Plan, limit: Int?, db: Database) throws -> [Int64] {
        let (whereAnd, arguments) = plan.claimWhere
        func run(_ sql: String, _ arguments: [any DatabaseValueConvertible]) throws -> [Int64] {
            do {
                return try Int64.fetchAll(db.cachedStatement(sql: sql), arguments: StatementArguments(arguments))
            } catch let error as DatabaseError where plan.fullText != nil && error.message?.contains("fts5") == true {
                throw QueryError.badFullText(query: plan.about ?? "", reason: error.message ?? "\(error)")
            }
        }
        let limitClause = limit.map { " LIMIT \($0)" } ?? ""

        if let match = plan.fullText {
            let narrowed = !plan.speakerIDs.isEmpty || !plan.sourceIDs.isEmpty || !plan.factionIDs.isEmpty
            var bound = ""
            var boundArguments: [any DatabaseValueConvertible] = []
            if !narrowed {
                // The oldest of the most recently stored `rankedMatches` matches, if there are more.
                if let oldest = try run(
                    "SELECT c.id FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid WHERE claims_fts MATCH ?\(whereAnd)"
                        + " ORDER BY claims_fts.rowid DESC LIMIT 1 OFFSET \(rankedMatches - 1)",
                    [match] + arguments
                ).first {
                    bound = " AND claims_fts.rowid >= ?"
                    boundArguments = [oldest]
                }
            }
            let order = plan.sort.map(sortOrder) ?? "claims_fts.rank, c.id"
            return try run(
                "SELECT c.id FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid WHERE claims_fts MATCH ?\(bound)\(whereAnd)"
                    + " ORDER BY \(order)\(limitClause)",
                [match] + boundArguments + arguments)
        }
        let sort = plan.sort ?? .newest
        if sort == .reports || sort == .speaker {
            // No index holds these orders: every matching claim is sorted.
            return try run("SELECT c.id FROM claims c WHERE 1\(whereAnd) ORDER BY \(sortOrder(sort))\(limitClause)", arguments)
        }
        // Several ways in (a source's; newest first, dated and undated apart): each in listing order,
        // merged here, a claim reached twice listed once.
        var merged: [(date: String, id: Int64)] = []
        for (sql, arguments) in listingSQL(plan, limit: limit, newest: sort == .newest) {
            let rows = try Row.fetchAll(db.cachedStatement(sql: sql), arguments: StatementArguments(arguments))
            merged += rows.map { ($0[0], $0[1]) }
        }
        var seen = Set<Int64>()
        let before: ((date: String, id: Int64), (date: String, id: Int64)) -> Bool
        if sort == .newest {
            // Latest first, undated ('~') last; later stored first among equals.
            before = { a, b in
                (a.date == "~") != (b.date == "~") ? b.date == "~" : a.date != b.date ? a.date > b.date : a.id > b.id
            }
        } else {
            before = { a, b in a.date != b.date ? a.date < b.date : a.id < b.id }
        }
        let ordered = merged.sorted(by: before).map(\.id).filter { seen.insert($0).inserted }
        return limit.map { Array(ordered.prefix($0)) } ?? ordered
    }

    /// The statements that list claims without `about`, each giving `(sort date, id)` rows in listing
    /// order. Each reads one entity's date-ordered index, so the first rows come without sorting all
    /// of that entity's claims: the speaker's; or a source's three ways in (speaker, affiliation,
    /// medium), one statement each; or the faction's; or, with none of them, all claims by date.
    /// Newest first (`newest`), each way in is read backwards along its index in two statements: the
    /// dated claims, then the undated ones (`~`), which come last.
    static func listingSQL(_ plan: Plan, limit: Int?, newest: Bool = false) -> [(String, [any DatabaseValueConvertible])] {
        let (whereAnd, arguments) = plan.claimWhere
        let limitClause = limit.map { " LIMIT \($0)" } ?? ""
        let date = "COALESCE(c.first_reported, '~')"
        // Oldest first: one statement per way in; newest first: its dated claims backwards, then its undated ones.
        // (The undated ones share one sort date: ordered by id alone, which SQLite reads from the index.)
        let parts: [(condition: String, descending: String, byDate: Bool)] =
            newest ? [(" AND \(date) < '~'", " DESC", true), (" AND \(date) = '~'", " DESC", false)] : [("", "", true)]
        if !plan.factionIDs.isEmpty {
            let grouped = plan.factionIDs.count > 1 ? " GROUP BY cf.sort_date, cf.claim_id" : ""
            return parts.map { part in
                (
                    """
                    SELECT cf.sort_date, c.id FROM claim_factions cf INDEXED BY claim_factions_faction_date
                    JOIN claims c ON c.id = cf.claim_id WHERE cf.faction_id IN (\(placeholders(plan.factionIDs.count)))\(part.condition.replacingOccurrences(of: date, with: "cf.sort_date"))\(whereAnd)\(grouped)
                    ORDER BY \(part.byDate ? "cf.sort_date\(part.descending), " : "")cf.claim_id\(part.descending)\(limitClause)
                    """,
                    plan.factionIDs + arguments
                )
            }
        }
        var arms: [(index: String, column: String)] = [("claims_date", "")]
        var ids = plan.speakerIDs
        if !plan.speakerIDs.isEmpty {
            arms = [("claims_speaker_date", "speaker_id")]
        } else if !plan.sourceIDs.isEmpty {
            arms = [("claims_speaker_date", "speaker_id"), ("claims_affiliation_date", "affiliation_id"), ("claims_via_date", "via_id")]
            ids = plan.sourceIDs
        }
        return arms.flatMap { arm in
            parts.map { part in
                let entity = arm.column.isEmpty ? "1" : "c.\(arm.column) IN (\(placeholders(ids.count)))"
                return (
                    "SELECT \(date), c.id FROM claims c INDEXED BY \(arm.index) WHERE \(entity)\(part.condition)\(whereAnd)"
                        + " ORDER BY \(part.byDate ? "\(date)\(part.descending), " : "")c.id\(part.descending)\(limitClause)",
                    (arm.column.isEmpty ? [] : ids) + arguments
                )
            }
        }
    }

    static func claim(_ id: Int64, plan: Plan, db: Database) throws -> Claim {
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT c.id, c.text, c.kind, c.cue, c.first_reported, c.speaker_name, c.speaker_type, c.speaker_id, c.reports,
                s.name AS speaker, s.kind AS speaker_kind, a.name AS affiliation, v.name AS via
            FROM claims c
            LEFT JOIN canonical_entities s ON s.id = c.speaker_id
            LEFT JOIN canonical_entities a ON a.id = c.affiliation_id
            LEFT JOIN canonical_entities v ON v.id = c.via_id
            WHERE c.id = ?
            """), arguments: [id])!
        let speakerName: String? = row["speaker"] ?? row["speaker_name"]
        let speaker = speakerName.map {
            ClaimSpeaker(
                name: $0, type: row["speaker_type"] ?? row["speaker_kind"] ?? "anonymous", affiliation: row["affiliation"],
                entityID: row["speaker_id"])
        }
        let factions = try String.fetchAll(db.cachedStatement(sql: """
            SELECT e.name FROM claim_factions cf JOIN canonical_entities e ON e.id = cf.faction_id
            WHERE cf.claim_id = ? ORDER BY e.name
            """), arguments: [id])
        let reports = try Row.fetchAll(
            db.cachedStatement(sql: """
                SELECT a.doc_id, a.title, a.url, r.published, r.start, r."end", o.name AS outlet, a.outlet AS article_outlet
                FROM reports r JOIN articles a ON a.id = r.article_id
                LEFT JOIN canonical_entities o ON o.id = r.outlet_id
                WHERE r.claim_id = ?\(plan.reportWhere)
                ORDER BY r.published IS NULL, r.published, r.id\(plan.reportLimit.map { " LIMIT \($0)" } ?? "")
                """),
            arguments: StatementArguments([id] + plan.reportArguments)
        ).map { r in
            Report(
                article: r["doc_id"], title: r["title"], outlet: r["outlet"] ?? r["article_outlet"], url: r["url"],
                published: r["published"], start: r["start"], end: r["end"])
        }
        return Claim(
            id: id, text: row["text"], kind: row["kind"], speaker: speaker, cue: row["cue"], via: row["via"],
            factions: factions, firstReported: row["first_reported"], reports: reports, totalReports: row["reports"])
    }
}

/// Dates for `--since` and `--until`: a year, a month or a day (one that exists: not `2019-02-30`),
/// or an ISO 8601 date and time, as the UTC sort key the reports are compared with.
enum DateBound {
    static func key(_ s: String) -> String? {
        if s.count > 10 {
            // A date and time (ISO 8601 only): its instant, as a UTC key.
            let date = s.prefix(10).split(separator: "-", omittingEmptySubsequences: false)
            guard date.count == 3, date[0].count == 4, PublishedDate.normalize(s)?.contains("T") == true else { return nil }
            return PublishedDate.sortKey(s)
        }
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4 else { return nil }
        guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return nil }
        if parts.count >= 2 { guard parts[1].count == 2, let m = Int(parts[1]), (1...12).contains(m) else { return nil } }
        if parts.count == 3 {
            guard parts[2].count == 2, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
                PublishedDate.isValid(year: y, month: m, day: d)
            else { return nil }
        }
        return s
    }
}

/// User text for FTS5, taken literally: each word becomes a string literal (inner `"` doubled), so
/// `NEAR(`, `OR`, `*`, `^` and quotes are searched for as words, never read as query syntax.
public enum FullText {
    /// The MATCH expression (the words, all required), or nil when the text has no words.
    public static func literal(_ text: String) -> String? {
        let words = TextKey.of(text).split(separator: " ")
        guard !words.isEmpty else { return nil }
        return words.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: " ")
    }
}

/// One report of a claim, flat: a row of `whosaid export`.
public struct ReportRow: Sendable, Equatable {
    public static let columns = [
        "claim_id", "text", "kind", "speaker", "speaker_type", "affiliation", "factions", "cue", "via", "article", "title",
        "outlet", "url", "published", "start", "end",
    ]

    public var claimID: Int64
    public var text: String
    public var kind: String
    public var speaker: String?
    public var speakerType: String?
    public var affiliation: String?
    public var factions: [String]
    public var cue: String?
    public var via: String?
    public var report: Report

    /// The row's fields in ``columns`` order, empty for none.
    public var fields: [String] {
        [
            String(claimID), text, kind, speaker ?? "", speakerType ?? "", affiliation ?? "", factions.joined(separator: "; "),
            cue ?? "", via ?? "", report.article, report.title ?? "", report.outlet ?? "", report.url ?? "",
            report.published ?? "", report.start.map(String.init) ?? "", report.end.map(String.init) ?? "",
        ]
    }
}

extension ClaimQuery {
    /// Streams one row per matching report (through a database cursor, so memory stays flat however
    /// many there are), in ``ReportRow/columns`` order: best full-text match first with `about`,
    /// otherwise in claim order. `limit` counts rows.
    public func forEachReportRowView(_ filter: ClaimFilter, _ body: (ReportRowView) throws -> Void) throws {
        try store.read { db in
            try Self.requireArticles(db, path: store.path)
            let plan = try Plan(filter, db: db)
            let (sql, arguments) = Self.reportRowsSQL(plan, limit: filter.limit)
            do {
                try Self.eachReportRow(
                    sql, arguments, claimOrder: plan.fullText == nil ? 1...Int64.max : nil, db, body)
            } catch let error as DatabaseError where plan.fullText != nil && error.message?.contains("fts5") == true {
                throw QueryError.badFullText(query: plan.about ?? "", reason: error.message ?? "\(error)")
            }
        }
    }

    /// The statement of ``forEachReportRowView(_:_:)``. Without `about`, it reads `reports` in the
    /// order of its `reports_claim` index, so rows stream out as they are read: no sort of all of them.
    static func reportRowsSQL(
        _ plan: Plan, limit: Int?, slice: (claims: ClosedRange<Int64>, lastReport: Int64)? = nil
    ) -> (String, [any DatabaseValueConvertible]) {
        var arguments: [any DatabaseValueConvertible] = []
        // Canonical names (speaker, affiliation, medium, outlet) are not joined here but looked up
        // once per entity by ReportRowView: most rows repeat a few thousand entities. Factions come
        // from ClaimFactionNames, once per claim. The article's columns are read from the narrow
        // articles_head index rather than from the rows, which hold whole texts on many pages each.
        var sql = """
            SELECT c.id, c.text, c.kind, c.speaker_id, c.speaker_name, c.speaker_type, c.affiliation_id,
                c.cue, c.via_id, a.doc_id, a.title, r.outlet_id, a.outlet, a.url, r.published, r.start, r."end"
            FROM claims c
            """
        if let match = plan.fullText {
            sql += " JOIN claims_fts ON claims_fts.rowid = c.id AND claims_fts MATCH ?"
            arguments.append(match)
        }
        sql += """
             JOIN reports r ON r.claim_id = c.id JOIN articles a INDEXED BY articles_head ON a.id = r.article_id
            WHERE 1\(plan.reportWhere)
            """
        arguments += plan.reportArguments
        for condition in plan.claimConditions { sql += " AND " + condition }
        arguments += plan.claimArguments
        if let slice {
            sql += " AND r.claim_id BETWEEN ? AND ? AND r.id <= ?"
            arguments += [slice.claims.lowerBound, slice.claims.upperBound, slice.lastReport]
        }
        sql += plan.fullText != nil ? " ORDER BY claims_fts.rank, c.id, r.id" : " ORDER BY r.claim_id, r.id"
        if let limit {
            sql += " LIMIT ?"
            arguments.append(limit)
        }
        return (sql, arguments)
    }

    /// Runs a ``reportRowsSQL(_:limit:slice:)`` statement, calling `body` with each row in place.
    /// `claimOrder` says the rows come in ascending claim order (and so may read their factions
    /// alongside, within that range of claims).
    static func eachReportRow(
        _ sql: String, _ arguments: [any DatabaseValueConvertible], claimOrder: ClosedRange<Int64>?, _ db: Database,
        _ body: (ReportRowView) throws -> Void
    ) throws {
        let statement = try db.makeStatement(sql: sql)
        try statement.setArguments(StatementArguments(arguments))
        let rows = try Row.fetchCursor(statement)
        let names = try EntityNames(db)
        let factions = try ClaimFactionNames(db, names: names, inClaimOrder: claimOrder)
        let view = ReportRowView(statement: statement.sqliteStatement, names: names, factions: factions)
        while try rows.next() != nil {
            try factions.load(claim: sqlite3_column_int64(statement.sqliteStatement, 0))
            try body(view)
        }
    }

    /// ``forEachReportRowView(_:_:)`` with each row decoded.
    public func forEachReportRow(_ filter: ClaimFilter, _ body: (ReportRow) throws -> Void) throws {
        try forEachReportRowView(filter) { try body($0.row) }
    }
}

/// Turns export rows into bytes, one slice of rows at a time (see
/// ``ClaimQuery/forEachReportRowSlice(_:workers:sliceClaims:makeEncoder:emit:)``).
public protocol ReportRowEncoder: AnyObject {
    func encode(_ row: ReportRowView)
    /// The bytes of the rows encoded so far, emptied.
    func takeBytes() -> [UInt8]
}

extension ClaimQuery {
    /// The rows of ``forEachReportRowView(_:_:)``, read and encoded on `workers` threads: each takes the
    /// next slice of `sliceClaims` claim ids, reads its rows on its own connection and encodes them with its own
    /// encoder; `emit` receives the slices' bytes in order, on the calling thread, with at most
    /// 2 × `workers` slices held at once. Rows stored after the export began are left out, so the
    /// slices add up to the store as it was then. With `about` or `limit` (ranked or cut rows) it runs
    /// on the calling thread alone.
    public func forEachReportRowSlice(
        _ filter: ClaimFilter, workers: Int, sliceClaims: Int64 = 10_000,
        makeEncoder: @escaping @Sendable () -> any ReportRowEncoder, emit: ([UInt8]) throws -> Void
    ) throws {
        if filter.about != nil || filter.limit != nil || workers < 2 {
            let encoder = makeEncoder()
            var rows = 0
            try forEachReportRowView(filter) { row in
                encoder.encode(row)
                rows += 1
                if rows % 4_096 == 0 { try emit(encoder.takeBytes()) }
            }
            try emit(encoder.takeBytes())
            return
        }
        let (plan, lastClaim, lastReport) = try store.read { db in
            try Self.requireArticles(db, path: store.path)
            return (
                try Plan(filter, db: db), try Int64.fetchOne(db, sql: "SELECT max(id) FROM claims") ?? 0,
                try Int64.fetchOne(db, sql: "SELECT max(id) FROM reports") ?? 0
            )
        }
        let slices = Int((lastClaim + sliceClaims - 1) / sliceClaims)
        // The plan only holds SQL text and bound values, read and never changed by the workers.
        let shared = UncheckedSendable(plan)
        let work = SliceWork(count: slices, window: 2 * workers)
        let database = store
        for _ in 0..<workers {
            DispatchQueue.global().async {
                let encoder = makeEncoder()
                while let k = work.next() {
                    do {
                        let low = Int64(k) * sliceClaims + 1
                        let (sql, arguments) = Self.reportRowsSQL(
                            shared.value, limit: nil, slice: (low...(low + sliceClaims - 1), lastReport))
                        let bytes = try database.read { db -> [UInt8] in
                            try Self.eachReportRow(
                                sql, arguments, claimOrder: low...(low + sliceClaims - 1), db
                            ) { encoder.encode($0) }
                            return encoder.takeBytes()
                        }
                        work.finish(k, bytes)
                    } catch {
                        work.fail(error)
                    }
                }
            }
        }
        defer { work.stop() }
        for k in 0..<slices { try emit(try work.wait(for: k)) }
    }
}

private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// Slices handed out in order and their bytes handed back in order, with a bounded window.
private final class SliceWork: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int
    private let window: Int
    private var handedOut = 0
    private var emitted = 0
    private var done: [Int: [UInt8]] = [:]
    private var failure: (any Error)?
    private var stopped = false

    init(count: Int, window: Int) {
        self.count = count
        self.window = window
    }

    /// The next slice to read, once the window has room; nil when there are none left.
    func next() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while !stopped && handedOut < count && handedOut >= emitted + window { condition.wait() }
        guard !stopped, handedOut < count else { return nil }
        handedOut += 1
        return handedOut - 1
    }

    func finish(_ k: Int, _ bytes: [UInt8]) {
        condition.lock()
        done[k] = bytes
        condition.broadcast()
        condition.unlock()
    }

    func fail(_ error: any Error) {
        condition.lock()
        if failure == nil { failure = error }
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    /// Slice `k`'s bytes, once read; rethrows a worker's error.
    func wait(for k: Int) throws -> [UInt8] {
        condition.lock()
        defer { condition.unlock() }
        while done[k] == nil && failure == nil { condition.wait() }
        if let failure { throw failure }
        emitted = k + 1
        condition.broadcast()
        return done.removeValue(forKey: k)!
    }
}

/// The current row of an export, read in place from SQLite: valid only inside the closure it is
/// passed to. ``field(_:_:)`` gives a column's UTF-8 bytes without making a string (what the CSV and
/// TSV writers use); ``row`` decodes the whole row.
public struct ReportRowView {
    let statement: SQLiteStatement
    let names: EntityNames
    let factions: ClaimFactionNames

    // Statement columns (see reportRowsSQL's SELECT).
    private enum Column: Int32 {
        case id, text, kind, speakerID, speakerName, speakerType, affiliationID, cue, viaID, article, title,
            outletID, articleOutlet, url, published, start, end
    }

    /// Calls `body` with the UTF-8 bytes of field `index` of ``ReportRow/columns`` (empty for none).
    /// The factions field separates names with U+001F.
    public func field<T>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        switch index {
        case 0: return try column(.id, body)
        case 1: return try column(.text, body)
        case 2: return try column(.kind, body)
        case 3:  // the canonical name, else the name in the article
            if let name = entity(.speakerID)?.name { return try name.withUnsafeBufferPointer(body) }
            return try column(.speakerName, body)
        case 4:  // the type the quote gave, else the entity's kind
            if !isNull(.speakerType) { return try column(.speakerType, body) }
            return try (entity(.speakerID)?.kind ?? []).withUnsafeBufferPointer(body)
        case 5: return try (entity(.affiliationID)?.name ?? []).withUnsafeBufferPointer(body)
        case 6: return try factions.current.withUnsafeBufferPointer(body)
        case 7: return try column(.cue, body)
        case 8: return try (entity(.viaID)?.name ?? []).withUnsafeBufferPointer(body)
        case 9: return try column(.article, body)
        case 10: return try column(.title, body)
        case 11:
            if let name = entity(.outletID)?.name { return try name.withUnsafeBufferPointer(body) }
            return try column(.articleOutlet, body)
        case 12: return try column(.url, body)
        case 13: return try column(.published, body)
        case 14: return try column(.start, body)
        case 15: return try column(.end, body)
        default: preconditionFailure("no report field \(index)")
        }
    }

    private func isNull(_ c: Column) -> Bool { sqlite3_column_type(statement, c.rawValue) == SQLITE_NULL }

    private func column<T>(_ c: Column, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        let count = Int(sqlite3_column_bytes(statement, c.rawValue))
        guard count > 0, let text = sqlite3_column_text(statement, c.rawValue) else {
            return try body(UnsafeBufferPointer(start: nil, count: 0))
        }
        return try body(UnsafeBufferPointer(start: text, count: count))
    }

    private func entity(_ c: Column) -> EntityNames.Entry? {
        isNull(c) ? nil : names[sqlite3_column_int64(statement, c.rawValue)]
    }

    private func string(_ index: Int) -> String { field(index) { String(decoding: $0, as: UTF8.self) } }

    private func optional(_ index: Int) -> String? {
        let s = string(index)
        return s.isEmpty ? nil : s
    }

    private func int(_ c: Column) -> Int? { isNull(c) ? nil : Int(sqlite3_column_int64(statement, c.rawValue)) }

    /// The row, decoded.
    public var row: ReportRow {
        ReportRow(
            claimID: sqlite3_column_int64(statement, Column.id.rawValue), text: string(1), kind: string(2),
            speaker: optional(3), speakerType: optional(4), affiliation: optional(5),
            factions: optional(6).map { $0.split(separator: "\u{1F}").map(String.init) } ?? [],
            cue: isNull(.cue) ? nil : string(7), via: optional(8),
            report: Report(
                article: string(9), title: isNull(.title) ? nil : string(10), outlet: optional(11),
                url: isNull(.url) ? nil : string(12), published: isNull(.published) ? nil : string(13),
                start: int(.start), end: int(.end)))
    }
}

/// Canonical entity names and kinds as UTF-8, each read from the database once.
final class EntityNames {
    struct Entry {
        var name: [UInt8]
        var kind: [UInt8]
    }

    private let statement: Statement
    private var cache: [Int64: Entry?] = [:]

    init(_ db: Database) throws {
        statement = try db.makeStatement(sql: "SELECT name, kind FROM canonical_entities WHERE id = ?")
    }

    subscript(id: Int64) -> Entry? {
        if let known = cache[id] { return known }
        let row = try? Row.fetchOne(statement, arguments: [id])
        let entry = row.map { Entry(name: Array(($0[0] as String).utf8), kind: Array(($0[1] as String).utf8)) }
        cache[id] = entry
        return entry
    }
}

/// Each claim's factions: their canonical names in byte order, joined by U+001F. Rows in ascending
/// claim order (an export without `about`) read them from one walk through `claim_factions` (its
/// primary key is in claim order) alongside the rows; otherwise each claim's are looked up. Either way
/// once per claim, not once per report.
final class ClaimFactionNames {
    private let names: EntityNames
    private let lookup: Statement
    private let walk: RowCursor?
    /// The walk's row read ahead: a claim id and a faction id.
    private var ahead: (claim: Int64, faction: Int64)?
    private var claim: Int64 = .min
    /// The names of the claim last loaded.
    private(set) var current: [UInt8] = []

    init(_ db: Database, names: EntityNames, inClaimOrder claims: ClosedRange<Int64>?) throws {
        self.names = names
        lookup = try db.makeStatement(sql: "SELECT faction_id FROM claim_factions WHERE claim_id = ?")
        if let claims {
            let walk = try Row.fetchCursor(
                db, sql: """
                    SELECT claim_id, faction_id FROM claim_factions WHERE claim_id BETWEEN ? AND ?
                    ORDER BY claim_id
                    """, arguments: [claims.lowerBound, claims.upperBound])
            self.walk = walk
            ahead = try walk.next().map { ($0[0], $0[1]) }
        } else {
            walk = nil
        }
    }

    /// Makes ``current`` the factions of `claim`.
    func load(claim next: Int64) throws {
        if next == claim { return }
        var ids: [Int64] = []
        if let walk, next > claim {
            while let row = ahead, row.claim <= next {
                if row.claim == next { ids.append(row.faction) }
                ahead = try walk.next().map { ($0[0], $0[1]) }
            }
        } else {
            ids = try Int64.fetchAll(lookup, arguments: [next])
        }
        claim = next
        let sorted = ids.compactMap { names[$0]?.name }.sorted { $0.lexicographicallyPrecedes($1) }
        current = Array(sorted.joined(separator: [0x1F]))
    }
}

import Foundation
import GRDB
import Testing
@testable import WhoSaidAggregate
import WhoSaidCore
import WhoSaidStore

/// The statements behind `whosaid query` and `export` read an index in the order they list rows, so
/// the first 50 claims of a speaker, source or faction, and the first row of a whole export, come
/// without sorting all of them first. Checked on SQLite's own query plans (no timing).
@Suite struct QueryPlanTests {
    /// The top-level steps of each statement's plan (not those of correlated subqueries, which run
    /// per row over a handful of rows).
    static func plans(_ statements: [(String, [any DatabaseValueConvertible])], _ db: Database) throws -> [String] {
        try statements.map { sql, arguments in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: StatementArguments(arguments))
                .filter { ($0["parent"] as Int) == 0 }.map { $0["detail"] as String }.joined(separator: "\n")
        }
    }

    @Test func listingsAndExportsReadAnIndexInOrder() throws {
        let (store, dir) = try AggregationTests.tempStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        let goodall = AggregationTests.person("p1", "Lewis Goodall", affiliations: ["Sky News"], factions: ["the soft left"])
        _ = try AggregationTests.write(store, [
            AggregationTests.article("a", outlet: "Harbour Courier", published: "2024-01-02", people: [goodall],
                                     quotes: [("Lewis Goodall", "“A reminder.”")], via: "Sky News")
        ])
        var filters: [(String, ClaimFilter)] = []
        var f = ClaimFilter()
        filters.append(("all", f))
        f.speaker = "Lewis Goodall"
        filters.append(("speaker", f))
        f = ClaimFilter()
        f.source = "Sky News"
        filters.append(("source", f))
        f = ClaimFilter()
        f.faction = "soft left"
        filters.append(("faction", f))
        f.kind = "direct"
        f.since = "2024"
        filters.append(("faction, kind and date", f))
        try store.read { db in
            for (label, filter) in filters {
                let plan = try ClaimQuery.Plan(filter, db: db)
                let listings = try Self.plans(ClaimQuery.listingSQL(plan, limit: 50), db)
                #expect(listings.count == (label == "source" ? 3 : 1))
                for listing in listings {
                    #expect(!listing.contains("TEMP B-TREE"), "\(label): \(listing)")
                }
                // Newest first (the default) reads the same indexes backwards: dated claims, then undated ones.
                let newest = try Self.plans(ClaimQuery.listingSQL(plan, limit: 50, newest: true), db)
                #expect(newest.count == 2 * listings.count)
                for listing in newest {
                    #expect(!listing.contains("TEMP B-TREE"), "\(label), newest first: \(listing)")
                }
            }
            // The whole table, the export that can be millions of rows, streams in index order.
            let export = try Self.plans([ClaimQuery.reportRowsSQL(ClaimQuery.Plan(ClaimFilter(), db: db), limit: nil)], db)[0]
            #expect(!export.contains("TEMP B-TREE"), "\(export)")
            // Its articles' columns come from the narrow index, not from the rows that hold whole texts.
            #expect(export.contains("COVERING INDEX articles_head"), "\(export)")
        }
    }
}

/// An export read in slices on several threads gives the rows of the one-thread export, in order.
@Suite struct SlicedExportTests {
    final class Lines: ReportRowEncoder {
        var bytes: [UInt8] = []
        func encode(_ row: ReportRowView) {
            let r = row.row
            bytes += Array("\(r.claimID)|\(r.text)|\(r.speaker ?? "")|\(r.factions)|\(r.report.article)\n".utf8)
        }
        func takeBytes() -> [UInt8] {
            defer { bytes = [] }
            return bytes
        }
    }

    @Test func slicesOnSeveralThreadsAddUpToTheOneThreadExport() throws {
        let (store, dir) = try AggregationTests.tempStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        let people = (0..<5).map { AggregationTests.person("p\($0)", "Speaker Number\($0)", factions: $0 % 2 == 0 ? ["the soft left", "Momentum"] : []) }
        // Nine articles, each quoting three of the five people; some quotes repeat, so claims have several reports.
        _ = try AggregationTests.write(store, (0..<9).map { n in
            AggregationTests.article("a\(n)", outlet: "Harbour Courier", published: "2024-01-0\(n + 1)", people: people,
                                     quotes: (0..<3).map { i in (people[(n + i) % 5].name, "“Words \((n * i) % 7) of the day.”") })
        })
        let query = ClaimQuery(store: store)
        var expected = ""
        try query.forEachReportRow(ClaimFilter()) { r in
            expected += "\(r.claimID)|\(r.text)|\(r.speaker ?? "")|\(r.factions)|\(r.report.article)\n"
        }
        #expect(expected.split(separator: "\n").count == 27)
        // Each row has its speaker's two factions, in name order (the even-numbered speakers), or none.
        var factionCounts: [String: Int] = [:]
        try query.forEachReportRow(ClaimFilter()) { r in
            #expect(r.factions == r.factions.sorted())
            factionCounts[r.speaker ?? "", default: 0] = r.factions.count
        }
        #expect(factionCounts == ["Speaker Number0": 2, "Speaker Number1": 0, "Speaker Number2": 2,
                                  "Speaker Number3": 0, "Speaker Number4": 2])
        // Ranked rows (not in claim order) look each claim's factions up instead of walking them.
        var about = ClaimFilter()
        about.about = "words day"
        var ranked = 0
        try query.forEachReportRow(about) { r in
            ranked += 1
            #expect(r.factions.count == factionCounts[r.speaker ?? ""], "\(r.speaker ?? "")")
        }
        #expect(ranked == 27)
        for workers in [1, 2, 3] {
            var out: [UInt8] = []
            try query.forEachReportRowSlice(ClaimFilter(), workers: workers, sliceClaims: 2, makeEncoder: { Lines() }) { out += $0 }
            #expect(String(decoding: out, as: UTF8.self) == expected, "\(workers) workers")
        }
        // A filter applies to every slice.
        var f = ClaimFilter()
        f.faction = "soft left"
        var filtered = ""
        try query.forEachReportRow(f) { r in
            filtered += "\(r.claimID)|\(r.text)|\(r.speaker ?? "")|\(r.factions)|\(r.report.article)\n"
        }
        var out: [UInt8] = []
        try query.forEachReportRowSlice(f, workers: 2, sliceClaims: 3, makeEncoder: { Lines() }) { out += $0 }
        #expect(String(decoding: out, as: UTF8.self) == filtered)
        #expect(!filtered.isEmpty && filtered.count < expected.count)
    }
}

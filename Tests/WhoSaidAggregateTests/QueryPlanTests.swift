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
            }
            // The whole table, the export that can be millions of rows, streams in index order.
            let export = try Self.plans([ClaimQuery.reportRowsSQL(ClaimQuery.Plan(ClaimFilter(), db: db), limit: nil)], db)[0]
            #expect(!export.contains("TEMP B-TREE"), "\(export)")
        }
    }
}

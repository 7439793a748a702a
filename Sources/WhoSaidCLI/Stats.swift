import ArgumentParser
import Foundation
import WhoSaidCore
import WhoSaidStore

extension WhoSaid {
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print what a WhoSaid database holds.",
            discussion: """
                Counts articles, quotes, people, organisations, outlets and factions (distinct names; outlets \
                include the articles' own), and the documents that failed to ingest. With --format json, one \
                object with the keys articles, quotes, people, organizations, outlets, factions and errors.
                """
        )

        @OptionGroup var database: DatabaseOptions

        @Option(help: "table or json.")
        var format: StatsFormat = .table

        func run() throws {
            let stats: StoreStats
            do {
                stats = try SQLiteStore(path: database.resolved, readOnly: true).stats()
            } catch let error as StoreError {
                Output.warn(error.description)
                throw ExitCode(2)
            }
            let rows: [(String, Int)] = [
                ("articles", stats.articles), ("quotes", stats.quotes), ("people", stats.people),
                ("organizations", stats.organizations), ("outlets", stats.outlets), ("factions", stats.factions),
                ("errors", stats.errors),
            ]
            switch format {
            case .json:
                var w = JSONWriter()
                w.beginObject()
                for (key, value) in rows { w.field(key, value) }
                w.endObject()
                Output.write(String(decoding: w.bytes, as: UTF8.self) + "\n")
            case .table:
                let width = rows.map(\.0.count).max() ?? 0
                Output.write(rows.map { key, value in
                    key.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + String(value)
                }.joined(separator: "\n") + "\n")
            }
        }
    }
}

enum StatsFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

import ArgumentParser
import WhoSaidAggregate

/// `--type`, `--limit` and `--format`, shared by `whosaid speakers` and `whosaid sources`.
struct ReportOptions: ParsableArguments {
    @Option(
        name: .customLong("type"),
        help: ArgumentHelp(
            "Only these kinds: person, organization, outlet, faction, group or anonymous (repeat for several).",
            valueName: "kind"))
    var types: [SpeakerTypeArgument] = []

    @Option(help: "At most this many rows (default: 50 for the table, all otherwise; 0 for all).")
    var limit: Int?

    @Option(help: "table, json, jsonl, csv, tsv or markdown.")
    var format: QueryFormat = .table

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
    }

    /// Runs `report` on the store with the filters, this `--limit` and `--type`, and writes its rows
    /// in this `--format`.
    func run<Row>(
        _ database: DatabaseOptions, _ filters: ClaimFilterOptions,
        report: (ClaimQuery, ClaimFilter, [String]) throws -> [Row], render: ([Row], QueryFormat, Int) -> String
    ) throws {
        let store = try ClaimFilterOptions.openStore(database)
        var filter = filters.filter
        filter.limit = effectiveLimit(limit, table: format == .table)
        let rows = try reportingQueryErrors { try report(ClaimQuery(store: store), filter, types.map(\.rawValue)) }
        Output.write(render(rows, format, Terminal.width()))
    }
}

extension WhoSaid {
    struct Speakers: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rank the speakers by how many claims they made.",
            discussion: """
                One row per speaker (a person, organisation, outlet, faction, group or anonymous source, under \
                its canonical name). A speaker described rather than named (a spokesman, The survey, one \
                senior official) is a speaker of its article alone, shown with that article's id (ARTICLE); named \
                speakers and bare plurals (Labour MPs) are one speaker across articles. Each row: its type, its claims and their reports, the first date one was reported, \
                whom it spoke for (Lewis Goodall for Sky News), the factions linked to its claims and the \
                outlets that quoted it (each list at most ten, most frequent first). Ranked by claims, then \
                reports. The filters are those of 'whosaid query' and select the claims counted: \
                --outlet, --since, --until and --article count only the matching reports.

                Formats: table (on a terminal), json (an array of {name, type, article, claims, reports, \
                first_reported, affiliations: [{name, claims}], factions: [{name, claims}], outlets: [{name, \
                reports}]}), jsonl (one object per line), csv, tsv and markdown (columns \
                \(SpeakerRow.columns.joined(separator: ", ")); lists as 'name (count); …').
                """
        )

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var filters: ClaimFilterOptions
        @OptionGroup var options: ReportOptions

        func run() throws {
            try options.run(database, filters, report: { try $0.speakers($1, types: $2) }, render: Self.render)
        }

        static func render(_ rows: [SpeakerRow], format: QueryFormat, width: Int) -> String {
            Rows.render(rows, format: format, columns: SpeakerRow.columns, fields: \.fields, write: { $0.write(to: &$1) }) {
                if rows.isEmpty { return "no speakers match\n" }
                var cells = rows.enumerated().map { i, s in
                    [
                        String(i + 1), s.name, s.type, String(s.claims), String(s.reports), brief(s.affiliations),
                        s.factions.map(\.name).joined(separator: ", "),
                        ShowText.counted(s.outlets),
                    ]
                }
                var table = TextTable(
                    header: ["#", "SPEAKER", "TYPE", "CLAIMS", "REPORTS", "FOR", "FACTIONS", "QUOTED IN (REPORTS)"],
                    caps: [5, 32, 12, 7, 7, 20, 20], right: [0, 3, 4])
                addingArticleColumn(&table, &cells, articles: rows.map(\.article))
                return table.render(cells, width: width)
            }
        }

        /// The first name of a list, with how many more there are.
        static func brief(_ list: [NameCount]) -> String {
            guard let first = list.first else { return "" }
            return list.count > 1 ? "\(first.name) +\(list.count - 1)" : first.name
        }
    }
}

import ArgumentParser
import WhoSaidAggregate

extension WhoSaid {
    struct Sources: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Count the claims per source, including those through its correspondents and spokespeople.",
            discussion: """
                One row per source (an outlet, organisation, person, faction, group or anonymous source): the \
                claims it is the source of, broken down into its own (it said them), affiliated (someone \
                speaking for it said them: a Sky News correspondent, a Momentum spokesman) and via (it carried \
                them as the medium: an interview in The Independent). A claim counts once per source, in the \
                first of those that applies, so claims = own + affiliated + via. Also the reports of those \
                claims, the first date one was reported, and who spoke for it or through it (at most ten each, \
                most claims first). A source described rather than named (a spokesman, The survey) is one of its \
                article alone, shown with that article's id; what it says for an organisation (a Momentum \
                spokesman) counts as that organisation's affiliated claims. Ranked by claims, then reports. The filters are those of 'whosaid query' \
                and select the claims counted: --outlet, --since, --until and --article count only the \
                matching reports.

                Formats: table (on a terminal), json (an array of {name, type, article, claims, own, affiliated, via, \
                reports, first_reported, affiliated_speakers: [{name, claims}], via_speakers: [{name, \
                claims}]}), jsonl (one object per line), csv, tsv and markdown (columns \
                \(SourceRow.columns.joined(separator: ", ")); lists as 'name (count); …').
                """
        )

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var filters: ClaimFilterOptions
        @OptionGroup var options: ReportOptions

        func run() throws {
            try options.run(database, filters, report: { try $0.sources($1, types: $2) }, render: Self.render)
        }

        static func render(_ rows: [SourceRow], format: QueryFormat, width: Int) -> String {
            Rows.render(rows, format: format, columns: SourceRow.columns, fields: \.fields, write: { $0.write(to: &$1) }) {
                if rows.isEmpty { return "no sources match\n" }
                var cells = rows.enumerated().map { i, s in
                    var through: [String] = []
                    if !s.affiliatedSpeakers.isEmpty { through.append("for it: " + ShowText.counted(s.affiliatedSpeakers)) }
                    if !s.viaSpeakers.isEmpty { through.append("carried: " + ShowText.counted(s.viaSpeakers)) }
                    return [
                        String(i + 1), s.name, s.type, String(s.claims), String(s.own), String(s.affiliated), String(s.via),
                        String(s.reports), through.joined(separator: "; "),
                    ]
                }
                var table = TextTable(
                    header: ["#", "SOURCE", "TYPE", "CLAIMS", "OWN", "AFFILIATED", "VIA", "REPORTS", "THROUGH (CLAIMS)"],
                    caps: [5, 32, 12, 7, 7, 10, 7, 7], right: [0, 3, 4, 5, 6, 7])
                addingArticleColumn(&table, &cells, articles: rows.map(\.article))
                return table.render(cells, width: width)
            }
        }
    }
}

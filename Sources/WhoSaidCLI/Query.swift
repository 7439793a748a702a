import ArgumentParser
import Foundation
import WhoSaidAggregate
import WhoSaidCore
import WhoSaidStore

/// The filters `whosaid query` and `whosaid export` share.
struct ClaimFilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A speaker, under any of its names (Starmer finds Sir Keir Starmer); a description (\"a spokesman\") finds the speaker so described in each article.", valueName: "name"))
    var speaker: String?
    @Option(help: ArgumentHelp("A source: the speaker, anyone speaking for it, or the medium.", valueName: "name"))
    var source: String?
    @Option(help: ArgumentHelp("The publication that carried the article.", valueName: "name"))
    var outlet: String?
    @Option(help: ArgumentHelp("A faction linked to the speaker.", valueName: "name"))
    var faction: String?
    @Option(help: ArgumentHelp(
        "Words to find in the quote text (all of them, taken literally); query and export list the best match first"
            + " (query ranks the 5,000 most recently stored matches when no --speaker, --source or --faction narrows it).",
        valueName: "text"))
    var about: String?
    @Option(help: ArgumentHelp(
        "Reported on or after (YYYY, YYYY-MM, YYYY-MM-DD, or an ISO 8601 date and time such as 2019-11-19T10:00-05:00);"
            + " dates are compared as instants, days in UTC.", valueName: "date"))
    var since: String?
    @Option(help: ArgumentHelp("Reported on or before (same forms; a day, month or year includes all of it).", valueName: "date"))
    var until: String?
    @Option(help: "direct, indirect or mixed.")
    var kind: QuoteKindArgument?
    @Option(help: ArgumentHelp("An article's document id or row id.", valueName: "id"))
    var article: String?

    var filter: ClaimFilter {
        var f = ClaimFilter()
        f.speaker = speaker
        f.source = source
        f.outlet = outlet
        f.faction = faction
        f.about = about
        f.since = since
        f.until = until
        f.kind = kind?.rawValue
        f.article = article
        return f
    }

    /// Opens the store for reading, or says why it cannot be used (and how to fill it).
    static func openStore(_ database: DatabaseOptions) throws -> SQLiteStore {
        do {
            return try SQLiteStore(path: database.resolved, create: false)
        } catch let error as StoreError {
            Output.warn(error.description)
            throw ExitCode(2)
        }
    }
}

extension ClaimSort: ExpressibleByArgument {}

enum QuoteKindArgument: String, ExpressibleByArgument, CaseIterable {
    case direct, indirect, mixed
}

enum QueryFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, jsonl, csv, tsv, markdown
}

extension WhoSaid {
    struct Query: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find who said what across the stored articles.",
            discussion: """
                Prints claims (a quote with its speaker; near-duplicates reported by several articles are one \
                claim with several reports) matching all the filters given. --speaker knows every name of a \
                person or organisation; --source also finds those speaking for it (a correspondent for Sky News, \
                a spokesman for Momentum) and the quotes it carried as the medium. --outlet, --since, --until and \
                --article select reports, and a claim is shown with the reports that match. Claims are listed \
                newest first (by the date they were first reported, compared as instants across time zones; \
                undated last) unless --sort or --about says otherwise.

                Formats: table (on a terminal), json (an array of claims {id, text, kind, speaker: {name, type, \
                affiliation}, cue, via, factions, first_reported, reports: [{article, title, outlet, url, \
                published, start, end}]}), jsonl (one claim per line), csv, tsv and markdown (one row per claim).
                """
        )

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var filters: ClaimFilterOptions

        @Option(help: "At most this many claims (default: 50 for the table, all otherwise; 0 for all).")
        var limit: Int?

        @Option(help: ArgumentHelp(
            "newest (the default: latest first reported first, undated last), oldest, reports (most reported first)"
                + " or speaker (by name, unattributed last); with --about the default is the best match first.",
            valueName: "order"))
        var sort: ClaimSort?

        @Option(help: "table, json, jsonl, csv, tsv or markdown.")
        var format: QueryFormat = .table

        func validate() throws {
            if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
        }

        func run() throws {
            let store = try ClaimFilterOptions.openStore(database)
            var filter = filters.filter
            filter.limit = effectiveLimit(limit, table: format == .table)
            filter.sort = sort
            let claims = try reportingQueryErrors { try ClaimQuery(store: store).claims(filter) }
            Output.write(ClaimFormatter.render(claims, format: format, width: Terminal.width()))
        }
    }
}

extension QueryError {
    var isEmptyDatabase: Bool {
        if case .empty = self { return true }
        return false
    }
}

/// Renders claims in the query formats.
enum ClaimFormatter {
    static let columns = ["id", "first_reported", "speaker", "speaker_type", "affiliation", "kind", "text", "cue", "via",
                          "factions", "outlets", "reports"]

    static func render(_ claims: [Claim], format: QueryFormat, width: Int) -> String {
        Rows.render(
            claims, format: format, columns: columns, fields: fields, write: { $0.write(to: &$1) },
            table: { table(claims, width: width) })
    }

    static func fields(_ c: Claim) -> [String] {
        var outlets: [String] = []
        for r in c.reports { if let o = r.outlet, !outlets.contains(o) { outlets.append(o) } }
        return [
            String(c.id), c.firstReported ?? "", c.speaker?.name ?? "", c.speaker?.type ?? "", c.speaker?.affiliation ?? "",
            c.kind, c.text, c.cue ?? "", c.via ?? "", c.factions.joined(separator: "; "), outlets.joined(separator: "; "),
            String(c.reports.count),
        ]
    }

    /// Aligned columns: id, date, speaker (with affiliation), outlet, and the quote wrapped to the width left.
    static func table(_ claims: [Claim], width: Int) -> String {
        if claims.isEmpty { return "no claims match\n" }
        let rows: [[String]] = claims.map { c in
            let outlets = c.reports.compactMap(\.outlet)
            var speaker = c.speaker?.name ?? "—"
            if let a = c.speaker?.affiliation { speaker += " (\(a))" }
            if let via = c.via { speaker += " via \(via)" }
            let outlet = (outlets.first ?? "—") + (Set(outlets).count > 1 ? " +\(Set(outlets).count - 1)" : "")
            return [String(c.id), String((c.firstReported ?? "—").prefix(10)), speaker, outlet, c.text]
        }
        return TextTable(header: ["ID", "DATE", "SPEAKER", "OUTLET", "QUOTE"], caps: [24, 24, 32, 24]).render(rows, width: width)
    }
}

/// Field quoting for delimited output.
enum Delimited {
    /// RFC 4180: quoted when it holds a comma, quote, CR or LF; inner quotes doubled.
    static func csvField(_ s: String) -> String {
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }

    /// TSV has no quoting: tabs and line breaks become spaces.
    static func tsvField(_ s: String) -> String {
        String(s.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }
}

/// The terminal's width: `COLUMNS`, else the window size of stdout, else 100.
enum Terminal {
    static func width() -> Int {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 100
    }
}

import ArgumentParser
import Foundation
import WhoSaidAggregate
import WhoSaidCore
import WhoSaidStore

/// The filters `whosaid query` and `whosaid export` share.
struct ClaimFilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A speaker, under any of its names (Starmer finds Sir Keir Starmer).", valueName: "name"))
    var speaker: String?
    @Option(help: ArgumentHelp("A source: the speaker, anyone speaking for it, or the medium.", valueName: "name"))
    var source: String?
    @Option(help: ArgumentHelp("The publication that carried the article.", valueName: "name"))
    var outlet: String?
    @Option(help: ArgumentHelp("A faction linked to the speaker.", valueName: "name"))
    var faction: String?
    @Option(help: ArgumentHelp("Words to find in the quote text (all of them, taken literally), best match first.", valueName: "text"))
    var about: String?
    @Option(help: ArgumentHelp("Reported on or after (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "date"))
    var since: String?
    @Option(help: ArgumentHelp("Reported on or before (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "date"))
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
                --article select reports, and a claim is shown with the reports that match.

                Formats: table (on a terminal), json (an array of claims {id, text, kind, speaker: {name, type, \
                affiliation}, cue, via, factions, first_reported, reports: [{article, title, outlet, url, \
                published, start, end}]}), jsonl (one claim per line), csv, tsv and markdown (one row per claim).
                """
        )

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var filters: ClaimFilterOptions

        @Option(help: "At most this many claims (default: 50 for the table, all otherwise; 0 for all).")
        var limit: Int?

        @Option(help: "table, json, jsonl, csv, tsv or markdown.")
        var format: QueryFormat = .table

        func validate() throws {
            if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
        }

        func run() throws {
            let store = try ClaimFilterOptions.openStore(database)
            var filter = filters.filter
            filter.limit = limit.map { $0 == 0 ? nil : $0 } ?? (format == .table ? 50 : nil)
            let claims: [Claim]
            do {
                claims = try ClaimQuery(store: store).claims(filter)
            } catch let error as QueryError {
                Output.warn(error.description)
                throw ExitCode(error.isEmptyDatabase ? 2 : 1)
            }
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
        switch format {
        case .json:
            var w = JSONWriter()
            w.beginArray()
            for c in claims { c.write(to: &w) }
            w.endArray()
            return String(decoding: w.bytes, as: UTF8.self) + "\n"
        case .jsonl:
            return claims.map { c in
                var w = JSONWriter()
                c.write(to: &w)
                return String(decoding: w.bytes, as: UTF8.self) + "\n"
            }.joined()
        case .csv:
            return ([columns] + claims.map(fields)).map { $0.map(Delimited.csvField).joined(separator: ",") + "\r\n" }.joined()
        case .tsv:
            return ([columns] + claims.map(fields)).map { $0.map(Delimited.tsvField).joined(separator: "\t") + "\n" }.joined()
        case .markdown:
            let escape = { (s: String) in
                s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
            }
            var out = "| " + columns.joined(separator: " | ") + " |\n"
            out += "|" + String(repeating: " --- |", count: columns.count) + "\n"
            for c in claims { out += "| " + fields(c).map(escape).joined(separator: " | ") + " |\n" }
            return out
        case .table:
            return table(claims, width: width)
        }
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
        let header = ["ID", "DATE", "SPEAKER", "OUTLET", "QUOTE"]
        var widths = (0..<4).map { i in min(i == 2 ? 32 : 24, max(header[i].count, rows.map { $0[i].count }.max() ?? 0)) }
        let used = widths.reduce(0, +) + 2 * 4
        let quoteWidth = max(30, width - used)
        widths.append(quoteWidth)
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, s in i == 4 ? s : pad(String(s.prefix(widths[i])), widths[i]) }
                .joined(separator: "  ")
        }
        var out = line(header) + "\n"
        for row in rows {
            let wrapped = wrap(row[4], width: quoteWidth)
            out += line(Array(row[0..<4]) + [wrapped.first ?? ""]) + "\n"
            for more in wrapped.dropFirst() { out += line(["", "", "", "", more]) + "\n" }
        }
        return out
    }

    static func pad(_ s: String, _ n: Int) -> String {
        s.count >= n ? s : s + String(repeating: " ", count: n - s.count)
    }

    /// Greedy word wrap; a word longer than the width is cut.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(whereSeparator: \.isWhitespace) {
            var word = String(word)
            while word.count > width {
                if !current.isEmpty { lines.append(current); current = "" }
                lines.append(String(word.prefix(width)))
                word = String(word.dropFirst(width))
            }
            if current.isEmpty {
                current = word
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
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

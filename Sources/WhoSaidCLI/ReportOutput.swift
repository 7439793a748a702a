import ArgumentParser
import WhoSaidAggregate
import WhoSaidCore

/// The output formats of `query`, `speakers` and `sources`.
enum Rows {
    /// `items` in `format`: JSON through `write`, the delimited formats as `columns` and `fields`,
    /// the table through `table`.
    static func render<T>(
        _ items: [T], format: QueryFormat, columns: [String], fields: (T) -> [String],
        write: (T, inout JSONWriter) -> Void, table: () -> String
    ) -> String {
        switch format {
        case .json, .jsonl: json(items, lines: format == .jsonl, write)
        case .csv, .tsv, .markdown: delimited(columns, items.map(fields), format: format)
        case .table: table()
        }
    }

    /// A JSON array (`json`) or one object per line (`jsonl`) of `items`.
    static func json<T>(_ items: [T], lines: Bool, _ write: (T, inout JSONWriter) -> Void) -> String {
        if lines {
            return items.map { item in
                var w = JSONWriter()
                write(item, &w)
                return String(decoding: w.bytes, as: UTF8.self) + "\n"
            }.joined()
        }
        var w = JSONWriter()
        w.beginArray()
        for item in items { write(item, &w) }
        w.endArray()
        return String(decoding: w.bytes, as: UTF8.self) + "\n"
    }

    /// A header line and one line per row: CSV (RFC 4180, CRLF), TSV, or a markdown pipe table.
    static func delimited(_ columns: [String], _ rows: [[String]], format: QueryFormat) -> String {
        switch format {
        case .csv:
            return ([columns] + rows).map { $0.map(Delimited.csvField).joined(separator: ",") + "\r\n" }.joined()
        case .tsv:
            return ([columns] + rows).map { $0.map(Delimited.tsvField).joined(separator: "\t") + "\n" }.joined()
        default:
            let escape = { (s: String) in
                s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\r", with: " ")
                    .replacingOccurrences(of: "\n", with: " ")
            }
            var out = "| " + columns.joined(separator: " | ") + " |\n"
            out += "|" + String(repeating: " --- |", count: columns.count) + "\n"
            for row in rows { out += "| " + row.map(escape).joined(separator: " | ") + " |\n" }
            return out
        }
    }
}

/// An ARTICLE column after the name (column 1) of a report's table, when any row is a speaker described
/// rather than named (*The survey*), which is a speaker of that article alone.
func addingArticleColumn(_ table: inout TextTable, _ cells: inout [[String]], articles: [String?]) {
    guard articles.contains(where: { $0 != nil }) else { return }
    table.header.insert("ARTICLE", at: 2)
    table.caps.insert(36, at: 2)
    table.right = Set(table.right.map { $0 >= 2 ? $0 + 1 : $0 })
    for i in cells.indices { cells[i].insert(articles[i] ?? "", at: 2) }
}

/// Aligned columns for a terminal: every column but the last as wide as its widest cell up to its
/// cap (a longer cell is cut, ending in `…`), the last wrapped to the width left (30 at least).
struct TextTable {
    var header: [String]
    /// The widest each column but the last may be.
    var caps: [Int]
    /// Columns aligned to the right (counts).
    var right: Set<Int> = []

    func render(_ rows: [[String]], width: Int) -> String {
        let last = header.count - 1
        var widths = (0..<last).map { i in min(caps[i], max(header[i].count, rows.map { $0[i].count }.max() ?? 0)) }
        let lastWidth = max(30, width - widths.reduce(0, +) - 2 * last)
        widths.append(lastWidth)
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, s in
                if i == last { return s }
                let cell = s.count > widths[i] ? String(s.prefix(widths[i] - 1)) + "…" : s
                let padding = String(repeating: " ", count: widths[i] - cell.count)
                return right.contains(i) ? padding + cell : cell + padding
            }.joined(separator: "  ")
        }
        var out = line(header) + "\n"
        for row in rows {
            let wrapped = Self.wrap(row[last], width: lastWidth)
            out += line(Array(row[0..<last]) + [wrapped.first ?? ""]) + "\n"
            for more in wrapped.dropFirst() { out += line(Array(repeating: "", count: last) + [more]) + "\n" }
        }
        return out
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

/// The speaker kinds `--type` takes (as the store names them).
enum SpeakerTypeArgument: String, ExpressibleByArgument, CaseIterable {
    case person, organization, outlet, faction, group, anonymous
}

/// `--limit` of the report commands: 50 rows by default on the table, all otherwise; 0 for all.
func effectiveLimit(_ limit: Int?, table: Bool) -> Int? {
    limit.map { $0 == 0 ? nil : $0 } ?? (table ? 50 : nil)
}

/// Runs a read of the store, saying what went wrong on stderr: exit status 2 when the database
/// holds no articles, 1 for an unknown name, id or date, or a bad full-text query.
func reportingQueryErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as QueryError {
        Output.warn(error.description)
        throw ExitCode(error.isEmptyDatabase ? 2 : 1)
    } catch let error as ShowError {
        Output.warn(error.description)
        throw ExitCode(1)
    }
}

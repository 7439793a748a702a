import ArgumentParser
import Foundation
import WhoSaidAggregate
import WhoSaidCore
import WhoSaidStore

enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, tsv, jsonl, markdown, html
}

extension WhoSaid {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export the quote table: one row per report of each matching claim.",
            discussion: """
                Columns: \(ReportRow.columns.joined(separator: ", ")) (factions joined with '; '; offsets \
                are code points into the article text). CSV follows RFC 4180 (CRLF line ends, fields quoted \
                when needed); --bom starts the file with a UTF-8 byte order mark so spreadsheet programs read \
                it as UTF-8. TSV has no quoting: tabs and line breaks inside fields become spaces. JSON Lines \
                has one object per row with the same keys; markdown is a pipe table; html is one \
                self-contained page whose table sorts by a click on a column heading and filters as you \
                type. Rows are streamed, so memory stays flat. \
                The filters are those of 'whosaid query'.
                """
        )

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var filters: ClaimFilterOptions

        @Option(help: "csv, tsv, jsonl, markdown or html.")
        var format: ExportFormat

        @Option(help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"))
        var out: String?

        @Flag(help: "Start CSV or TSV output with a UTF-8 byte order mark.")
        var bom = false

        @Option(help: "At most this many rows.")
        var limit: Int?

        @Option(help: ArgumentHelp(
            "Threads reading and encoding rows, in slices of claims written in order (--about and --limit use one); "
                + "by default the number of cores, at most 4.",
            valueName: "n"))
        var jobs: Int = min(ProcessInfo.processInfo.activeProcessorCount, 4)

        func validate() throws {
            if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
            if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
            if bom && format != .csv && format != .tsv { throw ValidationError("--bom applies to csv and tsv only") }
        }

        func run() throws {
            // The output first: an unwritable path fails before the database is touched.
            let handle: FileHandle
            if let out {
                guard FileManager.default.createFile(atPath: out, contents: nil),
                    let file = FileHandle(forWritingAtPath: out)
                else {
                    Output.warn("\(out): cannot write the export here")
                    throw ExitCode(2)
                }
                handle = file
            } else {
                handle = .standardOutput
            }
            let store = try ClaimFilterOptions.openStore(database)
            var filter = filters.filter
            filter.limit = limit
            var sink = RowSink(format: format, handle: handle)
            if bom { sink.append([0xEF, 0xBB, 0xBF]) }
            do {
                try sink.header()
                try sink.flush()
                // With --jobs N, rows are read and encoded on N threads, slice by slice, and written in order.
                let format = self.format
                try ClaimQuery(store: store).forEachReportRowSlice(
                    filter, workers: jobs,
                    makeEncoder: { SliceEncoder(format: format) },
                    emit: { try handle.write(contentsOf: $0) })
                sink.footer()
                try sink.flush()
            } catch let error as QueryError {
                Output.warn(error.description)
                throw ExitCode(error.isEmptyDatabase ? 2 : 1)
            }
            if out != nil { try handle.close() }
        }
    }
}

/// Encodes a slice of export rows into bytes, for ``ClaimQuery/forEachReportRowSlice``.
final class SliceEncoder: ReportRowEncoder {
    private var sink: RowSink

    init(format: ExportFormat) { sink = RowSink(format: format, handle: nil) }

    func encode(_ row: ReportRowView) { sink.encode(row) }

    func takeBytes() -> [UInt8] { sink.takeBytes() }
}

/// Buffers export rows and writes them out in large pieces (or, without a file handle, keeps them
/// until ``takeBytes()``).
struct RowSink {
    let format: ExportFormat
    let handle: FileHandle?
    private let buffer = OutputBuffer(capacity: 1 << 21)

    init(format: ExportFormat, handle: FileHandle?) {
        self.format = format
        self.handle = handle
    }

    mutating func append(_ bytes: [UInt8]) { buffer += bytes }

    mutating func header() throws {
        switch format {
        case .csv, .tsv:
            for (i, name) in ReportRow.columns.enumerated() {
                var name = name
                name.withUTF8 { field(i, $0) }
            }
            endLine()
        case .jsonl: break
        case .markdown:
            buffer += Array(("| " + ReportRow.columns.joined(separator: " | ") + " |\n").utf8)
            buffer += Array(("|" + String(repeating: " --- |", count: ReportRow.columns.count) + "\n").utf8)
        case .html:
            buffer += Array(HTMLPage.head.utf8)
            buffer += Array(("<tr>" + ReportRow.columns.map { "<th>\(HTMLPage.escape($0))</th>" }.joined() + "</tr>").utf8)
            buffer += Array("</thead>\n<tbody>\n".utf8)
        }
    }

    mutating func footer() {
        if format == .html { buffer += Array(HTMLPage.tail.utf8) }
    }

    mutating func encode(_ view: ReportRowView) {
        if format == .csv || format == .tsv {
            // Straight from SQLite's bytes to the buffer: no strings made.
            for i in ReportRow.columns.indices { view.field(i) { field(i, $0) } }
            endLine()
        } else {
            encode(view.row)
        }
    }

    /// The bytes buffered so far, emptied.
    mutating func takeBytes() -> [UInt8] {
        let bytes = Array(buffer.bytes)
        buffer.removeAll()
        return bytes
    }

    private mutating func encode(_ r: ReportRow) {
        switch format {
        case .csv, .tsv: break
        case .markdown:
            let cells = r.fields.map {
                $0.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\r", with: " ")
                    .replacingOccurrences(of: "\n", with: " ")
            }
            buffer += Array(("| " + cells.joined(separator: " | ") + " |\n").utf8)
        case .html:
            buffer += Array(("<tr>" + r.fields.map { "<td>\(HTMLPage.escape($0))</td>" }.joined() + "</tr>\n").utf8)
        case .jsonl:
            var w = JSONWriter()
            w.beginObject()
            w.key("claim_id")
            w.int(Int(r.claimID))
            w.field("text", r.text)
            w.field("kind", r.kind)
            w.field("speaker", r.speaker)
            w.field("speaker_type", r.speakerType)
            w.field("affiliation", r.affiliation)
            w.field("factions", r.factions)
            w.field("cue", r.cue)
            w.field("via", r.via)
            w.field("article", r.report.article)
            w.field("title", r.report.title)
            w.field("outlet", r.report.outlet)
            w.field("url", r.report.url)
            w.field("published", r.report.published)
            w.field("start", r.report.start)
            w.field("end", r.report.end)
            w.endObject()
            buffer += w.bytes
            buffer.append(0x0A)
        }
    }

    /// One CSV field (RFC 4180: a field holding a comma, quote, CR or LF is quoted with its quotes
    /// doubled) or TSV field (no quoting: tabs and line breaks become spaces), after its separator.
    /// U+001F, which separates faction names in the factions column, is written as "; ".
    private mutating func field(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>) {
        let csv = format == .csv
        if index > 0 { buffer.append(csv ? 0x2C : 0x09) }
        if !csv {
            // Tabs and line breaks become spaces, copied in runs between them.
            var run = 0
            for (i, b) in bytes.enumerated() where b < 0x20 && (b == 0x09 || b == 0x0A || b == 0x0D || b == 0x1F) {
                buffer.append(UnsafeBufferPointer(rebasing: bytes[run..<i]))
                if b == 0x1F { buffer.append(0x3B) }
                buffer.append(0x20)
                run = i + 1
            }
            buffer.append(UnsafeBufferPointer(rebasing: bytes[run...]))
        } else {
            // memchr finds each byte that matters far faster than a loop over every byte. Only the
            // factions field holds U+001F, between names, written "; ".
            guard let base = bytes.baseAddress else { return }
            func has(_ byte: UInt8) -> Bool { memchr(base, Int32(byte), bytes.count) != nil }
            let quoted = has(0x2C) || has(0x22) || has(0x0A) || has(0x0D)
            let list = index == Self.factionsColumn && has(0x1F)
            if !quoted && !list {
                buffer.append(bytes)
                return
            }
            if quoted { buffer.append(0x22) }
            var run = 0
            while run < bytes.count {
                let next = list
                    ? bytes[run...].firstIndex { $0 == 0x22 || $0 == 0x1F }
                    : memchr(base + run, 0x22, bytes.count - run).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) }
                guard let i = next else { break }
                buffer.append(UnsafeBufferPointer(rebasing: bytes[run..<i]))
                if bytes[i] == 0x22 {
                    buffer.append(0x22)
                    buffer.append(0x22)
                } else {
                    buffer.append(0x3B)
                    buffer.append(0x20)
                }
                run = i + 1
            }
            buffer.append(UnsafeBufferPointer(rebasing: bytes[run...]))
            if quoted { buffer.append(0x22) }
        }
    }

    private static let factionsColumn = ReportRow.columns.firstIndex(of: "factions")!

    /// CRLF after a CSV line, LF after a TSV line.
    private mutating func endLine() {
        if format == .csv { buffer.append(0x0D) }
        buffer.append(0x0A)
    }

    mutating func flush() throws {
        if let handle, buffer.count > 0 {
            try handle.write(contentsOf: buffer.bytes)
            buffer.removeAll()
        }
    }
}

/// The export's output bytes, in one block of memory that grows when needed: appending is a copy,
/// with none of an array's per-call uniqueness and capacity checks.
final class OutputBuffer {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = capacity
        start = .allocate(capacity: capacity)
    }

    deinit { start.deallocate() }

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: start, count: count) }

    func removeAll() { count = 0 }

    private func reserve(_ n: Int) {
        guard count + n > capacity else { return }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: max(capacity * 2, count + n))
        grown.update(from: start, count: count)
        start.deallocate()
        start = grown
        capacity = max(capacity * 2, count + n)
    }

    func append(_ byte: UInt8) {
        reserve(1)
        start[count] = byte
        count += 1
    }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (start + count).update(from: base, count: bytes.count)
        count += bytes.count
    }

    static func += (buffer: OutputBuffer, bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer.append($0) }
    }
}

/// The self-contained page of `whosaid export --format html`: no outside scripts, styles or fonts.
enum HTMLPage {
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    static let head = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>WhoSaid export</title>
        <style>
        body { font: 14px/1.4 system-ui, sans-serif; margin: 1em; }
        input { font: inherit; padding: .3em; width: 30em; margin-bottom: .6em; }
        table { border-collapse: collapse; }
        th, td { border: 1px solid #ccc; padding: .25em .4em; vertical-align: top; text-align: left; }
        th { background: #f3f3f3; cursor: pointer; position: sticky; top: 0; }
        td:nth-child(2) { min-width: 30em; }
        </style>
        </head>
        <body>
        <input id="filter" type="search" placeholder="Filter rows" aria-label="Filter rows">
        <table id="quotes">
        <thead>

        """

    static let tail = """
        </tbody>
        </table>
        <script>
        (function () {
          var table = document.getElementById("quotes");
          var body = table.tBodies[0];
          var numeric = { 0: true, 14: true, 15: true };
          var direction = {};
          Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
            th.addEventListener("click", function () {
              var up = direction[column] = !direction[column];
              var rows = Array.prototype.slice.call(body.rows);
              rows.sort(function (a, b) {
                var x = a.cells[column].textContent, y = b.cells[column].textContent;
                var order = numeric[column] ? (Number(x) || 0) - (Number(y) || 0) : x.localeCompare(y);
                return up ? order : -order;
              });
              rows.forEach(function (row) { body.appendChild(row); });
            });
          });
          document.getElementById("filter").addEventListener("input", function (event) {
            var needle = event.target.value.toLowerCase();
            Array.prototype.forEach.call(body.rows, function (row) {
              row.style.display = row.textContent.toLowerCase().indexOf(needle) >= 0 ? "" : "none";
            });
          });
        })();
        </script>
        </body>
        </html>

        """
}

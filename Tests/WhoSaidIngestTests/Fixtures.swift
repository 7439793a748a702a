import Foundation
import GRDB
import WhoSaidExtract
import WhoSaidIngest
import WhoSaidStore

/// A temporary directory removed when the value goes away.
final class TempDir {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("whosaid-ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file.path
    }
    deinit { try? FileManager.default.removeItem(at: url) }
}

enum Fixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let seeds = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")
    static var seedsAvailable: Bool { FileManager.default.fileExists(atPath: seeds.path) }

    /// An invented news page: a headline, a quote with its speaker, and enough body text to be found.
    static func page(_ n: Int, town: String = "Marrowby", meta: String = "") -> String {
        """
        <!DOCTYPE html><html lang="en"><head>\(meta)<title>\(town) ferry story \(n) | Tidewater Post</title></head>
        <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
        <article><h1>\(town) ferry story \(n)</h1>
        <p>The ferry between \(town) and the Skerrow Islands will run twice a day from May, the harbour board said on
        Tuesday, after a winter in which crossings were cancelled on \(n + 3) occasions because of storms.</p>
        <p>“We will keep the boats running whatever the weather brings,” said harbour master Alma Reyes, who has
        led the board since the spring of last year and oversees a fleet of four vessels.</p>
        <p>Islanders welcomed the timetable, though some said the fares, which rose by a tenth in January, remained
        too high for families who cross every week to reach schools, shops and the hospital on the mainland.</p>
        <p>Councillor Ben Okafor said the council would review the fares in the autumn, and that it had asked the
        operator for figures on passenger numbers over the past \(n + 2) years before any decision was made.</p>
        </article><footer>© Tidewater Post</footer></body></html>
        """
    }

    /// One WARC record with its block, CRLF-terminated as the format requires.
    static func warcRecord(type: String, id: String, uri: String? = nil, contentType: String, block: [UInt8]) -> [UInt8] {
        var header = "WARC/1.0\r\nWARC-Type: \(type)\r\nWARC-Record-ID: <urn:uuid:\(id)>\r\n"
        header += "WARC-Date: 2024-03-05T10:00:00Z\r\n"
        if let uri { header += "WARC-Target-URI: \(uri)\r\n" }
        header += "Content-Type: \(contentType)\r\nContent-Length: \(block.count)\r\n\r\n"
        return Array(header.utf8) + block + Array("\r\n\r\n".utf8)
    }

    /// An HTTP response as a WARC `response` record stores it.
    static func http(status: Int, contentType: String, body: [UInt8], chunked: Bool = false) -> [UInt8] {
        var head = "HTTP/1.1 \(status) \(status == 200 ? "OK" : "Not Found")\r\nContent-Type: \(contentType)\r\n"
        var payload = body
        if chunked {
            head += "Transfer-Encoding: chunked\r\n"
            payload = []
            var i = 0
            while i < body.count {
                let n = min(700, body.count - i)
                payload += Array((String(n, radix: 16) + "\r\n").utf8) + body[i..<i + n] + Array("\r\n".utf8)
                i += n
            }
            payload += Array("0\r\n\r\n".utf8)
        } else {
            head += "Content-Length: \(body.count)\r\n"
        }
        return Array((head + "\r\n").utf8) + payload
    }

    /// The records of the test WARC: three articles, one 404, one image, a request and a warcinfo
    /// record that are not articles, and (optionally) a truncated last article.
    static func warcRecords() -> [[UInt8]] {
        // Windows-1251 Cyrillic with the charset only in the HTTP header: without it the bytes would be
        // read as windows-1252 mojibake.
        let cyrillic = "<html><head><title>Паром</title></head><body><article>"
            + String(repeating: "<p>Паром между островами будет ходить дважды в день, сказал капитан порта. "
                + "Жители острова приветствовали новое расписание, но цены остались высокими.</p>", count: 4)
            + "</article></body></html>"
        let cp1251 = cyrillic.data(using: .windowsCP1251).map { [UInt8]($0) } ?? []
        return [
            warcRecord(type: "warcinfo", id: "00000000-0000-0000-0000-000000000000", contentType: "application/warc-fields",
                       block: Array("software: test\r\n".utf8)),
            warcRecord(type: "request", id: "00000000-0000-0000-0000-000000000001", uri: "https://tidewater.invalid/1",
                       contentType: "application/http; msgtype=request",
                       block: Array("GET /1 HTTP/1.1\r\nHost: tidewater.invalid\r\n\r\n".utf8)),
            warcRecord(type: "response", id: "00000000-0000-0000-0000-000000000002", uri: "https://tidewater.invalid/1",
                       contentType: "application/http; msgtype=response",
                       block: http(status: 200, contentType: "text/html; charset=utf-8", body: Array(page(1).utf8))),
            warcRecord(type: "response", id: "00000000-0000-0000-0000-000000000003", uri: "https://tidewater.invalid/gone",
                       contentType: "application/http; msgtype=response",
                       block: http(status: 404, contentType: "text/html", body: Array(page(2).utf8))),
            warcRecord(type: "response", id: "00000000-0000-0000-0000-000000000004", uri: "https://tidewater.invalid/a.png",
                       contentType: "application/http; msgtype=response",
                       block: http(status: 200, contentType: "image/png", body: [0x89, 0x50, 0x4E, 0x47, 0, 0, 1, 2])),
            warcRecord(type: "response", id: "00000000-0000-0000-0000-000000000005", uri: "https://tidewater.invalid/ru",
                       contentType: "application/http; msgtype=response",
                       block: http(status: 200, contentType: "text/html; charset=windows-1251", body: cp1251, chunked: true)),
            warcRecord(type: "resource", id: "00000000-0000-0000-0000-000000000006", uri: "file:///saved/3.html",
                       contentType: "text/html", block: Array(page(3, town: "Gullhaven").utf8)),
            warcRecord(type: "response", id: "00000000-0000-0000-0000-000000000007", uri: "https://tidewater.invalid/4",
                       contentType: "application/http; msgtype=response",
                       block: http(status: 200, contentType: "text/html", body: Array(page(4, town: "Orrin Bay").utf8))),
        ]
    }

    /// A WARC file: records as they are, or each gzipped as its own member; the last one cut short.
    static func warc(gzipped: Bool, truncateLast: Bool) -> [UInt8] {
        var records = warcRecords()
        if gzipped {
            var members = records.map { Gzip.compress($0) }
            if truncateLast { members[members.count - 1].removeLast(members[members.count - 1].count / 2) }
            return members.flatMap { $0 }
        }
        if truncateLast { records[records.count - 1].removeLast(records[records.count - 1].count / 2) }
        return records.flatMap { $0 }
    }

    static func ingest(_ paths: [String], into db: String, jobs: Int = 2, batchSize: Int = 200) throws -> IngestSummary {
        let store = try SQLiteStore(path: db)
        var options = IngestOptions(jobs: jobs)
        options.batchSize = batchSize
        return try Ingester(store: store, options: options).run(IngestInputs(paths: paths))
    }

    /// Every table's rows except timestamps, in row order: equal dumps mean equal databases.
    static func contents(of db: String) throws -> [String] {
        let store = try SQLiteStore(path: db, create: false)
        return try store.read { db in
            var out: [String] = []
            let tables = [
                ("articles", "id"), ("entities", "id"), ("mentions", "rowid"), ("quotes", "id"),
                ("quote_contents", "quote_id, position"), ("ingest_errors", "id"),
            ]
            for (table, order) in tables {
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(order)") {
                    let fields = row.columnNames.filter { $0 != "ingested_at" && $0 != "recorded_at" }
                        .map { "\($0)=\(row[$0] as DatabaseValue)" }
                    out.append(table + ": " + fields.joined(separator: " "))
                }
            }
            return out
        }
    }
}

import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing
import WhoSaidServe
import WhoSaidStore

/// A store of `corpus/` plus one probe article whose quote, title and speaker hold markup and
/// attribute-breaking text, built once with the `whosaid` binary; and requests to a server on it,
/// in process (HummingbirdTesting) or through the binary.
enum Fixture {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// What the probe's script would do if it ran: mark the page.
    static let script = "<script>document.body.setAttribute('data-xss','1')</script>"
    static let attribute = "\"onmouseover=document.body.setAttribute('data-xss','2') x=\""

    struct Store {
        var path: String
        /// The probe article's document id: its file path and line (`/tmp/…/probe.jsonl:1`).
        var probeArticle: String
        var probeSpeaker: String
    }

    static let built: Result<Store, any Error> = Result { try build() }

    static func store() throws -> Store { try built.get() }

    static func build() throws -> Store {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("whosaid-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let probe = dir.appendingPathComponent("probe.jsonl")
        let text = "The council met on Monday. \"Our answer is \(script) and \(attribute) today,\" said Mayor Jane Probe. "
            + "The vote follows months of debate over the budget and the harbour."
        let record: [String: Any] = [
            "text": text, "title": "\(script) \(attribute) Probe", "published": "2024-05-01",
            "outlet": "The Probe <b>Times</b>", "url": "https://example.test/x?a=1&b=\"><script>alert(1)</script>",
        ]
        try (String(decoding: try JSONSerialization.data(withJSONObject: record), as: UTF8.self) + "\n")
            .write(to: probe, atomically: true, encoding: .utf8)
        let db = dir.appendingPathComponent("w.sqlite").path
        let ingest = try run(["ingest", "--db", db, packageRoot.appendingPathComponent("corpus").path, probe.path])
        guard ingest.status == 0 else { throw FixtureError(message: "ingest failed: \(ingest.stderr)") }
        // The speaker's name as the store knows it, made hostile too (analysis would not find such a name).
        let speaker = "Jane \(script) \(attribute) Probe"
        let queue = try DatabaseQueue(path: db)
        try queue.write { db in
            try db.execute(
                sql: "UPDATE canonical_entities SET name = ? WHERE kind = 'person' AND name = 'Jane Probe'", arguments: [speaker])
            try db.execute(
                sql: "UPDATE claims SET text = ? || ' ' || text WHERE speaker_name = 'Jane Probe'", arguments: [script])
        }
        try queue.close()
        return Store(path: db, probeArticle: probe.path + ":1", probeSpeaker: speaker)
    }

    struct FixtureError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    struct Page {
        var status: HTTPResponse.Status
        var body: String
        var headers: HTTPFields
    }

    /// GETs `uri` from a server on the fixture store, in process.
    static func get(_ uri: String) async throws -> Page {
        try await get([uri])[0]
    }

    static func get(path: String? = nil, _ uris: [String]) async throws -> [Page] {
        let store = try SQLiteStore(path: try path ?? Self.store().path, create: false, readOnly: true)
        let app = WhoSaidServer(store: store, cache: false).application(accessLog: false)
        return try await app.test(.router) { client in
            var pages: [Page] = []
            for uri in uris {
                let response = try await client.execute(uri: uri, method: .get)
                pages.append(Page(status: response.status, body: String(buffer: response.body), headers: response.headers))
            }
            return pages
        }
    }

    // MARK: The binary

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func binary() throws -> URL {
        var dirs: [URL] = []
        if let bundle = Bundle.allBundles.map(\.bundleURL).first(where: { $0.pathExtension == "xctest" }) {
            dirs.append(bundle.deletingLastPathComponent())
        }
        dirs.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        for dir in dirs where FileManager.default.isExecutableFile(atPath: dir.appendingPathComponent("whosaid").path) {
            return dir.appendingPathComponent("whosaid")
        }
        throw FixtureError(message: "no whosaid binary next to the tests (swift build --build-tests builds it)")
    }

    static func run(_ args: [String]) throws -> Run {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("whosaid-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out"), err = dir.appendingPathComponent("err")
        for f in [out, err] { _ = FileManager.default.createFile(atPath: f.path, contents: nil) }
        let process = Process()
        process.executableURL = try binary()
        process.arguments = args
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: try String(contentsOf: out, encoding: .utf8),
            stderr: try String(contentsOf: err, encoding: .utf8))
    }
}

import Foundation
import GRDB
import Testing
import WhoSaidCore
import WhoSaidExtract
import WhoSaidIngest
import WhoSaidStore

@Suite(.timeLimit(.minutes(2))) struct WARCIngestTests {
    @Test(arguments: [false, true])
    func keepsArticlesCountsSkippedRecordsAndRecordsTheTruncatedOne(gzipped: Bool) throws {
        let dir = try TempDir()
        let warc = try dir.write(gzipped ? "crawl.warc.gz" : "crawl.warc", Fixtures.warc(gzipped: gzipped, truncateLast: true))
        let db = dir.path("w.sqlite")
        let summary = try Fixtures.ingest([warc], into: db)
        #expect(summary.stored == 3)
        #expect(summary.skipped == ["HTTP status not 200": 1, "not HTML": 1])
        #expect(summary.failures == ["truncated WARC record": 1], "\(summary.failures)")

        let store = try SQLiteStore(path: db, create: false)
        let rows = try store.read { db in
            try Row.fetchAll(db, sql: "SELECT doc_id, source, url, title, text FROM articles ORDER BY id")
        }
        #expect(rows.map { $0["doc_id"] as String } == [
            "urn:uuid:00000000-0000-0000-0000-000000000002", "urn:uuid:00000000-0000-0000-0000-000000000005",
            "urn:uuid:00000000-0000-0000-0000-000000000006",
        ])
        #expect(rows[0]["source"] as String == warc + "#<urn:uuid:00000000-0000-0000-0000-000000000002>")
        #expect(rows[0]["url"] as String? == "https://tidewater.invalid/1")
        #expect((rows[0]["text"] as String).contains("“We will keep the boats running whatever the weather brings,”"))
        // The charset came from the HTTP header (and the body was de-chunked).
        #expect((rows[1]["text"] as String).contains("Паром между островами"), "\(rows[1]["text"] as String)")
        #expect((rows[2]["text"] as String).contains("Gullhaven"))

        let errors = try store.read { db in try Row.fetchAll(db, sql: "SELECT source, reason FROM ingest_errors") }
        #expect(errors.count == 1)
        #expect(errors.first?["source"] as String? == warc + "#<urn:uuid:00000000-0000-0000-0000-000000000007>")
        #expect((errors.first?["reason"] as String?)?.hasPrefix("truncated WARC record") == true)
        #expect(try store.stats().quotes >= 3)
    }

    @Test func aCompleteWARCHasNoFailures() throws {
        let dir = try TempDir()
        let warc = try dir.write("crawl.warc.gz", Fixtures.warc(gzipped: true, truncateLast: false))
        let summary = try Fixtures.ingest([warc], into: dir.path("w.sqlite"))
        #expect(summary.stored == 4)
        #expect(summary.failed == 0)
    }

    @Test func aFileThatIsNotAWARCIsOneFailure() throws {
        let dir = try TempDir()
        let warc = try dir.write("notes.warc", Array("just some notes\nnothing else\n".utf8))
        let summary = try Fixtures.ingest([warc], into: dir.path("w.sqlite"))
        #expect(summary.stored == 0)
        #expect(summary.failures == ["not a WARC file": 1])
    }
}

@Suite(.timeLimit(.minutes(2))) struct JSONLinesIngestTests {
    static func lines() -> String {
        func json(_ object: [String: String]) -> String {
            String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        }
        return [
            json(["html": Fixtures.page(1), "url": "https://tidewater.invalid/1", "title": "Ferries twice a day",
                  "outlet": "Tidewater Post", "published": "2024-03-05"]),
            json(["text": "Fares to be reviewed\n\n“Fares will be frozen until the spring,” said Councillor Ben Okafor.\n\n"
                    + "The council asked the operator for passenger figures.", "id": "fares-1"]),
            #"{"html": "<p>a line cut short"#,
            "",
            #"{"url": "https://tidewater.invalid/empty"}"#,
            json(["html": Fixtures.page(5, town: "Lanmouth")]),
        ].joined(separator: "\n") + "\n"
    }

    @Test(arguments: [false, true])
    func storesGoodLinesAndRecordsBrokenOnesByLineNumber(gzipped: Bool) throws {
        let dir = try TempDir()
        let bytes = Array(Self.lines().utf8)
        let path = try dir.write(gzipped ? "export.jsonl.gz" : "export.jsonl", gzipped ? Gzip.compress(bytes) : bytes)
        let db = dir.path("j.sqlite")
        let summary = try Fixtures.ingest([path], into: db)
        #expect(summary.stored == 3)
        #expect(summary.failures == ["invalid JSON": 1, "no 'html' or 'text' field with content": 1])
        let store = try SQLiteStore(path: db, create: false)
        let rows = try store.read { db in
            try Row.fetchAll(db, sql: "SELECT doc_id, source, url, title, outlet, published FROM articles ORDER BY id")
        }
        #expect(rows.map { $0["source"] as String } == ["\(path):1", "\(path):2", "\(path):6"])
        // Given metadata overrides the page's own.
        #expect(rows[0]["title"] as String? == "Ferries twice a day")
        #expect(rows[0]["outlet"] as String? == "Tidewater Post")
        #expect(rows[0]["published"] as String? == "2024-03-05")
        #expect(rows[0]["url"] as String? == "https://tidewater.invalid/1")
        #expect(rows[1]["doc_id"] as String == "fares-1")
        #expect(rows[1]["title"] as String? == "Fares to be reviewed")
        #expect(rows[2]["title"] as String? == "Lanmouth ferry story 5")
        let errors = try store.read { db in try String.fetchAll(db, sql: "SELECT source FROM ingest_errors ORDER BY id") }
        #expect(errors == ["\(path):3", "\(path):5"])
        let quotes = try store.searchQuotes("frozen")
        #expect(quotes.count == 1)
    }
}

@Suite(.timeLimit(.minutes(2))) struct DirectoryIngestTests {
    /// A dump folder: pages, a gzipped text dump, an empty page, a WARC and a JSON Lines file in
    /// sub-folders, and files that are not inputs.
    static func makeDump(_ dir: TempDir) throws -> String {
        try dir.write("dump/a/page-1.html", Array(Fixtures.page(10).utf8))
        try dir.write("dump/a/page-2.htm", Array(Fixtures.page(11, town: "Kelby").utf8))
        try dir.write("dump/b/story.txt.gz", Gzip.compress(Array("""
            Council reviews fares
            “We will review the fares in the autumn,” said Councillor Ben Okafor on Monday evening.
            The council has asked the operator for figures on passenger numbers before deciding.
            """.utf8)))
        try dir.write("dump/b/empty.html", [])
        try dir.write("dump/c/crawl.warc.gz", Fixtures.warc(gzipped: true, truncateLast: false))
        try dir.write("dump/c/export.jsonl", Array((#"{"html": "# + jsonString(Fixtures.page(12, town: "Dunmere")) + "}\n").utf8))
        try dir.write("dump/c/picture.png", [0x89, 0x50, 0x4E, 0x47])
        try dir.write("dump/.hidden/page.html", Array(Fixtures.page(13).utf8))
        return dir.path("dump")
    }

    static func jsonString(_ s: String) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: [s]), as: UTF8.self).dropFirst().dropLast().description
    }

    @Test func findsEveryKindOfInputRecursively() throws {
        let dir = try TempDir()
        let dump = try Self.makeDump(dir)
        let db = dir.path("d.sqlite")
        let summary = try Fixtures.ingest([dump], into: db)
        #expect(summary.stored == 2 + 1 + 4 + 1, "\(summary)")  // pages, text dump, WARC, JSON Lines
        #expect(summary.failures == ["empty input": 1])
        let sources = try SQLiteStore(path: db, create: false).articleKeys().map(\.source)
        #expect(sources.contains(dir.path("dump/b/story.txt.gz")))
        #expect(!sources.contains { $0.contains(".hidden") || $0.contains("picture") })
    }

    @Test func ingestingTwiceChangesNothing() throws {
        let dir = try TempDir()
        let dump = try Self.makeDump(dir)
        let db = dir.path("d.sqlite")
        let first = try Fixtures.ingest([dump], into: db, batchSize: 3)
        let before = try Fixtures.contents(of: db)
        let second = try Fixtures.ingest([dump], into: db, jobs: 1)
        #expect(second.stored == 0)
        #expect(second.duplicates == first.stored + first.duplicates)
        #expect(second.failed == first.failed)
        #expect(try Fixtures.contents(of: db) == before)
        // A fresh database with other jobs and batch sizes ends up the same too.
        let other = dir.path("other.sqlite")
        _ = try Fixtures.ingest([dump], into: other, jobs: 1, batchSize: 1)
        #expect(try Fixtures.contents(of: other) == before)
    }

    @Test func theSameArticleTwiceInOneDumpIsStoredOnce() throws {
        let dir = try TempDir()
        try dir.write("d/one.html", Array(Fixtures.page(20).utf8))
        try dir.write("d/copy-with-other-furniture.html", Array(Fixtures.page(20).replacingOccurrences(
            of: "<footer>© Tidewater Post</footer>", with: "<!-- cached 12:00 --><footer>© Tidewater Post</footer>").utf8))
        let summary = try Fixtures.ingest([dir.path("d")], into: dir.path("d.sqlite"))
        #expect(summary.stored == 1)
        #expect(summary.duplicates == 1)
    }
}

@Suite(.timeLimit(.minutes(2))) struct EndToEndIngestTests {
    @Test func theCorpusIsStoredWithItsQuotes() throws {
        let dir = try TempDir()
        let corpus = Fixtures.packageRoot.appendingPathComponent("corpus").path
        let db = dir.path("c.sqlite")
        let summary = try Fixtures.ingest([corpus], into: db)
        let inputs = InputFiles.expand([corpus]).count
        #expect(summary.stored == inputs)
        #expect(summary.failed == 0)
        let store = try SQLiteStore(path: db, create: false)
        let stats = try store.stats()
        #expect(stats.articles == inputs)
        #expect(stats.quotes > 0)
        #expect(stats.people > 0)
        // Every stored quote's text is the article text at its content spans.
        let mismatches = try store.read { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM quote_contents c JOIN quotes q ON q.id = c.quote_id JOIN articles a ON a.id = q.article_id
                WHERE instr(q.text, substr(a.text, c.start + 1, c."end" - c.start)) = 0
                """)
        }
        #expect(mismatches == 0)
    }

    @Test(.enabled(if: Fixtures.seedsAvailable, "../shared/seeds is not present"))
    func theSeedsAreStoredWithTheirTitlesAndQuotes() throws {
        let dir = try TempDir()
        let db = dir.path("s.sqlite")
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.seeds.path).filter { $0.hasSuffix(".txt") }
        let summary = try Fixtures.ingest([Fixtures.seeds.path], into: db)
        #expect(summary.stored == files.count)
        struct Expected: Decodable {
            struct Doc: Decodable { var file: String; var title: String }
            var documents: [Doc]
        }
        let expected = try JSONDecoder().decode(
            Expected.self, from: Data(contentsOf: Fixtures.seeds.appendingPathComponent("expected.json")))
        let store = try SQLiteStore(path: db, create: false)
        for doc in expected.documents {
            let row = try store.read { db in
                try Row.fetchOne(db, sql: """
                    SELECT title, (SELECT COUNT(*) FROM quotes WHERE article_id = articles.id) AS quotes
                    FROM articles WHERE source = ?
                    """, arguments: [Fixtures.seeds.appendingPathComponent(doc.file).path])
            }
            let r = try #require(row, "\(doc.file) not stored")
            #expect(r["title"] as String? == doc.title)
            #expect(r["quotes"] as Int > 0)
        }
    }
}

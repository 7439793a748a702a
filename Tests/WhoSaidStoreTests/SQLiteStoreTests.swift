import Foundation
import GRDB
import Testing
import WhoSaidCore
import WhoSaidStore

/// A temporary directory removed when the value goes away.
final class TempDir {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("whosaid-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    deinit { try? FileManager.default.removeItem(at: url) }
}

/// A hand-built analysed document (no extraction or analysis run).
func sampleDocument(id: String = "harbour", extra: String = "") -> Document {
    let text = "“We will reopen the pier by June,” said harbour master Alma Reyes.\n\nThe Tidewater Board agreed.\(extra)"
    var doc = Document(
        id: id, path: "dump/\(id).html", url: "https://example.invalid/\(id)", title: "Pier to reopen",
        authors: ["Ines Quarry"], published: "2024-03-05", outlet: "Harbour Courier", language: "en",
        text: text, paragraphs: [TextRange(start: 0, end: 66), TextRange(start: 68, end: 96 + extra.unicodeScalars.count)])
    doc.annotations.people = [
        Entity(id: "p1", kind: .person, name: "Alma Reyes", aliases: ["Reyes"], mentions: [TextRange(start: 55, end: 65)],
               roles: ["harbour master"])
    ]
    doc.annotations.organizations = [
        Entity(id: "o1", kind: .organization, name: "Tidewater Board", mentions: [TextRange(start: 72, end: 87)])
    ]
    doc.annotations.quotes = [
        Quote(id: "q1", kind: .direct,
              speaker: Speaker(name: "Alma Reyes", type: .person, entity: "p1", span: TextRange(start: 40, end: 65)),
              cue: TextRange(start: 35, end: 39), content: [TextRange(start: 0, end: 34)], confidence: 0.87)
    ]
    return doc
}

@Suite struct SQLiteStoreTests {
    @Test func migratesAnEmptyDatabaseAndSetsItsIdentity() throws {
        let dir = try TempDir()
        let store = try SQLiteStore(path: dir.path("new.sqlite"))
        let (appID, version, journal, foreignKeys) = try store.read { db in
            (try Int.fetchOne(db, sql: "PRAGMA application_id")!, try Int.fetchOne(db, sql: "PRAGMA user_version")!,
             try String.fetchOne(db, sql: "PRAGMA journal_mode")!, try Int.fetchOne(db, sql: "PRAGMA foreign_keys")!)
        }
        #expect(appID == 0x5753_4159)
        #expect(version == SQLiteStore.schemaVersion)
        #expect(journal == "wal")
        #expect(foreignKeys == 1)
        #expect(try store.stats() == StoreStats())
        // Reopening an existing WhoSaid database works and keeps it.
        _ = try store.write(StoreBatch(documents: [StoredDocument(document: sampleDocument())]))
        let again = try SQLiteStore(path: dir.path("new.sqlite"), create: false)
        #expect(try again.stats().articles == 1)
    }

    @Test func storesADocumentWithItsAnnotations() throws {
        let dir = try TempDir()
        let store = try SQLiteStore(path: dir.path("db.sqlite"))
        let doc = sampleDocument()
        let outcome = try store.write(StoreBatch(
            documents: [StoredDocument(document: doc)],
            failures: [DocumentFailure(path: "dump/bad.html", error: "empty input")]))
        #expect(outcome == StoreOutcome(stored: 1, duplicates: 0))
        var expected = StoreStats()
        expected.articles = 1
        expected.quotes = 1
        expected.people = 1
        expected.organizations = 1
        expected.outlets = 1  // the article's own outlet
        expected.errors = 1
        #expect(try store.stats() == expected)

        let row = try store.read { db in
            try Row.fetchOne(db, sql: """
                SELECT q.kind, q.speaker_name, q.speaker_text, q.cue_text, q.text, e.name AS entity, c.start, c."end"
                FROM quotes q JOIN entities e ON e.id = q.speaker_entity_id JOIN quote_contents c ON c.quote_id = q.id
                """)
        }
        let r = try #require(row)
        #expect(r["kind"] as String == "direct")
        #expect(r["speaker_name"] as String == "Alma Reyes")
        #expect(r["speaker_text"] as String == "harbour master Alma Reyes")
        #expect(r["cue_text"] as String == "said")
        #expect(r["text"] as String == "“We will reopen the pier by June,”")
        #expect(r["entity"] as String == "Alma Reyes")
        #expect(r["start"] as Int == 0 && r["end"] as Int == 34)
        let article = try #require(try store.read { db in
            try Row.fetchOne(db, sql: "SELECT authors, paragraphs, content_hash, source FROM articles")
        })
        #expect(article["authors"] as String == #"["Ines Quarry"]"#)
        #expect(article["paragraphs"] as String == #"[{"start":0,"end":66},{"start":68,"end":96}]"#)
        #expect(article["content_hash"] as String == DocumentHash.of(doc.text))
        #expect(article["source"] as String == "dump/harbour.html")
        let mentions = try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM mentions") }
        #expect(mentions == 2)
    }

    @Test func aWireCreditAndAnUnnamedSpeakerAreStored() throws {
        let dir = try TempDir()
        let store = try SQLiteStore(path: dir.path("db.sqlite"))
        var doc = sampleDocument()
        doc.wire = "Reuters"
        // The analysis could not say who: no name, the words as written in the span.
        doc.annotations.quotes[0].speaker?.name = nil
        _ = try store.write(StoreBatch(documents: [StoredDocument(document: doc)]))
        let wire = try store.read { db in try String.fetchOne(db, sql: "SELECT wire FROM articles") }
        #expect(wire == "Reuters")
        let quote = try #require(try store.read { db in
            try Row.fetchOne(db, sql: "SELECT speaker_name, speaker_type, speaker_entity_id FROM quotes")
        })
        #expect(quote["speaker_name"] as String == "harbour master Alma Reyes")
        #expect(quote["speaker_type"] as String == "anonymous")
    }

    @Test func sameContentIsStoredOnceAcrossAndWithinBatches() throws {
        let dir = try TempDir()
        let store = try SQLiteStore(path: dir.path("db.sqlite"))
        let a = StoredDocument(document: sampleDocument(id: "a"))
        var copy = sampleDocument(id: "a-copy")
        copy.path = "elsewhere/a-copy.html"
        let b = StoredDocument(document: sampleDocument(id: "b", extra: " Again."))
        #expect(try store.write(StoreBatch(documents: [a, StoredDocument(document: copy)]))
            == StoreOutcome(stored: 1, duplicates: 1))
        #expect(try store.write(StoreBatch(documents: [a, b])) == StoreOutcome(stored: 1, duplicates: 1))
        #expect(try store.contains(contentHash: a.contentHash))
        #expect(try !store.contains(contentHash: DocumentHash.of("not stored")))
        #expect(try store.stats().articles == 2)
        #expect(try store.stats().quotes == 2)
        // The same failure recorded twice is one row.
        let failure = DocumentFailure(path: "x.html", error: "empty input")
        _ = try store.write(StoreBatch(failures: [failure]))
        _ = try store.write(StoreBatch(failures: [failure]))
        #expect(try store.stats().errors == 1)
    }

    @Test func fullTextSearchFindsQuotesAndArticles() throws {
        let dir = try TempDir()
        let store = try SQLiteStore(path: dir.path("db.sqlite"))
        _ = try store.write(StoreBatch(documents: [StoredDocument(document: sampleDocument())]))
        let compileOptions = try store.read { db in try String.fetchAll(db, sql: "PRAGMA compile_options") }
        #expect(compileOptions.contains("ENABLE_FTS5"), "SQLite built without FTS5: \(compileOptions)")
        let hits = try store.searchQuotes("pier AND june")
        #expect(hits.map(\.speaker) == ["Alma Reyes"])
        #expect(hits.first?.text.contains("reopen the pier") == true)
        #expect(try store.searchQuotes("\"reopen the pier\"").count == 1)
        #expect(try store.searchQuotes("ferry").isEmpty)
        #expect(try store.searchArticles("tidewater").count == 1)
    }

    @Test func aFileThatIsNotSQLiteIsRefusedAndUnchanged() throws {
        let dir = try TempDir()
        let path = dir.path("notes.sqlite")
        let bytes = Data("These are my notes, not a database.\n".utf8)
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notADatabase(path: path)) { try SQLiteStore(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path) == ["notes.sqlite"])
    }

    @Test func anotherApplicationsDatabaseIsRefusedAndUnchanged() throws {
        let dir = try TempDir()
        let path = dir.path("other.sqlite")
        let other = try DatabaseQueue(path: path)
        try other.write { db in
            try db.execute(sql: "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup')")
        }
        try other.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notWhoSaid(path: path)) { try SQLiteStore(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aNewerSchemaIsRefusedAndUnchanged() throws {
        let dir = try TempDir()
        let path = dir.path("future.sqlite")
        do {
            let store = try SQLiteStore(path: path)
            _ = try store.write(StoreBatch(documents: [StoredDocument(document: sampleDocument())]))
        }
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "PRAGMA user_version = \(SQLiteStore.schemaVersion + 1)") }
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try queue.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: StoreError.newerSchema(path: path, found: SQLiteStore.schemaVersion + 1,
                                               known: SQLiteStore.schemaVersion)) {
            try SQLiteStore(path: path)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aMissingDatabaseIsAnErrorWhenNotCreating() throws {
        let dir = try TempDir()
        let path = dir.path("absent.sqlite")
        #expect(throws: StoreError.missing(path: path)) { try SQLiteStore(path: path, create: false) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func closingLeavesEverythingInTheMainFile() throws {
        let dir = try TempDir()
        let path = dir.path("c.sqlite")
        let store = try SQLiteStore(path: path)
        _ = try store.write(StoreBatch(documents: [StoredDocument(document: sampleDocument())]))
        try store.close()
        let wal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        #expect(wal == 0)
        #expect(try SQLiteStore(path: path, create: false).stats().articles == 1)
    }

    @Test func readOnlyNeverWrites() throws {
        let dir = try TempDir()
        let path = dir.path("r.sqlite")
        #expect(throws: StoreError.missing(path: path)) { try SQLiteStore(path: path, readOnly: true) }
        #expect(!FileManager.default.fileExists(atPath: path))
        let writer = try SQLiteStore(path: path)
        _ = try writer.write(StoreBatch(documents: [StoredDocument(document: sampleDocument())]))
        let reader = try SQLiteStore(path: path, readOnly: true)
        #expect(try reader.stats().articles == 1)
        #expect(throws: (any Error).self) {
            _ = try reader.write(StoreBatch(documents: [StoredDocument(document: sampleDocument(id: "b", extra: "!"))]))
        }
        #expect(try writer.stats().articles == 1)
    }

    /// Several openers creating the same new database at once (two ingests started together, or a
    /// stats poll while an ingest creates it) all succeed.
    @Test func concurrentOpenersOfANewDatabaseAllSucceed() throws {
        let dir = try TempDir()
        let path = dir.path("race.sqlite")
        let errors = DispatchQueue(label: "errors")
        nonisolated(unsafe) var failures: [String] = []
        DispatchQueue.concurrentPerform(iterations: 4) { i in
            do {
                let store = try SQLiteStore(path: path)
                _ = try store.write(StoreBatch(documents: [StoredDocument(document: sampleDocument(id: "d\(i)", extra: " \(i)"))]))
            } catch {
                errors.sync { failures.append("\(error)") }
            }
        }
        #expect(failures.isEmpty, "\(failures)")
        #expect(try SQLiteStore(path: path).stats().articles == 4)
    }

    @Test func aDatabaseInAMissingFolderFailsAtOnce() throws {
        let dir = try TempDir()
        let path = dir.path("no/such/folder/w.sqlite")
        let start = Date()
        #expect(throws: StoreError.self) { try SQLiteStore(path: path) }
        #expect(Date().timeIntervalSince(start) < 2)
    }

    @Test func anEmptyFileBecomesADatabase() throws {
        let dir = try TempDir()
        let path = dir.path("empty.sqlite")
        _ = FileManager.default.createFile(atPath: path, contents: Data())
        let store = try SQLiteStore(path: path)
        #expect(try store.stats().articles == 0)
    }
}

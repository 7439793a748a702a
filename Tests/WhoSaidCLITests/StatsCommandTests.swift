import Foundation
import Testing
import WhoSaidCore
import WhoSaidStore

@Suite(.timeLimit(.minutes(1))) struct StatsCommandTests {
    static func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("whosaid-stats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func printsCountsAsJSONAndAsATable() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("w.sqlite").path
        var doc = Document(id: "a", path: "a.txt", outlet: "Harbour Courier", text: "Ferries stop.", paragraphs: [
            TextRange(start: 0, end: 13)
        ])
        doc.annotations.people = [Entity(id: "p1", kind: .person, name: "Alma Reyes")]
        _ = try SQLiteStore(path: db).write(StoreBatch(
            documents: [StoredDocument(document: doc)], failures: [DocumentFailure(path: "b.txt", error: "empty input")]))

        let json = try ExtractCommandTests.run(["stats", "--db", db, "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try ExtractCommandTests.object(json.lines.first ?? "")
        #expect(object as? [String: Int] == [
            "articles": 1, "quotes": 0, "people": 1, "organizations": 0, "outlets": 1, "factions": 0, "errors": 1,
        ])
        let table = try ExtractCommandTests.run(["stats", "--db", db])
        #expect(table.status == 0)
        #expect(table.lines.first == "articles       1")
        #expect(table.lines.count == 7)
    }

    @Test func theDatabaseComesFromTheEnvironmentWhenNoOptionIsGiven() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("env.sqlite").path
        _ = try SQLiteStore(path: db)
        let run = try ExtractCommandTests.run(["stats", "--format", "json"], environment: ["WHOSAID_DB": db])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try ExtractCommandTests.object(run.lines.first ?? "")["articles"] as? Int == 0)
    }

    @Test func aMissingOrForeignDatabaseIsAClearErrorAndStaysUntouched() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = dir.appendingPathComponent("none.sqlite").path
        let run = try ExtractCommandTests.run(["stats", "--db", missing])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no such database"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: missing))

        let notes = dir.appendingPathComponent("notes.txt")
        try Data("shopping list\n".utf8).write(to: notes)
        let refused = try ExtractCommandTests.run(["stats", "--db", notes.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("not a WhoSaid database"), "\(refused.stderr)")
        #expect(try Data(contentsOf: notes) == Data("shopping list\n".utf8))
    }
}

import CSV
import Foundation
import Testing

/// `whosaid export` through the built binary.
@Suite(.timeLimit(.minutes(2)), .serialized) struct ExportCommandTests {
    typealias Q = QueryCommandTests

    /// A store with invented articles whose quotes and titles hold commas, double quotes, semicolons and tabs.
    static func store() throws -> (String, URL) {
        let (db, dir) = try Q.tempDB()
        let articles = [
            (#"“Fares, frankly, are too high; we\tsaid so,” said Alma Reyes, a councillor. Tomas Reyes said the boats were safe."#,
             "Harbour Courier", "2024-03-09"),
            (#"“The pier must reopen by June, whatever it costs,” said Alma Reyes. Ferries ran late."#, "Valley Herald", "2024-02-01"),
        ]
        let lines = articles.enumerated().map { i, a in
            let text = a.0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\t", with: "\\t")
            return #"{"id": "e\#(i)", "text": "\#(text)", "title": "Story \#(i), with a \"quote\"", "outlet": "\#(a.1)", "published": "\#(a.2)"}"#
        }
        let ingest = try Q.run(["ingest", "--db", db, "-"], stdin: lines.joined(separator: "\n") + "\n")
        #expect(ingest.status == 0, "\(ingest.stderr)")
        return (db, dir)
    }

    @Test func csvRoundTripsThroughACSVParserAndMatchesJSONLines() throws {
        let (db, dir) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = try Q.run(["export", "--db", db, "--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout.hasSuffix("\r\n"))
        let reader = try CSVReader(string: csv.stdout, hasHeaderRow: true)
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        #expect(reader.headerRow?.first == "claim_id" && reader.headerRow?.count == 16)

        let jsonl = try Q.run(["export", "--db", db, "--format", "jsonl"])
        let objects = try jsonl.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(!objects.isEmpty)
        #expect(rows.count == objects.count)
        let header = reader.headerRow ?? []
        for (row, object) in zip(rows, objects) {
            for (i, column) in header.enumerated() {
                let value = object[column]
                let expected: String
                switch value {
                case let s as String: expected = s
                case let n as NSNumber: expected = n.stringValue
                case let list as [String]: expected = list.joined(separator: "; ")
                default: expected = ""
                }
                #expect(row[i] == expected, "\(column)")
            }
        }
        #expect(rows.contains { $0[1].contains("Fares, frankly") })
        #expect(rows.contains { $0[10] == "Story 0, with a \"quote\"" })
        #expect(csv.stdout.contains(#","Story 0, with a ""quote""","#), "quotes doubled inside a quoted field")

        let limited = try Q.run(["export", "--db", db, "--format", "jsonl", "--limit", "1"])
        #expect(limited.stdout.split(separator: "\n").count == 1)
        let alma = try Q.run(["export", "--db", db, "--format", "jsonl", "--speaker", "Alma Reyes", "--until", "2024-02"])
        #expect(alma.stdout.split(separator: "\n").count == 1, "\(alma.stdout)")
        #expect(alma.stdout.contains("\"outlet\":\"Valley Herald\""))
    }

    @Test func htmlIsOneSelfContainedEscapedPageAndMarkdownOneLinePerRow() throws {
        let (db, dir) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let rows = try Q.run(["export", "--db", db, "--format", "jsonl"]).stdout.split(separator: "\n").count
        #expect(rows > 0)
        let html = try Q.run(["export", "--db", db, "--format", "html"])
        #expect(html.status == 0, "\(html.stderr)")
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>") && html.stdout.hasSuffix("</html>\n"))
        #expect(html.stdout.components(separatedBy: "<tr>").count - 1 == rows + 1)
        #expect(html.stdout.contains("Story 0, with a &quot;quote&quot;"))
        #expect(!html.stdout.contains("Story 0, with a \"quote\""))
        #expect(!html.stdout.contains("src=") && !html.stdout.contains("href=") && !html.stdout.contains("http"),
                "no outside resources")
        let markdown = try Q.run(["export", "--db", db, "--format", "markdown"])
        let lines = markdown.stdout.split(separator: "\n")
        #expect(lines.count == rows + 2)
        #expect(lines.allSatisfy { $0.hasPrefix("| ") && $0.hasSuffix(" |") })
        let bomOnHTML = try Q.run(["export", "--db", db, "--format", "html", "--bom"])
        #expect(bomOnHTML.status != 0)
    }

    @Test func bomAndTSVAndUnwritableOutput() throws {
        let (db, dir) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("out.csv").path
        let bom = try Q.run(["export", "--db", db, "--format", "csv", "--bom", "--out", file])
        #expect(bom.status == 0, "\(bom.stderr)")
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        #expect(bytes.prefix(3) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self).hasPrefix("claim_id,text,"))

        let tsv = try Q.run(["export", "--db", db, "--format", "tsv"])
        let lines = tsv.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 16 })

        let missingDB = dir.appendingPathComponent("none.sqlite").path
        let unwritable = try Q.run(["export", "--db", missingDB, "--format", "csv", "--out", dir.appendingPathComponent("no/such/dir.csv").path])
        #expect(unwritable.status == 2)
        #expect(unwritable.stderr.contains("cannot write the export"), "\(unwritable.stderr)")
        #expect(!FileManager.default.fileExists(atPath: missingDB))
    }
}

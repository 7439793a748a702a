import CSV
import Foundation
import Testing

/// End to end on the bundled corpus: `whosaid ingest corpus/`, then `whosaid export`, checked against the
/// hand-written analysis goldens beside the articles (`corpus/*/NAME.analysis.json`, described in
/// corpus/README.md). Each golden quote must come out of the store as an export row of its article with
/// its speaker, speaker type, kind, medium and (for a person) affiliation; and `query --source` must
/// find the claims carried by each medium.
@Suite(.timeLimit(.minutes(2)), .serialized) struct CorpusExportGoldenTests {
    typealias Q = QueryCommandTests
    typealias Object = [String: Any]

    struct GoldenQuote {
        var article: String
        var kind: String
        var speaker: String
        var speakerType: String
        var via: String?
        var affiliation: String?
        var content: [String]
    }

    /// The golden quotes of every corpus article, leaving out those marked as known failures (the
    /// analysis tests report those).
    static func goldenQuotes() throws -> [GoldenQuote] {
        let corpus = Q.packageRoot.appendingPathComponent("corpus")
        var quotes: [GoldenQuote] = []
        for folder in ["pages", "text"] {
            let dir = corpus.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
            where name.hasSuffix(".analysis.json") {
                let data = try Data(contentsOf: dir.appendingPathComponent(name))
                let golden = try #require(try JSONSerialization.jsonObject(with: data) as? Object)
                let article = String(name.dropLast(".analysis.json".count))
                for q in golden["quotes"] as? [Object] ?? [] where q["known_failure"] == nil {
                    let content = (q["content"] as? [String]) ?? [(q["content"] as? String) ?? ""]
                    quotes.append(GoldenQuote(
                        article: article, kind: q["kind"] as? String ?? "", speaker: q["speaker"] as? String ?? "",
                        speakerType: q["speaker_type"] as? String ?? "", via: q["via"] as? String,
                        affiliation: q["affiliation"] as? String, content: content))
                }
            }
        }
        return quotes
    }

    static func words(_ s: String) -> [String] {
        s.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    /// The share of `part`'s words found, in order of appearance, among `text`'s words.
    static func coverage(of part: String, in text: String) -> Double {
        let wanted = words(part)
        guard !wanted.isEmpty else { return 0 }
        var have: [String: Int] = [:]
        for w in words(text) { have[w, default: 0] += 1 }
        var found = 0
        for w in wanted where (have[w] ?? 0) > 0 {
            have[w]! -= 1
            found += 1
        }
        return Double(found) / Double(wanted.count)
    }

    @Test func theCorpusExportCarriesEveryGoldenQuote() throws {
        let goldens = try Self.goldenQuotes()
        #expect(goldens.count >= 30, "the corpus goldens hold \(goldens.count) quotes")
        let (db, dir) = try Q.tempDB()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ingest = try Q.run(["ingest", "--db", db, Q.packageRoot.appendingPathComponent("corpus").path])
        #expect(ingest.status == 0, "\(ingest.stderr)")

        let csv = try Q.run(["export", "--db", db, "--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let reader = try CSVReader(string: csv.stdout, hasHeaderRow: true)
        let header = try #require(reader.headerRow)
        var rows: [[String: String]] = []
        while let row = reader.next() {
            rows.append(Dictionary(uniqueKeysWithValues: zip(header, row)))
        }

        for golden in goldens {
            let label = "\(golden.article): \(golden.speaker): \(golden.content[0].prefix(50))"
            // The row of this article whose quote covers the golden content best (at least half of
            // each part's words, as the analysis golden asks of a found quote).
            let candidates = rows.filter { $0["article"] == golden.article }
            let best = candidates.max { a, b in
                golden.content.map { Self.coverage(of: $0, in: a["text"] ?? "") }.min()!
                    < golden.content.map { Self.coverage(of: $0, in: b["text"] ?? "") }.min()!
            }
            guard let row = best, golden.content.allSatisfy({ Self.coverage(of: $0, in: row["text"] ?? "") >= 0.5 }) else {
                Issue.record("no export row of \(label)")
                continue
            }
            #expect(row["speaker"] == golden.speaker, "\(label): speaker \(row["speaker"] ?? "")")
            #expect(row["speaker_type"] == golden.speakerType, "\(label): type \(row["speaker_type"] ?? "")")
            #expect(row["kind"] == golden.kind, "\(label): kind \(row["kind"] ?? "")")
            #expect(row["via"] == (golden.via ?? ""), "\(label): via \(row["via"] ?? "")")
            if golden.speakerType == "person", let affiliation = golden.affiliation {
                #expect(row["affiliation"] == affiliation, "\(label): affiliation \(row["affiliation"] ?? "")")
            }
        }

        // Every medium in the goldens is a source whose query finds the claims it carried.
        for via in Set(goldens.compactMap(\.via)).sorted() {
            let found = try Q.claims(try Q.run(["query", "--db", db, "--source", via, "--format", "json"]))
            for golden in goldens where golden.via == via {
                #expect(found.contains { Q.speaker($0) == golden.speaker && ($0["via"] as? String) == via },
                        "--source \(via) misses \(golden.speaker)")
            }
        }
    }
}

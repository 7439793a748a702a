import Foundation
import Testing

/// `whosaid ingest` then `whosaid query`, through the built binary.
@Suite(.timeLimit(.minutes(2)), .serialized) struct QueryCommandTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let seeds = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")
    static var seedsPresent: Bool {
        FileManager.default.fileExists(atPath: seeds.appendingPathComponent("expected.json").path)
    }

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
        throw CocoaError(.fileNoSuchFile)
    }

    static func run(_ args: [String], stdin: String? = nil) throws -> Run {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("whosaid-q-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out"), err = dir.appendingPathComponent("err"), input = dir.appendingPathComponent("in")
        for f in [out, err, input] { _ = FileManager.default.createFile(atPath: f.path, contents: nil) }
        if let stdin { try Data(stdin.utf8).write(to: input) }
        let process = Process()
        process.executableURL = try binary()
        process.arguments = args
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = try FileHandle(forReadingFrom: input)
        try process.run()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: try String(contentsOf: out, encoding: .utf8),
                   stderr: try String(contentsOf: err, encoding: .utf8))
    }

    static func tempDB() throws -> (String, URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("whosaid-qdb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return (dir.appendingPathComponent("w.sqlite").path, dir)
    }

    static func claims(_ run: Run) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]], "\(run.stdout)")
    }

    static func speaker(_ claim: [String: Any]) -> String? { (claim["speaker"] as? [String: Any])?["name"] as? String }

    @Test(.enabled(if: seedsPresent)) func theSeedsClaimsBySource() throws {
        let (db, dir) = try Self.tempDB()
        defer { try? FileManager.default.removeItem(at: dir) }
        let seedFiles = try FileManager.default.contentsOfDirectory(atPath: Self.seeds.path).filter { $0.hasSuffix(".txt") }
            .map { Self.seeds.appendingPathComponent($0).path }
        let ingest = try Self.run(["ingest", "--db", db, "--jobs", "2"] + seedFiles + [Self.packageRoot.appendingPathComponent("corpus").path])
        #expect(ingest.status == 0, "\(ingest.stderr)")

        let sky = try Self.claims(try Self.run(["query", "--db", db, "--source", "Sky News", "--format", "json"]))
        // The seeds' two Sky News claims and Lewis Goodall's, and corpus/'s Tom Ravelle speaking to Sky (via).
        #expect(sky.count == 4, "\(sky)")
        #expect(sky.filter { Self.speaker($0) == "Sky News" }.count == 2)
        let goodall = sky.first { Self.speaker($0) == "Lewis Goodall" }
        #expect((goodall?["speaker"] as? [String: Any])?["affiliation"] as? String == "Sky News")
        #expect(sky.contains { Self.speaker($0) == "Tom Ravelle" })
        #expect(try Self.claims(try Self.run(["query", "--db", db, "--source", "Sky", "--format", "json"])).count == 4)

        let standard = try Self.claims(try Self.run(["query", "--db", db, "--source", "London Evening Standard", "--format", "json"]))
        #expect(standard.count == 1)
        #expect(try Self.claims(try Self.run(["query", "--db", db, "--source", "the Evening Standard", "--format", "json"])).count == 1)

        let lansman = try Self.claims(try Self.run(["query", "--db", db, "--speaker", "Lansman", "--format", "json"]))
        #expect(!lansman.isEmpty)
        #expect(lansman.allSatisfy { Self.speaker($0) == "Jon Lansman" })
        let report = (lansman.first?["reports"] as? [[String: Any]])?.first
        #expect(report?["article"] as? String == "000_be7f4f8d171a1e81")
        #expect((report?["start"] as? Int ?? 0) < (report?["end"] as? Int ?? 0))

        // Momentum's own claims and its spokesman's (his affiliation comes from the description).
        let momentum = try Self.claims(try Self.run(["query", "--db", db, "--source", "Momentum", "--format", "json"]))
        #expect(Set(momentum.compactMap(Self.speaker)).isSuperset(of: ["Momentum", "Momentum spokesman"]), "\(momentum)")
        let spokesman = momentum.first { Self.speaker($0) == "Momentum spokesman" }
        #expect((spokesman?["speaker"] as? [String: Any])?["affiliation"] as? String == "Momentum")

        // The Independent is Lansman's medium (`In an interview in The Independent …, Lansman said`).
        let independent = try Self.claims(try Self.run(["query", "--db", db, "--source", "The Independent", "--format", "json"]))
        #expect(independent.map(Self.speaker) == ["Jon Lansman"])
        #expect(independent.first?["via"] as? String == "The Independent")

        // Re-ingesting changes nothing.
        let before = try Self.run(["query", "--db", db, "--format", "jsonl"])
        let again = try Self.run(["ingest", "--db", db] + seedFiles)
        #expect(again.status == 0)
        #expect(try Self.run(["query", "--db", db, "--format", "jsonl"]).stdout == before.stdout)
    }

    @Test func jsonLinesArticlesQueriedInEveryFormat() throws {
        let (db, dir) = try Self.tempDB()
        defer { try? FileManager.default.removeItem(at: dir) }
        let body = "The ferry operator was criticised again. "
            + "“The council has failed the islanders for a decade and the timetable proves it,” said Alma Reyes, a councillor. "
            + "Tomas Reyes, a ferry captain, said the boats were safe."
        let lines = [
            #"{"id": "a1", "text": "\#(body)", "title": "Ferry row", "outlet": "Harbour Courier", "published": "2024-03-09"}"#,
            #"{"id": "a2", "text": "Islanders met on Monday. \#(body.replacingOccurrences(of: "The ferry operator was criticised again. ", with: ""))", "title": "Ferry row goes on", "outlet": "Valley Herald", "published": "2024-03-01"}"#,
        ]
        let ingest = try Self.run(["ingest", "--db", db, "-"], stdin: lines.joined(separator: "\n") + "\n")
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let alma = try Self.claims(try Self.run(["query", "--db", db, "--speaker", "Alma Reyes", "--format", "json"]))
        #expect(alma.count == 1, "\(alma)")
        let reports = alma.first?["reports"] as? [[String: Any]] ?? []
        #expect(reports.map { $0["article"] as? String } == ["a2", "a1"])
        #expect(alma.first?["first_reported"] as? String == "2024-03-01")
        let tomas = try Self.run(["query", "--db", db, "--speaker", "Tomas Reyes", "--format", "json"])
        #expect(try Self.claims(tomas).allSatisfy { Self.speaker($0) == "Tomas Reyes" })

        let csv = try Self.run(["query", "--db", db, "--speaker", "Alma Reyes", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("id,first_reported,speaker,"))
        #expect(csv.stdout.contains("\"“The council has failed the islanders for a decade and the timetable proves it,”\""))
        let tsv = try Self.run(["query", "--db", db, "--format", "tsv"])
        #expect(tsv.stdout.split(separator: "\n").allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 12 })
        let markdown = try Self.run(["query", "--db", db, "--format", "markdown", "--about", "decade"])
        #expect(markdown.stdout.split(separator: "\n").count == 3)
        let table = try Self.run(["query", "--db", db, "--about", "islanders timetable"])
        #expect(table.stdout.hasPrefix("ID"))
        #expect(table.stdout.contains("Alma Reyes"))

        // The `--option=value` form, so a value starting with `--` stays a value.
        for hostile in ["\"", "%", "--", "' OR 1=1 --", "NEAR(", "*", "OR", "\"; DROP TABLE claims; --"] {
            let about = try Self.run(["query", "--db", db, "--about=\(hostile)", "--format", "json"])
            #expect(about.status == 0 || about.stderr.contains("--about: cannot search for"), "\(hostile): \(about.stderr)")
            let speaker = try Self.run(["query", "--db", db, "--speaker=\(hostile)"])
            #expect(speaker.status == 1 && speaker.stderr.contains("no speaker named"), "\(hostile): \(speaker.stderr)")
        }
        let unknown = try Self.run(["query", "--db", db, "--speaker", "Alma Reyez"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("did you mean 'Alma Reyes'"), "\(unknown.stderr)")
        let badKind = try Self.run(["query", "--db", db, "--kind", "sarcastic"])
        #expect(badKind.status != 0)
    }

    @Test func publishedDatesAreNormalisedAndClaimsListNewestFirst() throws {
        let (db, dir) = try Self.tempDB()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Dates as feeds write them; the impossible one is no date, and its claim is listed last.
        let dates: [(id: String, published: String)] = [
            ("rfc", #""Tue, 19 Nov 2019 10:00:00 GMT""#), ("evening", #""7:07 PM EST Nov 19, 2019""#),
            ("unix", "1574000000"), ("numeric", #""21/11/2019""#), ("impossible", #""2024-13-45""#),
        ]
        let lines = dates.enumerated().map { n, d in
            #"{"id": "\#(d.id)", "text": "Alma Reyes runs the harbour. “Ferry number \#(n + 1) must run on time,” Alma Reyes said.", "outlet": "Harbour Courier", "published": \#(d.published)}"#
        }
        let ingest = try Self.run(["ingest", "--db", db, "-"], stdin: lines.joined(separator: "\n") + "\n")
        #expect(ingest.status == 0, "\(ingest.stderr)")
        func firstReported(_ args: [String]) throws -> [String] {
            let run = try Self.run(["query", "--db", db, "--format", "json"] + args)
            #expect(run.status == 0, "\(run.stderr)")
            return try Self.claims(run).map { $0["first_reported"] as? String ?? "-" }
        }
        #expect(try firstReported([]) == [
            "2019-11-21", "2019-11-20T00:07:00Z", "2019-11-19T10:00:00Z", "2019-11-17T14:13:20Z", "-",
        ])
        #expect(try firstReported(["--sort", "oldest"]) == [
            "2019-11-17T14:13:20Z", "2019-11-19T10:00:00Z", "2019-11-20T00:07:00Z", "2019-11-21", "-",
        ])
        #expect(try firstReported(["--since", "2019-11-20"]) == ["2019-11-21", "2019-11-20T00:07:00Z"])
        #expect(try firstReported(["--until", "2019-11-19"]) == ["2019-11-19T10:00:00Z", "2019-11-17T14:13:20Z"])
        // The article keeps the page's own time and zone.
        let show = try Self.run(["show", "--db", db, "evening", "--format", "json"])
        #expect(show.stdout.contains("2019-11-19T19:07:00-05:00"), "\(show.stdout)")

        let bad = try Self.run(["query", "--db", db, "--since", "2019-02-30"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("--since: '2019-02-30' is not a date"), "\(bad.stderr)")
        let help = try Self.run(["query", "--help"])
        #expect(help.stdout.contains("--sort") && help.stdout.contains("newest"), "\(help.stdout)")
    }

    @Test func aMissingOrEmptyDatabaseSaysHowToIngest() throws {
        let (db, dir) = try Self.tempDB()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = try Self.run(["query", "--db", db])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("whosaid ingest"), "\(missing.stderr)")
        _ = FileManager.default.createFile(atPath: db, contents: nil)
        let empty = try Self.run(["query", "--db", db])
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("holds no articles") && empty.stderr.contains("whosaid ingest"), "\(empty.stderr)")
    }
}

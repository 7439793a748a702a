import Foundation
import Testing
import WhoSaidStore

/// `whosaid ingest` as a user runs it: exit statuses, the summary, stdin, and what a kill or Ctrl-C
/// part-way leaves behind.
@Suite(.timeLimit(.minutes(3))) struct IngestCommandTests {
    static func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("whosaid-ingest-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// `count` invented articles as JSON Lines, each different, each with a quote.
    static func jsonLines(count: Int, paragraphs: Int = 12) -> String {
        let towns = ["Marrowby", "Gullhaven", "Orrin Bay", "Kelby", "Lanmouth", "Dunmere"]
        let speakers = ["Alma Reyes", "Ben Okafor", "Ines Quarry", "Tomas Brightwater"]
        var out = ""
        for i in 0..<count {
            let town = towns[i % towns.count], speaker = speakers[i % speakers.count]
            var text = "Ferry story \(i) from \(town)\n\n"
            text += "“We will keep the boats running to \(town) whatever the weather,” said \(speaker) on day \(i).\n\n"
            for p in 0..<paragraphs {
                text += "Paragraph \(p) of story \(i): islanders in \(town) said the timetable, which changes in May, "
                    + "would help families who cross \(p + i % 7) times a week to reach schools and shops.\n\n"
            }
            let data = try! JSONSerialization.data(withJSONObject: ["text": text, "outlet": "Tidewater Post"])
            out += String(decoding: data, as: UTF8.self) + "\n"
        }
        return out
    }

    @Test func storesFromStdinAndReportsAFailedLineWithExitOne() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in.jsonl")
        try Data((Self.jsonLines(count: 3) + "{not json\n").utf8).write(to: input)
        let db = dir.appendingPathComponent("w.sqlite").path
        let run = try ExtractCommandTests.run(["ingest", "--db", db, "-"], stdin: input)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("stored:      3"), "\(run.stderr)")
        #expect(run.stderr.contains("1  invalid JSON"), "\(run.stderr)")
        #expect(!run.stderr.contains("\u{1B}["), "no progress line when stderr is not a terminal")
        let store = try SQLiteStore(path: db, create: false)
        #expect(try store.stats().articles == 3)
        #expect(try store.articleKeys().map(\.source) == ["-:1", "-:2", "-:3"])

        let again = try ExtractCommandTests.run(["ingest", "--db", db, "-"], stdin: input)
        #expect(again.stderr.contains("duplicates:  3"), "\(again.stderr)")
        #expect(try store.stats().articles == 3)
    }

    @Test func exitsZeroWhenNothingFailsAndRefusesForeignFiles() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = ExtractCommandTests.packageRoot.appendingPathComponent("corpus").path
        let db = dir.appendingPathComponent("c.sqlite").path
        let run = try ExtractCommandTests.run(["ingest", "--db", db, "--jobs", "2", corpus])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("failed:      0"))

        let notes = dir.appendingPathComponent("notes.sqlite")
        try Data("not a database\n".utf8).write(to: notes)
        let refused = try ExtractCommandTests.run(["ingest", "--db", notes.path, corpus])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("not a WhoSaid database"), "\(refused.stderr)")
        #expect(try Data(contentsOf: notes) == Data("not a database\n".utf8))
    }

    /// Starts `whosaid ingest`, waits until it has committed at least one batch, then signals it.
    static func interrupt(_ args: [String], db: String, signal: Int32) throws -> (status: Int32, stored: Int, stderr: String) {
        let errURL = URL(fileURLWithPath: db + ".stderr")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = try ExtractCommandTests.binary()
        process.arguments = args
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var stored = 0
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline {
            if let n = try? SQLiteStore(path: db, readOnly: true).stats().articles, n > 0 {
                stored = n
                kill(process.processIdentifier, signal)
                break
            }
            usleep(10_000)
        }
        process.waitUntilExit()
        try err.close()
        return (process.terminationStatus, stored, String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    @Test func aRunKilledPartWayThenRerunEqualsAnUninterruptedRun() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let total = 400
        let dump = dir.appendingPathComponent("dump.jsonl")
        try Data(Self.jsonLines(count: total).utf8).write(to: dump)
        let reference = dir.appendingPathComponent("reference.sqlite").path
        let args = ["ingest", "--jobs", "2", "--batch-size", "10", dump.path]
        let full = try ExtractCommandTests.run(args + ["--db", reference])
        #expect(full.status == 0, "\(full.stderr)")

        let crashed = dir.appendingPathComponent("crashed.sqlite").path
        let killed = try Self.interrupt(args + ["--db", crashed], db: crashed, signal: SIGKILL)
        #expect(killed.status == SIGKILL, "the run ended before it was killed: \(killed.stderr)")
        let afterKill = try SQLiteStore(path: crashed, create: false).stats().articles
        #expect(afterKill > 0 && afterKill < total, "killed with \(afterKill) of \(total) stored")
        #expect(afterKill % 10 == 0, "whole batches only: \(afterKill)")

        let rerun = try ExtractCommandTests.run(args + ["--db", crashed])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stderr.contains("duplicates:  \(afterKill)"), "\(rerun.stderr)")
        let a = try SQLiteStore(path: reference, create: false), b = try SQLiteStore(path: crashed, create: false)
        #expect(try a.stats() == b.stats())
        #expect(try a.stats().articles == total)
        #expect(try a.articleKeys() == b.articleKeys())
    }

    @Test func ctrlCStopsAfterTheCurrentBatchWithASummary() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let total = 400
        let dump = dir.appendingPathComponent("dump.jsonl")
        try Data(Self.jsonLines(count: total).utf8).write(to: dump)
        let db = dir.appendingPathComponent("w.sqlite").path
        let args = ["ingest", "--jobs", "2", "--batch-size", "10", "--db", db, dump.path]
        let stopped = try Self.interrupt(args, db: db, signal: SIGINT)
        #expect(stopped.status == 130, "\(stopped.stderr)")
        #expect(stopped.stderr.contains("interrupted"), "\(stopped.stderr)")
        let stored = try SQLiteStore(path: db, create: false).stats().articles
        #expect(stored < total)
        #expect(stopped.stderr.contains("stored:      \(stored)"), "\(stopped.stderr)")
        let rest = try ExtractCommandTests.run(args)
        #expect(rest.status == 0)
        #expect(try SQLiteStore(path: db, create: false).stats().articles == total)
    }

    @Test func ctrlCStopsARunWaitingOnAnIdleStdin() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("w.sqlite").path
        let stdin = Pipe()
        let process = Process()
        process.executableURL = try ExtractCommandTests.binary()
        process.arguments = ["ingest", "--batch-size", "1", "--db", db, "-"]
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        stdin.fileHandleForWriting.write(Data(Self.jsonLines(count: 3).utf8))
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, (try? SQLiteStore(path: db, readOnly: true).stats().articles) != 3 { usleep(20_000) }
        process.interrupt()  // stdin stays open and silent
        let stopped = Date().addingTimeInterval(10)
        while process.isRunning && Date() < stopped { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        try stdin.fileHandleForWriting.close()
        #expect(process.terminationStatus == 130)
        #expect(try SQLiteStore(path: db, create: false).stats().articles == 3)
    }

    static let script = ["/usr/bin/script", "/bin/script"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// On a terminal (a pseudo-terminal from script(1)) the progress line is drawn on stderr and
    /// cleared before the summary; without one (every other test here) there is none.
    @Test(.enabled(if: script != nil, "script(1) is not installed"))
    func aTerminalGetsAProgressLine() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let dump = dir.appendingPathComponent("dump.jsonl")
        try Data(Self.jsonLines(count: 300).utf8).write(to: dump)
        let db = dir.appendingPathComponent("w.sqlite").path
        let command = [try ExtractCommandTests.binary().path, "ingest", "--jobs", "1", "--db", db, dump.path]
            .map { "'" + $0 + "'" }.joined(separator: " ")
        let typescript = dir.appendingPathComponent("typescript")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.script!)
        process.arguments = ["-qec", command, typescript.path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let screen = String(decoding: try Data(contentsOf: typescript), as: UTF8.self)
        let progress = try #require(screen.range(of: #"\r\x{1B}\[K\d+ documents, \d+ docs/s, 0 errors, [\d.]+ MB of [\d.]+ MB \(\d+%\)"#,
                                                 options: .regularExpression), "no progress line in \(screen.debugDescription)")
        let summary = try #require(screen.range(of: "300 documents in"))
        #expect(progress.upperBound < summary.lowerBound)
        #expect(screen.contains("stored:      300"))
    }
}

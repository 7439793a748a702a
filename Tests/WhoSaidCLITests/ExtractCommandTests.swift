import Foundation
import Testing
import WhoSaidCore

/// Runs the built `whosaid` binary (SwiftPM puts it next to the test bundle) on real files.
@Suite(.timeLimit(.minutes(1))) struct ExtractCommandTests {
    /// The package root, three levels above this file.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let goodPage = packageRoot.appendingPathComponent("corpus/pages/northern-ledger-comments.html")

    /// `whosaid` in the directory holding the test bundle (`.build/debug` or the scratch path's).
    static func binary() throws -> URL {
        var dirs: [URL] = []
        if let bundle = Bundle.allBundles.map(\.bundleURL).first(where: { $0.pathExtension == "xctest" }) {
            dirs.append(bundle.deletingLastPathComponent())
        }
        dirs.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        if let exe = Bundle.main.executableURL { dirs.append(exe.deletingLastPathComponent()) }
        for dir in dirs {
            let candidate = dir.appendingPathComponent("whosaid")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw CLIError("no whosaid binary next to the test bundle (looked in \(dirs.map(\.path)))")
    }

    struct CLIError: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var lines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) }
    }

    /// Runs `whosaid ARGS`, stdout and stderr to files (no pipe can fill up and block).
    static func run(_ args: [String], stdin: URL? = nil, environment: [String: String] = [:]) throws -> Run {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("whosaid-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let outURL = dir.appendingPathComponent("stdout"), errURL = dir.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = try binary()
        process.arguments = args
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = try stdin.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Run(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// A temporary directory with one good page, one empty file and one binary file.
    static func makeInputs() throws -> (dir: URL, good: String, empty: String, binary: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("whosaid-inputs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let good = dir.appendingPathComponent("a-good-page.html")
        try FileManager.default.copyItem(at: goodPage, to: good)
        let empty = dir.appendingPathComponent("b-empty.html")
        _ = FileManager.default.createFile(atPath: empty.path, contents: Data())
        let binary = dir.appendingPathComponent("c-binary.html")
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]
        var x: UInt32 = 2_463_534_242
        for _ in 0..<4096 {
            x ^= x << 13; x ^= x >> 17; x ^= x << 5
            bytes.append(UInt8(truncatingIfNeeded: x))
        }
        _ = FileManager.default.createFile(atPath: binary.path, contents: Data(bytes))
        return (dir, good.path, empty.path, binary.path)
    }

    static func object(_ line: String) throws -> [String: Any] {
        let json = try JSONSerialization.jsonObject(with: Data(line.utf8))
        guard let object = json as? [String: Any] else { throw CLIError("not a JSON object: \(line)") }
        return object
    }

    @Test func mixedInputsGiveOneLineEachInOrderAndExitOne() throws {
        let inputs = try Self.makeInputs()
        defer { try? FileManager.default.removeItem(at: inputs.dir) }
        let run = try Self.run(["extract", inputs.good, inputs.empty, inputs.binary])
        #expect(run.status == 1, "stderr: \(run.stderr)")
        let lines = run.lines
        try #require(lines.count == 3, "stdout: \(run.stdout)")

        let good = try Self.object(lines[0])
        #expect(good["path"] as? String == inputs.good)
        #expect((good["text"] as? String)?.contains("Skerrow Islands ferry") == true)
        #expect(good["error"] == nil)

        for (line, path) in [(lines[1], inputs.empty), (lines[2], inputs.binary)] {
            let bad = try Self.object(line)
            #expect(Set(bad.keys) == ["path", "error"], "\(line)")
            #expect(bad["path"] as? String == path)
            #expect((bad["error"] as? String)?.isEmpty == false)
            #expect(run.stderr.contains(path), "stderr does not mention \(path): \(run.stderr)")
        }
        #expect((try Self.object(lines[1])["error"] as? String)?.contains("empty") == true)
        #expect((try Self.object(lines[2])["error"] as? String)?.contains("binary") == true)
        #expect(!run.stderr.contains(inputs.good))
    }

    @Test func oneJobAndTwoJobsPrintTheSame() throws {
        let inputs = try Self.makeInputs()
        defer { try? FileManager.default.removeItem(at: inputs.dir) }
        let corpus = Self.packageRoot.appendingPathComponent("corpus/pages").path
        let args = ["extract", inputs.dir.path, corpus]
        let one = try Self.run(args + ["--jobs", "1"])
        let two = try Self.run(args + ["--jobs", "2"])
        #expect(one.status == 1)
        #expect(two.status == 1)
        #expect(one.lines.count >= 3 + 5)
        #expect(one.stdout == two.stdout)
    }

    @Test func dashReadsStdin() throws {
        let run = try Self.run(["extract", "-"], stdin: Self.goodPage)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        try #require(run.lines.count == 1, "stdout: \(run.stdout)")
        let doc = try Self.object(run.lines[0])
        #expect(doc["path"] as? String == "-")
        let digest = SHA256.hex(Array(try Data(contentsOf: Self.goodPage)))
        #expect(doc["id"] as? String == "sha256-" + digest.prefix(16))
        #expect(doc["title"] as? String == "Ferry operator adds winter sailings after island petition")
        #expect((doc["text"] as? String)?.contains("Skerrow Islands ferry") == true)
    }

    @Test func missingPathIsReportedNotFatal() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("whosaid-missing-\(UUID().uuidString).html").path
        let run = try Self.run(["extract", missing, Self.goodPage.path])
        #expect(run.status == 1)
        try #require(run.lines.count == 2, "stdout: \(run.stdout)")
        let bad = try Self.object(run.lines[0])
        #expect(bad["path"] as? String == missing)
        #expect(bad["error"] as? String == "no such file or directory")
        #expect(try Self.object(run.lines[1])["text"] != nil)
        #expect(run.stderr.contains(missing))
    }
}

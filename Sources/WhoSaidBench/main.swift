import Dispatch
import Foundation
import WhoSaidAnalysis
import WhoSaidCore
import WhoSaidExtract

// Extraction throughput against libxml2's own parse-only throughput, on one thread and on all
// cores. Run through scripts/bench, which builds this in release mode.

struct Page {
    var name: String
    var bytes: [UInt8]
}

func loadPages(_ paths: [String]) -> [Page] {
    InputFiles.expand(paths).compactMap { entry in
        guard entry.problem == nil, let raw = try? InputFiles.read(entry.path, limit: 1 << 30) else { return nil }
        let name = (entry.path as NSString).lastPathComponent
        let lower = name.lowercased()
        guard lower.contains(".htm") else { return nil }
        let bytes = Gzip.isGzip(raw) ? ((try? Gzip.decompress(raw)) ?? []) : raw
        return bytes.isEmpty ? nil : Page(name: name, bytes: bytes)
    }
}

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

/// Runs `work` over all pages `rounds` times on `threads` threads; returns seconds.
func time(_ pages: [Page], rounds: Int, threads: Int, _ work: @Sendable @escaping (Page) -> Void) -> Double {
    let start = now()
    let total = pages.count * rounds
    DispatchQueue.concurrentPerform(iterations: threads) { t in
        var i = t
        while i < total {
            work(pages[i % pages.count])
            i += threads
        }
    }
    return now() - start
}

func residentMB() -> Double {
    guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in s.split(separator: "\n") where line.hasPrefix("VmRSS:") {
        let kb = line.split(separator: " ").dropFirst().first.flatMap { Double($0) } ?? 0
        return kb / 1024
    }
    return 0
}

var args = Array(CommandLine.arguments.dropFirst())
if args.first == "analysis" {
    benchAnalysis(Array(args.dropFirst()))
    exit(0)
}
if args.first == "queries" {
    benchQueries(Array(args.dropFirst()))
    exit(0)
}
let rounds = Int(ProcessInfo.processInfo.environment["BENCH_ROUNDS"] ?? "") ?? 5
let pages = loadPages(args)
guard !pages.isEmpty else {
    FileHandle.standardError.write(Data("whosaid-bench: no .html pages under \(args)\n".utf8))
    exit(1)
}
let cores = ProcessInfo.processInfo.activeProcessorCount
let megabytes = Double(pages.reduce(0) { $0 + $1.bytes.count }) / 1_048_576

// Pages as libxml2 gets them during extraction: already decoded to UTF-8.
let decoded: [Page] = pages.map { p in
    let utf8 = (try? CharsetDecoder.decode(p.bytes, declared: nil, sniffMeta: true).utf8) ?? p.bytes
    return Page(name: p.name, bytes: utf8)
}

let extractor = HTMLExtractor()
// Warm up once (first-touch costs, lazily built tables).
for p in pages { _ = try? extractor.extract(p.bytes) }
let rssBefore = residentMB()

print("pages: \(pages.count) (\(String(format: "%.1f", megabytes)) MB), rounds: \(rounds), cores: \(cores); best of 3 runs")
/// Best of three timed runs (the machine may be busy with something else now and then).
func best(_ threads: Int, _ set: [Page], _ work: @Sendable @escaping (Page) -> Void) -> Double {
    (0..<3).map { _ in time(set, rounds: rounds, threads: threads, work) }.min()!
}
func report(_ label: String, _ seconds: Double) -> Double {
    let docs = Double(pages.count * rounds) / seconds
    let mbs = megabytes * Double(rounds) / seconds
    print(String(format: "%-36@ %8.1f docs/s %8.1f MB/s", label as NSString, docs, mbs))
    return docs
}
let parse1 = report("libxml2 parse only, 1 thread", best(1, decoded) { _ = LibXML2Baseline.parseOnly($0.bytes) })
let extract1 = report("extraction, 1 thread", best(1, pages) { _ = try? extractor.extract($0.bytes) })
_ = report("libxml2 parse only, \(cores) threads", best(cores, decoded) { _ = LibXML2Baseline.parseOnly($0.bytes) })
_ = report("extraction, \(cores) threads", best(cores, pages) { _ = try? extractor.extract($0.bytes) })
print(String(format: "extraction / parse-only (1 thread): %.0f%% (target >= 75%%)", extract1 / parse1 * 100))

// Memory stays flat: many more rounds must not grow the resident set.
_ = time(pages, rounds: rounds * 4, threads: cores) { _ = try? extractor.extract($0.bytes) }
print(String(format: "resident memory: %.1f MB after warm-up, %.1f MB after %d more documents", rssBefore, residentMB(), pages.count * rounds * 4))

/// Analysis throughput (tokens, sentences, quotes) in words per second over text files, one thread
/// and all cores, and the time to load the lexicons.
func benchAnalysis(_ paths: [String]) {
    let loadStart = now()
    let analyzer = Analyzer()
    var warm = Document(id: "w", path: "w", text: "“Lexicons load now,” she said.", paragraphs: [])
    analyzer.analyze(&warm)
    let loadSeconds = now() - loadStart
    let texts: [String] = InputFiles.expand(paths).compactMap { entry in
        guard entry.path.hasSuffix(".txt"), let bytes = try? InputFiles.read(entry.path, limit: 1 << 26) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
    guard !texts.isEmpty else {
        FileHandle.standardError.write(Data("whosaid-bench: no .txt files under \(paths)\n".utf8))
        exit(1)
    }
    let words = texts.reduce(0) { $0 + $1.split(whereSeparator: { $0.isWhitespace }).count }
    let docs = texts.map { Document(id: "d", path: "d", text: $0, paragraphs: []) }
    let rounds = Int(ProcessInfo.processInfo.environment["BENCH_ROUNDS"] ?? "") ?? 5
    print("texts: \(texts.count) (\(words) words), rounds: \(rounds); best of 3 runs")
    print(String(format: "lexicon and model loading and first document: %.3f s (target < 0.2 s)", loadSeconds))
    for threads in [1, ProcessInfo.processInfo.activeProcessorCount] {
        let best = (0..<3).map { _ -> Double in
            let start = now()
            let total = docs.count * rounds
            DispatchQueue.concurrentPerform(iterations: threads) { t in
                var i = t
                while i < total {
                    var d = docs[i % docs.count]
                    analyzer.analyze(&d)
                    i += threads
                }
            }
            return now() - start
        }.min()!
        print(String(format: "analysis, %d thread%@  %10.0f words/s (target >= 200,000 on one thread)",
            threads, threads == 1 ? " " : "s", Double(words * rounds) / best))
    }
}

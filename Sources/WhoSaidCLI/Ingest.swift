import ArgumentParser
import Dispatch
import Foundation
import WhoSaidCore
import WhoSaidExtract
import WhoSaidIngest
import WhoSaidStore

extension WhoSaid {
    struct Ingest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Extract, analyse and store article dumps in a WhoSaid database.",
            discussion: """
                Takes directories (recursively), pages (.html, .htm, .xhtml, .shtml), text dumps (.txt, .text), \
                WARC files (.warc, with response and resource records) and JSON Lines files (.jsonl, .ndjson: one \
                article per line with "html" or "text", and optional "id", "url", "title", "published", \
                "outlet"), any of them gzipped; '-' reads JSON Lines from stdin. Everything is streamed.

                Documents already in the database (same text) are skipped as duplicates, so running the same \
                command twice, or again after a crash, gives the same database. Writes are committed in \
                batches; Ctrl-C stops after the current batch (exit status 130).

                A failed document is recorded in the database's ingest_errors table with its path or WARC \
                record id and the reason; the rest go on. Exit status: 0 when every document was stored or \
                skipped, 1 when any failed, 2 when the database cannot be used.
                """
        )

        @OptionGroup var database: DatabaseOptions

        @Option(help: "Worker threads for extraction and analysis (the number of cores unless given).")
        var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

        @Option(name: .customLong("input-format"), help: "How to read page files: auto, html or text.")
        var inputFormat: InputFormatArgument = .auto

        @Option(name: .customLong("batch-size"), help: "Documents per transaction.")
        var batchSize: Int = 200

        @Option(name: .customLong("max-size"), help: "Refuse documents larger than this many MB.")
        var maxSizeMB: Int = DocumentExtractor.defaultMaxBytes / 1_048_576

        @Argument(help: "Files or directories, or '-' for JSON Lines on stdin.")
        var paths: [String]

        func validate() throws {
            if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
            if batchSize < 1 { throw ValidationError("--batch-size must be at least 1") }
            if maxSizeMB < 1 { throw ValidationError("--max-size must be at least 1") }
            if paths.isEmpty { throw ValidationError("give at least one path, or '-' for JSON Lines on stdin") }
        }

        func run() throws {
            let store: SQLiteStore
            do {
                store = try SQLiteStore(path: database.resolved)
            } catch let error as StoreError {
                Output.warn(error.description)
                throw ExitCode(2)
            }
            var options = IngestOptions(
                jobs: jobs, extractor: DocumentExtractor(format: inputFormat.format, maxBytes: maxSizeMB * 1_048_576))
            options.batchSize = batchSize
            let ingester = Ingester(store: store, options: options)

            // Ctrl-C: finish the current batch, print the summary, exit 130.
            signal(SIGINT, SIG_IGN)
            let interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
            interrupt.setEventHandler { ingester.cancel() }
            interrupt.resume()

            let line = ProgressLine(enabled: isatty(STDERR_FILENO) == 1)
            let summary: IngestSummary
            do {
                summary = try ingester.run(IngestInputs(paths: paths)) { line.show($0) }
            } catch {
                line.clear()
                Output.warn("ingest stopped: \(error)")
                throw ExitCode(2)
            }
            line.clear()
            do { try store.close() } catch { Output.warn("closing the database: \(error)") }
            Output.write(Self.report(summary, database: database.resolved), to: .standardError)
            if summary.interrupted { throw ExitCode(130) }
            if summary.failed > 0 { throw ExitCode(1) }
        }

        /// The final summary: stored, duplicates, failures by reason, skipped WARC records, time.
        static func report(_ s: IngestSummary, database: String) -> String {
            var lines: [String] = []
            let rate = s.elapsed > 0 ? Double(s.documents) / s.elapsed : 0
            lines.append(
                (s.interrupted ? "interrupted: " : "")
                    + "\(s.documents) documents in \(ProgressLine.duration(s.elapsed)) (\(Int(rate.rounded())) docs/s)"
                    + " into \(database)")
            lines.append("  stored:      \(s.stored)")
            lines.append("  duplicates:  \(s.duplicates) (already stored, skipped)")
            lines.append("  failed:      \(s.failed)" + (s.failed > 0 ? " (recorded in ingest_errors)" : ""))
            for (reason, n) in s.failures.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
                lines.append("    \(n)  \(reason)")
            }
            let skipped = s.skipped.values.reduce(0, +)
            if skipped > 0 {
                lines.append("  skipped WARC records: \(skipped)")
                for (reason, n) in s.skipped.sorted(by: { $0.key < $1.key }) { lines.append("    \(n)  \(reason)") }
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }
}

/// The one-line progress display on a terminal's stderr, rewritten in place.
final class ProgressLine: @unchecked Sendable {
    let enabled: Bool
    private var shown = false

    init(enabled: Bool) { self.enabled = enabled }

    func show(_ p: IngestProgress) {
        guard enabled else { return }
        let rate = p.elapsed > 0 ? Double(p.documents) / p.elapsed : 0
        var text = "\(p.documents) documents, \(Int(rate.rounded())) docs/s, \(p.failed) errors"
        if let total = p.totalBytes, total > 0 {
            let share = min(1, Double(p.bytesRead) / Double(total))
            text += ", \(Self.size(p.bytesRead)) of \(Self.size(total)) (\(Int(share * 100))%)"
            if share > 0.001 {
                text += ", ETA \(Self.duration(p.elapsed * (1 - share) / share))"
            }
        } else {
            text += ", \(Self.size(p.bytesRead)) read"
        }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
        shown = true
    }

    func clear() {
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        shown = false
    }

    static func size(_ bytes: Int64) -> String {
        let mb = Double(bytes) / 1_048_576
        return mb >= 1024 ? String(format: "%.1f GB", mb / 1024) : String(format: "%.1f MB", mb)
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        if seconds < 60 { return String(format: "%.1f s", seconds) }
        if s < 3600 { return "\(s / 60) min \(s % 60) s" }
        return "\(s / 3600) h \(s % 3600 / 60) min"
    }
}

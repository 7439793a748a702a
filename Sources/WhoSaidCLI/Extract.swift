import ArgumentParser
import Foundation
import WhoSaidCore
import WhoSaidExtract

extension WhoSaid {
    struct Extract: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Extract articles and print one JSON object per document (JSON Lines).",
            discussion: """
                Reads files and directories (recursively; .gz transparently), or one document from stdin \
                given as '-'. Prints documents to stdout in input order; a document that fails prints \
                {"path": ..., "error": ...} in its place and a line on stderr. Exits 1 if any failed. \
                The format is described in docs/document-format.md.
                """
        )

        @Option(name: .customLong("input-format"), help: "auto, html or text.")
        var inputFormat: InputFormatArgument = .auto

        @Flag(help: "Keep text inputs exactly as they are (offsets index the input file).")
        var verbatim = false

        @Option(help: "Worker threads (default: the number of cores).")
        var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

        @Option(name: .customLong("max-size"), help: "Refuse inputs larger than this many MB.")
        var maxSizeMB: Int = DocumentExtractor.defaultMaxBytes / 1_048_576

        @Argument(help: "Files or directories, or '-' for stdin.")
        var paths: [String]

        func validate() throws {
            if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
            if maxSizeMB < 1 { throw ValidationError("--max-size must be at least 1") }
            if paths.isEmpty { throw ValidationError("give at least one path, or '-' for stdin") }
        }

        func run() throws {
            let extractor = DocumentExtractor(
                format: inputFormat.format, verbatim: verbatim, maxBytes: maxSizeMB * 1_048_576)
            let entries = paths.flatMap { $0 == "-" ? [InputFiles.Entry(path: "-")] : InputFiles.expand([$0]) }
            let stdin = paths.contains("-") ? Output.readStdin() : nil
            var failed = 0
            var pending = Data()
            BatchRunner(jobs: jobs, extractor: extractor).run(entries, stdin: stdin) { result in
                switch result {
                case .success(let doc):
                    pending.append(contentsOf: doc.jsonLine())
                case .failure(let failure):
                    failed += 1
                    Output.warn(failure.description)
                    pending.append(contentsOf: failure.jsonLine())
                }
                pending.append(0x0A)
                if pending.count > 1 << 20 {
                    FileHandle.standardOutput.write(pending)
                    pending.removeAll(keepingCapacity: true)
                }
            }
            FileHandle.standardOutput.write(pending)
            if failed > 0 {
                Output.warn("\(failed) of \(entries.count) documents failed")
                throw ExitCode(1)
            }
        }
    }
}

enum InputFormatArgument: String, ExpressibleByArgument, CaseIterable {
    case auto, html, text
    var format: InputFormat { InputFormat(rawValue: rawValue)! }
}

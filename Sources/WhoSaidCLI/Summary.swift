import ArgumentParser
import Foundation
import WhoSaidCore
import WhoSaidExtract

extension WhoSaid {
    struct Summary: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Extract articles and print a readable summary of each (title, outlet, date, size, opening).")

        @Option(help: "Worker threads (default: the number of cores).")
        var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

        @Argument(help: "Files or directories.")
        var paths: [String]

        func run() throws {
            let entries = InputFiles.expand(paths)
            var failed = 0, done = 0
            BatchRunner(jobs: jobs, extractor: DocumentExtractor()).run(entries, stdin: nil) { result in
                switch result {
                case .success(let doc):
                    done += 1
                    var lines = ["\(doc.path)", "  title:     \(doc.title ?? "—")"]
                    lines.append("  outlet:    \(doc.outlet ?? "—")    published: \(doc.published ?? "—")")
                    if !doc.authors.isEmpty { lines.append("  authors:   \(doc.authors.joined(separator: ", "))") }
                    let words = doc.text.split(whereSeparator: \.isWhitespace).count
                    lines.append("  text:      \(doc.paragraphs.count) paragraphs, \(words) words")
                    if let first = doc.paragraphs.first {
                        let opening = doc[first]
                        lines.append("  opening:   " + (opening.count > 110 ? String(opening.prefix(110)) + "…" : opening))
                    }
                    Output.write(lines.joined(separator: "\n") + "\n\n")
                case .failure(let failure):
                    failed += 1
                    Output.warn(failure.description)
                }
            }
            Output.write("\(done) documents extracted, \(failed) failed\n")
            if failed > 0 { throw ExitCode(1) }
        }
    }
}

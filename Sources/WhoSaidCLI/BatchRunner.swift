import Dispatch
import Foundation
import WhoSaidCore
import WhoSaidAnalysis
import WhoSaidExtract

/// Runs extraction over many inputs on `jobs` threads, handing results back in input order, a
/// window at a time so memory stays bounded however many inputs there are.
struct BatchRunner {
    var jobs: Int
    var extractor: DocumentExtractor
    /// Runs after extraction on each document; nil to extract only.
    var analyzer: Analyzer? = Analyzer()

    /// Calls `emit` once per input, in input order, with its document or its failure.
    func run(_ entries: [InputFiles.Entry], stdin: [UInt8]?, emit: (Result<Document, DocumentFailure>) -> Void) {
        let window = max(1, jobs) * 16
        var start = 0
        while start < entries.count {
            let slice = Array(entries[start..<min(entries.count, start + window)])
            let slots = Slots<Result<Document, DocumentFailure>>(count: slice.count)
            let workers = max(1, min(jobs, slice.count))
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var i = worker
                while i < slice.count {
                    slots[i] = process(slice[i], stdin: stdin)
                    i += workers
                }
            }
            for i in 0..<slice.count { emit(slots[i]!) }
            start += window
        }
    }

    private func process(_ entry: InputFiles.Entry, stdin: [UInt8]?) -> Result<Document, DocumentFailure> {
        if let problem = entry.problem { return .failure(DocumentFailure(path: entry.path, error: problem)) }
        do {
            let bytes: [UInt8]
            if entry.path == "-" {
                bytes = stdin ?? []
            } else {
                bytes = try InputFiles.read(entry.path, limit: extractor.maxBytes)
            }
            var doc = try extractor.extract(InputItem(path: entry.path, bytes: bytes))
            analyzer?.analyze(&doc)
            return .success(doc)
        } catch {
            return .failure(DocumentFailure(path: entry.path, error: "\(error)"))
        }
    }
}

/// Fixed slots written by different threads, each slot by exactly one.
final class Slots<T>: @unchecked Sendable {
    private var storage: [T?]
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    subscript(i: Int) -> T? {
        get { storage.withUnsafeBufferPointer { $0[i] } }
        set { storage.withUnsafeMutableBufferPointer { $0[i] = newValue } }
    }
}

/// Buffered writes to stdout and stderr.
enum Output {
    static func write(_ s: String, to handle: FileHandle = .standardOutput) {
        handle.write(Data(s.utf8))
    }

    static func warn(_ s: String) {
        FileHandle.standardError.write(Data(("whosaid: " + s + "\n").utf8))
    }

    static func readStdin() -> [UInt8] {
        [UInt8](FileHandle.standardInput.readDataToEndOfFile())
    }
}

import Foundation
import WhoSaidAnalysis
import WhoSaidCore
import WhoSaidExtract
import WhoSaidStore

/// How an ingest runs.
public struct IngestOptions: Sendable {
    /// Extract-and-analyse worker threads.
    public var jobs: Int
    /// Documents per transaction.
    public var batchSize = 200
    /// Text bytes per transaction, whichever limit comes first.
    public var batchBytes = 16 << 20
    public var extractor: DocumentExtractor

    public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount, extractor: DocumentExtractor = DocumentExtractor()) {
        self.jobs = max(1, jobs)
        self.extractor = extractor
    }
}

/// Where an ingest stands, for a progress line.
public struct IngestProgress: Sendable {
    /// Documents done: stored, duplicates and failures.
    public var documents = 0
    public var stored = 0
    public var duplicates = 0
    public var failed = 0
    /// Input bytes up to the last document done (read-ahead not counted), for "X of Y" and the ETA.
    public var bytesRead: Int64 = 0
    /// All input bytes, when known (not for stdin).
    public var totalBytes: Int64?
    public var elapsed: Double = 0
}

/// What an ingest did.
public struct IngestSummary: Sendable {
    public var stored = 0
    public var duplicates = 0
    /// Failed documents by reason (the reason's general part: `corrupt gzip data`, `empty input`).
    public var failures: [String: Int] = [:]
    /// WARC records passed over, by reason (`HTTP status not 200`, `not HTML`).
    public var skipped: [String: Int] = [:]
    public var bytesRead: Int64 = 0
    public var elapsed: Double = 0
    /// Stopped early by ``Ingester/cancel()``; everything committed before is kept.
    public var interrupted = false

    public var failed: Int { failures.values.reduce(0, +) }
    public var documents: Int { stored + duplicates + failed }
}

/// Batch ingest: readers → parallel extraction and analysis → one writer committing batches.
///
/// A reader thread walks the inputs (files, WARC records, JSON lines) and feeds a bounded queue;
/// `jobs` workers extract, hash and analyse; the calling thread puts the results back in input order
/// and writes them in transactions of ``IngestOptions/batchSize`` documents. Input order makes a
/// re-run after a crash store the rest exactly where an uninterrupted run would have.
public final class Ingester: @unchecked Sendable {
    private let store: DocumentStore
    private let options: IngestOptions
    private let analyzer = Analyzer()
    private let cancelled = Locked(false)
    /// The running ingest's ordered results, closed by ``cancel()`` so that a writer waiting for a slow
    /// input (an idle stdin) stops too.
    private let running = Locked<Reorderer<(Outcome, Int64)>?>(nil)
    private let bytesRead = Locked<Int64>(0)
    private let skipped = Locked<[String: Int]>([:])

    public init(store: DocumentStore, options: IngestOptions = IngestOptions()) {
        self.store = store
        self.options = options
    }

    /// Stops after the current batch (safe from any thread, e.g. a SIGINT handler).
    public func cancel() {
        cancelled.withLock { $0 = true }
        running.current?.close()
    }

    private var isCancelled: Bool { cancelled.current }

    fileprivate enum Outcome {
        case document(StoredDocument)
        case duplicate
        case failure(DocumentFailure)
    }

    /// Ingests everything in `inputs`; `progress` is called from this thread about twice a second.
    public func run(_ inputs: IngestInputs, progress: ((IngestProgress) -> Void)? = nil) throws -> IngestSummary {
        let start = Date()
        let queue = BlockingQueue<(Int, WorkItem, Int64)>(capacity: options.jobs * 4)
        let results = Reorderer<(Outcome, Int64)>(window: options.jobs * 32)
        running.withLock { $0 = results }
        defer { running.withLock { $0 = nil } }
        if isCancelled { results.close() }
        let workers = DispatchGroup()

        let reader = Thread { [self] in
            var count = 0
            read(inputs) { item in
                guard queue.put((count, item, bytesRead.current)) else { return false }
                count += 1
                return !isCancelled
            }
            results.finish(total: count)
            queue.close()
        }
        reader.stackSize = 8 << 20
        reader.start()
        for _ in 0..<options.jobs {
            workers.enter()
            let worker = Thread { [self] in
                while let (index, item, position) = queue.take() {
                    if !results.put(index, (process(item), position)) { break }
                }
                workers.leave()
            }
            worker.stackSize = 16 << 20
            worker.start()
        }

        var summary = IngestSummary()
        var batch = StoreBatch()
        var batchBytes = 0
        var lastReport = Date.distantPast
        var position: Int64 = 0
        func flush() throws {
            guard !batch.isEmpty else { return }
            let outcome = try store.write(batch)
            summary.stored += outcome.stored
            summary.duplicates += outcome.duplicates
            batch = StoreBatch()
            batchBytes = 0
        }
        do {
            while let (outcome, inputPosition) = results.take() {
                position = inputPosition
                switch outcome {
                case .document(let doc):
                    batch.documents.append(doc)
                    batchBytes += doc.document.text.utf8.count
                case .duplicate:
                    summary.duplicates += 1
                case .failure(let failure):
                    batch.failures.append(failure)
                    summary.failures[Self.generalReason(failure.error), default: 0] += 1
                }
                if batch.documents.count >= options.batchSize || batch.failures.count >= options.batchSize
                    || batchBytes >= options.batchBytes
                {
                    try flush()
                }
                if isCancelled {
                    summary.interrupted = true
                    break
                }
                if let progress, Date().timeIntervalSince(lastReport) >= 0.5 {
                    lastReport = Date()
                    var p = IngestProgress()
                    p.stored = summary.stored + batch.documents.count
                    p.duplicates = summary.duplicates
                    p.failed = summary.failed
                    p.documents = p.stored + p.duplicates + p.failed
                    p.bytesRead = position
                    p.totalBytes = inputs.totalBytes
                    p.elapsed = lastReport.timeIntervalSince(start)
                    progress(p)
                }
            }
            // Cancelled: what was taken is committed; results not yet taken are left for a re-run.
            if isCancelled { summary.interrupted = true }
            try flush()
        } catch {
            cancel()
            queue.close(discarding: true)
            results.close()
            throw error
        }
        if summary.interrupted {
            queue.close(discarding: true)
            results.close()
        } else {
            workers.wait()
        }
        summary.skipped = skipped.current
        summary.bytesRead = bytesRead.current
        summary.elapsed = Date().timeIntervalSince(start)
        return summary
    }

    /// `corrupt gzip data: truncated …` → `corrupt gzip data`; `truncated WARC record (10 of 20 bytes)`
    /// → `truncated WARC record`: reasons grouped for the summary (each failure is stored in full).
    static func generalReason(_ reason: String) -> String {
        var cut = reason.endIndex
        if let r = reason.range(of: ": ") { cut = min(cut, r.lowerBound) }
        if let r = reason.range(of: " (") { cut = min(cut, r.lowerBound) }
        return String(reason[..<cut])
    }

    // MARK: - Reading

    /// Walks the inputs, handing each work item to `emit` until it returns false.
    private func read(_ inputs: IngestInputs, emit: (WorkItem) -> Bool) {
        let maxBytes = options.extractor.maxBytes
        let count: @Sendable (Int) -> Void = { [bytesRead] n in bytesRead.withLock { $0 += Int64(n) } }
        for input in inputs.inputs {
            if let problem = input.problem {
                guard emit(.failure(DocumentFailure(path: input.path, error: "cannot read: \(problem)"))) else { return }
                continue
            }
            switch input.kind {
            case .document:
                bytesRead.withLock { $0 += input.size ?? 0 }
                guard emit(.file(path: input.path)) else { return }
            case .warc:
                do {
                    var reader = try WARCReader(
                        path: input.path, source: try FileByteSource(path: input.path, onRead: count), maxBytes: maxBytes)
                    defer { addSkipped(reader.skipped) }
                    while let item = reader.next() {
                        guard emit(item) else { return }
                    }
                } catch {
                    guard emit(.failure(DocumentFailure(path: input.path, error: "\(error)"))) else { return }
                }
            case .jsonLines, .stdin:
                do {
                    let source: ByteSource = input.kind == .stdin
                        ? FileByteSource(descriptor: 0, onRead: count) : try FileByteSource(path: input.path, onRead: count)
                    var reader = try JSONLinesReader(name: input.path, source: source, maxBytes: maxBytes)
                    while let item = reader.next() {
                        guard emit(item) else { return }
                    }
                } catch {
                    guard emit(.failure(DocumentFailure(path: input.path, error: "\(error)"))) else { return }
                }
            }
        }
    }

    private func addSkipped(_ counts: [String: Int]) {
        skipped.withLock { total in
            for (reason, n) in counts { total[reason, default: 0] += n }
        }
    }

    // MARK: - Extracting and analysing

    private func process(_ item: WorkItem) -> Outcome {
        let extractor = options.extractor
        do {
            var doc: Document
            switch item {
            case .failure(let failure):
                return .failure(failure)
            case .file(let path):
                let bytes = try InputFiles.read(path, limit: extractor.maxBytes)
                doc = try extractor.extract(InputItem(path: path, bytes: bytes))
            case .record(let record):
                doc = try extractor.extract(record.input)
                doc.id = record.documentID
                doc.path = record.source
                record.overrides.apply(to: &doc)
            }
            let hash = DocumentHash.of(doc.text)
            // Already stored (a re-run, or the same article twice): skip the analysis.
            if (try? store.contains(contentHash: hash)) == true { return .duplicate }
            analyzer.analyze(&doc)
            return .document(StoredDocument(document: doc, contentHash: hash))
        } catch {
            let path: String
            switch item {
            case .file(let p): path = p
            case .record(let r): path = r.source
            case .failure(let f): path = f.path
            }
            return .failure(DocumentFailure(path: path, error: "\(error)"))
        }
    }
}

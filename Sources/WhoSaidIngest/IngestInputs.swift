import Foundation
import WhoSaidCore
import WhoSaidExtract

/// What `whosaid ingest` was given, expanded into files of known kinds.
public struct IngestInputs: Sendable {
    public enum Kind: Sendable, Equatable {
        /// A page or text dump (gzipped or not): one document.
        case document
        /// A WARC file, `.warc` or `.warc.gz`.
        case warc
        /// JSON Lines, `.jsonl`/`.ndjson`, gzipped or not.
        case jsonLines
        /// JSON Lines on stdin.
        case stdin
    }

    public struct Input: Sendable, Equatable {
        public var path: String
        public var kind: Kind
        /// Set when the path cannot be read (it is then recorded as a failure).
        public var problem: String?
        /// Bytes on disk, when known.
        public var size: Int64?
    }

    public var inputs: [Input]
    /// Bytes on disk of all input files (compressed sizes for gzip); nil with stdin.
    public var totalBytes: Int64?

    /// Expands paths: directories recursively (pages, text dumps, WARC and JSON Lines files, gzipped
    /// or not), files by their extension, `-` for JSON Lines on stdin.
    public init(paths: [String]) {
        var inputs: [Input] = []
        var total: Int64? = 0
        for path in paths {
            if path == "-" {
                inputs.append(Input(path: "-", kind: .stdin))
                total = nil
                continue
            }
            for entry in InputFiles.expand([path], accept: IngestInputs.isIngestible) {
                var input = Input(path: entry.path, kind: IngestInputs.kind(of: entry.path), problem: entry.problem)
                if entry.problem == nil, let size = try? FileManager.default.attributesOfItem(atPath: entry.path)[.size]
                    as? NSNumber
                {
                    input.size = size.int64Value
                    total = total.map { $0 + size.int64Value }
                }
                inputs.append(input)
            }
        }
        self.inputs = inputs
        self.totalBytes = total
    }

    static let containerExtensions: Set<String> = ["warc", "jsonl", "ndjson"]

    /// Files taken from directories: pages, text dumps, WARC and JSON Lines files, gzipped or not.
    static func isIngestible(_ name: String) -> Bool {
        InputFiles.isInput(name) || containerExtensions.contains(innerExtension(name))
    }

    /// The extension under a `.gz`: `warc` for `x.warc.gz`.
    static func innerExtension(_ name: String) -> String {
        var ext = (name as NSString).pathExtension.lowercased()
        if ext == "gz" { ext = ((name as NSString).deletingPathExtension as NSString).pathExtension.lowercased() }
        return ext
    }

    public static func kind(of path: String) -> Kind {
        switch innerExtension(path) {
        case "warc": return .warc
        case "jsonl", "ndjson": return .jsonLines
        default: return .document
        }
    }
}

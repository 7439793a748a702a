import Foundation
import WhoSaidCore
import WhoSaidExtract

/// Reads JSON Lines exports (one article per line: `html` or `text`, optional `id`, `url`, `title`,
/// `published`, `outlet`, `wire`) a line at a time, from a file (gzipped or not) or stdin.
///
/// A broken line is a failure for that line (`dump.jsonl:7`), and reading goes on with the next one.
public struct JSONLinesReader {
    /// The name used in sources: the file's path, or `-` for stdin.
    public let name: String
    private let reader: BufferedReader
    private let maxBytes: Int
    private var lineNumber = 0

    public init(name: String, source: ByteSource, maxBytes: Int = DocumentExtractor.defaultMaxBytes) throws {
        self.name = name
        self.reader = BufferedReader(name.lowercased().hasSuffix(".gz") ? try GzipByteSource(source) : source)
        self.maxBytes = maxBytes
    }

    /// The next record or failure, nil at the end.
    public mutating func next() -> WorkItem? {
        while true {
            let line: BufferedReader.Line
            do {
                guard let l = try reader.readLine(limit: maxBytes) else { return nil }
                line = l
            } catch {
                lineNumber += 1
                // Nothing can be read after a broken stream (corrupt gzip, read error).
                let failure = DocumentFailure(path: "\(name):\(lineNumber)", error: "\(error)")
                skipRest()
                return .failure(failure)
            }
            lineNumber += 1
            let source = "\(name):\(lineNumber)"
            switch line {
            case .tooLong:
                return .failure(DocumentFailure(
                    path: source, error: "line longer than the \(maxBytes / 1_048_576) MB limit (see --max-size)"))
            case .line(let bytes):
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                return Self.item(bytes, source: source)
            }
        }
    }

    private mutating func skipRest() {
        while (try? reader.readLine(limit: 0)) != nil {}
    }

    static func item(_ bytes: [UInt8], source: String) -> WorkItem {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            return .failure(DocumentFailure(path: source, error: "invalid JSON"))
        }
        guard let record = object as? [String: Any] else {
            return .failure(DocumentFailure(path: source, error: "not a JSON object"))
        }
        func string(_ key: String) -> String? {
            guard let s = record[key] as? String else { return nil }
            let trimmed = s.trimmingSpaces()
            return trimmed.isEmpty ? nil : trimmed
        }
        let input: InputItem
        if let html = record["html"] as? String, !html.isEmpty {
            input = InputItem(path: source, bytes: Array(html.utf8), format: .html, charset: "utf-8", url: string("url"))
        } else if let text = record["text"] as? String, !text.isEmpty {
            input = InputItem(path: source, bytes: Array(text.utf8), format: .text, charset: "utf-8", url: string("url"))
        } else {
            return .failure(DocumentFailure(path: source, error: "no 'html' or 'text' field with content"))
        }
        let id = string("id") ?? (record["id"] as? Int).map(String.init) ?? source
        let overrides = MetadataOverrides(
            url: string("url"), title: string("title"),
            published: string("published") ?? (record["published"] as? Int).map(String.init), outlet: string("outlet"),
            wire: string("wire"))
        return .record(RecordInput(input: input, source: source, documentID: id, overrides: overrides))
    }
}

import WhoSaidCore
import WhoSaidExtract

/// Reads a WARC file (plain or gzipped, one member per record as CC-NEWS ships them) record by
/// record, turning `response` records (HTTP 200, HTML) and `resource` records into work items.
///
/// Memory holds one record at a time. A record larger than `maxBytes` is skipped over, not read. A
/// truncated last record (or truncated gzip) is reported as a failure; the records before it are kept.
public struct WARCReader {
    public let path: String
    private let reader: BufferedReader
    private let maxBytes: Int
    private var done = false

    /// Records that are not articles, counted by reason (`HTTP status not 200`, `not HTML`).
    public private(set) var skipped: [String: Int] = [:]

    public init(path: String, source: ByteSource, maxBytes: Int = DocumentExtractor.defaultMaxBytes) throws {
        self.path = path
        let name = path.lowercased()
        self.reader = BufferedReader(name.hasSuffix(".gz") ? try GzipByteSource(source) : source)
        self.maxBytes = maxBytes
    }

    /// The next article or failure, or nil at the end of the file. Records that are not articles are
    /// counted in ``skipped`` and passed over.
    public mutating func next() -> WorkItem? {
        while !done {
            do {
                guard let header = try readHeader() else {
                    done = true
                    return nil
                }
                if let item = try readBlock(header) { return item }
            } catch let failure as DocumentFailure {
                done = true
                return .failure(failure)
            } catch {
                done = true
                return .failure(DocumentFailure(path: path, error: "\(error)"))
            }
        }
        return nil
    }

    struct Header {
        var fields: [String: String] = [:]
        var offset = 0
        subscript(name: String) -> String? { fields[name.lowercased()] }
        var recordID: String? { self["WARC-Record-ID"] }
    }

    /// The next record's header, nil at a clean end of file.
    private mutating func readHeader() throws -> Header? {
        var header = Header()
        // Skip blank lines between records, then expect the version line.
        while true {
            header.offset = reader.offset
            guard let line = try reader.readLine(limit: 1 << 16) else { return nil }
            guard case .line(let bytes) = line else {
                throw DocumentFailure(path: path, error: "not a WARC file (no WARC/1.x line at byte \(header.offset))")
            }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            guard bytes.starts(with: Array("WARC/".utf8)) else {
                throw DocumentFailure(path: path, error: "not a WARC file (no WARC/1.x line at byte \(header.offset))")
            }
            break
        }
        while true {
            guard let line = try reader.readLine(limit: 1 << 16), case .line(let bytes) = line else {
                throw DocumentFailure(path: source(header), error: "truncated WARC record (header cut short)")
            }
            if bytes.isEmpty { break }
            let text = String(decoding: bytes, as: UTF8.self)
            guard let colon = text.firstIndex(of: ":") else { continue }
            let name = text[..<colon].trimmingSpaces().lowercased()
            header.fields[name] = text[text.index(after: colon)...].trimmingSpaces()
        }
        return header
    }

    private func source(_ header: Header) -> String {
        header.recordID.map { "\(path)#\($0)" } ?? "\(path)@\(header.offset)"
    }

    private mutating func readBlock(_ header: Header) throws -> WorkItem? {
        let source = source(header)
        guard let lengthText = header["Content-Length"], let length = Int(lengthText), length >= 0 else {
            throw DocumentFailure(path: source, error: "WARC record without a valid Content-Length")
        }
        let type = header["WARC-Type"]?.lowercased() ?? ""
        guard type == "response" || type == "resource" else {
            try skipBlock(length, source: source)
            return nil
        }
        if length > maxBytes {
            try skipBlock(length, source: source)
            return .failure(DocumentFailure(
                path: source, error: ExtractionError.tooLarge(bytes: length, limit: maxBytes).description))
        }
        let block: [UInt8]
        do {
            block = try reader.read(count: length)
        } catch {
            throw DocumentFailure(path: source, error: "truncated WARC record: \(error)")
        }
        guard block.count == length else {
            throw DocumentFailure(
                path: source, error: "truncated WARC record (\(block.count) of \(length) bytes)")
        }
        let url = header["WARC-Target-URI"].map { $0.trimming("<>") }
        let id = (header.recordID ?? source).trimming("<>")
        var payload: ArraySlice<UInt8>
        var contentType: String?
        if type == "response" {
            guard let http = HTTPResponse(block) else {
                return .failure(DocumentFailure(path: source, error: "response record without an HTTP header"))
            }
            guard http.status == 200 else {
                skipped["HTTP status not 200", default: 0] += 1
                return nil
            }
            contentType = http["Content-Type"]
            payload = http.body
            if http["Transfer-Encoding"]?.lowercased().contains("chunked") == true {
                guard let body = HTTPResponse.dechunk(payload) else {
                    return .failure(DocumentFailure(path: source, error: "broken chunked transfer encoding"))
                }
                payload = body[...]
            }
        } else {
            contentType = header["Content-Type"]
            payload = block[...]
        }
        let mime = contentType.map(MediaType.init) ?? MediaType("")
        let format: InputFormat
        switch mime.type {
        case "text/html", "application/xhtml+xml": format = .html
        case "text/plain" where type == "resource": format = .text
        case "" where InputSniffer.looksLikeHTML(Array(payload.prefix(4096))): format = .html
        default:
            skipped["not HTML", default: 0] += 1
            return nil
        }
        let input = InputItem(path: source, bytes: Array(payload), format: format, charset: mime.charset, url: url)
        return .record(RecordInput(input: input, source: source, documentID: id))
    }

    private mutating func skipBlock(_ length: Int, source: String) throws {
        let skipped: Int
        do {
            skipped = try reader.skip(count: length)
        } catch {
            throw DocumentFailure(path: source, error: "truncated WARC record: \(error)")
        }
        if skipped < length {
            throw DocumentFailure(path: source, error: "truncated WARC record (\(skipped) of \(length) bytes)")
        }
    }
}

/// The status and headers of an HTTP response stored in a WARC record, and its body.
struct HTTPResponse {
    var status: Int
    var headers: [String: String] = [:]
    var body: ArraySlice<UInt8>

    subscript(name: String) -> String? { headers[name.lowercased()] }

    init?(_ block: [UInt8]) {
        // The header ends at the first blank line (CRLF CRLF, or LF LF from sloppy writers).
        var end: Int?
        var bodyStart = 0
        var i = 0
        while i + 1 < block.count {
            if block[i] == 0x0A {
                if block[i + 1] == 0x0A { end = i; bodyStart = i + 2; break }
                if block[i + 1] == 0x0D, i + 2 < block.count, block[i + 2] == 0x0A { end = i; bodyStart = i + 3; break }
            }
            i += 1
        }
        guard let end else { return nil }
        let lines = String(decoding: block[..<end], as: UTF8.self).split(whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        guard let statusLine = lines.first, statusLine.hasPrefix("HTTP/") else { return nil }
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, let status = Int(parts[1]) else { return nil }
        self.status = status
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].trimmingSpaces().lowercased()] = line[line.index(after: colon)...].trimmingSpaces()
        }
        body = block[bodyStart...]
    }

    /// Decodes `Transfer-Encoding: chunked`; nil when the chunk sizes are broken.
    static func dechunk(_ body: ArraySlice<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        var i = body.startIndex
        while i < body.endIndex {
            guard let nl = body[i...].firstIndex(of: 0x0A) else { return nil }
            let sizeText = String(decoding: body[i..<nl], as: UTF8.self)
                .split(separator: ";").first.map { $0.trimmingSpaces() } ?? ""
            guard let size = Int(sizeText, radix: 16), size >= 0 else { return nil }
            if size == 0 { return out }
            let start = nl + 1
            guard start + size <= body.endIndex else { return nil }
            out.append(contentsOf: body[start..<start + size])
            i = start + size
            if i < body.endIndex, body[i] == 0x0D { i += 1 }
            if i < body.endIndex, body[i] == 0x0A { i += 1 }
        }
        return out
    }
}

/// `text/html; charset=ISO-8859-1` as its type and charset.
struct MediaType {
    var type: String
    var charset: String?

    init(_ value: String) {
        let parts = value.split(separator: ";")
        type = parts.first.map { $0.trimmingSpaces().lowercased() } ?? ""
        for p in parts.dropFirst() {
            let kv = p.split(separator: "=", maxSplits: 1)
            if kv.count == 2, kv[0].trimmingSpaces().lowercased() == "charset" {
                charset = kv[1].trimmingSpaces().trimming("\"'")
            }
        }
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String { trimming(" \t\r\n") }

    /// Drops leading and trailing scalars found in `set` (scalars, so that `\r` and `\n` count apart).
    func trimming(_ set: String) -> String {
        let scalars = Set(set.unicodeScalars)
        var view = Substring(self).unicodeScalars
        while let f = view.first, scalars.contains(f) { view.removeFirst() }
        while let l = view.last, scalars.contains(l) { view.removeLast() }
        return String(view)
    }
}

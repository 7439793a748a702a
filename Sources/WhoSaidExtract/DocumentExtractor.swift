import Foundation
import WhoSaidCore

/// What kind of input a file holds.
public enum InputFormat: String, Sendable, CaseIterable {
    case auto, html, text
}

/// One input to extract: bytes plus what is known about them.
public struct InputItem: Sendable {
    public var path: String
    public var bytes: [UInt8]
    public var format: InputFormat
    /// Charset from HTTP or WARC headers.
    public var charset: String?
    public var url: String?

    public init(path: String, bytes: [UInt8], format: InputFormat = .auto, charset: String? = nil, url: String? = nil) {
        self.path = path
        self.bytes = bytes
        self.format = format
        self.charset = charset
        self.url = url
    }
}

/// Turns inputs (pages or text dumps, gzipped or not) into documents: the extraction stage's front.
public struct DocumentExtractor: Sendable {
    public var format: InputFormat
    public var verbatim: Bool
    /// Inputs larger than this (after decompression) are refused.
    public var maxBytes: Int

    public static let defaultMaxBytes = 64 * 1_048_576

    public init(format: InputFormat = .auto, verbatim: Bool = false, maxBytes: Int = DocumentExtractor.defaultMaxBytes) {
        self.format = format
        self.verbatim = verbatim
        self.maxBytes = maxBytes
    }

    public func extract(_ item: InputItem) throws -> Document {
        var bytes = item.bytes
        var name = (item.path as NSString).lastPathComponent
        if Gzip.isGzip(bytes) || name.hasSuffix(".gz") {
            guard Gzip.isGzip(bytes) else { throw ExtractionError.corruptGzip("not gzip data") }
            bytes = try Gzip.decompress(bytes, limit: maxBytes)
            if name.hasSuffix(".gz") { name.removeLast(3) }
        }
        guard !bytes.isEmpty else { throw ExtractionError.emptyInput }
        guard bytes.count <= maxBytes else { throw ExtractionError.tooLarge(bytes: bytes.count, limit: maxBytes) }
        guard !InputSniffer.looksBinary(bytes) else { throw ExtractionError.binaryContent }
        let id = DocumentExtractor.documentID(fileName: name, bytes: bytes)

        switch resolvedFormat(item.format == .auto ? format : item.format, name: name, bytes: bytes) {
        case .html:
            let article = try HTMLExtractor().extract(bytes, charset: item.charset, url: item.url)
            var builder = TextBuilder()
            for p in article.paragraphs { builder.append(paragraph: p) }
            var doc = Document(
                id: id, path: item.path, url: article.url ?? item.url, title: article.title, authors: article.authors,
                published: article.published, outlet: article.outlet, language: article.language,
                text: builder.text, paragraphs: builder.paragraphs)
            doc.wire = article.wire
            return doc
        case .text, .auto:
            let dump = try TextDumpExtractor(verbatim: verbatim).extract(bytes, charset: item.charset)
            // A dump with a known address is named by its site, as a page is.
            var outlet = dump.outlet
            if let host = item.url.flatMap(PageMetadata.host) {
                outlet = OutletNamer().name(hosts: [host], candidates: [dump.outlet].compactMap { $0 }) ?? outlet
            }
            return Document(
                id: id, path: item.path, url: item.url, title: dump.title, outlet: outlet, text: dump.text,
                paragraphs: dump.paragraphs)
        }
    }

    private func resolvedFormat(_ format: InputFormat, name: String, bytes: [UInt8]) -> InputFormat {
        if format != .auto { return format }
        let lower = name.lowercased()
        if lower.hasSuffix(".html") || lower.hasSuffix(".htm") || lower.hasSuffix(".xhtml") || lower.hasSuffix(".shtml") {
            return .html
        }
        if lower.hasSuffix(".txt") || lower.hasSuffix(".text") { return .text }
        return InputSniffer.looksLikeHTML(bytes) ? .html : .text
    }

    /// The file name without `.html`, `.txt` and the like; stdin and nameless inputs get an id from
    /// their content.
    static func documentID(fileName: String, bytes: [UInt8]) -> String {
        var stem = fileName
        for ext in [".html", ".htm", ".xhtml", ".shtml", ".txt", ".text"] where stem.lowercased().hasSuffix(ext) {
            stem.removeLast(ext.count)
            break
        }
        if stem.isEmpty || stem == "-" { return "sha256-" + SHA256.hex(bytes).prefix(16) }
        return stem
    }
}

/// Expands paths into files: directories recursively (sorted, hidden files skipped).
public enum InputFiles {
    public struct Entry: Sendable {
        public var path: String
        /// Set when the path cannot be read.
        public var problem: String?

        public init(path: String, problem: String? = nil) {
            self.path = path
            self.problem = problem
        }
    }

    /// Files named in `paths`, with directories listed recursively; `accept` picks the files taken
    /// from directories (a file named on the command line is always taken).
    public static func expand(_ paths: [String], accept: (String) -> Bool = isInput) -> [Entry] {
        var out: [Entry] = []
        let fm = FileManager.default
        for path in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                out.append(Entry(path: path, problem: "no such file or directory"))
                continue
            }
            if !isDir.boolValue { out.append(Entry(path: path)); continue }
            guard let enumerator = fm.enumerator(atPath: path) else {
                out.append(Entry(path: path, problem: "cannot list directory"))
                continue
            }
            var files: [String] = []
            while let rel = enumerator.nextObject() as? String {
                if (rel as NSString).lastPathComponent.hasPrefix(".") { enumerator.skipDescendants(); continue }
                let full = (path as NSString).appendingPathComponent(rel)
                var sub: ObjCBool = false
                if fm.fileExists(atPath: full, isDirectory: &sub), !sub.boolValue, accept(rel) { files.append(full) }
            }
            out += files.sorted().map { Entry(path: $0) }
        }
        return out
    }

    /// File types taken from directories (a file named on the command line is always taken).
    public static let inputExtensions: Set<String> = ["html", "htm", "xhtml", "shtml", "txt", "text"]

    /// Whether a file found in a directory is an input: a page or text dump, gzipped or not.
    public static func isInput(_ name: String) -> Bool {
        var ext = (name as NSString).pathExtension.lowercased()
        if ext == "gz" { ext = ((name as NSString).deletingPathExtension as NSString).pathExtension.lowercased() }
        return inputExtensions.contains(ext)
    }

    /// Reads a whole file, or fails with a reason a person can act on.
    public static func read(_ path: String, limit: Int) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ExtractionError.unreadable("no such file or directory")
        }
        if isDirectory.boolValue { throw ExtractionError.unreadable("is a directory") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            if !FileManager.default.isReadableFile(atPath: path) { throw ExtractionError.unreadable("permission denied") }
            throw ExtractionError.unreadable("cannot open")
        }
        defer { try? handle.close() }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size > limit && !path.hasSuffix(".gz") { throw ExtractionError.tooLarge(bytes: size, limit: limit) }
        do {
            let data = try handle.readToEnd() ?? Data()
            return [UInt8](data)
        } catch {
            throw ExtractionError.unreadable(error.localizedDescription)
        }
    }
}

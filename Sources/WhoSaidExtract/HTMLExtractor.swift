import Glibc

/// What extraction finds in one page or text dump: the article's paragraphs and its metadata.
public struct ExtractedArticle: Sendable, Equatable {
    public var title: String?
    public var authors: [String]
    public var published: String?
    public var outlet: String?
    /// The wire service the page credits (`Associated Press`), when the outlet carries a wire story.
    public var wire: String?
    public var url: String?
    public var language: String?
    public var paragraphs: [String]
    /// The charset the input was read as.
    public var charset: String?

    public init(
        title: String? = nil, authors: [String] = [], published: String? = nil, outlet: String? = nil,
        url: String? = nil, language: String? = nil, paragraphs: [String], charset: String? = nil, wire: String? = nil
    ) {
        self.title = title
        self.authors = authors
        self.published = published
        self.outlet = outlet
        self.wire = wire
        self.url = url
        self.language = language
        self.paragraphs = paragraphs
        self.charset = charset
    }
}

/// Gets the article out of an HTML page: decode, parse with libxml2, find the body, read metadata.
public struct HTMLExtractor: Sendable {
    public init() {}

    /// - Parameters:
    ///   - html: the page's bytes, in any charset.
    ///   - charset: the charset named by HTTP or WARC headers, if any.
    ///   - url: the page's address, if known (for resolving a relative canonical link).
    public func extract(_ html: [UInt8], charset: String? = nil, url: String? = nil) throws -> ExtractedArticle {
        guard !html.isEmpty else { throw ExtractionError.emptyInput }
        let decoded = try CharsetDecoder.decode(html, declared: charset, sniffMeta: true)
        return try extract(utf8: decoded.utf8, charset: decoded.charset, url: url)
    }

    /// Extraction from bytes already known to be UTF-8.
    func extract(utf8: [UInt8], charset: String, url: String?) throws -> ExtractedArticle {
        guard InputSniffer.looksLikeHTML(utf8) else { throw ExtractionError.notHTML }
        let page = try PageParser.parse(utf8: utf8, url: url)
        let namer = OutletNamer()
        var meta = PageMetadata(meta: page.meta, pageURL: url, pageTexts: { page.blocks.map(\.text) }, namer: namer)
        let finder = BodyFinder(page: page)
        var paragraphs = finder.bodyBlocks(title: meta.title).map(\.text)
        if let trace = getenv("WHOSAID_TRACE_EXTRACT"), trace.pointee != 0 {
            let trace = finder.debugDescription(title: meta.title) + "\n"
            _ = trace.withCString { write(2, $0, strlen($0)) }
        }
        // A page whose markup hides the body (rendered by script) may still carry it in JSON-LD.
        if let body = meta.articleBody {
            let found = paragraphs.reduce(0) { $0 + $1.count }
            if body.count > 200 && found < body.count / 3 {
                paragraphs = body.split(whereSeparator: \.isNewline).map { String($0).collapsedWhitespace() }
                    .filter { !$0.isEmpty }
            }
        }
        guard !paragraphs.isEmpty else { throw ExtractionError.noArticleText }
        if meta.wire == nil {
            meta.wire = namer.wire(authors: [], publishers: [], firstParagraph: paragraphs.first, outlet: meta.outlet)
        }
        if meta.authors.isEmpty || meta.published == nil {
            let visible = finder.visibleBylineAndDate(before: paragraphs.first)
            if meta.authors.isEmpty { meta.authors = visible.authors }
            if meta.published == nil { meta.published = visible.date }
        }
        return ExtractedArticle(
            title: meta.title, authors: meta.authors, published: meta.published, outlet: meta.outlet, url: meta.url,
            language: meta.language, paragraphs: paragraphs, charset: charset, wire: meta.wire)
    }
}

/// Cheap checks on raw bytes: is this a page, text, or neither?
public enum InputSniffer {
    /// Binary data: NUL bytes or many control characters in the first 4 KB.
    public static func looksBinary(_ bytes: [UInt8]) -> Bool {
        let head = bytes.prefix(4096)
        guard !head.isEmpty else { return false }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return false }  // UTF-16 text
        var controls = 0
        for b in head {
            if b == 0 { return true }
            if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x1B { controls += 1 }
        }
        return controls * 20 > head.count
    }

    /// Markup in the first 64 KB: an HTML tag we know (case-insensitive).
    public static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        let tags: [[UInt8]] = ["html", "!doctype html", "head", "body", "p>", "p ", "div", "article", "meta", "title",
            "br", "h1", "h2", "span", "table", "a href"].map { Array($0.utf8) }
        let n = min(bytes.count, 65_536)
        var i = 0
        while i < n {
            if bytes[i] == 0x3C {
                for tag in tags where i + 1 + tag.count <= n {
                    var k = 0
                    while k < tag.count {
                        let c = bytes[i + 1 + k]
                        if (c >= 65 && c <= 90 ? c + 32 : c) != tag[k] { break }
                        k += 1
                    }
                    if k == tag.count { return true }
                }
            }
            i += 1
        }
        return false
    }
}

/// libxml2's own work on a page, without ours: parse with the options extraction uses, then free.
/// The benchmark compares extraction against this.
public enum LibXML2Baseline {
    public static func parseOnly(_ utf8: [UInt8]) -> Bool {
        PageParser.parseAndFree(utf8: utf8)
    }
}

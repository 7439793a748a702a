import WhoSaidCore

/// Gets the article out of a scraped text dump: one paragraph per line (blank lines between
/// paragraphs are optional), the first line being the headline.
///
/// By default page boilerplate lines (newsletter prompts, related-article lists, other stories'
/// bylines) are dropped by ``TextDumpCleaner``. With `verbatim`, the input text is kept exactly so that
/// offsets index the input file; paragraphs are then its non-blank lines.
public struct TextDumpExtractor: Sendable {
    public var verbatim: Bool

    public init(verbatim: Bool = false) { self.verbatim = verbatim }

    /// A text dump as a document's text and paragraph ranges, plus what the dump says about itself.
    public struct Result: Sendable {
        public var text: String
        public var paragraphs: [TextRange]
        public var title: String?
        public var outlet: String?
        public var charset: String
    }

    public func extract(_ bytes: [UInt8], charset: String? = nil) throws -> Result {
        guard !bytes.isEmpty else { throw ExtractionError.emptyInput }
        guard !InputSniffer.looksBinary(bytes) else { throw ExtractionError.binaryContent }
        let decoded = try CharsetDecoder.decode(bytes, declared: charset, sniffMeta: false)
        let text = String(decoding: decoded.utf8, as: UTF8.self)
        let lines = TextDumpExtractor.lines(of: text)
        guard lines.contains(where: { !$0.text.isBlank }) else { throw ExtractionError.noArticleText }
        let cleaning = TextDumpCleaner.clean(lines.map(\.text))
        let title = lines.first(where: { !$0.text.isBlank }).map { $0.text.trimmed() }.flatMap {
            $0.count <= 300 ? $0 : nil
        }
        if verbatim {
            let paragraphs = lines.filter { !$0.text.isBlank }.map { $0.range }
            return Result(text: text, paragraphs: paragraphs, title: title, outlet: cleaning.outlet, charset: decoded.charset)
        }
        var builder = TextBuilder()
        for index in cleaning.kept { builder.append(paragraph: lines[index].text.trimmed()) }
        guard !builder.isEmpty else { throw ExtractionError.noArticleText }
        return Result(
            text: builder.text, paragraphs: builder.paragraphs, title: title, outlet: cleaning.outlet,
            charset: decoded.charset)
    }

    struct Line {
        var text: String
        /// Code-point range of the line without its line break and trailing whitespace.
        var range: TextRange
    }

    /// Splits at `\n`, `\r\n` and `\r`, keeping code-point ranges into `text`.
    static func lines(of text: String) -> [Line] {
        var out: [Line] = []
        var current = String.UnicodeScalarView()
        var start = 0
        var offset = 0
        var previousCR = false
        func finish() {
            var end = offset
            var trimmed = current
            while let last = trimmed.last, last.properties.isWhitespace {
                trimmed.removeLast()
                end -= 1
            }
            out.append(Line(text: String(trimmed), range: TextRange(start: start, end: max(start, end))))
            current = String.UnicodeScalarView()
        }
        for u in text.unicodeScalars {
            if u == "\n" {
                if previousCR { previousCR = false; offset += 1; start = offset; continue }
                finish()
                offset += 1
                start = offset
            } else if u == "\r" {
                finish()
                offset += 1
                start = offset
                previousCR = true
            } else {
                previousCR = false
                current.append(u)
                offset += 1
            }
        }
        if !current.isEmpty { finish() }
        // Leading whitespace is not part of a paragraph's range either.
        return out.map { line in
            var l = line
            let lead = line.text.unicodeScalars.prefix(while: { $0.properties.isWhitespace }).count
            if lead > 0 {
                l.range = TextRange(start: line.range.start + lead, end: max(line.range.start + lead, line.range.end))
                l.text = String(line.text.unicodeScalars.dropFirst(lead))
            }
            return l
        }
    }
}

extension String {
    var isBlank: Bool { unicodeScalars.allSatisfy { $0.properties.isWhitespace } }
}

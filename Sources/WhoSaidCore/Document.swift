/// An article as every stage sees it: its text, where it came from, what the page says about it,
/// and the annotations later stages add.
///
/// `text` is never rewritten once a document exists; every range points into it in code points
/// (see ``TextRange``). Paragraphs are separated by a blank line in `text` and listed in
/// `paragraphs`, because quotes in news run over paragraphs and later stages need the boundaries.
public struct Document: Sendable, Codable, Equatable {
    /// A stable identifier: the file stem for files, or a content-derived id for stdin and archives.
    public var id: String
    /// Where the document was read from (a path, `-` for stdin, or `archive#record`).
    public var path: String
    public var url: String?
    public var title: String?
    public var authors: [String]
    /// Published date as ISO 8601 (`2020-11-14` or `2020-11-14T21:30:00Z`), when the page gives one.
    public var published: String?
    public var outlet: String?
    /// The wire service the page credits (`Associated Press`, `Reuters`) when the outlet carries its story;
    /// the outlet is always the site that published the page.
    public var wire: String?
    /// BCP 47 language tag (`en`, `en-GB`) when the page declares one.
    public var language: String?
    public var text: String
    public var paragraphs: [TextRange]
    /// What the analysis stage found: people, organisations, outlets, factions and quotes.
    public var annotations = Annotations()

    public init(
        id: String, path: String, url: String? = nil, title: String? = nil, authors: [String] = [],
        published: String? = nil, outlet: String? = nil, language: String? = nil,
        text: String, paragraphs: [TextRange]
    ) {
        self.id = id
        self.path = path
        self.url = url
        self.title = title
        self.authors = authors
        self.published = published
        self.outlet = outlet
        self.language = language
        self.text = text
        self.paragraphs = paragraphs
    }

    private enum CodingKeys: String, CodingKey {
        case id, path, url, title, authors, published, outlet, wire, language, text, paragraphs
    }

    /// Every key is written, `null` included, so that consumers see one stable shape.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(path, forKey: .path)
        try c.encode(url, forKey: .url)
        try c.encode(title, forKey: .title)
        try c.encode(authors, forKey: .authors)
        try c.encode(published, forKey: .published)
        try c.encode(outlet, forKey: .outlet)
        try c.encode(wire, forKey: .wire)
        try c.encode(language, forKey: .language)
        try c.encode(text, forKey: .text)
        try c.encode(paragraphs, forKey: .paragraphs)
    }

    /// The text a range covers.
    public subscript(range: TextRange) -> String {
        text.unicodeScalars.slice(range)
    }
}

extension String.UnicodeScalarView {
    /// The scalars in a code-point range, as a string. O(range.end) for a view; prefer
    /// ``ScalarText`` when slicing one text many times.
    public func slice(_ range: TextRange) -> String {
        let from = index(startIndex, offsetBy: range.start)
        let to = index(from, offsetBy: range.count)
        return String(self[from..<to])
    }
}

/// A text held as an array of scalars, for O(1) code-point slicing.
public struct ScalarText: Sendable {
    public let scalars: [Unicode.Scalar]

    public init(_ text: String) { scalars = Array(text.unicodeScalars) }

    public var count: Int { scalars.count }

    public subscript(range: TextRange) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range.start..<range.end])
        return String(view)
    }
}

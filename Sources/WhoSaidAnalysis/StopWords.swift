import Foundation

/// A stop-word list: one word per line, lower case, `#` starts a comment, blank lines ignored.
///
/// The English list ships inside the library as a resource (`Resources/stopwords-english.txt`), a copy of
/// `stopwords/english.txt` at the repository root, which stays the source of truth; see
/// `stopwords/README.md` for how to refresh the copy.
public struct StopWords: Sendable, Equatable {
    /// The words, lower-cased.
    public let words: Set<String>
    /// The same words, for ``contains(_:)``: asked for most tokens of every document.
    private let table: StringTable<Bool>

    public init<S: Sequence>(words: S) where S.Element == String {
        self.words = Set(words.map { $0.lowercased() })
        table = StringTable(members: self.words)
    }

    /// Parses the list format: `#` to the end of a line is a comment; surrounding whitespace is dropped.
    public init(parsing text: String) {
        var words = Set<String>()
        for line in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            var body = Substring(line)
            if let hash = body.firstIndex(of: "#") { body = body[..<hash] }
            let word = body.trimmingCharacters(in: .whitespaces)
            if !word.isEmpty { words.insert(word.lowercased()) }
        }
        self.words = words
        table = StringTable(members: words)
    }

    /// Reads a list file.
    public init(contentsOf url: URL) throws {
        let data = try Data(contentsOf: url)
        self.init(parsing: String(decoding: data, as: UTF8.self))
    }

    /// True when `norm` (a ``Token/norm``, lower case) is on the list.
    public func contains(_ norm: String) -> Bool { table.contains(norm) }

    public static func == (a: StopWords, b: StopWords) -> Bool { a.words == b.words }

    public var count: Int { words.count }

    /// Where the bundled English list is, or nil when the resource bundle is missing.
    public static var bundledEnglishURL: URL? {
        BundledResource.url("stopwords-english", "txt")
    }

    /// Loads the bundled English list.
    public static func loadEnglish() throws -> StopWords {
        guard let url = bundledEnglishURL else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey:
                "WhoSaidAnalysis resource stopwords-english.txt not found next to the executable"])
        }
        return try StopWords(contentsOf: url)
    }

    /// The bundled English list, loaded once. A missing resource bundle is a packaging error and stops
    /// the program with a message; call ``loadEnglish()`` to handle it instead.
    public static let english: StopWords = {
        do {
            return try loadEnglish()
        } catch {
            fatalError("cannot load the English stop words: \(error)")
        }
    }()
}

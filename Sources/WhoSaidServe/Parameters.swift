import WhoSaidAggregate

/// The query-string parameters of a request, checked: a value longer than ``maximumLength`` or a
/// number out of range is refused with a 400 before anything reads the store.
struct Parameters {
    /// The longest value taken: names, words and ids are short, and suggesting close names costs
    /// time in proportion to the length.
    static let maximumLength = 500

    private var values: [String: [String]] = [:]

    init(_ pairs: [(String, String)]) throws {
        for (key, value) in pairs {
            guard value.utf8.count <= Self.maximumLength else {
                throw ServeError.badRequest(
                    "The value of '\(Escape.brief(key, limit: 40))' is too long (\(value.count) characters; at most \(Self.maximumLength)).")
            }
            values[key, default: []].append(value)
        }
    }

    /// The last non-empty value of `key` (a form sends empty fields), trimmed.
    subscript(key: String) -> String? {
        guard let value = values[key]?.last?.trimmingWhitespace(), !value.isEmpty else { return nil }
        return value
    }

    /// Every non-empty value of `key`, each also split at commas (`type=person,outlet`).
    func all(_ key: String) -> [String] {
        (values[key] ?? []).flatMap { $0.split(separator: ",") }.map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    /// A whole number in `range`; nil when absent.
    func integer(_ key: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = self[key] else { return nil }
        guard let n = Int(text), range.contains(n) else {
            throw ServeError.badRequest(
                "'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(Escape.brief(text))'.")
        }
        return n
    }

    /// The filters of `whosaid query`, under the names of its options.
    static let filterNames = ["speaker", "source", "about", "outlet", "faction", "kind", "since", "until", "article"]

    /// The filters of `whosaid query` (no limit).
    func filter() throws -> ClaimFilter {
        var f = ClaimFilter()
        f.speaker = self["speaker"]
        f.source = self["source"]
        f.about = self["about"]
        f.outlet = self["outlet"]
        f.faction = self["faction"]
        f.since = self["since"]
        f.until = self["until"]
        f.article = self["article"]
        if let kind = self["kind"] {
            guard ["direct", "indirect", "mixed"].contains(kind) else {
                throw ServeError.badRequest("'kind' must be direct, indirect or mixed, not '\(Escape.brief(kind))'.")
            }
            f.kind = kind
        }
        return f
    }

    /// `type` of the speakers and sources reports, checked.
    func types() throws -> [String] {
        let kinds = ["person", "organization", "outlet", "faction", "group", "anonymous"]
        let types = all("type")
        if let bad = types.first(where: { !kinds.contains($0) }) {
            throw ServeError.badRequest("'type' must be one of \(kinds.joined(separator: ", ")), not '\(Escape.brief(bad))'.")
        }
        return types
    }

    /// The pairs of the filters given, for links that keep them.
    func filterPairs(_ f: ClaimFilter) -> [(String, String?)] {
        [("speaker", f.speaker), ("source", f.source), ("about", f.about), ("outlet", f.outlet), ("faction", f.faction),
         ("kind", f.kind), ("since", f.since), ("until", f.until), ("article", f.article)]
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}

/// A request the server answers with an error page (or JSON object) rather than what was asked.
struct ServeError: Error {
    enum Kind { case badRequest, notFound }

    var kind: Kind
    var message: String
    /// Close names or candidates, each with the page it leads to.
    var suggestions: [(label: String, href: Href)] = []

    static func badRequest(_ message: String, suggestions: [(label: String, href: Href)] = []) -> ServeError {
        ServeError(kind: .badRequest, message: message, suggestions: suggestions)
    }

    static func notFound(_ message: String, suggestions: [(label: String, href: Href)] = []) -> ServeError {
        ServeError(kind: .notFound, message: message, suggestions: suggestions)
    }

    /// The errors of the queries, as pages: an unknown name is not found (with the close names,
    /// each a link made by `link`), a bad date or search is a bad request.
    static func from(_ error: QueryError, link: (_ option: String, _ name: String) -> Href) -> ServeError {
        switch error {
        case .unknownName(let option, let name, let suggestions):
            let parameter = String(option.dropFirst(2))
            return .notFound(
                "No \(parameter) is named '\(Escape.brief(name))' in the database."
                    + (suggestions.isEmpty ? "" : " Did you mean one of these?"),
                suggestions: suggestions.map { ($0, link(parameter, $0)) })
        case .badDate(let option, let value):
            return .badRequest("'\(option.dropFirst(2))': '\(Escape.brief(value))' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD).")
        case .badFullText(let query, let reason):
            return .badRequest("Cannot search for '\(Escape.brief(query))': \(Escape.brief(reason, limit: 200)).")
        case .empty:
            return .notFound("The database holds no articles yet; add some with 'whosaid ingest'.")
        }
    }

    /// The errors of `show`, as pages.
    static func from(_ error: ShowError) -> ServeError {
        switch error {
        case .notFound(let id, let suggestions):
            return .notFound(
                "Nobody and nothing is named '\(Escape.brief(id))' in the database."
                    + (suggestions.isEmpty ? "" : " Did you mean one of these?"),
                suggestions: suggestions.map { ($0, Href.entity(named: $0)) })
        case .ambiguous(let name, let candidates):
            return .badRequest(
                "'\(Escape.brief(name))' may be any of these; choose one.",
                suggestions: candidates.map { ($0, Href.entity(named: $0)) })
        case .described(let name, let articles):
            return .badRequest(
                "'\(Escape.brief(name))' describes a different speaker in each of \(articles.count) articles; choose one.",
                suggestions: articles.prefix(50).map { ($0, Href.article($0)) })
        }
    }
}

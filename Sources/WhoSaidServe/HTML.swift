/// An HTML document being written. Markup goes in only as string literals (`StaticString`); every
/// other value goes through an escaping writer for its context (text, attribute, URL), so a value
/// from the store or the URL cannot become markup by forgetting to escape it.
struct HTML {
    private(set) var output = ""

    init() { output.reserveCapacity(16_384) }

    /// Markup written as is: literals only.
    mutating func raw(_ markup: StaticString) {
        markup.withUTF8Buffer { output += String(decoding: $0, as: UTF8.self) }
    }

    /// Text content, escaped (`& < > " '`). Also right for SVG text, which is XML.
    mutating func text(_ value: String) { output += Escape.text(value) }

    mutating func text(_ value: Int) { output += String(value) }

    /// `<name attr="value" …>`, each value escaped for a double-quoted attribute.
    mutating func open(_ name: StaticString, _ attributes: [(StaticString, String)] = []) {
        raw("<")
        raw(name)
        for (key, value) in attributes {
            raw(" ")
            raw(key)
            raw("=\"")
            output += Escape.attribute(value)
            raw("\"")
        }
        raw(">")
    }

    mutating func close(_ name: StaticString) {
        raw("</")
        raw(name)
        raw(">")
    }

    /// `<name …>text</name>`.
    mutating func element(_ name: StaticString, _ attributes: [(StaticString, String)] = [], text value: String) {
        open(name, attributes)
        text(value)
        close(name)
    }

    /// `<name …>` … `</name>` around what `body` writes.
    mutating func element(_ name: StaticString, _ attributes: [(StaticString, String)] = [], _ body: (inout HTML) -> Void) {
        open(name, attributes)
        body(&self)
        close(name)
    }

    /// A link to one of the server's own pages.
    mutating func link(_ href: Href, _ label: String, _ attributes: [(StaticString, String)] = []) {
        element("a", [("href", href.value)] + attributes, text: label)
    }

    /// A link when the target is known, else the label as text.
    mutating func link(_ href: Href?, _ label: String) {
        if let href { link(href, label) } else { text(label) }
    }
}

/// The escaping functions, one per context.
enum Escape {
    /// For text content and SVG text.
    static func text(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// For a double-quoted attribute value (the same characters as text).
    static func attribute(_ s: String) -> String { text(s) }

    /// Percent-encodes everything but the unreserved characters of RFC 3986, so that a value is one
    /// path segment or one query value whatever it holds (`/`, `:`, `?`, `#`, `&`, spaces).
    static func urlComponent(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                out += "%"
                out.unicodeScalars.append(hex[Int(byte >> 4)])
                out.unicodeScalars.append(hex[Int(byte & 15)])
            }
        }
        return out
    }

    /// `s` cut to `limit` characters with `…`: what an error page may echo of an input.
    static func brief(_ s: String, limit: Int = 80) -> String {
        s.count > limit ? String(s.prefix(limit)) + "…" : s
    }
}

/// A URL of one of the server's pages, its parts percent-encoded when it is made.
struct Href: Equatable {
    let value: String

    private init(_ value: String) { self.value = value }

    static let search = Href("/")
    static let speakers = Href("/speakers")
    static let sources = Href("/sources")
    static let stylesheet = Href("/style.css")

    static func claim(_ id: Int64) -> Href { Href("/claims/\(id)") }
    static func article(_ id: String) -> Href { Href("/articles/" + Escape.urlComponent(id)) }
    static func entity(_ id: Int64) -> Href { Href("/entities/\(id)") }
    static func entity(named name: String) -> Href { Href("/entities/" + Escape.urlComponent(name)) }
    static func outlet(named name: String) -> Href { Href("/outlets/" + Escape.urlComponent(name)) }
    static func outlet(_ id: Int64) -> Href { Href("/outlets/\(id)") }

    /// A speaker's page: by row id when known, else by name.
    static func speaker(_ id: Int64?, name: String) -> Href { id.map(entity) ?? entity(named: name) }

    /// `path?k=v&…` with the values given (empty ones left out), each percent-encoded.
    static func page(_ base: Href, _ query: [(String, String?)]) -> Href {
        let pairs = query.compactMap { key, value in
            value.flatMap { $0.isEmpty ? nil : Escape.urlComponent(key) + "=" + Escape.urlComponent($0) }
        }
        return Href(pairs.isEmpty ? base.value : base.value + "?" + pairs.joined(separator: "&"))
    }
}

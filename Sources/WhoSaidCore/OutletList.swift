import Foundation

/// The editable list of news outlets (`Resources/outlets.tsv`): each outlet's name as its readers know it,
/// the other names it goes by, and the web domains it publishes on.
///
/// It lives in Core because two stages read it: extraction names an article's outlet from its site's
/// domain, and analysis finds outlets named in the text (it reads ``tsv`` with its own matching rules).
public struct OutletList: Sendable {
    /// One listed outlet.
    public struct Entry: Sendable, Equatable {
        /// The name as readers know it: the list's canonical name without its `~`/`!` marks and without
        /// a qualifier in parentheses at its end (`The Star (Sheffield)` → `The Star`).
        public var name: String
        /// Other names, without their `!` marks.
        public var aliases: [String]
        /// Hosts, lower case, without `www.`.
        public var domains: [String]
    }

    public private(set) var entries: [Entry] = []
    private var byDomain: [String: Int] = [:]
    private var byName: [String: Int] = [:]

    /// The bundled list, loaded once.
    public static let shared = OutletList(tsv: tsv)

    /// The bundled file's text (comments included).
    public static let tsv: String = {
        guard let url = Bundle.module.url(forResource: "outlets", withExtension: "tsv", subdirectory: "Resources")
            ?? Bundle.module.url(forResource: "outlets", withExtension: "tsv"),
            let data = try? Data(contentsOf: url)
        else {
            fatalError("WhoSaidCore resource outlets.tsv not found next to the executable")
        }
        return String(decoding: data, as: UTF8.self)
    }()

    /// Parses `canonical<TAB>aliases<TAB>domains` lines; `#` lines are comments.
    public init(tsv: String) {
        for raw in tsv.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            guard !raw.hasPrefix("#") else { continue }
            let cols = raw.split(separator: "\t", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard let first = cols.first, !first.isEmpty else { continue }
            let name = Self.displayName(first)
            let aliases = cols.count > 1
                ? cols[1].split(separator: "|").map { Self.displayName(String($0)) }.filter { !$0.isEmpty } : []
            let domains = cols.count > 2
                ? cols[2].split(separator: "|").map { Self.bareHost(String($0)) }.filter { !$0.isEmpty } : []
            let index = entries.count
            entries.append(Entry(name: name, aliases: aliases, domains: domains))
            for d in domains where byDomain[d] == nil { byDomain[d] = index }
            for n in [name] + aliases {
                let key = Self.nameKey(n)
                if !key.isEmpty && byName[key] == nil { byName[key] = index }
            }
        }
    }

    /// The outlet publishing on `host` (`edition.cnn.com` → CNN): the entry of the longest listed domain
    /// that is the host or a parent of it.
    public func entry(forHost host: String) -> Entry? {
        var h = Substring(Self.bareHost(host))
        while !h.isEmpty {
            if let i = byDomain[String(h)] { return entries[i] }
            guard let dot = h.firstIndex(of: ".") else { break }
            h = h[h.index(after: dot)...]
            if !h.contains(".") { break }  // a bare TLD is never a site
        }
        return nil
    }

    /// The outlet a name or alias denotes, ignoring case, punctuation and a leading "the"
    /// (`the guardian`, `NYTimes` → The New York Times).
    public func entry(named name: String) -> Entry? {
        let key = Self.nameKey(name)
        if let i = byName[key] { return entries[i] }
        // `TheHill` is The Hill.
        if key.hasPrefix("the"), key.count > 5, let i = byName[String(key.dropFirst(3))] { return entries[i] }
        return nil
    }

    /// `www.Example.com.` → `example.com` (also drops a port and `m.`/`amp.` mobile prefixes).
    public static func bareHost(_ host: String) -> String {
        var h = host.lowercased().trimmingCharacters(in: .whitespaces)
        if let colon = h.firstIndex(of: ":") { h = String(h[..<colon]) }
        while h.hasSuffix(".") { h.removeLast() }
        for prefix in ["www.", "m.", "amp.", "mobile."] where h.hasPrefix(prefix) && h.split(separator: ".").count > 2 {
            h.removeFirst(prefix.count)
        }
        return h
    }

    /// The list's marks (`~`, `!`) and a trailing `(qualifier)` removed.
    static func displayName(_ raw: String) -> String {
        var s = Substring(raw)
        while let c = s.first, c == "~" || c == "!" { s = s.dropFirst() }
        if s.hasSuffix(")"), let open = s.lastIndex(of: "("), open > s.startIndex {
            s = s[..<open]
        }
        return s.trimmingCharacters(in: .whitespaces)
    }

    /// Letters and digits, lower case, without a leading "the": the key names are compared by.
    public static func nameKey(_ name: String) -> String {
        var words = name.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "&" })
        if words.count > 1, words.first == "the" { words.removeFirst() }
        return words.joined()
    }
}

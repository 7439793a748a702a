import Foundation
import WhoSaidCore

/// The word lists behind ``EntityTagger``, loaded once from the bundled resources (`outlets.tsv`, from
/// WhoSaidCore's ``OutletList``; `organisations.tsv`, `factions.tsv`, `titles.txt`, `first-names.txt`; each file's header says where it
/// came from). Lexicon phrases are tokenized with ``Tokenizer`` so they match token norms exactly.
struct EntityLexicon: Sendable {
    /// One listed entity.
    struct Entry: Sendable {
        var kind: Entity.Kind
        var name: String
        /// The list's aliases (surface forms), reported for outlets.
        var aliases: [String]
        /// Surnames whose -ite/-ism forms mean this faction.
        var eponyms: [String]
    }

    /// How a phrase's words must be written in the text.
    struct Form: Sendable {
        var entry: Int32
        /// Bit i: token i must start with a capital.
        var upper: UInt32
        /// Bit i: token i must start with a lower-case letter (`!` phrases).
        var lower: UInt32
        /// Bit i: token i must be all capitals.
        var allCaps: UInt32
        /// Set when the form is an eponym (`corbynite`): the entry's eponym surname norm.
        var eponym: String?
    }

    struct Node: Sendable {
        var children: [String: Int32] = [:]
        var forms: [Form] = []
    }

    /// Word classes (bit flags) from titles.txt.
    struct WordClass: OptionSet, Sendable {
        let rawValue: UInt8
        static let honorific = WordClass(rawValue: 1)
        static let office = WordClass(rawValue: 2)
        static let role = WordClass(rawValue: 4)
        static let modifier = WordClass(rawValue: 8)
    }

    var entries: [Entry] = []
    var nodes: [Node] = [Node()]
    var wordClass = StringTable<WordClass>([:])
    /// First names, lower case (a string table: looked up for most capitalised words).
    var firstNames = StringTable<Bool>([:])
    /// The root node's children again, for quick lookups: ``TaggingRun/lexiconMatch(at:)`` starts
    /// there at nearly every word of a document.
    var rootChildren = StringTable<Int32>([:])
    /// Faction eponym stems (lower case) → entry, for `Corbynite`-style words.
    var eponymEntry: [String: Int32] = [:]

    static let shared: EntityLexicon = EntityLexicon(loading: true)

    init() {}

    init(loading: Bool) {
        let tokenizer = Tokenizer()
        // outlets.tsv lives in WhoSaidCore, which extraction reads for its domains too.
        let files = [(OutletList.tsv, Entity.Kind.outlet), (Self.resource("organisations", "tsv"), .organization),
            (Self.resource("factions", "tsv"), .faction)]
        for (text, kind) in files {
            for line in Self.lines(text) {
                let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard let first = cols.first, !first.isEmpty else { continue }
                var canonical = first
                var matchCanonical = true
                var strictCanonical = false
                if canonical.hasPrefix("~") { canonical.removeFirst(); matchCanonical = false }
                if canonical.hasPrefix("!") { canonical.removeFirst(); strictCanonical = true }
                // `The Star (Sheffield)`: the qualifier only tells same-named entries apart.
                if canonical.hasSuffix(")"), let open = canonical.lastIndex(of: "("), open > canonical.startIndex {
                    canonical = String(canonical[..<open]).trimmingCharacters(in: .whitespaces)
                }
                let aliasForms = cols.count > 1 ? cols[1].split(separator: "|").map(String.init).filter { !$0.isEmpty } : []
                // The third column is a faction's eponyms; for outlets it holds their domains (not matched).
                let eponyms = kind == .faction && cols.count > 2 ? cols[2].split(separator: "|").map(String.init).filter { !$0.isEmpty } : []
                let index = Int32(entries.count)
                var aliases: [String] = []
                for a in aliasForms {
                    let plain = a.hasPrefix("!") ? String(a.dropFirst()) : a
                    if plain != canonical && !aliases.contains(plain) { aliases.append(plain) }
                }
                entries.append(Entry(kind: kind, name: canonical, aliases: aliases, eponyms: eponyms))
                if matchCanonical { insert(canonical, strict: strictCanonical, entry: index, tokenizer) }
                for a in aliasForms {
                    if a.hasPrefix("!") {
                        insert(String(a.dropFirst()), strict: true, entry: index, tokenizer)
                    } else {
                        insert(a, strict: false, entry: index, tokenizer)
                    }
                }
                for e in eponyms {
                    let stem = e.lowercased()
                    eponymEntry[stem] = index
                    for suffix in ["ite", "ites", "ism", "ist", "ists", "ista", "istas", "ian", "ians"] {
                        insertEponym(stem + suffix, stem: stem, entry: index)
                    }
                }
            }
        }
        var classes: [String: WordClass] = [:]
        for line in Self.lines(Self.resource("titles", "txt")) {
            let cols = line.split(separator: "\t")
            guard cols.count >= 2 else { continue }
            let cls: WordClass
            switch cols[1] {
            case "honorific": cls = .honorific
            case "office": cls = .office
            case "role": cls = .role
            case "modifier": cls = .modifier
            default: continue
            }
            classes[String(cols[0]), default: []].insert(cls)
        }
        wordClass = StringTable(classes)
        firstNames = StringTable(members: Self.lines(Self.resource("first-names", "txt")).map { $0.lowercased() })
        rootChildren = StringTable(nodes[0].children)
    }

    private mutating func insert(_ phrase: String, strict: Bool, entry: Int32, _ tokenizer: Tokenizer) {
        let scalars = Array(phrase.unicodeScalars)
        let toks = tokenizer.tokenize(scalars)
        guard !toks.isEmpty, toks.count <= 32 else { return }
        var node = 0
        var form = Form(entry: entry, upper: 0, lower: 0, allCaps: 0, eponym: nil)
        for (i, t) in toks.enumerated() {
            let bit = UInt32(1) << UInt32(i)
            var letters = 0
            var uppers = 0
            for k in t.range.start..<t.range.end {
                let c = CC.of(scalars[k].value)
                if c & CC.letter != 0 { letters += 1; if c & CC.upper != 0 { uppers += 1 } }
            }
            let firstUpper = CC.of(scalars[t.range.start].value) & CC.upper != 0
            if letters >= 2 && uppers == letters && t.kind == .word {
                form.allCaps |= bit
            } else if strict {
                if firstUpper { form.upper |= bit } else if letters > 0 { form.lower |= bit }
            } else if firstUpper && t.norm != "the" {
                form.upper |= bit
            }
            if let next = nodes[node].children[t.norm] {
                node = Int(next)
            } else {
                nodes.append(Node())
                let next = nodes.count - 1
                nodes[node].children[t.norm] = Int32(next)
                node = next
            }
        }
        // A form already listed (same words, same case rules) keeps its first entry.
        if !nodes[node].forms.contains(where: { $0.upper == form.upper && $0.lower == form.lower && $0.allCaps == form.allCaps }) {
            nodes[node].forms.append(form)
        }
    }

    private mutating func insertEponym(_ word: String, stem: String, entry: Int32) {
        let node: Int
        if let next = nodes[0].children[word] {
            node = Int(next)
        } else {
            nodes.append(Node())
            node = nodes.count - 1
            nodes[0].children[word] = Int32(node)
        }
        nodes[node].forms.append(Form(entry: entry, upper: 0, lower: 0, allCaps: 0, eponym: stem))
    }

    static func resource(_ name: String, _ ext: String) -> String {
        guard let url = BundledResource.url(name, ext), let data = try? Data(contentsOf: url)
        else {
            fatalError("WhoSaidAnalysis resource \(name).\(ext) not found next to the executable")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Non-empty lines, less comments (`#` at the start of a line) and surrounding spaces.
    static func lines(_ text: String) -> [String] {
        var out: [String] = []
        for raw in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            if raw.hasPrefix("#") { continue }
            var line = Substring(raw)
            while let last = line.last, last == " " { line = line.dropLast() }
            while let first = line.first, first == " " { line = line.dropFirst() }
            if !line.isEmpty { out.append(String(line)) }
        }
        return out
    }
}

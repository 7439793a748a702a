import WhoSaidCore

/// Word sets the entity tagger uses beside its lexicon files.
enum EntityWords {
    /// Capitalised last words that make a run an organisation (`National Executive Committee`).
    static let organisationHeads: Set<String> = [
        "committee", "party", "union", "commission", "council", "association", "department", "ministry",
        "agency", "authority", "board", "bureau", "institute", "institution", "foundation", "trust", "society",
        "federation", "confederation", "congress", "assembly", "parliament", "court", "corporation", "company",
        "group", "university", "college", "bank", "fund", "service", "police", "army", "alliance", "coalition",
        "league", "centre", "center", "forum", "organisation", "organization", "club", "ltd", "inc", "plc", "llc",
        "corp", "office", "executive", "secretariat", "tribunal", "cabinet", "senate", "caucus", "network",
        // Carriers named with a plural head, kept as written (`Bluewake Lines`, `British Airways`).
        "lines", "airlines", "airways",
    ]
    /// Capitalised last words that make a run an outlet (`Riverside Gazette`).
    static let outletHeads: Set<String> = [
        "news", "times", "post", "journal", "herald", "telegraph", "gazette", "tribune", "chronicle", "courier",
        "inquirer", "examiner", "observer", "sentinel", "magazine", "radio", "tv", "echo", "argus", "bulletin",
        "dispatch", "newspaper",
    ]
    /// Nouns after a faction name: `the “Labour to Win” platform`, `the Corbynite wing`.
    static let factionNouns: Set<String> = [
        "group", "platform", "slate", "wing", "faction", "caucus", "tendency", "bloc", "ticket", "movement",
    ]
    /// Capitalised words that are never part of a person's name.
    static let notName: Set<String> = [
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
        "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "street",
        "road", "square", "avenue", "station", "airport", "hall", "house", "city", "county", "state",
        "province", "district", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
        "british", "english", "scottish", "welsh", "irish", "american", "european", "french", "german",
        "russian", "chinese", "britain", "england", "scotland", "wales", "ireland", "america", "europe",
        "london", "washington", "brexit", "covid", "covid-19", "christmas", "easter", "god", "mps", "mp",
    ]
    static let speechVerbs: Set<String> = [
        "said", "says", "told", "tells", "added", "adds", "argued", "argues", "warned", "warns", "insisted",
        "insists", "claimed", "claims", "explained", "wrote", "writes", "tweeted", "stated", "noted", "commented",
        "replied", "responded", "asked", "admitted", "declared", "announced", "stressed", "suggested",
    ]
    static let connectors: Set<String> = ["of", "and", "for", "the", "on", "&", "in"]
    static let particles: Set<String> = [
        "de", "van", "von", "der", "den", "da", "di", "du", "del", "della", "le", "la", "bin", "al", "ibn", "dos",
        "das", "ter", "ten", "st", "st.",
    ]
    /// Words before an unknown outlet name: `told the X`, `in an interview with X`, `reported by X`.
    static let outletTriggers: Set<String> = ["told", "tell", "tells", "telling", "by", "with", "in", "to"]
    static let hyphenSuffixes: [String] = ["backed", "aligned", "led", "supported", "affiliated", "supporting", "allied", "linked", "run"]
    /// Verbs that link a person to the faction after them: `X, who leads the “Common Ground” group`.
    static let leadVerbs: Set<String> = [
        "leads", "led", "chairs", "chaired", "heads", "headed", "founded", "co-founded", "runs", "ran", "convenes",
        "convened", "organises", "organizes", "organised", "organized", "set",
    ]
    /// Outlet words too common to stand alone for an outlet (`the News`).
    static let genericOutletHeads: Set<String> = ["news", "radio", "tv", "magazine", "newspaper"]
}

/// The working state of one ``EntityTagger/tag(text:scalars:tokens:sentences:)`` call.
struct TaggingRun {
    struct Raw {
        var first: Int
        var end: Int
        var range: TextRange
        var kind: Entity.Kind
        var entity: Int
        var eponym: String? = nil
    }

    struct Builder {
        var name: String
        var listAliases: [String] = []
        var surfaces: [String] = []
        var mentions: [TextRange] = []
        var roles: [String] = []
        var affiliations: [String] = []
        var factions: [String] = []
        var firstStart = Int.max
        /// Person name token norms (people only).
        var norms: [String] = []
    }

    struct Candidate {
        var mentionStart: Int
        var a: Int
        var b: Int
        var titled: Bool
    }

    let lex: EntityLexicon
    let s: [Unicode.Scalar]
    let t: [Token]
    let sentences: [Sentence]
    let n: Int
    let stop: StopWords
    var capital: [Bool]
    var sentenceOf: [Int32]
    var titleCase: [Bool]
    var owner: [Int32]
    var raws: [Raw] = []
    /// Organisations found by their shape (a capitalised run ending in an organisation word).
    var shapeOrganisations: Set<Int> = []
    /// Per kind: builders and name → index.
    var builders: [Entity.Kind: [Builder]] = [.person: [], .organization: [], .outlet: [], .faction: []]
    var byName: [Entity.Kind: [String: Int]] = [.person: [:], .organization: [:], .outlet: [:], .faction: [:]]
    var acronyms: [String: (Entity.Kind, Int)] = [:]
    /// The document's own outlet as its page names it, when known.
    var documentOutlet: String?

    init(_ lex: EntityLexicon, _ s: [Unicode.Scalar], _ t: [Token], _ sentences: [Sentence]) {
        self.lex = lex
        self.s = s
        self.t = t
        self.sentences = sentences
        n = t.count
        stop = StopWords.english
        capital = [Bool](repeating: false, count: n)
        sentenceOf = [Int32](repeating: 0, count: n)
        owner = [Int32](repeating: -1, count: n)
        titleCase = [Bool](repeating: false, count: sentences.count)
        for i in 0..<n where t[i].kind == .word || t[i].kind == .abbreviation {
            let r = t[i].range
            if r.start < s.count { capital[i] = CC.of(s[r.start].value) & CC.upper != 0 }
        }
        for (si, sentence) in sentences.enumerated() {
            var words = 0
            var caps = 0
            for k in sentence.tokens {
                sentenceOf[k] = Int32(si)
                if t[k].kind == .word {
                    words += 1
                    if capital[k] || stop.contains(t[k].norm) && t[k].norm.utf8.count <= 3 { caps += 1 }
                }
            }
            titleCase[si] = words >= 4 && caps * 10 >= words * 8
        }
    }

    // MARK: - Helpers

    func text(_ a: Int, _ b: Int) -> String {
        guard a < b else { return "" }
        return String(scalars: s[t[a].range.start..<t[b - 1].range.end])
    }

    func allCaps(_ i: Int) -> Bool {
        guard t[i].kind == .word else { return false }
        var letters = 0
        for k in t[i].range.start..<t[i].range.end {
            let c = CC.of(s[k].value)
            if c & CC.letter != 0 {
                if c & CC.upper == 0 { return false }
                letters += 1
            }
        }
        return letters >= 2
    }

    func sentenceStart(_ i: Int) -> Bool {
        i == 0 || sentenceOf[i - 1] != sentenceOf[i]
            || (t[i - 1].kind == .openQuote && (i == 1 || sentenceOf[i - 2] != sentenceOf[i]))
    }

    func norm(_ i: Int) -> String { i >= 0 && i < n ? t[i].norm : "" }

    func wordClass(_ i: Int) -> EntityLexicon.WordClass {
        guard i >= 0 && i < n, t[i].kind == .word || t[i].kind == .abbreviation else { return [] }
        return lex.wordClass[t[i].norm] ?? []
    }

    func isHead(_ c: EntityLexicon.WordClass) -> Bool { c.contains(.role) || c.contains(.office) }

    @discardableResult
    mutating func entity(_ kind: Entity.Kind, _ name: String, listAliases: [String] = []) -> Int {
        if let k = byName[kind]![name] { return k }
        var b = Builder(name: name)
        b.listAliases = listAliases
        builders[kind]!.append(b)
        let k = builders[kind]!.count - 1
        byName[kind]![name] = k
        return k
    }

    @discardableResult
    mutating func addRaw(_ a: Int, _ b: Int, _ kind: Entity.Kind, _ entity: Int, range: TextRange? = nil, eponym: String? = nil) -> Int {
        let r = range ?? TextRange(start: t[a].range.start, end: t[b - 1].range.end)
        raws.append(Raw(first: a, end: b, range: r, kind: kind, entity: entity, eponym: eponym))
        let index = raws.count - 1
        for k in a..<b { owner[k] = Int32(index) }
        return index
    }

    // MARK: - Run

    mutating func run() {
        guard n > 0 else { return }
        namedFactions()
        matchLexicon()
        acronymDefinitions()
        capitalisedRuns()
        shortOutletNames()
        shortOrganisationNames()
        acronymReferences()
        quotedFactions()
        people()
        roles()
    }

    // MARK: 1. Lexicon

    func formMatches(_ f: EntityLexicon.Form, _ i: Int, _ count: Int) -> Bool {
        if f.upper | f.lower | f.allCaps == 0 { return true }
        for b in 0..<count {
            let bit = UInt32(1) << UInt32(b)
            if f.upper & bit != 0 && !capital[i + b] { return false }
            if f.lower & bit != 0 && capital[i + b] { return false }
            if f.allCaps & bit != 0 && !allCaps(i + b) { return false }
        }
        return true
    }

    func lexiconMatch(at i: Int) -> (end: Int, form: EntityLexicon.Form)? {
        var node = 0
        var j = i
        var best: (Int, EntityLexicon.Form)?
        while j < n, j - i < 32 {
            if j > i && t[j].spaceBefore >= .lineBreak { break }
            if owner[j] >= 0 { break }
            guard let next = node == 0 ? lex.rootChildren[t[j].norm] : lex.nodes[node].children[t[j].norm] else { break }
            node = Int(next)
            j += 1
            for f in lex.nodes[node].forms where formMatches(f, i, j - i) {
                best = (j, f)
                break
            }
        }
        return best
    }

    mutating func matchLexicon() {
        var i = 0
        while i < n {
            let tok = t[i]
            guard tok.kind == .word || tok.kind == .abbreviation || tok.kind == .number, owner[i] < 0 else { i += 1; continue }
            if let (end, form) = lexiconMatch(at: i) {
                let entry = lex.entries[Int(form.entry)]
                // A one-word listed name right after a first name is a surname (Michael Bloomberg).
                let afterFirstName = end == i + 1 && i > 0 && capital[i - 1] && t[i].spaceBefore == .space
                    && lex.firstNames.contains(t[i - 1].norm) && !sentenceStart(i) && entry.kind != .faction
                if !afterFirstName {
                    let k = entity(entry.kind, entry.name, listAliases: entry.kind == .outlet ? entry.aliases : [])
                    addRaw(i, end, entry.kind, k, eponym: form.eponym)
                    i = end
                    continue
                }
            }
            // Momentum-backed, Unite-affiliated.
            if capital[i], tok.kind == .word, let dash = tok.norm.utf8.firstIndex(of: 0x2D) {
                let stem = String(tok.norm[..<dash])
                let rest = tok.norm[tok.norm.index(after: dash)...]
                if EntityWords.hyphenSuffixes.contains(where: { $0 == rest }),
                   let node = lex.rootChildren[stem],
                   let form = lex.nodes[Int(node)].forms.first {
                    let entry = lex.entries[Int(form.entry)]
                    let k = entity(entry.kind, entry.name, listAliases: entry.kind == .outlet ? entry.aliases : [])
                    let length = stem.unicodeScalars.count
                    addRaw(i, i + 1, entry.kind, k, range: TextRange(start: tok.range.start, end: tok.range.start + length))
                }
            }
            i += 1
        }
    }

    // MARK: 2. Organisations and outlets by shape

    func initials(_ a: Int, _ b: Int) -> String {
        var out = ""
        for k in a..<b where !EntityWords.connectors.contains(t[k].norm) {
            if let c = t[k].norm.unicodeScalars.first { out.unicodeScalars.append(c) }
        }
        return out
    }

    /// The name of an organisation run, its head word made singular (`Commissions` → `Commission`).
    func organisationName(_ a: Int, _ b: Int) -> String {
        let last = t[b - 1].norm
        // `Harrowgate Marine Services` keeps its plural: names are given with it (Marine Services,
        // Health Services), unlike a stray plural (`Human Rights Commissions`).
        if last.hasSuffix("s"), last != "services", EntityWords.organisationHeads.contains(String(last.dropLast())) {
            return String(scalars: s[t[a].range.start..<(t[b - 1].range.end - 1)])
        }
        return text(a, b)
    }

    func headNorm(_ i: Int) -> String {
        let x = t[i].norm
        if x.hasSuffix("s"), EntityWords.organisationHeads.contains(String(x.dropLast())) { return String(x.dropLast()) }
        return x
    }

    /// The capitalised run (with inner connectors) ending at token `last`, or nil.
    func runEnding(at last: Int) -> Int? {
        guard last >= 0, capital[last], owner[last] < 0, t[last].kind == .word else { return nil }
        var a = last
        var j = last - 1
        while j >= 0, sentenceOf[j] == sentenceOf[last], t[j + 1].spaceBefore == .space {
            if capital[j] && owner[j] < 0 && t[j].kind == .word {
                a = j
            } else if EntityWords.connectors.contains(t[j].norm) && !capital[j] {
                // keep looking for a capital before it
            } else {
                break
            }
            j -= 1
        }
        while a < last, stop.contains(t[a].norm) { a += 1 }
        return a
    }

    mutating func acronymDefinitions() {
        guard n >= 4 else { return }
        for i in 1..<(n - 2) where t[i].norm == "(" && t[i + 2].norm == ")" && allCaps(i + 1) && owner[i + 1] < 0 {
            let acronym = t[i + 1].norm
            if owner[i - 1] >= 0 {
                let r = raws[Int(owner[i - 1])]
                if r.kind != .person {
                    addRaw(i + 1, i + 2, r.kind, r.entity)
                    acronyms[acronym] = (r.kind, r.entity)
                }
                continue
            }
            guard let a = runEnding(at: i - 1), i - a >= 2 else { continue }
            let head = headNorm(i - 1)
            guard initials(a, i) == acronym || EntityWords.organisationHeads.contains(head) else { continue }
            let k = entity(.organization, organisationName(a, i))
            addRaw(a, i, .organization, k)
            addRaw(i + 1, i + 2, .organization, k)
            acronyms[acronym] = (.organization, k)
        }
    }

    /// Capitalised runs ending in an organisation or outlet word, and unknown outlets after `told the`.
    mutating func capitalisedRuns() {
        var i = 0
        while i < n {
            guard capital[i], owner[i] < 0, t[i].kind == .word else { i += 1; continue }
            // The run: capitals with inner connectors, in one sentence.
            var b = i + 1
            var lastCap = i
            while b < n, sentenceOf[b] == sentenceOf[i], t[b].spaceBefore == .space, owner[b] < 0 {
                if capital[b] && t[b].kind == .word { lastCap = b; b += 1; continue }
                if EntityWords.connectors.contains(t[b].norm) && !capital[b] && b + 1 < n && capital[b + 1] { b += 1; continue }
                break
            }
            b = lastCap + 1
            var a = i
            while a < b - 1, stop.contains(t[a].norm) || (sentenceStart(a) && lex.wordClass[t[a].norm] != nil) { a += 1 }
            // The last organisation or outlet word in the run.
            var end = -1
            var kind = Entity.Kind.organization
            var k = b - 1
            while k > a {
                let h = headNorm(k)
                if EntityWords.organisationHeads.contains(h) { end = k + 1; kind = .organization; break }
                if EntityWords.outletHeads.contains(h) { end = k + 1; kind = .outlet; break }
                k -= 1
            }
            if end > a + 1 {
                var name = kind == .organization ? organisationName(a, end) : text(a, end)
                // A shortened name joins the full one seen before (National Executive → … Committee).
                if let longer = builders[kind]!.first(where: { $0.name.hasPrefix(name + " ") }) { name = longer.name }
                let e = entity(kind, name)
                addRaw(a, end, kind, e)
                if kind == .organization { shapeOrganisations.insert(e) }
                i = end
                continue
            }
            // told the X, in an interview with X, reported by the X.
            let hasThe = i > 0 && t[i - 1].norm == "the"
            let trigger = hasThe ? i - 2 : i - 1
            if trigger >= 0, EntityWords.outletTriggers.contains(t[trigger].norm), !lex.firstNames.contains(t[i].norm),
               lex.wordClass[t[i].norm] == nil, !stop.contains(t[i].norm) {
                let triggered: Bool
                switch t[trigger].norm {
                case "told", "tell", "tells", "telling": triggered = hasThe
                case "by": triggered = norm(trigger - 1) == "reported" || norm(trigger - 1) == "published"
                case "with", "in": triggered = norm(trigger - 1) == "interview" || norm(trigger - 1) == "writing" || norm(trigger - 1) == "wrote"
                case "to": triggered = hasThe && norm(trigger - 1) == "according"
                default: triggered = false
                }
                let next = norm(b)
                let closes = b >= n || t[b].kind == .punctuation || t[b].kind == .closeQuote || (stop.contains(next) && !capital[b])
                if triggered && closes {
                    let e = entity(.outlet, text(i, b))
                    addRaw(i, b, .outlet, e)
                    i = b
                    continue
                }
            }
            i = b
        }
    }

    mutating func acronymReferences() {
        // Organisations of two or more words are also known by their initials (NEC).
        for (k, b) in builders[.organization]!.enumerated() {
            let words = b.name.split(separator: " ")
            guard words.count >= 2 else { continue }
            var initials = ""
            for w in words where !EntityWords.connectors.contains(w.lowercased()) {
                if let c = w.unicodeScalars.first, CC.of(c.value) & CC.upper != 0 {
                    initials.unicodeScalars.append(Unicode.Scalar(UInt8(c.value < 0x80 ? c.value | 0x20 : 0x3F)))
                } else {
                    initials = ""
                    break
                }
            }
            if initials.count >= 2 && acronyms[initials] == nil { acronyms[initials] = (.organization, k) }
        }
        guard !acronyms.isEmpty else { return }
        for i in 0..<n where owner[i] < 0 && capital[i] && allCaps(i) {
            if let (kind, e) = acronyms[t[i].norm] { addRaw(i, i + 1, kind, e) }
        }
    }

    // MARK: 3. Factions by pattern

    /// Before the lexicon, faction names the text itself marks: a name in quotation marks before a faction
    /// noun (`the “Labour Forward” platform`, whose `Labour` is then no mention of the party) with its bare
    /// uses elsewhere (`Common Ground candidates`), and `the X Left wing` where the lexicon knows only the
    /// end of the name (`Left wing` → *the left* would take `the Northern Left wing`).
    mutating func namedFactions() {
        var names: [(norms: [String], entity: Int)] = []
        var i = 0
        while i + 2 < n {
            defer { i += 1 }
            guard t[i].kind == .openQuote else { continue }
            var c = i + 1
            while c < n, c - i <= 6, t[c].kind == .word, capital[c] || (EntityWords.connectors.contains(t[c].norm) && c > i + 1) { c += 1 }
            guard c > i + 1, c + 1 < n, t[c].kind == .closeQuote, capital[c - 1],
                  EntityWords.factionNouns.contains(t[c + 1].norm) else { continue }
            let e = entity(.faction, text(i + 1, c))
            addRaw(i + 1, c, .faction, e)
            let norms = (i + 1..<c).map { t[$0].norm }
            if !names.contains(where: { $0.norms == norms }) { names.append((norms, e)) }
            i = c
        }
        for i in 0..<max(0, n - 3) where t[i].norm == "the" && capital[i + 1] && owner[i + 1] < 0 && t[i + 1].kind == .word {
            var c = i + 1
            while c < n, c - i <= 4, capital[c], t[c].kind == .word, owner[c] < 0, t[c].spaceBefore == .space { c += 1 }
            guard c - i >= 3, c < n, !capital[c], EntityWords.factionNouns.contains(t[c].norm),
                  !lex.firstNames.contains(t[i + 1].norm), let last = lexiconMatch(at: c - 1), last.end > c,
                  (i + 1..<(c - 1)).allSatisfy({ lexiconMatch(at: $0) == nil }) else { continue }
            addRaw(i + 1, c, .faction, entity(.faction, text(i + 1, c)))
        }
        guard !names.isEmpty else { return }
        var k = 0
        while k < n {
            defer { k += 1 }
            guard owner[k] < 0, capital[k], k == 0 || !capital[k - 1] || t[k].spaceBefore != .space || t[k - 1].kind != .word,
                  let name = names.first(where: { name in
                      k + name.norms.count <= n && name.norms.indices.allSatisfy { j in
                          owner[k + j] < 0 && t[k + j].norm == name.norms[j] && (j == 0 || t[k + j].spaceBefore == .space)
                      }
                  }) else { continue }
            let end = k + name.norms.count
            // Not the start of a longer capitalised name.
            if end < n, capital[end], t[end].kind == .word, t[end].spaceBefore == .space { continue }
            addRaw(k, end, .faction, name.entity)
            k = end - 1
        }
    }

    /// Outlets by their short name: `The Echo understands`, `carried out for the Ledger` name the
    /// document's own outlet (`The Dunmere Echo`), or an outlet the text named in full (`the Post` after
    /// `the Westmoor Post`). The document's outlet keeps the name its page gives it.
    mutating func shortOutletNames() {
        var own: String?
        if let outlet = documentOutlet, outlet.split(separator: " ").count >= 2 {
            own = outlet
            let bare = outlet.hasPrefix("The ") ? String(outlet.dropFirst(4)) : outlet
            if let k = byName[.outlet]![bare], byName[.outlet]![outlet] == nil {
                builders[.outlet]![k].name = outlet
                byName[.outlet]![outlet] = k
            }
        }
        // Head word → outlet (nil when two outlets share it).
        var heads: [String: Int?] = [:]
        func add(_ name: String, _ k: Int) {
            guard let last = name.split(separator: " ").last, name.split(separator: " ").count >= 2,
                  last.first?.isUppercase == true else { return }
            let head = last.lowercased()
            guard !EntityWords.genericOutletHeads.contains(head), !stop.contains(head) else { return }
            if let existing = heads[head], existing != k { heads[head] = .some(nil) } else { heads[head] = .some(k) }
        }
        for r in raws where r.kind == .outlet && r.end - r.first >= 2 { add(builders[.outlet]![r.entity].name, r.entity) }
        if let own { add(own, byName[.outlet]![own] ?? -1) }
        guard !heads.isEmpty else { return }
        for i in 1..<n where owner[i] < 0 && capital[i] && t[i].kind == .word && t[i - 1].norm == "the" {
            if i + 1 < n, capital[i + 1], t[i + 1].kind == .word, t[i + 1].spaceBefore == .space { continue }
            guard let found = heads[t[i].norm], var k = found else { continue }
            if k < 0, let own {
                k = entity(.outlet, own)
                for (head, v) in heads where v == -1 { heads[head] = .some(k) }
            }
            addRaw(i, i + 1, .outlet, k)
        }
    }

    /// Organisations by their first word alone: `Bluewake said` after `the operator Bluewake Lines`. The
    /// word must open a name found by its shape and no other, be no common word (never written in lower
    /// case in the text, no stop word, role word or first name), and stand alone (no capital after it).
    mutating func shortOrganisationNames() {
        var firsts: [String: Int?] = [:]
        for r in raws where r.kind == .organization && r.end - r.first >= 2 && shapeOrganisations.contains(r.entity) {
            let w = t[r.first].norm
            guard capital[r.first], t[r.first].kind == .word, !stop.contains(w), lex.wordClass[w] == nil,
                  !lex.firstNames.contains(w), !EntityWords.notName.contains(w) else { continue }
            if let existing = firsts[w], existing != r.entity { firsts[w] = .some(nil) } else { firsts[w] = .some(r.entity) }
        }
        guard !firsts.isEmpty else { return }
        for i in 0..<n where !capital[i] && t[i].kind == .word { firsts[t[i].norm] = nil }
        for i in 0..<n where owner[i] < 0 && capital[i] && t[i].kind == .word {
            guard let found = firsts[t[i].norm], let k = found else { continue }
            if i + 1 < n, capital[i + 1], t[i + 1].kind == .word, t[i + 1].spaceBefore == .space { continue }
            addRaw(i, i + 1, .organization, k)
        }
    }

    mutating func quotedFactions() {
        var i = 0
        while i + 2 < n {
            defer { i += 1 }
            // (Quoted names, `“Grassroots Voice” group`, are found before the lexicon: namedFactions.)
            // the Tribune slate, the Corbynite wing (unlisted capitalised X).
            if t[i].norm == "the", capital[i + 1], owner[i + 1] < 0, t[i + 1].kind == .word {
                var c = i + 1
                while c < n, c - i <= 4, capital[c], owner[c] < 0, t[c].kind == .word { c += 1 }
                guard c < n, EntityWords.factionNouns.contains(t[c].norm), !capital[c],
                      !lex.firstNames.contains(t[i + 1].norm) else { continue }
                let e = entity(.faction, text(i + 1, c))
                addRaw(i + 1, c, .faction, e)
            }
        }
    }

    // MARK: 4. People

    func nameToken(_ i: Int) -> Bool {
        guard i < n, owner[i] < 0, capital[i] else { return false }
        if t[i].kind == .word { return !allCaps(i) }
        if t[i].kind == .abbreviation {
            // Initials (J.) and titles (Mr., Sen.).
            return t[i].range.count == 2 || lex.wordClass[t[i].norm] != nil
        }
        return false
    }

    mutating func people() {
        var full: [Candidate] = []
        var singles: [Candidate] = []
        var i = 0
        while i < n {
            guard nameToken(i) else { i += 1; continue }
            var b = i + 1
            while b < n, sentenceOf[b] == sentenceOf[i], t[b].spaceBefore == .space {
                if nameToken(b) { b += 1; continue }
                if EntityWords.particles.contains(t[b].norm), !capital[b], nameToken(b + 1) { b += 1; continue }
                break
            }
            var x = i
            while x < b {
                var titled = false
                var honorific = -1
                // Leading stop words, honorifics and capitalised role words.
                while x < b {
                    let cls = lex.wordClass[t[x].norm] ?? []
                    if cls.contains(.honorific) {
                        if honorific < 0 { honorific = x }
                        titled = true
                    } else if !cls.isEmpty {
                        if isHead(cls) { titled = true }
                        honorific = -1
                    } else if stop.contains(t[x].norm) || EntityWords.notName.contains(t[x].norm)
                                || (t[x].kind == .abbreviation && t[x].range.count != 2) {
                        titled = false
                        honorific = -1
                    } else {
                        break
                    }
                    x += 1
                }
                guard x < b else { break }
                // The name: up to the next role word or non-name word.
                var y = x
                while y < b {
                    if y > x, lex.wordClass[t[y].norm] != nil || EntityWords.notName.contains(t[y].norm) { break }
                    y += 1
                }
                let limit = titleCase[Int(sentenceOf[x])] ? 2 : 4
                var words = 0
                var z = x
                while z < y, words < limit {
                    if t[z].kind == .word { words += 1 }
                    z += 1
                }
                // A name does not end on an initial.
                while z > x + 1, t[z - 1].kind == .abbreviation { z -= 1 }
                let count = z - x
                let start = honorific >= 0 ? honorific : x
                if count >= 2 {
                    var evidence = titled || lex.firstNames.contains(t[x].norm)
                    if !evidence && !titleCase[Int(sentenceOf[x])] {
                        let before = wordClass(start - 1)
                        // `Shops on Tarran Mor said`: after a place preposition the speaker is the noun before it.
                        let place = start >= 2 && ["on", "in", "at", "from", "near"].contains(norm(start - 1)) && !capital[start - 1]
                        evidence = (isHead(before) && !capital[start - 1])
                            || (!place && EntityWords.speechVerbs.contains(norm(z))) || EntityWords.speechVerbs.contains(norm(start - 1))
                            || (norm(z) == "," && ["who", "a", "an", "the"].contains(norm(z + 1)))
                            // `Bluewake's operations director, Anselm Greaves, said`: set off after a role noun.
                            || (norm(z) == "," && norm(start - 1) == "," && start >= 2 && isHead(wordClass(start - 2)))
                    }
                    if evidence && !EntityWords.organisationHeads.contains(t[z - 1].norm) && t[z - 1].kind == .word {
                        full.append(Candidate(mentionStart: start, a: x, b: z, titled: titled))
                    }
                } else if count == 1, t[x].kind == .word {
                    singles.append(Candidate(mentionStart: start, a: x, b: z, titled: honorific >= 0 || titled))
                }
                x = max(z, x + 1)
            }
            i = b
        }
        guard !full.isEmpty || singles.contains(where: { $0.titled }) else { return }
        // Group full names: same last word and same or contained first word.
        var candidatePerson: [(Candidate, Int)] = []
        for c in full {
            let norms = (c.a..<c.b).filter { t[$0].kind == .word }.map { t[$0].norm }
            var found = -1
            for (k, p) in builders[.person]!.enumerated() where p.norms.last == norms.last {
                if p.norms.first == norms.first || p.norms.contains(norms.first!) || norms.contains(p.norms.first!) {
                    found = k
                    break
                }
            }
            if found < 0 {
                var b = Builder(name: text(c.a, c.b))
                b.norms = norms
                builders[.person]!.append(b)
                found = builders[.person]!.count - 1
            } else if norms.count > builders[.person]![found].norms.count {
                builders[.person]![found].name = text(c.a, c.b)
                builders[.person]![found].norms = norms
            }
            candidatePerson.append((c, found))
        }
        // Single words: a surname or a first name of someone named in full, or a titled new person.
        var firstPosition = [Int](repeating: Int.max, count: builders[.person]!.count)
        for (c, p) in candidatePerson { firstPosition[p] = min(firstPosition[p], c.a) }
        for c in singles {
            let w = t[c.a].norm
            var best = -1
            var bestPos = Int.max
            var firstNameMatches: [Int] = []
            for (k, p) in builders[.person]!.enumerated() {
                if p.norms.count >= 2 && p.norms.last == w {
                    // The person first named closest before this word, else the first named after it.
                    let pos = k < firstPosition.count ? firstPosition[k] : Int.max
                    let rank = pos < c.a ? c.a - pos : Int.max / 2 + pos
                    if rank < bestPos { bestPos = rank; best = k }
                } else if p.norms.count >= 2 && p.norms.first == w {
                    firstNameMatches.append(k)
                }
            }
            if best < 0 && firstNameMatches.count == 1 { best = firstNameMatches[0] }
            // Mr Smith, or President Smith mid-sentence: a person known by one name.
            if best < 0 && c.titled && (c.mentionStart < c.a || !sentenceStart(c.a)) {
                if lex.firstNames.contains(w) && c.mentionStart == c.a { continue }
                let key = text(c.a, c.b)
                if let k = builders[.person]!.firstIndex(where: { $0.norms == [w] }) {
                    best = k
                } else {
                    var b = Builder(name: key)
                    b.norms = [w]
                    builders[.person]!.append(b)
                    best = builders[.person]!.count - 1
                }
            }
            guard best >= 0 else { continue }
            candidatePerson.append((c, best))
        }
        candidatePerson.sort { $0.0.a < $1.0.a }
        for (c, p) in candidatePerson {
            var overlap = false
            for k in c.mentionStart..<c.b where owner[k] >= 0 { overlap = true }
            if overlap { continue }
            addRaw(c.mentionStart, c.b, .person, p)
        }
    }

    // MARK: 5. Roles, affiliations, factions

    /// Walks back from `start` over role words, modifiers, `of` and mentions; the role span start or nil.
    func roleSpanBefore(_ start: Int) -> Int? {
        var j = start - 1
        var left = start
        let sentence = start < n ? sentenceOf[start] : -1
        while j >= 0, start - j < 14, sentenceOf[j] == sentence, t[j + 1].spaceBefore == .space || t[j + 1].spaceBefore == .none && t[j + 1].kind != .word {
            if owner[j] >= 0 {
                let r = raws[Int(owner[j])]
                left = r.first
                j = r.first - 1
                continue
            }
            // A mention's possessive: `Bluewake's operations director`.
            if t[j].norm == "'s", j > 0, owner[j - 1] >= 0, raws[Int(owner[j - 1])].kind != .person, left == j + 1, left < start {
                left = raws[Int(owner[j - 1])].first
                j = left - 1
                continue
            }
            if !wordClass(j).isEmpty || t[j].norm == "of" || t[j].norm == "for" || t[j].norm == "at" {
                left = j
                j -= 1
                continue
            }
            break
        }
        return left < start ? left : nil
    }

    /// Walks forward from `from` over role words, modifiers, `of` and mentions; the span end.
    func roleSpanAfter(_ from: Int) -> Int {
        var j = from
        let sentence = from < n ? sentenceOf[from] : -1
        while j < n, j - from < 14, sentenceOf[j] == sentence {
            if owner[j] >= 0 {
                let r = raws[Int(owner[j])]
                j = r.end
                // A faction named in quotation marks and its noun: of the “Harbour First” group.
                if r.kind == .faction {
                    if j < n, t[j].kind == .closeQuote { j += 1 }
                    if j < n, EntityWords.factionNouns.contains(t[j].norm) { j += 1 }
                }
                continue
            }
            if !wordClass(j).isEmpty || ["of", "for", "at", "in"].contains(t[j].norm) { j += 1; continue }
            // An article or opening quotation mark right before a mention: member of the Harbour First group.
            if ["the", "a", "an"].contains(t[j].norm) || t[j].kind == .openQuote {
                var k = j + 1
                if k < n, t[k].kind == .openQuote { k += 1 }
                if k < n, owner[k] >= 0, sentenceOf[k] == sentence { j = k; continue }
            }
            break
        }
        while j > from, ["of", "for", "at", "in"].contains(t[j - 1].norm) { j -= 1 }
        return j
    }

    struct RoleFound {
        var role: String
        var affiliations: [String] = []
        var factions: [String] = []
    }

    /// The role in tokens a..<b, if it has a role noun; outlets at its start become affiliations.
    func role(_ a: Int, _ b: Int, keepArticle: Bool) -> RoleFound? {
        var a = a
        while a < b, ["of", "for", "at", "in"].contains(t[a].norm) { a += 1 }
        var found = RoleFound(role: "")
        // Leading outlets: affiliations, not role words.
        while a < b, owner[a] >= 0, raws[Int(owner[a])].kind == .outlet {
            let r = raws[Int(owner[a])]
            found.affiliations.append(builders[.outlet]![r.entity].name)
            a = r.end
        }
        var hasHead = false
        var k = a
        while k < b {
            if owner[k] >= 0 {
                let r = raws[Int(owner[k])]
                switch r.kind {
                case .organization, .outlet: found.affiliations.append(builders[r.kind]![r.entity].name)
                case .faction: found.factions.append(builders[.faction]![r.entity].name)
                case .person: break
                }
                k = r.end
                continue
            }
            if isHead(wordClass(k)) { hasHead = true }
            k += 1
        }
        guard hasHead else { return nil }
        var from = a
        if !keepArticle || norm(a) == "the" { while from < b, ["the", "a", "an"].contains(t[from].norm) { from += 1 } }
        guard from < b else { return nil }
        found.role = text(from, b)
        return found
    }

    mutating func apply(_ f: RoleFound, to p: Int) {
        var b = builders[.person]![p]
        if !f.role.isEmpty && !b.roles.contains(f.role) { b.roles.append(f.role) }
        for a in f.affiliations where !b.affiliations.contains(a) { b.affiliations.append(a) }
        for x in f.factions where !b.factions.contains(x) { b.factions.append(x) }
        builders[.person]![p] = b
    }

    mutating func roles() {
        let personRaws = raws.indices.filter { raws[$0].kind == .person }
        guard !personRaws.isEmpty else { return }
        for ri in personRaws {
            let r = raws[ri]
            // Before the name: Labour donor John Mills, Sky News political correspondent Lewis Goodall.
            if let left = roleSpanBefore(r.first), let f = role(left, r.first, keepArticle: false) {
                apply(f, to: r.entity)
            }
            // Right before the name: “soft left” Ann Black.
            var j = r.first - 1
            if j >= 0, t[j].kind == .closeQuote { j -= 1 }
            if j >= 0, owner[j] >= 0, raws[Int(owner[j])].kind == .faction {
                apply(RoleFound(role: "", factions: [builders[.faction]![raws[Int(owner[j])].entity].name]), to: r.entity)
            }
            // `the housing secretary, Lucy Brannigan,`: a role before the name and its comma.
            if r.first >= 2, norm(r.first - 1) == ",", norm(r.end) == ",", let left = roleSpanBefore(r.first - 1),
               let f = role(left, r.first - 1, keepArticle: false) {
                apply(f, to: r.entity)
            }
            // Apposition: Len McCluskey, a close Corbyn ally, (also after a parenthesis: Ana Whitlock (D-Calif.), a …)
            var e = r.end
            if norm(e) == "(", let close = (e + 1..<min(n, e + 8)).first(where: { t[$0].norm == ")" }) { e = close + 1 }
            // `X, who leads the “Common Ground” group`, `X, the former deputy leader who chairs the Y platform`.
            if norm(e) == "," {
                var k = e + 1
                while k < n, k - e < 10, sentenceOf[k] == sentenceOf[e], norm(k) != ",", norm(k) != "who" { k += 1 }
                if norm(k) == "who", EntityWords.leadVerbs.contains(norm(k + 1)) {
                    var f = k + 2
                    while f < n, f - k < 8, sentenceOf[f] == sentenceOf[k], t[f].kind != .punctuation {
                        if owner[f] >= 0 {
                            let x = raws[Int(owner[f])]
                            if x.kind == .faction { apply(RoleFound(role: "", factions: [builders[.faction]![x.entity].name]), to: r.entity) }
                            break
                        }
                        f += 1
                    }
                }
            }
            if norm(e) == ",", e + 1 < n {
                let start = e + 1
                var from = start
                if ["a", "an", "the"].contains(norm(from)) { from += 1 }
                // A possessive after the article: `the company’s operations director`.
                var roleStart = start
                if from > start, from + 2 < n, norm(from + 1) == "'s", t[from].kind == .word, !wordClass(from + 2).isEmpty {
                    from += 2
                    roleStart = from
                }
                let end = roleSpanAfter(from)
                if end > from, let f = role(roleStart, end, keepArticle: true) { apply(f, to: r.entity) }
            }
            // X was among … left-wingers; X is one of the …
            if ["was", "is", "were", "are"].contains(norm(e)), norm(e + 1) == "among" || (norm(e + 1) == "one" && norm(e + 2) == "of") {
                var k = e + 2
                while k < n, k - e < 10, sentenceOf[k] == sentenceOf[e] {
                    if t[k].kind == .punctuation { break }
                    if owner[k] >= 0, raws[Int(owner[k])].kind == .faction {
                        apply(RoleFound(role: "", factions: [builders[.faction]![raws[Int(owner[k])].entity].name]), to: r.entity)
                        break
                    }
                    k += 1
                }
            }
        }
        // as General Secretary of Unite → the sentence's first person.
        for i in 0..<n where t[i].norm == "as" && !["such", "well", "so", "just", "same"].contains(norm(i - 1)) {
            var from = i + 1
            if ["a", "an", "the"].contains(norm(from)) { from += 1 }
            let end = roleSpanAfter(from)
            guard end > from, let f = role(i + 1, end, keepArticle: true) else { continue }
            let sentence = sentenceOf[i]
            if let p = personRaws.first(where: { sentenceOf[raws[$0].first] == sentence && raws[$0].end <= i }) {
                apply(f, to: raws[p].entity)
            }
        }
        for ri in raws.indices where raws[ri].kind == .faction {
            let r = raws[ri]
            let faction = builders[.faction]![r.entity].name
            // the left of the party, with Laura Pidock
            var k = r.end
            if norm(k) == "," { k += 1 }
            if norm(k) == "with", k + 1 < n, owner[k + 1] >= 0, raws[Int(owner[k + 1])].kind == .person {
                apply(RoleFound(role: "", factions: [faction]), to: raws[Int(owner[k + 1])].entity)
            }
            // Corbynite → Jeremy Corbyn.
            if let stem = r.eponym {
                for (p, b) in builders[.person]!.enumerated() where b.norms.count >= 2 && b.norms.last == stem {
                    apply(RoleFound(role: "", factions: [faction]), to: p)
                }
            }
        }
    }

    // MARK: - Result

    func result() -> EntityAnnotations {
        var out = EntityAnnotations()
        let prefixes: [Entity.Kind: String] = [.person: "p", .organization: "o", .outlet: "m", .faction: "f"]
        var ids: [Entity.Kind: [String]] = [:]
        var lists: [Entity.Kind: [Entity]] = [:]
        for kind in [Entity.Kind.person, .organization, .outlet, .faction] {
            var bs = builders[kind]!
            for r in raws where r.kind == kind {
                let surface = text(r.first, r.end)
                var b = bs[r.entity]
                b.mentions.append(r.range)
                b.firstStart = min(b.firstStart, r.range.start)
                let plain = r.range.start == t[r.first].range.start && r.range.end == t[r.end - 1].range.end
                    ? surface : String(scalars: s[r.range.start..<r.range.end])
                if plain != b.name && !b.surfaces.contains(plain) { b.surfaces.append(plain) }
                bs[r.entity] = b
            }
            let order = bs.indices.filter { !bs[$0].mentions.isEmpty }.sorted { bs[$0].firstStart < bs[$1].firstStart }
            var idOf = [String](repeating: "", count: bs.count)
            var list: [Entity] = []
            for (rank, k) in order.enumerated() {
                let b = bs[k]
                let id = prefixes[kind]! + String(rank + 1)
                idOf[k] = id
                var aliases = b.surfaces
                for a in b.listAliases where a != b.name && !aliases.contains(a) { aliases.append(a) }
                list.append(Entity(id: id, kind: kind, name: b.name, aliases: aliases, mentions: b.mentions,
                                   roles: b.roles, affiliations: b.affiliations, factions: b.factions))
            }
            ids[kind] = idOf
            lists[kind] = list
        }
        out.people = lists[.person]!
        out.organizations = lists[.organization]!
        out.outlets = lists[.outlet]!
        out.factions = lists[.faction]!
        var mentions: [EntityMention] = []
        mentions.reserveCapacity(raws.count)
        for r in raws {
            mentions.append(EntityMention(range: r.range, entityID: ids[r.kind]![r.entity], kind: r.kind,
                                          name: builders[r.kind]![r.entity].name))
        }
        mentions.sort { $0.range.start < $1.range.start }
        out.mentions = mentions
        return out
    }
}

import Foundation
import Testing
import WhoSaidAnalysis
import WhoSaidCore
import WhoSaidExtract

/// Golden tests of the analysis stage over the articles of `corpus/`: each `NAME.analysis.json` beside an
/// article (`NAME.txt` or `NAME.html`) says what a correct analysis finds, written by hand from the
/// article (the format is in `corpus/README.md`). The real pipeline runs (extraction, then analysis) and
/// every difference is reported as one readable issue: `want` what the golden says, `got` what was found.
@Suite struct CorpusAnalysisGoldenTests {
    @Test func goldensArePresent() {
        #expect(AnalysisGolden.names.count >= 3, "no *.analysis.json in \(AnalysisGolden.corpus.path)")
        for name in AnalysisGolden.names {
            #expect(AnalysisGolden.articleURL(name) != nil, "\(name).analysis.json has no article beside it")
        }
    }

    @Test(arguments: AnalysisGolden.names)
    func quotes(article: String) throws {
        let run = try AnalysisGolden.run(article)
        for (n, want) in run.golden.quotes.enumerated() {
            let label = "\(article): quote \(n + 1), \(want.speaker): \(want.content.parts[0].prefix(50))"
            AnalysisGolden.check(want.knownFailure, label) { run.differences(want) }
        }
    }

    @Test(arguments: AnalysisGolden.names)
    func notQuotes(article: String) throws {
        let run = try AnalysisGolden.run(article)
        for item in run.golden.notQuotes ?? [] {
            AnalysisGolden.check(item.knownFailure, "\(article): not a quote: \(item.text)") {
                run.reportedAsQuote(item.text)
            }
        }
    }

    @Test(arguments: AnalysisGolden.names)
    func people(article: String) throws {
        let run = try AnalysisGolden.run(article)
        for want in run.golden.people ?? [] {
            AnalysisGolden.check(want.knownFailure, "\(article): person \(want.name)") { run.differences(want) }
        }
        for item in run.golden.peopleNotInArticle ?? [] {
            AnalysisGolden.check(item.knownFailure, "\(article): not a person of the article: \(item.text)") {
                run.personNamed(item.text)
            }
        }
    }

    @Test(arguments: AnalysisGolden.names)
    func organisationsOutletsAndFactions(article: String) throws {
        let run = try AnalysisGolden.run(article)
        let a = run.doc.annotations
        for want in run.golden.organizations ?? [] {
            AnalysisGolden.check(want.knownFailure, "\(article): organisation \(want.name)") {
                run.entityDifferences(want, in: a.organizations, kind: "organisation")
            }
        }
        for want in run.golden.outlets ?? [] {
            AnalysisGolden.check(want.knownFailure, "\(article): outlet \(want.name)") {
                run.entityDifferences(want, in: a.outlets, kind: "outlet")
            }
        }
        for want in run.golden.factions ?? [] {
            AnalysisGolden.check(want.knownFailure, "\(article): faction \(want.name)") {
                run.entityDifferences(want, in: a.factions, kind: "faction")
            }
        }
    }
}

/// What `NAME.analysis.json` holds.
struct AnalysisGoldenFile: Decodable {
    struct ExpectedQuote: Decodable {
        var kind: String
        var speaker: String
        var speakerType: String
        var cue: String
        var content: Content
        var via: String?
        var affiliation: String?
        var knownFailure: String?

        enum CodingKeys: String, CodingKey {
            case kind, speaker, cue, content, via, affiliation
            case speakerType = "speaker_type"
            case knownFailure = "known_failure"
        }
    }

    /// One content string, or several (a quote split by its cue or running over paragraphs).
    enum Content: Decodable {
        case one(String), many([String])
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let s = try? c.decode(String.self) { self = .one(s) } else { self = .many(try c.decode([String].self)) }
        }
        var parts: [String] { switch self { case .one(let s): [s]; case .many(let a): a } }
    }

    struct ExpectedEntity: Decodable {
        var name: String
        var aliases: [String]?
        var roles: [String]?
        var affiliations: [String]?
        var factions: [String]?
        /// How many mentions the entity has in the text, when the golden counts them.
        var mentions: Int?
        var knownFailure: String?

        enum CodingKeys: String, CodingKey {
            case name, aliases, roles, affiliations, factions, mentions
            case knownFailure = "known_failure"
        }
    }

    /// A string, or `{"text": …, "known_failure": …}`.
    struct Item: Decodable {
        var text: String
        var knownFailure: String?

        enum CodingKeys: String, CodingKey {
            case text
            case knownFailure = "known_failure"
        }

        init(from decoder: Decoder) throws {
            if let s = try? decoder.singleValueContainer().decode(String.self) {
                text = s
                knownFailure = nil
            } else {
                let c = try decoder.container(keyedBy: CodingKeys.self)
                text = try c.decode(String.self, forKey: .text)
                knownFailure = try c.decodeIfPresent(String.self, forKey: .knownFailure)
            }
        }
    }

    var quotes: [ExpectedQuote]
    var people: [ExpectedEntity]?
    var organizations: [ExpectedEntity]?
    var outlets: [ExpectedEntity]?
    var factions: [ExpectedEntity]?
    var peopleNotInArticle: [Item]?
    var notQuotes: [Item]?

    enum CodingKeys: String, CodingKey {
        case quotes, people, organizations, outlets, factions
        case peopleNotInArticle = "people_not_in_article"
        case notQuotes = "not_quotes"
    }
}

enum AnalysisGolden {
    /// `corpus/` in the package root, three levels above this file.
    static let corpus: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("corpus")

    /// Golden paths relative to `corpus/` without `.analysis.json` (`text/NAME`, `pages/NAME`), sorted.
    static let names: [String] = {
        var out: [String] = []
        for dir in ["pages", "text"] {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: corpus.appendingPathComponent(dir).path)) ?? []
            out += files.filter { $0.hasSuffix(".analysis.json") }.map { dir + "/" + $0.dropLast(".analysis.json".count) }
        }
        return out.sorted()
    }()

    static func articleURL(_ name: String) -> URL? {
        for ext in ["html", "txt"] {
            let url = corpus.appendingPathComponent(name + "." + ext)
            if FileManager.default.fileExists(atPath: url.path) { return url }
        }
        return nil
    }

    /// Extracts and analyses the article, and reads its golden.
    static func run(_ name: String) throws -> GoldenRun {
        let golden = try JSONDecoder().decode(
            AnalysisGoldenFile.self, from: Data(contentsOf: corpus.appendingPathComponent(name + ".analysis.json")))
        let url = try #require(articleURL(name))
        var doc = try DocumentExtractor().extract(InputItem(path: url.path, bytes: [UInt8](try Data(contentsOf: url))))
        Analyzer().analyze(&doc)
        return GoldenRun(golden: golden, doc: doc)
    }

    /// Records each difference as an issue; as known issues when the golden marks the case a known
    /// failure (so the test reports them without failing, and fails once the case passes, to have the
    /// mark removed).
    static func check(_ knownFailure: String?, _ label: String, _ differences: () -> [String]) {
        let found = differences()
        if let reason = knownFailure {
            withKnownIssue(Comment(rawValue: "\(label): known failure: \(reason)")) {
                for d in found { Issue.record(Comment(rawValue: "\(label)\n\(d)")) }
            }
        } else {
            for d in found { Issue.record(Comment(rawValue: "\(label)\n\(d)")) }
        }
    }
}

/// One analysed article with its golden.
struct GoldenRun {
    let golden: AnalysisGoldenFile
    let doc: Document
    let text: ScalarText

    init(golden: AnalysisGoldenFile, doc: Document) {
        self.golden = golden
        self.doc = doc
        text = ScalarText(doc.text)
    }

    /// Every range where `s` occurs in the text.
    func occurrences(of s: String) -> [TextRange] {
        let needle = Array(s.unicodeScalars)
        let hay = text.scalars
        guard !needle.isEmpty, needle.count <= hay.count else { return [] }
        var out: [TextRange] = []
        var i = 0
        while i + needle.count <= hay.count {
            if hay[i] == needle[0] && Array(hay[i..<(i + needle.count)]) == needle {
                out.append(TextRange(start: i, end: i + needle.count))
            }
            i += 1
        }
        return out
    }

    func overlap(_ a: TextRange, _ b: TextRange) -> Int { max(0, min(a.end, b.end) - max(a.start, b.start)) }

    func describe(_ q: Quote) -> String {
        let speaker = q.speaker.map { "\($0.name) (\($0.type.rawValue))" } ?? "none"
        let cue = q.cue.map { text[$0] } ?? "none"
        let content = q.content.map { "\"" + text[$0] + "\"" }.joined(separator: " + ")
        return "\(q.kind.rawValue), speaker \(speaker), cue \(cue), via \(q.via ?? "none"): \(content)"
    }

    /// What differs between an expected quote and the found quote covering most of its content.
    func differences(_ want: AnalysisGoldenFile.ExpectedQuote) -> [String] {
        var ranges: [TextRange] = []
        for part in want.content.parts {
            guard let r = occurrences(of: part).first else { return ["golden error: content not in the text: \(part)"] }
            ranges.append(r)
        }
        guard !occurrences(of: want.cue).isEmpty else { return ["golden error: cue not in the text: \(want.cue)"] }
        func covered(_ q: Quote, _ r: TextRange) -> Int { q.content.reduce(0) { $0 + overlap($1, r) } }
        let best = doc.annotations.quotes.max { a, b in
            ranges.reduce(0) { $0 + covered(a, $1) } < ranges.reduce(0) { $0 + covered(b, $1) }
        }
        let wanted = "want \(want.kind), speaker \(want.speaker) (\(want.speakerType)), cue \(want.cue), via \(want.via ?? "none"): "
            + want.content.parts.map { "\"\($0)\"" }.joined(separator: " + ")
        guard let q = best, ranges.contains(where: { covered(q, $0) > 0 }) else {
            let near = doc.annotations.quotes.filter { q in
                q.content.contains { c in ranges.contains { abs(c.start - $0.start) < 400 } }
            }
            return ["not found\n  \(wanted)\n  quotes nearby:" + near.map { "\n    " + describe($0) }.joined()]
        }
        var out: [String] = []
        // Each part is mostly covered (content overlap, not exact spans).
        for (part, r) in zip(want.content.parts, ranges) where covered(q, r) * 2 < r.count {
            out.append("content part missing: \"\(part)\"")
        }
        if let s = q.speaker {
            if s.name != want.speaker { out.append("speaker: want \(want.speaker), got \(s.name)") }
            if s.type.rawValue != want.speakerType { out.append("speaker type: want \(want.speakerType), got \(s.type.rawValue)") }
        } else {
            out.append("speaker: want \(want.speaker), got none")
        }
        if q.kind.rawValue != want.kind { out.append("kind: want \(want.kind), got \(q.kind.rawValue)") }
        let cue = q.cue.map { text[$0] }
        if cue != want.cue { out.append("cue: want \(want.cue), got \(cue ?? "none")") }
        if q.via != want.via { out.append("via: want \(want.via ?? "none"), got \(q.via ?? "none")") }
        if let affiliation = want.affiliation {
            let entity = q.speaker?.entity.flatMap { id in doc.annotations.people.first { $0.id == id } }
            let ok = entity?.affiliations.contains(affiliation) == true
                || (q.speaker?.type == .anonymous && q.speaker?.name?.hasPrefix(affiliation + " ") == true)
            if !ok {
                out.append("affiliation: want \(affiliation), got \(entity.map { $0.affiliations.description } ?? q.speaker?.name ?? "none")")
            }
        }
        return out.isEmpty ? [] : ["\(out.joined(separator: "\n"))\n  \(wanted)\n  got  " + describe(q)]
    }

    /// A quote whose content lies inside an occurrence of `s` (a quoted name that is not a quote).
    func reportedAsQuote(_ s: String) -> [String] {
        let places = occurrences(of: s)
        guard !places.isEmpty else { return ["golden error: not in the text: \(s)"] }
        return doc.annotations.quotes.filter { q in
            q.content.contains { c in places.contains { $0.start <= c.start && c.end <= $0.end } }
        }.map { "reported as a quote: " + describe($0) }
    }

    /// People found that carry `name` (as their name or an alias, or part of it).
    func personNamed(_ name: String) -> [String] {
        doc.annotations.people.filter { p in
            ([p.name] + p.aliases).contains { $0 == name || $0.contains(name) || name.contains($0) && $0.contains(" ") }
        }.map { "found as a person: \($0.name) (aliases \($0.aliases))" }
    }

    func differences(_ want: AnalysisGoldenFile.ExpectedEntity) -> [String] {
        entityDifferences(want, in: doc.annotations.people, kind: "person")
    }

    func entityDifferences(_ want: AnalysisGoldenFile.ExpectedEntity, in list: [Entity], kind: String) -> [String] {
        guard let e = list.first(where: { $0.name == want.name }) else {
            let similar = list.filter { e in ([e.name] + e.aliases).contains { want.name.contains($0) || $0.contains(want.name) } }
            return ["\(kind) missing: want \(want.name); found " + (similar.isEmpty ? "nothing like it" : similar.map { "\($0.name) (aliases \($0.aliases))" }.joined(separator: ", "))
                + "\n  all: " + list.map(\.name).joined(separator: ", ")]
        }
        var out: [String] = []
        func subset(_ what: String, _ wanted: [String]?, _ got: [String]) {
            let missing = (wanted ?? []).filter { !got.contains($0) }
            if !missing.isEmpty { out.append("\(what) missing: \(missing); got \(got)") }
        }
        subset("aliases", want.aliases, e.aliases)
        // A role is found when some role found holds it (`former chief whip` in `a former chief whip`).
        let roles = (want.roles ?? []).filter { r in !e.roles.contains { $0.contains(r) } }
        if !roles.isEmpty { out.append("roles missing: \(roles); got \(e.roles)") }
        subset("affiliations", want.affiliations, e.affiliations)
        subset("factions", want.factions, e.factions)
        if let m = want.mentions, m != e.mentions.count {
            out.append("mentions: want \(m), got \(e.mentions.count): " + e.mentions.map { "\"\(text[$0])\"" }.joined(separator: ", "))
        }
        return out.isEmpty ? [] : ["\(kind) \(want.name):\n  " + out.joined(separator: "\n  ")]
    }
}

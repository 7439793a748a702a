import Foundation
import GRDB
import Testing
import WhoSaidAggregate
import WhoSaidCore
import WhoSaidStore

/// Speakers described rather than named (*a spokesman*, *The survey*) are speakers of their article;
/// named ones and bare plurals are one speaker across articles. Real stores, as in ``AggregationTests``.
@Suite(.timeLimit(.minutes(1))) struct DescribedSpeakerTests {
    typealias A = AggregationTests

    static let kinds: [String: Speaker.Kind] = [
        "a spokesman": .anonymous, "The survey": .group, "Labour MPs": .group, "the Democrats": .group,
        "Democrats": .group, "A Momentum spokesman": .anonymous, "A Labour spokesman": .anonymous,
    ]

    /// Two articles of different outlets, each quoting `a spokesman`, `The survey`, Alma Reyes and
    /// Labour MPs, with `the Democrats` in one and `Democrats` in the other.
    static func twoArticles(_ store: SQLiteStore) throws {
        _ = try A.write(store, [
            A.article("courier", outlet: "Harbour Courier", published: "2024-04-01", people: [A.person("p1", "Alma Reyes")],
                      quotes: [("a spokesman", "“We do not comment on operational matters.”"),
                               ("The survey", "“Two in three islanders use the ferry weekly.”"),
                               ("Alma Reyes", "“The ferry must run.”"), ("Labour MPs", "“The timetable is a scandal.”"),
                               ("the Democrats", "“We will vote no.”")],
                      kinds: kinds),
            A.article("herald", outlet: "Valley Herald", published: "2024-04-02", people: [A.person("p1", "Alma Reyes")],
                      quotes: [("a spokesman", "“We do not comment on operational matters.”"),
                               ("The survey", "“Most residents oppose the new road.”"),
                               ("Alma Reyes", "“Fares are too high.”"), ("Labour MPs", "“The road is a scandal.”"),
                               ("Democrats", "“We will vote yes.”")],
                      kinds: kinds),
        ])
    }

    @Test func descriptionsAreSpeakersOfTheirArticleAndNamesMergeAcrossArticles() throws {
        let (store, dir) = try A.tempStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.twoArticles(store)
        let query = ClaimQuery(store: store)
        let speakers = try query.speakers(ClaimFilter())
        func rows(_ name: String) -> [SpeakerRow] { speakers.filter { $0.name == name } }

        // Each article's `The survey` and `a spokesman` is its own speaker, labelled with its article.
        for name in ["The survey", "a spokesman"] {
            #expect(rows(name).count == 2, "\(name): \(rows(name))")
            #expect(Set(rows(name).map(\.article)) == ["courier", "herald"], "\(name)")
            #expect(rows(name).allSatisfy { $0.claims == 1 && $0.reports == 1 && $0.outlets.count == 1 }, "\(name)")
        }
        #expect(rows("The survey").first { $0.article == "courier" }?.outlets.map(\.name) == ["Harbour Courier"])
        // The same words from two unaffiliated spokesmen are two claims, not one.
        var f = ClaimFilter()
        f.about = "operational matters"
        #expect(try query.claims(f).map { $0.reports.map(\.article) } == [["courier"], ["herald"]])

        // A named person and a bare plural are one speaker across articles; `the Democrats` is `Democrats`.
        #expect(rows("Alma Reyes").map(\.claims) == [2])
        #expect(rows("Alma Reyes").first?.article == nil)
        #expect(rows("Labour MPs").map(\.claims) == [2])
        #expect(rows("Labour MPs").first?.article == nil)
        #expect(speakers.filter { NameKey.of($0.name) == "democrats" }.map(\.claims) == [2])

        // `--speaker` with a description finds every speaker so described; `--article` keeps one.
        f = ClaimFilter()
        f.speaker = "The survey"
        #expect(try query.claims(f).count == 2)
        f.article = "herald"
        #expect(try query.claims(f).map(\.text) == ["“Most residents oppose the new road.”"])

        // `show` does not present two articles' `The survey` as one entity.
        #expect(throws: ShowError.described(name: "The survey", articles: ["courier", "herald"])) {
            try query.show("The survey")
        }
        guard case .entity(let mps) = try query.show("Labour MPs") else { Issue.record("Labour MPs not shown"); return }
        #expect(mps.own == 2)

        let entities = try store.read { db in
            try Row.fetchAll(db, sql: """
                SELECT e.kind, e.name, a.doc_id FROM canonical_entities e LEFT JOIN articles a ON a.id = e.article_id
                WHERE e.kind IN ('group', 'anonymous') ORDER BY e.name, a.doc_id
                """).map { "\($0[0] as String) \($0[1] as String) \(($0[2] as String?) ?? "-")" }
        }
        #expect(Set(entities) == [
            "group the Democrats -", "group Labour MPs -", "group The survey courier", "group The survey herald",
            "anonymous a spokesman courier", "anonymous a spokesman herald",
        ])
        #expect(entities.count == 6)
    }

    @Test func aDescriptionsOrganisationIsCreditedAndItsStatementInTwoPapersIsOneClaim() throws {
        let (store, dir) = try A.tempStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        let momentum = Entity(id: "o1", kind: .organization, name: "Momentum")
        let labour = Entity(id: "o2", kind: .organization, name: "Labour", aliases: ["the Labour Party"])
        let statement = "“The results show members want change.”"
        _ = try A.write(store, [
            A.article("one", outlet: "Harbour Courier", published: "2024-05-01", people: [momentum, labour],
                      quotes: [("A Momentum spokesman", statement), ("A Labour spokesman", "“We are united.”")], kinds: Self.kinds),
            A.article("two", outlet: "Valley Herald", published: "2024-05-02", people: [momentum, labour],
                      quotes: [("A Momentum spokesman", statement), ("A Momentum spokesman", "“Turnout was high.”"),
                               ("A Labour spokesman", statement)],
                      kinds: Self.kinds),
        ])
        let query = ClaimQuery(store: store)
        let sources = try query.sources(ClaimFilter())
        let forMomentum = try #require(sources.first { $0.name == "Momentum" })
        // One statement carried by both papers, and another said in the second only.
        #expect(forMomentum.affiliated == 2 && forMomentum.own == 0, "\(forMomentum)")
        #expect(forMomentum.reports == 3)
        #expect(forMomentum.affiliatedSpeakers == [NameCount(name: "A Momentum spokesman", count: 2)])
        let forLabour = try #require(sources.first { $0.name == "Labour" })
        #expect(forLabour.affiliated == 2, "the same words for another organisation are another claim")

        var f = ClaimFilter()
        f.source = "Momentum"
        f.sort = .oldest
        let claims = try query.claims(f)
        #expect(claims.map(\.text) == [statement, "“Turnout was high.”"])
        #expect(claims.first?.reports.map(\.article) == ["one", "two"])
        #expect(claims.allSatisfy { $0.speaker?.affiliation == "Momentum" })

        // The speakers: the first paper's spokesman with the claim both carried, the second's with its own.
        let speakers = try query.speakers(ClaimFilter()).filter { $0.name == "A Momentum spokesman" }
        #expect(speakers.map(\.article) == ["one", "two"])
        #expect(speakers.map(\.reports) == [2, 1])
        #expect(speakers.allSatisfy { $0.affiliations == [NameCount(name: "Momentum", count: 1)] })
    }

    @Test func aVersion4DatabaseIsRebuiltWithItsDescriptionsApart() throws {
        let (store, dir) = try A.tempStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.twoArticles(store)
        func snapshot(_ s: SQLiteStore) throws -> [String] {
            try ClaimQuery(store: s).speakers(ClaimFilter()).map { "\($0.name)|\($0.article ?? "")|\($0.claims)|\($0.reports)" }
                .sorted()
        }
        let expected = try snapshot(store)
        #expect(expected.filter { $0.hasPrefix("The survey|") }.count == 2)
        let path = store.path
        try store.close()

        // Back to schema 4, with what it held: one `The survey` and one `a spokesman` across articles.
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: A.undoVersion6)
            for name in ["The survey", "a spokesman"] {
                let ids = try Int64.fetchAll(db, sql: "SELECT id FROM canonical_entities WHERE name = ? ORDER BY id", arguments: [name])
                try #require(ids.count == 2)
                try db.execute(sql: "UPDATE claims SET speaker_id = ? WHERE speaker_id = ?", arguments: [ids[0], ids[1]])
                try db.execute(sql: "DELETE FROM canonical_aliases WHERE entity_id = ?", arguments: [ids[1]])
                try db.execute(sql: "DELETE FROM canonical_entities WHERE id = ?", arguments: [ids[1]])
                try db.execute(sql: "UPDATE canonical_entities SET key = ? WHERE id = ?", arguments: [NameKey.of(name), ids[0]])
            }
            try db.execute(sql: """
                DROP INDEX claims_affiliation_hash;
                ALTER TABLE canonical_entities DROP COLUMN article_id;
                DELETE FROM grdb_migrations WHERE identifier = 'v5';
                PRAGMA user_version = 4;
                """)
            let merged = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM canonical_entities WHERE name = 'The survey'")
            #expect(merged == 1)
        }
        try queue.close()

        let reopened = try SQLiteStore(path: path)
        #expect(try reopened.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == SQLiteStore.schemaVersion)
        #expect(try snapshot(reopened) == expected)
        // And it goes on as a new store would: a third article's `The survey` is a third speaker.
        _ = try A.write(reopened, [
            A.article("third", outlet: nil, published: nil, people: [], quotes: [("The survey", "“Ferries are late.”")], kinds: Self.kinds)
        ])
        #expect(try ClaimQuery(store: reopened).speakers(ClaimFilter()).filter { $0.name == "The survey" }.count == 3)
    }

    @Test func whichSpeakersAreConfinedToTheirArticle() {
        let cases: [(name: String, kind: String, scoped: Bool)] = [
            ("a spokesman", "anonymous", true), ("Momentum spokesman", "anonymous", true), ("The survey", "group", true),
            ("the council's report", "group", true), ("one senior official", "anonymous", true), ("the company", "group", true),
            ("two administration officials", "group", true), ("Some Freedom Caucus members", "group", true),
            ("Labour's economists", "group", true), ("It", "group", true), ("3,000 residents", "group", true),
            ("the organisers", "group", true), ("The Capitol Ledger survey", "group", true),
            ("Republicans", "group", false), ("Labour MPs", "group", false), ("party officials", "group", false),
            ("the Democrats", "group", false), ("the Labour MPs", "group", false), ("Alma Reyes", "person", false),
            ("the Home Office", "organization", false), ("the soft left", "faction", false),
        ]
        for c in cases {
            #expect(SpeakerScope.isArticleScoped(kind: c.kind, name: c.name) == c.scoped, "\(c.name) (\(c.kind))")
        }
    }
}

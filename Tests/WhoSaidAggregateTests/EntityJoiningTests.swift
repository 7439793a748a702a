import Foundation
import GRDB
import Testing
import WhoSaidAggregate
import WhoSaidCore
import WhoSaidStore

/// Names joined across articles (issue 14): a partial name joins the one full name that fits, people
/// sharing a surname stay apart, a name typed two ways goes to its majority kind, pronouns are never
/// entities, and none of it depends on the order the articles came in.
@Suite(.timeLimit(.minutes(1))) struct EntityJoiningTests {
    typealias A = AggregationTests

    static let kinds: [String: Speaker.Kind] = [
        "Marsh": .person, "Smith": .person, "He": .person, "They": .group, "We": .group, "it": .organization,
    ]

    static func org(_ id: String, _ name: String) -> Entity { Entity(id: id, kind: .organization, name: name) }

    /// One quote per article, so that any order of the articles can be tried.
    static let articles: [Document] = [
        A.article("quill-full", outlet: "Harbour Courier", published: "2024-01-02",
                  people: [A.person("p1", "Ada Quill")], quotes: [("Ada Quill", "“The pier will reopen.”")]),
        A.article("quill-surname", outlet: "Valley Herald", published: "2024-01-03",
                  people: [A.person("p1", "Quill")], quotes: [("Quill", "“Ask the council.”")]),
        A.article("marsh-middle", outlet: "Harbour Courier", published: "2024-01-04",
                  people: [A.person("p1", "Owen John Marsh")], quotes: [("Owen John Marsh", "“Tides are rising.”")]),
        A.article("marsh-short", outlet: "Valley Herald", published: "2024-01-05",
                  people: [A.person("p1", "Owen Marsh")], quotes: [("Owen Marsh", "“The wall is too low.”")]),
        A.article("marsh-surname", outlet: nil, published: nil, people: [],
                  quotes: [("Marsh", "“We need a survey.”")], kinds: kinds),
        A.article("smith-ann", outlet: nil, published: "2024-02-01",
                  people: [A.person("p1", "Ann Smith")], quotes: [("Ann Smith", "“Buses first.”")]),
        A.article("smith-bob", outlet: nil, published: "2024-02-02",
                  people: [A.person("p1", "Bob Smith")], quotes: [("Bob Smith", "“Trains first.”")]),
        A.article("smith-surname", outlet: nil, published: "2024-02-03", people: [],
                  quotes: [("Smith", "“Nobody asked me.”")], kinds: kinds),
        A.article("pronouns", outlet: nil, published: "2024-02-04", people: [A.person("p1", "I")],
                  quotes: [("He", "“No comment.”"), ("They", "“We will strike.”"), ("I", "“I was there.”"),
                           ("We", "“Not us.”"), ("it", "“Under review.”")],
                  kinds: kinds),
        A.article("nasa-1", outlet: nil, published: "2024-03-01", people: [Self.org("o1", "NASA")],
                  quotes: [("NASA", "“Launch is on schedule.”")]),
        A.article("nasa-2", outlet: nil, published: "2024-03-02", people: [Self.org("o1", "NASA")],
                  quotes: [("NASA", "“The crew is ready.”")]),
        A.article("nasa-person", outlet: nil, published: "2024-03-03", people: [A.person("p1", "NASA")],
                  quotes: [("NASA", "“Weather permitting.”")]),
        A.article("harbor-person", outlet: nil, published: "2024-03-04", people: [A.person("p1", "Forward Harbor")],
                  quotes: [("Forward Harbor", "“We back Quill.”")]),
        A.article("harbor-org", outlet: nil, published: "2024-03-05", people: [Self.org("o1", "Forward Harbor")],
                  quotes: [("Forward Harbor", "“Ads start Monday.”")]),
    ]

    /// What a reader sees of the speakers: name, type, claims and reports, in a fixed order.
    static func speakers(_ store: SQLiteStore) throws -> [String] {
        try ClaimQuery(store: store).speakers(ClaimFilter()).map { "\($0.name)|\($0.type)|\($0.claims)|\($0.reports)" }.sorted()
    }

    static func ingest(_ docs: [Document], oneAtATime: Bool) throws -> (SQLiteStore, URL) {
        let (store, dir) = try A.tempStore()
        if oneAtATime {
            for doc in docs { _ = try A.write(store, [doc]) }
        } else {
            _ = try A.write(store, docs)
        }
        return (store, dir)
    }

    @Test func partialNamesJoinTheOneFullNameThatFitsAndSharedSurnamesStayApart() throws {
        let (store, dir) = try Self.ingest(Self.articles, oneAtATime: false)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try Self.speakers(store) == [
            "Ada Quill|person|2|2",
            "Ann Smith|person|1|1",
            "Bob Smith|person|1|1",
            "Forward Harbor|organization|2|2",
            "NASA|organization|3|3",
            "Owen John Marsh|person|3|3",
            "Smith|person|1|1",
        ])
        let query = ClaimQuery(store: store)
        var f = ClaimFilter()
        f.speaker = "Quill"
        #expect(Set(try query.claims(f).map { $0.speaker?.name }) == ["Ada Quill"])
        #expect(try query.claims(f).count == 2)
        f.speaker = "Owen Marsh"
        #expect(try query.claims(f).count == 3)
        f.speaker = "Smith"
        #expect(try query.claims(f).map(\.text) == ["“Nobody asked me.”"], "an ambiguous surname is its own speaker")
        f.speaker = "Ann Smith"
        #expect(try query.claims(f).map(\.text) == ["“Buses first.”"])
    }

    @Test func theSameEntitiesWhateverTheIngestOrder() throws {
        let (first, dir) = try Self.ingest(Self.articles, oneAtATime: false)
        defer { try? FileManager.default.removeItem(at: dir) }
        let expected = try Self.speakers(first)
        // Reversed, interleaved, and one article per batch: the joins are the same.
        let reversed = Array(Self.articles.reversed())
        let interleaved = Self.articles.enumerated().sorted { ($0.offset % 3, $0.offset) < ($1.offset % 3, $1.offset) }.map(\.element)
        for (order, oneAtATime) in [(reversed, false), (reversed, true), (interleaved, true), (Self.articles, true)] {
            let (store, dir) = try Self.ingest(order, oneAtATime: oneAtATime)
            defer { try? FileManager.default.removeItem(at: dir) }
            #expect(try Self.speakers(store) == expected, "order \(order.map(\.id))")
            // And ingesting it all again changes nothing.
            #expect(try A.write(store, order).duplicates == order.count)
            #expect(try Self.speakers(store) == expected)
        }
    }

    @Test func anAmbiguousSurnameLeavesTheFullNameItJoinedWhenASecondPersonArrives() throws {
        let docs = Self.articles.filter { $0.id.hasPrefix("smith") }
        let (store, dir) = try A.tempStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try A.write(store, [docs[0], docs[2]])
        #expect(try Self.speakers(store) == ["Ann Smith|person|2|2"], "one Smith known: the surname is hers")
        _ = try A.write(store, [docs[1]])
        #expect(try Self.speakers(store) == ["Ann Smith|person|1|1", "Bob Smith|person|1|1", "Smith|person|1|1"])
    }

    @Test func aTitledNameAndTheSameNameWithoutTitleAreNamedAlikeWhateverCameFirst() throws {
        let docs = [
            A.article("a", outlet: nil, published: nil, people: [A.person("p1", "Sir Keir Starmer")],
                      quotes: [("Sir Keir Starmer", "“We will rebuild.”")]),
            A.article("b", outlet: nil, published: nil, people: [A.person("p1", "Keir Starmer")],
                      quotes: [("Keir Starmer", "“Taxes stay.”")]),
        ]
        for order in [docs, Array(docs.reversed())] {
            let (store, dir) = try Self.ingest(order, oneAtATime: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            #expect(try Self.speakers(store) == ["Keir Starmer|person|2|2"])
        }
    }

    @Test func pronounsAreNeverEntities() throws {
        let (store, dir) = try Self.ingest(Self.articles, oneAtATime: false)
        defer { try? FileManager.default.removeItem(at: dir) }
        let names = try store.read { db in try String.fetchAll(db, sql: "SELECT name FROM canonical_entities") }
        for pronoun in ["He", "I", "It", "They", "We"] {
            #expect(!names.contains { $0.lowercased() == pronoun.lowercased() }, "\(pronoun) is an entity")
        }
        // Their quotes are kept, shown as written and typed anonymous.
        var f = ClaimFilter()
        f.article = "pronouns"
        let claims = try ClaimQuery(store: store).claims(f)
        #expect(claims.count == 5)
        #expect(claims.allSatisfy { $0.speaker?.type == "anonymous" })
        #expect(Set(claims.compactMap { $0.speaker?.name }) == ["He", "They", "I", "We", "it"])
        // The article shows them so too, and has no person named I.
        guard case .article(let article) = try ClaimQuery(store: store).show("pronouns") else {
            Issue.record("no article")
            return
        }
        #expect(article.people.isEmpty)
        #expect(article.quotes.allSatisfy { $0.speaker?.type == "anonymous" })
    }

    @Test func aVersion5DatabaseGetsItsJoinsAndSortKeysWhenOpened() throws {
        let (store, dir) = try A.tempStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        var docs = Array(Self.articles.prefix(2))
        docs[1].published = "Wed, 03 Jan 2024 10:00:00 GMT"
        _ = try A.write(store, docs)
        let expected = try Self.speakers(store)
        #expect(expected == ["Ada Quill|person|2|2"])
        let path = store.path
        try store.close()
        // Back to schema 5: every name its own speaker, and dates as the articles give them.
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: """
                UPDATE claims SET speaker_id = named_speaker_id;
                UPDATE reports SET published = (SELECT published FROM articles WHERE id = reports.article_id);
                UPDATE claims SET first_reported = (SELECT MIN(published) FROM reports WHERE claim_id = claims.id);
                """)
            try db.execute(sql: A.undoVersion6)
        }
        try queue.close()
        let reopened = try SQLiteStore(path: path)
        #expect(try Self.speakers(reopened) == expected)
        #expect(try ClaimQuery(store: reopened).claims(ClaimFilter()).map(\.firstReported) == ["2024-01-03T10:00:00Z", "2024-01-02"])
    }
}

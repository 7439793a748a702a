import Foundation
import GRDB
import Testing
import WhoSaidAggregate
import WhoSaidCore
import WhoSaidStore

/// Aggregation across invented articles written straight into a store, then queried.
@Suite(.timeLimit(.minutes(1))) struct AggregationTests {
    static func tempStore() throws -> (SQLiteStore, URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("whosaid-agg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return (try SQLiteStore(path: dir.appendingPathComponent("w.sqlite").path), dir)
    }

    /// A document whose text is `quotes` (each said by the person at the same index) after a lead line;
    /// a speaker that is none of `people` is anonymous, or of its kind in `kinds`.
    static func article(
        _ id: String, outlet: String?, published: String?, people: [Entity], quotes: [(speaker: String, text: String)],
        via: String? = nil, kinds: [String: Speaker.Kind] = [:]
    ) -> Document {
        var text = "Lead \(id).\n"
        var qs: [Quote] = []
        for (i, q) in quotes.enumerated() {
            let start = text.unicodeScalars.count
            text += q.text
            let end = text.unicodeScalars.count
            text += " said \(q.speaker).\n"
            let entity = people.first { $0.name == q.speaker || $0.aliases.contains(q.speaker) }
            qs.append(Quote(
                id: "q\(i + 1)", kind: .direct,
                speaker: Speaker(name: entity?.name ?? q.speaker, type: entity.map { $0.kind == .person ? .person : .organization } ?? kinds[q.speaker] ?? .anonymous,
                                 entity: entity?.id),
                cue: nil, content: [TextRange(start: start, end: end)], via: via, confidence: 0.9))
        }
        var doc = Document(id: id, path: "\(id).txt", published: published, outlet: outlet, text: text,
                           paragraphs: [TextRange(start: 0, end: text.unicodeScalars.count)])
        doc.annotations.people = people.filter { $0.kind == .person }
        doc.annotations.organizations = people.filter { $0.kind == .organization }
        doc.annotations.quotes = qs
        return doc
    }

    static func person(_ id: String, _ name: String, aliases: [String] = [], affiliations: [String] = [],
                       factions: [String] = []) -> Entity {
        Entity(id: id, kind: .person, name: name, aliases: aliases, affiliations: affiliations, factions: factions)
    }

    /// Takes a database back to schema 5, as written before version 6 (joins, named speakers); of version 7
    /// the wire column goes, and the two checks it loosened stay (it runs again after v6).
    static let undoVersion6 = """
        DROP INDEX claims_named_key;
        DROP INDEX claims_named_hash;
        DROP INDEX canonical_entities_surname;
        DROP INDEX canonical_entities_merged;
        ALTER TABLE claims DROP COLUMN named_speaker_id;
        ALTER TABLE canonical_entities DROP COLUMN merged_into;
        ALTER TABLE canonical_entities DROP COLUMN surname;
        CREATE INDEX claims_speaker_key ON claims(speaker_id, text_key);
        CREATE INDEX claims_speaker_hash ON claims(speaker_id, key_hash);
        DELETE FROM grdb_migrations WHERE identifier = 'v6';
        ALTER TABLE articles DROP COLUMN wire;
        DELETE FROM grdb_migrations WHERE identifier = 'v7';
        PRAGMA user_version = 5;
        """

    static func write(_ store: SQLiteStore, _ docs: [Document]) throws -> StoreOutcome {
        try store.write(StoreBatch(documents: docs.map { StoredDocument(document: $0) }))
    }

    @Test func aliasesOfOnePersonMergeAndNamesSharedByDifferentPeopleDoNot() throws {
        let (store, dir) = try Self.tempStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try Self.write(store, [
            Self.article("a", outlet: "Harbour Courier", published: "2024-01-02", people: [
                Self.person("p1", "Sir Keir Starmer", aliases: ["Starmer"]),
                Self.person("p2", "Alma Reyes", aliases: ["Reyes"]),
            ], quotes: [("Sir Keir Starmer", "“We will rebuild the harbour wall.”"), ("Alma Reyes", "“The ferry must run.”")]),
            Self.article("b", outlet: "Valley Herald", published: "2024-01-05", people: [
                Self.person("p1", "Keir Starmer", aliases: ["Sir Keir", "Starmer"]),
                Self.person("p2", "Tomas Reyes", aliases: ["Reyes"]),
                Self.person("p3", "Keir Hardie"),
            ], quotes: [
                ("Keir Starmer", "“Taxes stay where they are.”"), ("Tomas Reyes", "“The ferry is a disgrace.”"),
                ("Keir Hardie", "“Organise.”"),
            ]),
        ])
        let query = ClaimQuery(store: store)
        var f = ClaimFilter()
        f.speaker = "Starmer"
        let starmer = try query.claims(f)
        #expect(starmer.count == 2)
        #expect(Set(starmer.map { $0.speaker?.name }).count == 1, "one entity for both forms of the name")
        f.speaker = "Sir Keir Starmer"
        #expect(try query.claims(f).map(\.id) == starmer.map(\.id))

        f.speaker = "Alma Reyes"
        #expect(try query.claims(f).map(\.text) == ["“The ferry must run.”"])
        f.speaker = "Tomas Reyes"
        #expect(try query.claims(f).map(\.text) == ["“The ferry is a disgrace.”"])
        f.speaker = "Keir Hardie"
        #expect(try query.claims(f).map(\.text) == ["“Organise.”"], "a shared first name does not merge")
        let people = try store.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM canonical_entities WHERE kind = 'person' ORDER BY name")
        }
        // Named without the title, whichever form came first (EntityJoiner.rename).
        #expect(people == ["Alma Reyes", "Keir Hardie", "Keir Starmer", "Tomas Reyes"])
    }

    @Test func nearDuplicateQuotesAreOneClaimWithEveryReportAndTheEarliestDate() throws {
        let (store, dir) = try Self.tempStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        let long = "The council has failed the islanders for a decade and the ferry timetable proves it"
        let alma = [Self.person("p1", "Alma Reyes")]
        _ = try Self.write(store, [
            Self.article("late", outlet: "Valley Herald", published: "2024-03-09", people: alma,
                         quotes: [("Alma Reyes", "“\(long), frankly.”")]),
        ])
        _ = try Self.write(store, [
            Self.article("early", outlet: "Harbour Courier", published: "2024-03-01", people: alma,
                         quotes: [("Alma Reyes", "\"" + long.uppercased() + "!\"")]),
            Self.article("other", outlet: "Harbour Courier", published: "2024-02-01", people: [Self.person("p1", "Tomas Reyes")],
                         quotes: [("Tomas Reyes", "“\(long).”")]),
        ])
        var f = ClaimFilter()
        f.speaker = "Alma Reyes"
        let claims = try ClaimQuery(store: store).claims(f)
        #expect(claims.count == 1)
        #expect(claims.first?.reports.map(\.article) == ["early", "late"])
        #expect(claims.first?.firstReported == "2024-03-01")
        f.speaker = "Tomas Reyes"
        #expect(try ClaimQuery(store: store).claims(f).first?.reports.count == 1, "another speaker's same words stay apart")

        // Short texts need to be equal, not contained.
        _ = try Self.write(store, [
            Self.article("short1", outlet: nil, published: nil, people: alma, quotes: [("Alma Reyes", "“We will win.”")]),
            Self.article("short2", outlet: nil, published: nil, people: alma, quotes: [("Alma Reyes", "“We will win the vote.”")]),
        ])
        f.speaker = "Alma Reyes"
        #expect(try ClaimQuery(store: store).claims(f).count == 3)

        // Containment either way, anywhere in the text: a run of 8 words or more from the middle, and
        // a longer quote around the whole claim (its first text, "…, frankly"), join it; 7 words do not.
        let words = long.split(separator: " ")
        let middle = words[3..<12].joined(separator: " ")
        let seven = words[2..<9].joined(separator: " ")
        _ = try Self.write(store, [
            Self.article("middle", outlet: nil, published: nil, people: alma, quotes: [("Alma Reyes", "“…\(middle)…”")]),
            Self.article("around", outlet: nil, published: "2024-01-20", people: alma,
                         quotes: [("Alma Reyes", "“Listen: \(long), frankly, and the minister knows it.”")]),
            Self.article("seven", outlet: nil, published: nil, people: alma, quotes: [("Alma Reyes", "“\(seven).”")]),
        ])
        let all = try ClaimQuery(store: store).claims(f)
        #expect(all.count == 4)
        let merged = try #require(all.first { $0.reports.count > 1 })
        #expect(merged.reports.map(\.article) == ["around", "early", "late", "middle"])
        #expect(merged.firstReported == "2024-01-20")
    }

    @Test func reingestingChangesNothing() throws {
        let (store, dir) = try Self.tempStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        let doc = Self.article("a", outlet: "Harbour Courier", published: "2024-01-02",
                               people: [Self.person("p1", "Alma Reyes")], quotes: [("Alma Reyes", "“The ferry must run.”")])
        _ = try Self.write(store, [doc])
        func counts() throws -> [Int] {
            try store.read { db in
                try ["canonical_entities", "canonical_aliases", "claims", "reports", "claim_factions", "entity_links"].map {
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? -1
                }
            }
        }
        let before = try counts()
        #expect(try Self.write(store, [doc]).duplicates == 1)
        #expect(try counts() == before)
        #expect(before[2] == 1 && before[3] == 1)
    }

    @Test func aVersion1DatabaseGetsItsAggregatesWhenOpened() throws {
        let (store, dir) = try Self.tempStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        let alma = [Self.person("p1", "Alma Reyes", factions: ["the soft left"])]
        _ = try Self.write(store, [
            Self.article("a", outlet: "Harbour Courier", published: "2024-01-02", people: alma,
                         quotes: [("Alma Reyes", "“The ferry must run.”"), ("Alma Reyes", "“Fares are too high.”")]),
            Self.article("b", outlet: "Valley Herald", published: "2024-01-01", people: alma,
                         quotes: [("Alma Reyes", "“The ferry must run!”")]),
        ])
        func snapshot(_ s: SQLiteStore) throws -> [String] {
            var f = ClaimFilter()
            f.speaker = "Alma Reyes"
            return try ClaimQuery(store: s).claims(f).map { c in
                "\(c.text)|\(c.firstReported ?? "")|\(c.factions)|\(c.reports.map(\.article))"
            }
        }
        let expected = try snapshot(store)
        #expect(expected.count == 2)
        // Back to schema 1: the v2 tables gone, as a database written before them.
        let path = store.path
        try store.close()
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            for table in ["reports", "claim_factions", "claims_fts", "claims", "entity_links", "canonical_aliases",
                          "canonical_entities"] {
                try db.execute(sql: "DROP TABLE \(table)")
            }
            try db.execute(sql: "DROP TABLE claim_shingles")
            try db.execute(sql: "DROP INDEX articles_head; DROP INDEX articles_doc")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier IN ('v2', 'v3', 'v4', 'v5', 'v6')")
            try db.execute(sql: "PRAGMA user_version = 1")
        }
        try queue.close()
        let reopened = try SQLiteStore(path: path, create: false)
        #expect(try snapshot(reopened) == expected)
    }

    @Test func aVersion2DatabaseGetsItsNearDuplicateIndexWhenOpened() throws {
        let (store, dir) = try Self.tempStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        let long = "The council has failed the islanders for a decade and the ferry timetable proves it"
        let alma = [Self.person("p1", "Alma Reyes")]
        _ = try Self.write(store, [
            Self.article("a", outlet: nil, published: "2024-01-02", people: alma, quotes: [("Alma Reyes", "“\(long).”")])
        ])
        // Back to schema 2: no near-duplicate index, no listing-order indexes (nor those of v4, v5 and v6).
        let path = store.path
        try store.close()
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: Self.undoVersion6)
            try db.execute(sql: """
                DROP INDEX claims_affiliation_hash;
                ALTER TABLE canonical_entities DROP COLUMN article_id;
                DROP INDEX articles_head;
                DROP INDEX articles_doc;
                DELETE FROM grdb_migrations WHERE identifier IN ('v4', 'v5');
                DROP TABLE claim_shingles;
                DROP INDEX claims_speaker_hash;
                ALTER TABLE claims DROP COLUMN key_hash;
                DROP INDEX claims_speaker_date;
                DROP INDEX claims_affiliation_date;
                DROP INDEX claims_via_date;
                DROP INDEX claims_date;
                CREATE INDEX claims_affiliation ON claims(affiliation_id);
                CREATE INDEX claims_via ON claims(via_id);
                CREATE INDEX claims_first_reported ON claims(first_reported);
                DROP INDEX claim_factions_faction_date;
                ALTER TABLE claim_factions DROP COLUMN sort_date;
                CREATE INDEX claim_factions_faction ON claim_factions(faction_id);
                DELETE FROM grdb_migrations WHERE identifier = 'v3';
                """)
            try db.execute(sql: "PRAGMA user_version = 2")
        }
        try queue.close()
        let reopened = try SQLiteStore(path: path)
        // Both directions of containment need the index of the claim stored under schema 2.
        _ = try Self.write(reopened, [
            Self.article("b", outlet: nil, published: nil, people: alma, quotes: [("Alma Reyes", "“So, \(long) again.”")]),
            Self.article("c", outlet: nil, published: nil, people: alma,
                         quotes: [("Alma Reyes", "“\(long.split(separator: " ").dropFirst(2).joined(separator: " ")).”")]),
        ])
        var f = ClaimFilter()
        f.speaker = "Alma Reyes"
        let claims = try ClaimQuery(store: reopened).claims(f)
        #expect(claims.count == 1)
        #expect(claims.first?.reports.map(\.article).sorted() == ["a", "b", "c"])
    }

    @Test func claimsAreListedNewestOrOldestFirstWhicheverWayTheyAreFound() throws {
        let (store, dir) = try Self.tempStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        let goodall = Self.person("p1", "Lewis Goodall", affiliations: ["Sky News"], factions: ["the soft left"])
        let sky = Entity(id: "o1", kind: .organization, name: "Sky News")
        let ada = Self.person("p2", "Ada Quill", factions: ["the soft left"])
        _ = try Self.write(store, [
            Self.article("own", outlet: nil, published: "2024-03-01", people: [sky], quotes: [("Sky News", "“Own words.”")]),
            Self.article("undated", outlet: nil, published: nil, people: [goodall], quotes: [("Lewis Goodall", "“No date.”")]),
            Self.article("medium", outlet: nil, published: "2024-02-01", people: [ada], quotes: [("Ada Quill", "“Through Sky.”")],
                         via: "Sky News"),
            Self.article("affiliate", outlet: nil, published: "2024-01-01", people: [goodall],
                         quotes: [("Lewis Goodall", "“A correspondent's words.”")]),
        ])
        // A later report with an earlier date moves its claim up.
        _ = try Self.write(store, [
            Self.article("own-early", outlet: nil, published: "2023-12-01", people: [sky], quotes: [("Sky News", "“Own words!”")])
        ])
        let query = ClaimQuery(store: store)
        // --sort oldest: first reported first, undated last.
        var f = ClaimFilter()
        f.sort = .oldest
        f.source = "Sky News"
        #expect(try query.claims(f).map(\.text) == ["“Own words.”", "“A correspondent's words.”", "“Through Sky.”", "“No date.”"])
        f.limit = 2
        #expect(try query.claims(f).map(\.text) == ["“Own words.”", "“A correspondent's words.”"])
        f = ClaimFilter()
        f.sort = .oldest
        f.faction = "soft left"
        #expect(try query.claims(f).map(\.text) == ["“A correspondent's words.”", "“Through Sky.”", "“No date.”"])
        f = ClaimFilter()
        f.sort = .oldest
        f.speaker = "Lewis Goodall"
        #expect(try query.claims(f).map(\.text) == ["“A correspondent's words.”", "“No date.”"])
        f = ClaimFilter()
        f.sort = .oldest
        #expect(try query.claims(f).map(\.text).first == "“Own words.”")

        // The default: newest first, undated still last.
        f = ClaimFilter()
        f.source = "Sky News"
        #expect(try query.claims(f).map(\.text) == ["“Through Sky.”", "“A correspondent's words.”", "“Own words.”", "“No date.”"])
        f.limit = 2
        #expect(try query.claims(f).map(\.text) == ["“Through Sky.”", "“A correspondent's words.”"])
        f = ClaimFilter()
        f.faction = "soft left"
        #expect(try query.claims(f).map(\.text) == ["“Through Sky.”", "“A correspondent's words.”", "“No date.”"])
        f = ClaimFilter()
        f.speaker = "Lewis Goodall"
        #expect(try query.claims(f).map(\.text) == ["“A correspondent's words.”", "“No date.”"])
        #expect(try query.claims(ClaimFilter()).map(\.text) == [
            "“Through Sky.”", "“A correspondent's words.”", "“Own words.”", "“No date.”",
        ])

        // Most reported first (Sky's own words were carried twice), then newest.
        f = ClaimFilter()
        f.sort = .reports
        #expect(try query.claims(f).map(\.text) == ["“Own words.”", "“Through Sky.”", "“A correspondent's words.”", "“No date.”"])
        // By speaker name.
        f.sort = .speaker
        #expect(try query.claims(f).compactMap { $0.speaker?.name } == ["Ada Quill", "Lewis Goodall", "Lewis Goodall", "Sky News"])
        #expect(try query.claims(f).map(\.text)[1...2] == ["“A correspondent's words.”", "“No date.”"])
    }

    @Test func datesCompareAsInstantsAcrossZonesAndImpossibleBoundsAreRefused() throws {
        let (store, dir) = try Self.tempStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        let alma = [Self.person("p1", "Alma Reyes")]
        _ = try Self.write(store, [
            // 23:30 in New York on the 19th is 04:30 UTC on the 20th; 01:00 in Athens on the 20th is 23:00 UTC on the 19th.
            Self.article("new-york", outlet: nil, published: "2019-11-19T23:30:00-05:00", people: alma,
                         quotes: [("Alma Reyes", "“Late in New York.”")]),
            Self.article("athens", outlet: nil, published: "2019-11-20T01:00:00+02:00", people: alma,
                         quotes: [("Alma Reyes", "“Early in Athens.”")]),
            Self.article("day", outlet: nil, published: "2019-11-20", people: alma, quotes: [("Alma Reyes", "“A day.”")]),
            Self.article("rfc", outlet: nil, published: "Wed, 20 Nov 2019 10:00:00 GMT", people: alma,
                         quotes: [("Alma Reyes", "“Raw RFC 2822.”")]),
            Self.article("garbage", outlet: nil, published: "sometime soon", people: alma,
                         quotes: [("Alma Reyes", "“No real date.”")]),
        ])
        let query = ClaimQuery(store: store)
        var f = ClaimFilter()
        #expect(try query.claims(f).map(\.text) == [
            "“Raw RFC 2822.”", "“Late in New York.”", "“A day.”", "“Early in Athens.”", "“No real date.”",
        ])
        #expect(try query.claims(f).map(\.firstReported) == [
            "2019-11-20T10:00:00Z", "2019-11-20T04:30:00Z", "2019-11-20", "2019-11-19T23:00:00Z", nil,
        ])
        f.sort = .oldest
        #expect(try query.claims(f).map(\.text).first == "“Early in Athens.”")
        // UTC days.
        f = ClaimFilter()
        f.until = "2019-11-19"
        #expect(try query.claims(f).map(\.text) == ["“Early in Athens.”"])
        f = ClaimFilter()
        f.since = "2019-11-20"
        #expect(Set(try query.claims(f).map(\.text)) == ["“Raw RFC 2822.”", "“Late in New York.”", "“A day.”"])
        // An instant with its zone.
        f.since = "2019-11-19T23:00:00-05:00"
        #expect(Set(try query.claims(f).map(\.text)) == ["“Raw RFC 2822.”", "“Late in New York.”"])
        // Impossible dates are refused, with the option named.
        for (option, value) in [("--since", "2019-02-30"), ("--until", "2019-13"), ("--since", "2024-13-45"), ("--until", "soon")] {
            f = ClaimFilter()
            if option == "--since" { f.since = value } else { f.until = value }
            #expect(throws: QueryError.badDate(option: option, value: value)) { try query.claims(f) }
        }
        f = ClaimFilter()
        f.since = "2020-02-29"
        #expect(try query.claims(f).isEmpty, "a leap day is a date")
    }

    @Test func sourceCoversAffiliatesAndTheMediumAndOutletSelectsReports() throws {
        let (store, dir) = try Self.tempStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        var doc = Self.article("a", outlet: "Evening Standard", published: "2024-05-01", people: [
            Self.person("p1", "Lewis Goodall", affiliations: ["Sky News"], factions: ["the soft left"]),
            Entity(id: "o1", kind: .organization, name: "Sky News", aliases: ["Sky"]),
        ], quotes: [("Lewis Goodall", "“A reminder.”"), ("Sky News", "“Grit in the machine.”")])
        doc.annotations.outlets = [Entity(id: "m1", kind: .outlet, name: "London Evening Standard", aliases: ["Evening Standard"])]
        let interview = Self.article("b", outlet: "Harbour Courier", published: "2024-05-02",
                                     people: [Self.person("p1", "Jon Lansman")], quotes: [("Jon Lansman", "“Change the rules.”")],
                                     via: "The Independent")
        _ = try Self.write(store, [doc, interview])
        let query = ClaimQuery(store: store)
        var f = ClaimFilter()
        f.source = "Sky"
        #expect(Set(try query.claims(f).map(\.text)) == ["“A reminder.”", "“Grit in the machine.”"])
        f.source = "Independent"
        let lansman = try query.claims(f)
        #expect(lansman.map(\.speaker?.name) == ["Jon Lansman"])
        #expect(lansman.first?.via == "The Independent")
        f = ClaimFilter()
        f.outlet = "London Evening Standard"
        #expect(try query.claims(f).count == 2)
        f.faction = "soft left"
        #expect(try query.claims(f).map(\.text) == ["“A reminder.”"])
        f = ClaimFilter()
        f.since = "2024-05-02"
        #expect(try query.claims(f).map(\.text) == ["“Change the rules.”"])
        f.since = nil
        f.until = "2024-05-01"
        #expect(try query.claims(f).count == 2)
        f.until = "2024-04"
        #expect(try query.claims(f).isEmpty)
    }

    @Test(arguments: [
        "\"", "%", "--", "' OR 1=1 --", "ferry\" OR \"x", "NEAR(ferry run)", "ferry*", "^ferry", "a OR b", "\"; DROP TABLE claims; --",
    ])
    func hostileStringsAreLiteral(_ text: String) throws {
        let (store, dir) = try Self.tempStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try Self.write(store, [Self.article("a", outlet: "Harbour Courier", published: "2024-01-02",
                                                people: [Self.person("p1", "Alma Reyes")],
                                                quotes: [("Alma Reyes", "“The ferry must run.”")])])
        let query = ClaimQuery(store: store)
        var f = ClaimFilter()
        f.about = text
        do {
            let found = try query.claims(f)
            // Only a claim holding every word of the text literally may match.
            for claim in found {
                let words = TextKey.of(claim.text).split(separator: " ")
                #expect(TextKey.of(text).split(separator: " ").allSatisfy(words.contains))
            }
        } catch let error as QueryError {
            #expect(error == .badFullText(query: text, reason: "it has no words to search for"))
        }
        for keyPath in [\ClaimFilter.speaker, \ClaimFilter.source, \ClaimFilter.outlet, \ClaimFilter.faction] {
            var g = ClaimFilter()
            g[keyPath: keyPath] = text
            #expect(throws: QueryError.self) { try query.claims(g) }
        }
        var g = ClaimFilter()
        g.article = text
        #expect(try query.claims(g).isEmpty)
        #expect(try store.stats().quotes == 1, "nothing was dropped")
    }

    @Test func fullTextIsRankedAndUnknownNamesSuggestCloseOnes() throws {
        let (store, dir) = try Self.tempStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try Self.write(store, [Self.article("a", outlet: "Harbour Courier", published: "2024-01-02",
                                                people: [Self.person("p1", "Alma Reyes"), Self.person("p2", "Tomas Reyes")],
                                                quotes: [("Alma Reyes", "“The ferry, the ferry, the ferry must run.”"),
                                                         ("Tomas Reyes", "“A ferry and a bridge and a road and more.”")])])
        let query = ClaimQuery(store: store)
        var f = ClaimFilter()
        f.about = "FERRY"
        #expect(try query.claims(f).map(\.speaker?.name) == ["Alma Reyes", "Tomas Reyes"])
        f.about = "ferry bridge"
        #expect(try query.claims(f).map(\.speaker?.name) == ["Tomas Reyes"])
        f = ClaimFilter()
        f.speaker = "Alma Reyez"
        #expect(throws: QueryError.unknownName(option: "--speaker", name: "Alma Reyez", suggestions: ["Alma Reyes"])) {
            try query.claims(f)
        }
        f.speaker = nil
        f.since = "2024-13-01"
        #expect(throws: QueryError.badDate(option: "--since", value: "2024-13-01")) { try query.claims(f) }
    }
}

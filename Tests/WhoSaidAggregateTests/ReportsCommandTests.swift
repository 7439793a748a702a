import CSV
import Foundation
import Testing

/// `whosaid speakers`, `whosaid sources` and `whosaid show` through the built binary.
@Suite(.timeLimit(.minutes(3)), .serialized) struct ReportsCommandTests {
    typealias Q = QueryCommandTests
    typealias Object = [String: Any]

    static func json(_ run: Q.Run) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
    }

    static func rows(_ run: Q.Run) throws -> [Object] {
        try #require(try json(run) as? [Object], "\(run.stdout) \(run.stderr)")
    }

    static func object(_ run: Q.Run) throws -> Object {
        try #require(try json(run) as? Object, "\(run.stdout) \(run.stderr)")
    }

    static func names(_ value: Any?) -> [String] { (value as? [Object] ?? []).compactMap { $0["name"] as? String } }

    /// Claims never increase down the ranking; ties are broken by reports.
    static func ranked(_ rows: [Object]) -> Bool {
        zip(rows, rows.dropFirst()).allSatisfy { a, b in
            let (ca, cb) = (a["claims"] as? Int ?? 0, b["claims"] as? Int ?? 0)
            return ca > cb || (ca == cb && (a["reports"] as? Int ?? 0) >= (b["reports"] as? Int ?? 0))
        }
    }

    /// Two invented articles: the same quote of Alma Reyes in both, a reporter speaking for the Valley
    /// Herald, an interview carried by the Harbour Courier, and two people called Reyes.
    static func inventedStore() throws -> (String, URL) {
        let (db, dir) = try Q.tempDB()
        let shared = "“The council has failed the islanders for a decade and the timetable proves it,” said Alma Reyes, a councillor."
        let articles: [Object] = [
            ["id": "a1", "title": "Ferry row", "outlet": "Harbour Courier", "published": "2024-03-09",
             "text": "The ferry operator was criticised again on Monday. Valley Herald reporter Ines Marchetti said the "
                + "board had lost the argument. \(shared) Reyes added that the boats were late."],
            ["id": "a2", "title": "Ferry row goes on", "outlet": "Valley Herald", "published": "2024-03-01",
             "text": "Islanders met on Monday. \(shared) Tomas Reyes, a ferry captain, said the boats were safe. Reyes "
                + "said the crews were tired. In an interview with the Harbour Courier, Priya Hollins said the fares "
                + "were too high. Valley Herald reporter Ines Marchetti said the vote was close."],
        ]
        let lines = try articles.map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }
        let ingest = try Q.run(["ingest", "--db", db, "-"], stdin: lines.joined(separator: "\n") + "\n")
        #expect(ingest.status == 0, "\(ingest.stderr)")
        return (db, dir)
    }

    @Test func speakersAreRankedWithTheirAffiliationsAndOutlets() throws {
        let (db, dir) = try Self.inventedStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        let speakers = try Self.rows(try Q.run(["speakers", "--db", db, "--format", "json"]))
        #expect(Self.ranked(speakers), "\(speakers)")
        let alma = try #require(speakers.first { $0["name"] as? String == "Alma Reyes" })
        #expect(speakers.first?["name"] as? String == "Alma Reyes")
        #expect(alma["type"] as? String == "person")
        // Her quote is one claim reported by both articles.
        #expect((alma["reports"] as? Int ?? 0) > (alma["claims"] as? Int ?? 0))
        #expect(Self.names(alma["outlets"]) == ["Harbour Courier", "Valley Herald"])
        #expect(alma["first_reported"] as? String == "2024-03-01")
        let ines = try #require(speakers.first { $0["name"] as? String == "Ines Marchetti" })
        #expect(Self.names(ines["affiliations"]) == ["Valley Herald"])
        #expect(Set(speakers.compactMap { $0["name"] as? String }).isSuperset(of: ["Tomas Reyes", "Priya Hollins"]))

        // Report filters count only the matching reports.
        let later = try Self.rows(try Q.run(["speakers", "--db", db, "--since", "2024-03-05", "--format", "json"]))
        #expect(!later.contains { $0["name"] as? String == "Tomas Reyes" })
        let almaLater = later.first { $0["name"] as? String == "Alma Reyes" }
        #expect(Self.names(almaLater?["outlets"]) == ["Harbour Courier"])
        #expect(almaLater?["reports"] as? Int == almaLater?["claims"] as? Int)
        let herald = try Self.rows(try Q.run(["speakers", "--db", db, "--outlet", "Valley Herald", "--format", "json"]))
        #expect(herald.allSatisfy { Self.names($0["outlets"]) == ["Valley Herald"] }, "\(herald)")
        #expect(try Self.rows(try Q.run(["speakers", "--db", db, "--limit", "2", "--format", "json"])).count == 2)
        let people = try Self.rows(try Q.run(["speakers", "--db", db, "--type", "person", "--format", "json"]))
        #expect(!people.isEmpty && people.allSatisfy { $0["type"] as? String == "person" })
        #expect(try Self.rows(try Q.run(["speakers", "--db", db, "--type", "faction", "--format", "json"])).isEmpty)

        // The other formats: one line per speaker, the same columns.
        let jsonl = try Q.run(["speakers", "--db", db, "--format", "jsonl"])
        #expect(jsonl.stdout.split(separator: "\n").count == speakers.count)
        let csv = try Q.run(["speakers", "--db", db, "--format", "csv"])
        let reader = try CSVReader(string: csv.stdout, hasHeaderRow: true)
        var csvRows: [[String]] = []
        while let row = reader.next() { csvRows.append(row) }
        #expect(reader.headerRow == ["speaker", "type", "article", "claims", "reports", "first_reported", "affiliations", "factions", "outlets"])
        #expect(csvRows.map { $0[0] } == speakers.map { $0["name"] as? String ?? "" })
        #expect(csvRows.contains { $0[0] == "Alma Reyes" && $0[2].isEmpty && $0[8].hasPrefix("Harbour Courier (") })
        let tsv = try Q.run(["speakers", "--db", db, "--format", "tsv"])
        #expect(tsv.stdout.split(separator: "\n").allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 9 })
        let markdown = try Q.run(["speakers", "--db", db, "--format", "markdown"])
        #expect(markdown.stdout.split(separator: "\n").count == speakers.count + 2)
        let table = try Q.run(["speakers", "--db", db])
        #expect(table.stdout.hasPrefix(" #  SPEAKER") || table.stdout.hasPrefix("#  SPEAKER"), "\(table.stdout)")
        #expect(table.stdout.contains("Ines Marchetti") && table.stdout.contains("Valley Herald"))
    }

    @Test func sourcesCountOwnAffiliatedAndCarriedClaims() throws {
        let (db, dir) = try Self.inventedStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sources = try Self.rows(try Q.run(["sources", "--db", db, "--format", "json"]))
        #expect(Self.ranked(sources), "\(sources)")
        for s in sources {
            let parts = ["own", "affiliated", "via"].map { s[$0] as? Int ?? -1 }
            #expect(s["claims"] as? Int == parts.reduce(0, +), "\(s)")
        }
        let herald = try #require(sources.first { $0["name"] as? String == "Valley Herald" })
        #expect(herald["type"] as? String == "outlet")
        #expect(herald["own"] as? Int == 0 && herald["affiliated"] as? Int == 2 && herald["via"] as? Int == 0)
        #expect(Self.names(herald["affiliated_speakers"]) == ["Ines Marchetti"])
        let courier = try #require(sources.first { $0["name"] as? String == "Harbour Courier" })
        #expect(courier["via"] as? Int == 1 && courier["claims"] as? Int == 1)
        #expect(Self.names(courier["via_speakers"]) == ["Priya Hollins"])
        // The publisher of an article is not a source for carrying it.
        #expect(!sources.contains { $0["name"] as? String == "Harbour Courier" && $0["own"] as? Int != 0 })

        let outlets = try Self.rows(try Q.run(["sources", "--db", db, "--type", "outlet", "--format", "json"]))
        #expect(outlets.map { $0["name"] as? String } == ["Valley Herald", "Harbour Courier"])
        let early = try Self.rows(try Q.run(["sources", "--db", db, "--until", "2024-03-05", "--type", "outlet", "--format", "json"]))
        #expect(early.first { $0["name"] as? String == "Valley Herald" }?["affiliated"] as? Int == 1)
        let csv = try Q.run(["sources", "--db", db, "--format", "csv"])
        #expect(csv.stdout.hasPrefix("source,type,article,claims,own,affiliated,via,reports,first_reported,affiliated_speakers,via_speakers\r\n"))
        #expect(csv.stdout.contains("Valley Herald,outlet,,2,0,2,0,2,2024-03-01,Ines Marchetti (2),\r\n"), "\(csv.stdout)")
        let table = try Q.run(["sources", "--db", db])
        #expect(table.stdout.contains("for it: Ines Marchetti 2") && table.stdout.contains("carried: Priya Hollins 1"), "\(table.stdout)")
    }

    @Test func showAnArticleAndAPerson() throws {
        let (db, dir) = try Self.inventedStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        let byDoc = try Q.run(["show", "--db", db, "a2", "--format", "json"])
        let article = try Self.object(byDoc)
        let head = try #require(article["article"] as? Object)
        #expect(head["doc_id"] as? String == "a2" && head["outlet"] as? String == "Valley Herald")
        let rowID = try #require(head["id"] as? Int)
        #expect(try Q.run(["show", "--db", db, String(rowID), "--format", "json"]).stdout == byDoc.stdout)
        #expect(Set(Self.names(article["people"])).isSuperset(of: ["Alma Reyes", "Tomas Reyes", "Priya Hollins"]))
        let quotes = try #require(article["quotes"] as? [Object])
        let starts = quotes.compactMap { $0["start"] as? Int }
        #expect(starts.count == quotes.count && starts == starts.sorted(), "quotes in text order")
        let shared = try #require(quotes.first { ($0["text"] as? String ?? "").contains("failed the islanders") })
        #expect((shared["speaker"] as? Object)?["name"] as? String == "Alma Reyes")
        #expect(shared["reports"] as? Int == 2)
        let interview = quotes.first { ($0["speaker"] as? Object)?["name"] as? String == "Priya Hollins" }
        #expect(interview?["via"] as? String == "Harbour Courier")
        let reporter = quotes.first { ($0["speaker"] as? Object)?["name"] as? String == "Ines Marchetti" }
        #expect((reporter?["speaker"] as? Object)?["affiliation"] as? String == "Valley Herald")
        #expect((reporter?["speaker"] as? Object)?["mention"] as? String == "Valley Herald reporter Ines Marchetti")

        let text = try Q.run(["show", "--db", db, "a2"])
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("Article \(rowID) · a2\nFerry row goes on\nValley Herald · 2024-03-01\n"), "\(text.stdout)")
        #expect(text.stdout.contains("Ines Marchetti (Valley Herald) as “Valley Herald reporter Ines Marchetti”"))

        // A person, by a name the articles used; claims with every article that reported them.
        let person = try Self.object(try Q.run(["show", "--db", db, "alma reyes", "--format", "json"]))
        let entity = try #require(person["entity"] as? Object)
        #expect(entity["name"] as? String == "Alma Reyes" && entity["types"] as? [String] == ["person"])
        let counts = try #require(person["counts"] as? Object)
        #expect(counts["articles"] as? Int == 2 && counts["own"] as? Int == counts["claims"] as? Int)
        let claims = try #require(person["claims"] as? [Object])
        #expect(claims.count == counts["claims"] as? Int)
        #expect(claims.allSatisfy { $0["role"] as? String == "own" })
        let first = try #require(claims.first?["claim"] as? Object)
        #expect((first["reports"] as? [Object])?.compactMap { $0["article"] as? String } == ["a2", "a1"])

        // An outlet: what its reporter said for it, and what it carried.
        let herald = try Self.object(try Q.run(["show", "--db", db, "Valley Herald", "--format", "json"]))
        #expect((herald["counts"] as? Object)?["affiliated"] as? Int == 2)
        #expect((herald["claims"] as? [Object])?.allSatisfy { $0["role"] as? String == "affiliated" } == true)
        let courier = try Q.run(["show", "--db", db, "Harbour Courier"])
        #expect(courier.stdout.contains("claims: 1 (own 0, affiliated 0, via 1)"), "\(courier.stdout)")
        #expect(courier.stdout.contains("Priya Hollins via Harbour Courier — via"))
        let limited = try Self.object(try Q.run(["show", "--db", db, "Alma Reyes", "--limit", "1", "--format", "json"]))
        #expect((limited["claims"] as? [Object])?.count == 1)
    }

    @Test func unknownAndAmbiguousNamesAndBadArguments() throws {
        let (db, dir) = try Self.inventedStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        let typo = try Q.run(["show", "--db", db, "Alma Reyez"])
        #expect(typo.status == 1 && typo.stdout.isEmpty)
        #expect(typo.stderr.contains("did you mean 'Alma Reyes'"), "\(typo.stderr)")
        let surname = try Q.run(["show", "--db", db, "Marchetti"])
        #expect(surname.status == 1 && surname.stderr.contains("did you mean 'Ines Marchetti'"), "\(surname.stderr)")
        let ambiguous = try Q.run(["show", "--db", db, "Reyes"])
        #expect(ambiguous.status == 1)
        #expect(ambiguous.stderr.contains("'Alma Reyes', 'Tomas Reyes'") && ambiguous.stderr.contains("full name"), "\(ambiguous.stderr)")
        for id in ["999", "a3", "' OR 1=1 --", "%", "\"", "--"] {
            let run = try Q.run(["show", "--db", db, "--", id])
            #expect(run.status == 1 && run.stderr.contains("no article with the id"), "\(id): \(run.stderr)")
        }
        let unknownOutlet = try Q.run(["speakers", "--db", db, "--outlet", "Harbor Courier"])
        #expect(unknownOutlet.status == 1 && unknownOutlet.stderr.contains("did you mean 'Harbour Courier'"), "\(unknownOutlet.stderr)")
        let badDate = try Q.run(["sources", "--db", db, "--since", "March"])
        #expect(badDate.status == 1 && badDate.stderr.contains("not a date"))
        for args in [["speakers", "--type", "robot"], ["sources", "--limit", "-1"], ["show", "a1", "--format", "csv"], ["show"]] {
            #expect(try Q.run(args + ["--db", db]).status != 0, "\(args)")
        }
        for hostile in ["\"", "NEAR(", "' OR 1=1 --", "*"] {
            let about = try Q.run(["speakers", "--db", db, "--about=\(hostile)", "--format", "json"])
            #expect(about.status == 0 || about.stderr.contains("--about: cannot search for"), "\(hostile): \(about.stderr)")
        }
        let about = try Self.rows(try Q.run(["sources", "--db", db, "--about", "fares", "--format", "json"]))
        #expect(about.map { $0["name"] as? String }.contains("Harbour Courier"))
    }

    @Test func aMissingOrEmptyDatabaseSaysHowToIngest() throws {
        let (db, dir) = try Q.tempDB()
        defer { try? FileManager.default.removeItem(at: dir) }
        let commands = [["speakers"], ["sources"], ["show", "1"]]
        for command in commands {
            let missing = try Q.run(command + ["--db", db])
            #expect(missing.status == 2 && missing.stderr.contains("whosaid ingest"), "\(command): \(missing.stderr)")
        }
        _ = FileManager.default.createFile(atPath: db, contents: nil)
        for command in commands {
            let empty = try Q.run(command + ["--db", db])
            #expect(empty.status == 2, "\(command)")
            #expect(empty.stderr.contains("holds no articles") && empty.stderr.contains("whosaid ingest"), "\(command): \(empty.stderr)")
        }
    }

    /// The bundled corpus: every article can be shown with all of its quotes, and the reports add up.
    @Test func theCorpusReportsAddUp() throws {
        let (db, dir) = try Q.tempDB()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ingest = try Q.run(["ingest", "--db", db, "--jobs", "2", Q.packageRoot.appendingPathComponent("corpus").path])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let export = try Q.run(["export", "--db", db, "--format", "jsonl"]).stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? Object)
        }
        #expect(!export.isEmpty)
        let claims = try Q.claims(try Q.run(["query", "--db", db, "--format", "json"]))
        let spoken = claims.filter { $0["speaker"] is Object }

        let speakers = try Self.rows(try Q.run(["speakers", "--db", db, "--format", "json"]))
        #expect(Self.ranked(speakers))
        #expect(speakers.reduce(0) { $0 + ($1["claims"] as? Int ?? 0) } == spoken.count)
        #expect(speakers.reduce(0) { $0 + ($1["reports"] as? Int ?? 0) } == export.filter { $0["speaker"] is String }.count)
        let kinds: Set<String> = ["person", "organization", "outlet", "faction", "group", "anonymous", "document"]
        #expect(speakers.allSatisfy { kinds.contains($0["type"] as? String ?? "") })

        // Two papers' `The survey` are two speakers, each of its article, and the table says which.
        let surveys = speakers.filter { $0["name"] as? String == "The survey" }
        #expect(Set(surveys.compactMap { $0["article"] as? String }) == ["capitol-ledger-stopgap-vote", "coastline-post-related-newsletter"],
                "\(surveys)")
        #expect(speakers.filter { $0["article"] is String }.allSatisfy { ["group", "anonymous", "document"].contains($0["type"] as? String) })
        let table = try Q.run(["speakers", "--db", db, "--limit", "0"])
        let tableLines = table.stdout.split(separator: "\n")
        #expect(tableLines.first?.contains("SPEAKER") == true && tableLines.first?.contains("ARTICLE") == true)
        #expect(tableLines.filter { $0.contains("The survey") && $0.contains("capitol-ledger-stopgap-vote") }.count == 1,
                "\(table.stdout)")
        #expect(tableLines.filter { $0.contains("The survey") && $0.contains("coastline-post-related") }.count == 1)

        let sources = try Self.rows(try Q.run(["sources", "--db", db, "--format", "json"]))
        #expect(sources.reduce(0) { $0 + ($1["own"] as? Int ?? 0) } == spoken.count)
        // A described speaker's organisation is credited: `A spokesman for Ashcombe District Council`.
        let council = sources.first { $0["name"] as? String == "Ashcombe District Council" }
        #expect(council?["affiliated"] as? Int == 1, "\(String(describing: council))")
        #expect(sources.allSatisfy { source in
            source["claims"] as? Int == ["own", "affiliated", "via"].reduce(0) { n, key in n + (source[key] as? Int ?? 0) }
        })

        var quotesByArticle: [String: Int] = [:]
        for row in export { quotesByArticle[row["article"] as? String ?? "", default: 0] += 1 }
        for (doc, count) in quotesByArticle {
            let shown = try Self.object(try Q.run(["show", "--db", db, doc, "--format", "json"]))
            #expect((shown["article"] as? Object)?["doc_id"] as? String == doc)
            #expect((shown["quotes"] as? [Object])?.count == count, "\(doc)")
            let text = try Q.run(["show", "--db", db, doc])
            #expect(text.status == 0 && text.stdout.contains("Quotes (\(count))"), "\(doc): \(text.stdout)")
        }
        // The top speaker shown by name has as many claims as the report says.
        let top = try #require(speakers.first)
        let person = try Self.object(try Q.run(["show", "--db", db, top["name"] as? String ?? "", "--format", "json"]))
        #expect((person["counts"] as? Object)?["own"] as? Int == top["claims"] as? Int)
    }

    @Test(.enabled(if: Q.seedsPresent)) func theSeedsSpeakersSourcesAndShow() throws {
        let (db, dir) = try Q.tempDB()
        defer { try? FileManager.default.removeItem(at: dir) }
        let seedFiles = try FileManager.default.contentsOfDirectory(atPath: Q.seeds.path).filter { $0.hasSuffix(".txt") }
            .map { Q.seeds.appendingPathComponent($0).path }
        let ingest = try Q.run(["ingest", "--db", db, "--jobs", "2"] + seedFiles + [Q.packageRoot.appendingPathComponent("corpus").path])
        #expect(ingest.status == 0, "\(ingest.stderr)")

        let speakers = try Self.rows(try Q.run(["speakers", "--db", db, "--limit", "0", "--format", "json"]))
        let goodall = try #require(speakers.first { $0["name"] as? String == "Lewis Goodall" })
        #expect(goodall["type"] as? String == "person")
        #expect(Self.names(goodall["affiliations"]) == ["Sky News"])
        #expect(Self.names(goodall["outlets"]) == ["The Week"])
        let lansman = try #require(speakers.first { $0["name"] as? String == "Jon Lansman" })
        #expect(Set(Self.names(lansman["factions"])).isSuperset(of: ["Momentum"]))
        #expect(speakers.first { $0["name"] as? String == "Sky News" }?["type"] as? String == "outlet")
        #expect(speakers.first { $0["name"] as? String == "Sky News" }?["claims"] as? Int == 2)

        let sources = try Self.rows(try Q.run(["sources", "--db", db, "--limit", "0", "--format", "json"]))
        let sky = try #require(sources.first { $0["name"] as? String == "Sky News" })
        // corpus/ adds Tom Ravelle speaking to Sky (via).
        #expect(sky["claims"] as? Int == 4 && sky["own"] as? Int == 2 && sky["affiliated"] as? Int == 1 && sky["via"] as? Int == 1, "\(sky)")
        #expect(Self.names(sky["affiliated_speakers"]) == ["Lewis Goodall"])
        let standard = sources.first { $0["name"] as? String == "London Evening Standard" }
        #expect(standard?["claims"] as? Int == 1)
        let independent = try #require(sources.first { $0["name"] as? String == "The Independent" })
        #expect(independent["via"] as? Int == 1 && independent["own"] as? Int == 0)
        #expect(Self.names(independent["via_speakers"]) == ["Jon Lansman"])
        let momentum = sources.first { $0["name"] as? String == "Momentum" }
        let forMomentum = Self.names(momentum?["affiliated_speakers"])
        #expect(forMomentum.contains("Momentum spokesman"), "\(String(describing: momentum))")

        let article = try Self.object(try Q.run(["show", "--db", db, "000_be7f4f8d171a1e81", "--format", "json"]))
        let people = try #require(article["people"] as? [Object])
        #expect(people.first { $0["name"] as? String == "Lewis Goodall" }?["affiliations"] as? [String] == ["Sky News"])
        #expect(people.first { $0["name"] as? String == "Jon Lansman" }?["factions"] as? [String] == ["Momentum", "the left"])
        #expect((article["factions"] as? [String] ?? []).contains("Momentum"))
        let quotes = try #require(article["quotes"] as? [Object])
        let lansmanQuote = try #require(quotes.first { ($0["speaker"] as? Object)?["name"] as? String == "Jon Lansman" })
        #expect((lansmanQuote["speaker"] as? Object)?["mention"] as? String == "Lansman")
        #expect(lansmanQuote["via"] as? String == "The Independent")
        #expect(quotes.contains { ($0["speaker"] as? Object)?["name"] as? String == "Sky News" })

        let skyShown = try Self.object(try Q.run(["show", "--db", db, "Sky", "--format", "json"]))
        #expect((skyShown["entity"] as? Object)?["name"] as? String == "Sky News")
        #expect((skyShown["counts"] as? Object)?["claims"] as? Int == 4)
        #expect(((skyShown["claims"] as? [Object]) ?? []).compactMap { $0["role"] as? String }.sorted() == ["affiliated", "own", "own", "via"])
        let lansmanShown = try Q.run(["show", "--db", db, "Lansman"])
        #expect(lansmanShown.stdout.hasPrefix("Jon Lansman (person)\n"), "\(lansmanShown.stdout)")
        #expect(lansmanShown.stdout.contains("000_be7f4f8d171a1e81"))
        let suggestion = try Q.run(["show", "--db", db, "Goodall"])
        #expect(suggestion.status == 1 && suggestion.stderr.contains("did you mean 'Lewis Goodall'"), "\(suggestion.stderr)")
    }
}

import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import WhoSaidServe
import WhoSaidStore

/// Every page kind and API route, in process, on a store of `corpus/` and the XSS probe.
@Suite(.timeLimit(.minutes(3))) struct RouteTests {
    static func object(_ s: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(s.utf8)) as? [String: Any], "\(s.prefix(300))")
    }

    @Test func eachPageKindAnswersWithItsContent() async throws {
        let pages = try await Fixture.get([
            "/", "/?speaker=Bensley", "/claims/1", "/articles/capitol-ledger-stopgap-vote", "/speakers", "/sources",
            "/entities/Arthur%20Bensley", "/outlets/Hollow%20Falls%20Courier", "/style.css",
        ])
        for page in pages { #expect(page.status == .ok, "\(page.body.prefix(300))") }
        let (search, bensley, claim, article, speakers, sources, entity, outlet, style) =
            (pages[0], pages[1], pages[2], pages[3], pages[4], pages[5], pages[6], pages[7], pages[8])
        #expect(search.body.contains("<form class=\"search\""))
        #expect(search.body.contains("name=\"speaker\""))
        #expect(search.body.contains("newest first"))
        // Every claim listed is Bensley's, linked to his page.
        let rows = bensley.body.components(separatedBy: "<tr><td>").dropFirst()
        #expect(rows.count == 4)
        #expect(rows.allSatisfy { $0.contains(">Arthur Bensley</a>") })
        #expect(claim.body.contains("<blockquote class=\"claim\">"))
        #expect(claim.body.contains("first report"))
        #expect(article.body.contains("<mark class=\"q"))
        #expect(article.body.contains("class=\"who\""))
        #expect(article.body.contains("Dale Hurlbut"))
        #expect(speakers.body.contains(">Arthur Bensley</a>"))
        #expect(sources.body.contains("Affiliated"))
        #expect(entity.body.contains("<svg class=\"chart\""))
        #expect(entity.body.contains("<rect class=\"c0\""))
        #expect(entity.body.contains("Hollow Falls Courier"))
        #expect(outlet.body.contains("Whom it quotes, by type"))
        #expect(outlet.body.contains(">Arthur Bensley</a>"))
        #expect(style.headers[.contentType] == "text/css; charset=utf-8")
        // Every page forbids inline scripts.
        for page in pages {
            let csp = try #require(page.headers[.contentSecurityPolicy])
            #expect(csp.contains("default-src 'none'") && !csp.contains("unsafe-inline") && !csp.contains("script-src"))
        }
    }

    @Test func searchListsNewestFirstAndPages() async throws {
        let pages = try await Fixture.get(["/?limit=5", "/?limit=5&page=2"])
        func dates(_ body: String) -> [String] {
            body.components(separatedBy: "<tr><td>").dropFirst().map { String($0.prefix(10)) }
        }
        let first = dates(pages[0].body), second = dates(pages[1].body)
        #expect(first.count == 5 && second.count == 5)
        let dated = (first + second).filter { $0 != "—</td><td" && $0.first != "—" }
        #expect(dated == dated.sorted(by: >), "\(dated)")
        #expect(pages[0].body.contains("href=\"/?limit=5&amp;page=2\""))
        #expect(pages[1].body.contains("Claims 6–10"))
    }

    /// `/api/claims?…` answers byte for byte what `whosaid query --format json …` prints; likewise
    /// the reports and `show`.
    @Test(arguments: [
        [String: String](), ["speaker": "Bensley"], ["source": "Sky News"], ["about": "vote"], ["since": "2020", "kind": "direct"],
        ["outlet": "Hollow Falls Courier", "limit": "2"], ["faction": "Labour Forward"], ["article": "capitol-ledger-stopgap-vote"],
    ])
    func apiClaimsEqualsQueryJSON(_ parameters: [String: String]) async throws {
        let db = try Fixture.store().path
        let sorted = parameters.sorted { $0.key < $1.key }
        let query = sorted.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)" }
            .joined(separator: "&")
        let page = try await Fixture.get("/api/claims" + (query.isEmpty ? "" : "?" + query))
        let cli = try Fixture.run(["query", "--db", db, "--format", "json"] + sorted.flatMap { ["--\($0.key)", $0.value] })
        #expect(cli.status == 0, "\(cli.stderr)")
        #expect(page.status == .ok)
        #expect(page.headers[.contentType] == "application/json; charset=utf-8")
        #expect(page.body == cli.stdout)
        #expect(page.body.count > 3)
    }

    @Test func apiReportsAndShowEqualTheCommands() async throws {
        let store = try Fixture.store()
        let cases: [(String, [String])] = [
            ("/api/speakers", ["speakers", "--format", "json"]),
            ("/api/speakers?type=person&limit=5", ["speakers", "--format", "json", "--type", "person", "--limit", "5"]),
            ("/api/sources?since=2020", ["sources", "--format", "json", "--since", "2020"]),
            ("/api/entities/Arthur%20Bensley", ["show", "Arthur Bensley", "--format", "json"]),
            ("/api/entities/Sky%20News?limit=2", ["show", "Sky News", "--format", "json", "--limit", "2"]),
            ("/api/articles/capitol-ledger-stopgap-vote", ["show", "capitol-ledger-stopgap-vote", "--format", "json"]),
            ("/api/articles/" + store.probeArticle.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!,
             ["show", store.probeArticle, "--format", "json"]),
        ]
        let pages = try await Fixture.get(cases.map(\.0))
        for ((uri, args), page) in zip(cases, pages) {
            let cli = try Fixture.run(args + ["--db", store.path])
            #expect(cli.status == 0, "\(args): \(cli.stderr)")
            #expect(page.status == .ok, "\(uri)")
            #expect(page.body == cli.stdout, "\(uri)")
        }
        // One claim: the object `query` prints for it.
        let all = try Fixture.run(["query", "--db", store.path, "--format", "json", "--speaker", "Bensley"])
        let first = try #require((try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [[String: Any]])?.first)
        let id = try #require(first["id"] as? Int)
        let claim = try await Fixture.get("/api/claims/\(id)")
        #expect(NSDictionary(dictionary: try Self.object(claim.body)) == NSDictionary(dictionary: first))
    }

    @Test func badInputIsA400AndUnknownThingsA404() async throws {
        let cases: [(String, HTTPResponse.Status, String?)] = [
            ("/claims/abc", .badRequest, "is a number"),
            ("/claims/99999999", .notFound, "no claim"),
            ("/no/such/page", .notFound, "no page at this address"),
            ("/?since=20x", .badRequest, "is not a date"),
            ("/?kind=sarcastic", .badRequest, "direct, indirect or mixed"),
            ("/?limit=0", .badRequest, "from 1 to 500"),
            ("/?page=-1", .badRequest, "whole number"),
            ("/?limit=500&page=100", .badRequest, "at most"),
            ("/?speaker=Bensly", .notFound, "Arthur Bensley"),
            ("/?about=%22%22", .badRequest, "no words"),
            ("/?speaker=%E0%A4%A", .badRequest, "percent-encoded"),
            ("/entities/Arthur%20Bensly", .notFound, "Arthur Bensley"),
            ("/entities/99999999", .notFound, nil),
            ("/outlets/Hollow%20Fals%20Courier", .notFound, "Hollow Falls Courier"),
            ("/articles/nope", .notFound, "no article"),
            ("/articles/%ZZ", .badRequest, "percent-encoded"),
            ("/api/claims?since=x", .badRequest, "\"error\""),
            ("/api/claims?speaker=Bensly", .notFound, "Arthur Bensley"),
            ("/api/entities/Nobody%20Atall", .notFound, "\"error\""),
            ("/api/claims/0", .badRequest, "\"error\""),
            ("/api/sources?type=robot", .badRequest, "\"error\""),
        ]
        let pages = try await Fixture.get(cases.map(\.0))
        for ((uri, status, text), page) in zip(cases, pages) {
            #expect(page.status == status, "\(uri): \(page.body.prefix(400))")
            if let text { #expect(page.body.contains(text), "\(uri): \(page.body.prefix(600))") }
        }
        // A suggestion is a link that keeps the search.
        #expect(pages[8].body.contains("href=\"/?speaker=Arthur%20Bensley\""))
    }

    @Test func onlyGETAndHEADAreAnswered() async throws {
        let store = try SQLiteStore(path: try Fixture.store().path, create: false, readOnly: true)
        let app = WhoSaidServer(store: store, cache: true).application(accessLog: false)
        try await app.test(.router) { client in
            let post = try await client.execute(uri: "/?speaker=Bensley", method: .post)
            #expect(post.status == .methodNotAllowed)
            #expect(post.headers[.allow] == "GET, HEAD")
            let head = try await client.execute(uri: "/claims/1", method: .head)
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
            // From the cache the second time, the same.
            let first = try await client.execute(uri: "/claims/1", method: .get)
            let again = try await client.execute(uri: "/claims/1", method: .get)
            #expect(first.status == .ok && again.status == .ok)
            #expect(String(buffer: first.body) == String(buffer: again.body))
            #expect(again.headers[.contentSecurityPolicy] != nil)
        }
    }

    @Test func longInputsAreRefusedQuicklyAndNotEchoed() async throws {
        let long = String(repeating: "Bensley", count: 100_000 / 7 + 1)
        let uris = ["/?speaker=" + long, "/entities/" + long, "/?about=" + long, "/api/claims?source=" + long, "/articles/" + long]
        _ = try Fixture.store()  // built before the clock starts
        let start = Date()
        let pages = try await Fixture.get(uris)
        // Refused before anything reads the store or suggests names (an edit distance over 100,000
        // characters against every alias would take minutes): a fraction of a second each alone, a few
        // seconds in a debug build while the whole suite runs on two cores.
        #expect(Date().timeIntervalSince(start) < 60)
        for (uri, page) in zip(uris, pages) {
            #expect(page.status == .badRequest, "\(uri.prefix(40))")
            #expect(page.body.count < 5_000, "\(uri.prefix(40)): \(page.body.count) bytes")
            #expect(page.body.contains("too long"))
        }
    }

    @Test func percentEncodedArticleIDsHoldSlashesAndColons() async throws {
        let store = try Fixture.store()
        #expect(store.probeArticle.contains("/") && store.probeArticle.contains(":"))
        let encoded = store.probeArticle.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        #expect(encoded.contains("%2F") && encoded.contains("%3A"))
        let page = try await Fixture.get("/articles/" + encoded)
        #expect(page.status == .ok)
        #expect(page.body.contains("<mark class=\"q"))
        // Links to it are encoded the same way, as one path segment.
        let search = try await Fixture.get("/claims/" + String(try Self.probeClaim()))
        #expect(search.body.contains("href=\"/articles/%2F"), "\(search.body)")
        #expect(search.body.contains("probe.jsonl%3A1\""), "\(search.body)")
    }

    static func probeClaim() throws -> Int {
        let store = try Fixture.store()
        let run = try Fixture.run(["query", "--db", store.path, "--format", "json", "--article", store.probeArticle])
        let claims = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        return try #require(claims.first?["id"] as? Int)
    }

    /// The probe's quote, title, speaker, outlet and URL hold `<script>`, `<b>` and `"onmouseover=`:
    /// each page shows them as text.
    @Test func storeValuesAreEscapedWhereWritten() async throws {
        let store = try Fixture.store()
        let encoded = store.probeArticle.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let claim = try Self.probeClaim()
        let pages = try await Fixture.get([
            "/articles/" + encoded, "/claims/\(claim)", "/?article=" + encoded, "/speakers", "/sources",
            "/?speaker=Jane%20Probe",
            "/outlets/The%20Probe%20%3Cb%3ETimes%3C%2Fb%3E", "/?speaker=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        ])
        for (i, page) in pages.enumerated() {
            #expect(page.status == .ok || (i == 7 && page.status == .notFound), "page \(i)")
            #expect(!page.body.contains("<script"), "page \(i)")
            #expect(!page.body.contains("<b>Times"), "page \(i)")
            #expect(!page.body.contains("\"onmouseover"), "page \(i)")
            #expect(!page.body.contains("<img"), "page \(i)")
        }
        #expect(pages[0].body.contains("&lt;script&gt;document.body.setAttribute(&#39;data-xss&#39;,&#39;1&#39;)&lt;/script&gt;"))
        #expect(pages[0].body.contains("&quot;onmouseover="))
        #expect(pages[1].body.contains("The Probe &lt;b&gt;Times&lt;/b&gt;"))
        #expect(pages[7].body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test func nothingARequestDoesWritesTheStore() async throws {
        // A copy that only this server reads (the commands other tests run may checkpoint the fixture's WAL).
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("whosaid-ro-\(UUID().uuidString).sqlite")
        try FileManager.default.copyItem(atPath: try Fixture.store().path, toPath: copy.path)
        defer { try? FileManager.default.removeItem(at: copy) }
        let path = copy.path
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        _ = try await Fixture.get(path: path, [
            "/?about=x%27%3B%20DROP%20TABLE%20claims%3B--", "/?speaker=%27%20OR%201%3D1--", "/api/claims?about=NEAR(a%20b)",
            "/entities/1%3B%20DELETE%20FROM%20claims",
        ])
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        let count = try Fixture.run(["query", "--db", path, "--format", "json"])
        #expect(count.stdout.count > 1000)
    }
}

import Foundation
import Testing

/// `whosaid serve` in a real browser: headless Chromium from Debian's packages (`chromium`,
/// `chromium-driver`, `python3-selenium`; `scripts/ensure-deps` installs them) driven by
/// `Browser/browse.py`. Skipped, saying why, when they are absent. With `WHOSAID_SCREENSHOTS=DIR` it
/// also saves a screenshot of each page kind there (docs/screenshots/ holds the README's).
@Suite(.serialized, .timeLimit(.minutes(3))) struct BrowserTests {
    static let python = "/usr/bin/python3"

    static var missing: String? {
        let fm = FileManager.default
        if !fm.isExecutableFile(atPath: "/usr/bin/chromium") { return "chromium is not installed (apt-get install chromium)" }
        if !fm.isExecutableFile(atPath: "/usr/bin/chromedriver") { return "chromedriver is not installed (apt-get install chromium-driver)" }
        let check = Process()
        check.executableURL = URL(fileURLWithPath: python)
        check.arguments = ["-c", "import selenium"]
        check.standardError = FileHandle.nullDevice
        guard (try? check.run()) != nil else { return "\(python) is missing" }
        check.waitUntilExit()
        return check.terminationStatus == 0 ? nil : "selenium is not installed (apt-get install python3-selenium)"
    }

    /// A `whosaid serve` process on the fixture store, on a free port.
    final class Server {
        let process = Process()
        let log: URL
        var base = ""

        init(db: String) throws {
            log = FileManager.default.temporaryDirectory.appendingPathComponent("whosaid-serve-\(UUID().uuidString).log")
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            process.executableURL = try Fixture.binary()
            process.arguments = ["serve", "--db", db, "--port", "0"]
            process.standardError = try FileHandle(forWritingTo: log)
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline {
                let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                if let range = text.range(of: #"http://127\.0\.0\.1:\d+"#, options: .regularExpression) {
                    base = String(text[range])
                    return
                }
                if !process.isRunning { break }
                Thread.sleep(forTimeInterval: 0.1)
            }
            process.terminate()
            throw Fixture.FixtureError(message: "whosaid serve did not start: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
        }

        /// Ctrl-C: the server must stop by itself, with status 0.
        func interrupt() -> Int32? {
            kill(process.processIdentifier, SIGINT)
            let deadline = Date().addingTimeInterval(15)
            while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            if process.isRunning {
                process.terminate()
                return nil
            }
            return process.terminationStatus
        }
    }

    struct GoldenQuote: Decodable {
        var speaker: String
        var content: [String]
        var known_failure: String?

        enum CodingKeys: CodingKey { case speaker, content, known_failure }
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            speaker = try c.decode(String.self, forKey: .speaker)
            known_failure = try c.decodeIfPresent(String.self, forKey: .known_failure)
            if let list = try? c.decode([String].self, forKey: .content) { content = list } else { content = [try c.decode(String.self, forKey: .content)] }
        }
    }

    struct Golden: Decodable { var quotes: [GoldenQuote] }

    struct Seen: Decodable {
        struct Search: Decodable { var url: String; var speakers: [String]; var quotes: [String] }
        struct Mark: Decodable { var text: String; var who: String?; var background: String }
        struct Entity: Decodable { var svg: Bool; var bars: Int; var width: Double }
        struct Probe: Decodable { var alert: Bool; var marked: String?; var scripts: Int; var title: String; var handlers: Int }
        var search: Search
        var article: [Mark]
        var entity: Entity
        var probe: Probe
    }

    static func words(_ s: String) -> [String] { s.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init) }

    @Test(.enabled(if: missing == nil, "headless Chromium unavailable: \(missing ?? "")"))
    func pagesWorkInHeadlessChromium() throws {
        let store = try Fixture.store()
        let server = try Server(db: store.path)
        var stopped = false
        defer { if !stopped { server.process.terminate() } }

        let article = "capitol-ledger-stopgap-vote"
        let shots = ProcessInfo.processInfo.environment["WHOSAID_SCREENSHOTS"]
        let config: [String: Any] = [
            "speaker": "Arthur Bensley", "article": article, "entity": "Ana Whitlock", "probe_article": store.probeArticle,
            "screenshots": shots ?? NSNull(),
            "pages": [
                "search": "/?speaker=Whitlock", "claim": "/claims/1", "article": "/articles/\(article)", "speakers": "/speakers",
                "entity": "/entities/Arthur%20Bensley", "outlet": "/outlets/Hollow%20Falls%20Courier",
            ],
        ]
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("whosaid-browse-\(UUID().uuidString).json")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        let browse = Process()
        browse.executableURL = URL(fileURLWithPath: Self.python)
        browse.arguments = [
            Fixture.packageRoot.appendingPathComponent("Tests/WhoSaidServeTests/Browser/browse.py").path, server.base,
            String(decoding: try JSONSerialization.data(withJSONObject: config), as: UTF8.self),
        ]
        browse.standardOutput = try FileHandle(forWritingTo: out)
        try browse.run()
        browse.waitUntilExit()
        #expect(browse.terminationStatus == 0)
        let seen = try JSONDecoder().decode(Seen.self, from: try Data(contentsOf: out))

        // The form found the speaker's claims, all four, and the URL carries the filter.
        #expect(seen.search.url.contains("speaker=Arthur+Bensley"))
        #expect(seen.search.speakers.count == 4)
        #expect(seen.search.speakers.allSatisfy { $0.hasPrefix("Arthur Bensley") })

        // Every golden quote of the article is marked, with its speaker named beside it.
        let golden = try JSONDecoder().decode(
            Golden.self,
            from: try Data(contentsOf: Fixture.packageRoot.appendingPathComponent("corpus/pages/\(article).analysis.json")))
        let quotes = golden.quotes.filter { $0.known_failure == nil }
        #expect(quotes.count >= 10)
        for q in quotes {
            let wanted = Self.words(q.content.joined(separator: " "))
            let mark = seen.article.first { m in
                let have = Set(Self.words(m.text))
                return Double(wanted.filter(have.contains).count) >= 0.8 * Double(wanted.count)
            }
            #expect(mark != nil, "not marked: \(q.content)")
            #expect(mark?.who?.lowercased() == q.speaker.lowercased(), "\(q.content): beside it \(mark?.who ?? "nothing"), not \(q.speaker)")
            #expect(mark?.background != "rgba(0, 0, 0, 0)", "\(q.content) is not highlighted")
        }

        // The entity's chart is drawn.
        #expect(seen.entity.svg)
        #expect(seen.entity.bars >= 1)
        #expect(seen.entity.width > 100)

        // The probe ran nothing and shows its markup as text.
        #expect(!seen.probe.alert)
        #expect(seen.probe.marked == nil)
        #expect(seen.probe.scripts == 0)
        #expect(seen.probe.handlers == 0)
        #expect(seen.probe.title.contains("<script>document.body.setAttribute('data-xss','1')</script>"))

        // Ctrl-C stops the server cleanly, and it logged one line per request.
        let status = server.interrupt()
        stopped = true
        #expect(status == 0)
        let log = try String(contentsOf: server.log, encoding: .utf8)
        #expect(log.contains(" GET /articles/\(article) 200 "))
        #expect(log.contains(" GET /style.css 200 "))
    }
}

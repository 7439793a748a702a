import Testing
import WhoSaidCore
@testable import WhoSaidExtract

/// An article's outlet as its readers know it (issue 14), on invented pages: invented outlets on `.example`
/// domains, and a few real, well-known domains from the outlet list.
@Suite struct OutletNamingTests {
    static let prose = [
        "The harbour board met on Tuesday evening, and after three hours of debate it agreed the new fees.",
        "Fishermen, who had asked for a delay, said the increase would cost each boat several hundred pounds.",
        "The board's chair, speaking after the vote, said the money would pay for dredging, lights and repairs.",
    ]

    /// A page with the given head tags, canonical URL and body prefix/suffix around the prose.
    func extract(head: String = "", url: String? = nil, before: String = "", after: String = "")
        throws -> ExtractedArticle
    {
        let canonical = url.map { #"<link rel="canonical" href="\#($0)">"# } ?? ""
        let body = Self.prose.map { "<p>\($0)</p>" }.joined()
        let html = """
            <html><head><title>Fees agreed</title>\(canonical)\(head)</head><body>
            \(before)<article><h1>Fees agreed</h1>\(body)</article>\(after)</body></html>
            """
        return try HTMLExtractor().extract(Array(html.utf8))
    }

    func siteName(_ name: String) -> String { #"<meta property="og:site_name" content="\#(name)">"# }

    // MARK: - Metadata

    @Test func fromOGSiteName() throws {
        let a = try extract(head: siteName("The Quayside Chronicle"), url: "https://www.quaysidechronicle.example/a/1")
        #expect(a.outlet == "The Quayside Chronicle")
    }

    @Test func fromJSONLDPublisher() throws {
        let ld = #"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Fees agreed","publisher":{"@type":"Organization","name":"Harbour Evening Post"}}</script>"#
        let a = try extract(head: ld, url: "https://harbourpost.example/news/fees")
        #expect(a.outlet == "Harbour Evening Post")
    }

    @Test func aSiteNameWithATaglineKeepsTheName() throws {
        let a = try extract(head: siteName("Lakeview Ledger | Your daily news from the valley"),
            url: "https://lakeviewledger.example/x")
        #expect(a.outlet == "Lakeview Ledger")
    }

    @Test func ofSeveralSegmentsTheOneSpellingTheDomainWins() throws {
        let a = try extract(head: siteName("Motor news | Speedline | F1 | Indy"), url: "https://www.speedline.example/r")
        #expect(a.outlet == "Speedline")
        let b = try extract(head: siteName("Speedline | F1 | Indy | MotoGP"), url: "https://speedline.com.br/r")
        #expect(b.outlet == "Speedline")
    }

    @Test func aBrandGluedToItsArticleIsSplit() throws {
        let a = try extract(head: siteName("TheQuayside"), url: "https://thequayside.example/story")
        #expect(a.outlet == "The Quayside")
        // Camel-cased brands that readers write that way stay as they are.
        let b = try extract(head: siteName("QuayFact"), url: "https://www.quayfact.example/story")
        #expect(b.outlet == "QuayFact")
    }

    @Test(arguments: [
        "https://www.tidewaterbeacon.example/",  // a URL
        "www.tidewaterbeacon.example",
        "@tidewaterbeacon",  // a handle
        "Hosted",  // a stray word
        "tidewaterbeacon",  // a lower-case domain fragment
        "Local news from around the tidewater",  // a description
    ])
    func notANameFallsBackToTheDomain(value: String) throws {
        let a = try extract(head: siteName(value), url: "https://www.tidewaterbeacon.example/2024/story")
        #expect(a.outlet == "Tidewaterbeacon")
        // The name spelled out on the page is better still.
        let b = try extract(head: siteName(value), url: "https://www.tidewaterbeacon.example/2024/story",
            after: "<footer><p>© 2024 Tidewater Beacon. All rights reserved.</p></footer>")
        #expect(b.outlet == "Tidewater Beacon")
    }

    @Test func aHandleThatSpellsTheDomainIsAName() throws {
        let a = try extract(head: #"<meta name="twitter:site" content="@TheQuayside">"#, url: "https://thequayside.example/s")
        #expect(a.outlet == "The Quayside")
    }

    @Test func handlesLoseTheirUnderscoresAndCountryTags() throws {
        let a = try extract(head: #"<meta name="twitter:site" content="@Harbour_Beacon_uk">"#,
            url: "https://harbourbeacon.example/s")
        #expect(a.outlet == "Harbour Beacon")
    }

    @Test func aLowerCaseNameOfSeveralWordsSpellingTheDomainIsCapitalised() throws {
        let a = try extract(head: siteName("la quilla"), url: "https://laquilla.com.uy/s")
        #expect(a.outlet == "La Quilla")
    }

    // MARK: - Domain

    @Test func anArchivedPageIsNamedByTheArchivedSite() throws {
        let url = "https://web.archive.org/web/20160330101229/http://www.quaytimes.example/story/"
        #expect(try extract(url: url).outlet == "Quaytimes")
        let listed = "https://web.archive.org/web/20190101000000/https://www.theguardian.com/uk-news/x"
        #expect(try extract(url: listed).outlet == "The Guardian")
    }

    @Test(arguments: [
        ("https://www.usatoday.com/story/news/1/", "usatoday", "USA Today"),
        ("https://www.politifact.com/factchecks/2019/", "@politifact", "PolitiFact"),
        ("https://www.ctpost.com/news/article/x.php", "CT Post", "Connecticut Post"),
        ("https://edition.cnn.com/2019/11/19/politics/x/index.html", "CNN International", "CNN"),
        ("https://www.nj.com/politics/2019/11/x.html", "nj", "NJ.com"),
        ("https://www.detroitnews.com/story/news/x/", "detroitnews", "The Detroit News"),
        ("https://thehill.com/homenews/x", "TheHill", "The Hill"),
        ("https://economictimes.indiatimes.com/news/x", "The Economic Times", "The Economic Times"),
    ])
    func fromTheDomainTable(url: String, metadata: String, outlet: String) throws {
        #expect(try extract(head: siteName(metadata), url: url).outlet == outlet)
    }

    @Test func fromTheDomainWithoutMetadata() throws {
        #expect(try extract(url: "https://www.marshfieldtribune.co.uk/x").outlet == "Marshfieldtribune")
        #expect(try extract(url: "https://kxw.example/x").outlet == "KXW")
        #expect(try extract(url: "https://annasgarden.blogspot.com/2020/x.html").outlet == "Annasgarden")
        #expect(try extract(url: "https://blog.quaytools.example/x").outlet == "Quaytools")
    }

    @Test func aListedNameInMetadataIsTheListsName() throws {
        // No address at all: the metadata alone, in the list's form.
        #expect(try extract(head: siteName("NYTimes")).outlet == "The New York Times")
        #expect(try extract(head: siteName("The Quayside Chronicle")).outlet == "The Quayside Chronicle")
    }

    @Test func theOutletListFindsHostsByTheirLongestListedSuffix() {
        let list = OutletList(tsv: """
            # a comment
            ~The Star (Sheffield)\t\tthestar.example.uk
            Quay Times\tthe Quay|QT\tquaytimes.example|news.quay.example
            Quay Group\t\tquay.example
            """)
        #expect(list.entry(forHost: "www.thestar.example.uk")?.name == "The Star")
        #expect(list.entry(forHost: "live.news.quay.example")?.name == "Quay Times")
        #expect(list.entry(forHost: "shop.quay.example")?.name == "Quay Group")
        #expect(list.entry(forHost: "example") == nil)
        #expect(list.entry(named: "the quay times")?.name == "Quay Times")
        #expect(list.entry(named: "QT")?.name == "Quay Times")
        #expect(list.entry(named: "TheQuay Times")?.name == "Quay Times")
    }

    @Test func theBundledListHasDomainsForHundredsOfOutlets() {
        let withDomains = OutletList.shared.entries.filter { !$0.domains.isEmpty }
        #expect(withDomains.count >= 500)
        #expect(OutletList.shared.entry(forHost: "www.bbc.co.uk")?.name == "BBC")
    }

    // MARK: - Wire services

    @Test func aWireStoryIsPublishedByTheSiteAndCreditsTheWire() throws {
        let author = #"<meta name="author" content="By The Associated Press">"#
        let a = try extract(head: siteName("The Quayside Chronicle") + author, url: "https://quaysidechronicle.example/a")
        #expect(a.outlet == "The Quayside Chronicle")
        #expect(a.wire == "Associated Press")
    }

    @Test func aWirePublisherIsNotTheOutlet() throws {
        let ld = #"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Fees agreed","publisher":{"name":"Reuters"}}</script>"#
        let a = try extract(head: ld, url: "https://www.quaysidechronicle.example/a")
        #expect(a.outlet == "Quaysidechronicle")
        #expect(a.wire == "Reuters")
    }

    @Test func aWireDatelineIsACredit() throws {
        let html = """
            <html><head><title>Fees agreed</title>\(siteName("Harbour Evening Post"))</head><body><article>
            <p>PORT TALBOT (Reuters) - \(Self.prose[0])</p><p>\(Self.prose[1])</p><p>\(Self.prose[2])</p>
            </article></body></html>
            """
        let a = try HTMLExtractor().extract(Array(html.utf8))
        #expect(a.outlet == "Harbour Evening Post")
        #expect(a.wire == "Reuters")
    }

    @Test func theWiresOwnStoryHasNoWire() throws {
        let author = #"<meta name="author" content="Reuters Staff">"#
        let a = try extract(head: author, url: "https://www.reuters.com/article/x")
        #expect(a.outlet == "Reuters")
        #expect(a.wire == nil)
    }

    @Test func noCreditNoWire() throws {
        let a = try extract(head: siteName("The Quayside Chronicle"), url: "https://quaysidechronicle.example/a")
        #expect(a.wire == nil)
    }
}

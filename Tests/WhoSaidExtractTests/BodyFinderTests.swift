import Testing
@testable import WhoSaidExtract

/// Body finding on small pages written for the test, one construction each.
@Suite struct BodyFinderTests {
    static let prose = [
        "The harbour board met on Tuesday evening, and after three hours of debate it agreed the new fees.",
        "Fishermen, who had asked for a delay, said the increase would cost each boat several hundred pounds.",
        "The board's chair, speaking after the vote, said the money would pay for dredging, lights and repairs.",
        "A second meeting, open to the public, will be held next month in the old customs house on the quay.",
    ]

    func extract(_ html: String) throws -> [String] {
        try HTMLExtractor().extract(Array(html.utf8)).paragraphs
    }

    func page(body: String) -> String {
        "<html><head><title>Fees agreed | Quay News</title></head><body>\(body)</body></html>"
    }

    var paragraphs: String { Self.prose.map { "<p>\($0)</p>" }.joined() }

    @Test func findsTheBodyAmongNavigationAndFooter() throws {
        let html = page(body: """
            <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
            <div class="content"><h1>Fees agreed</h1>\(paragraphs)</div>
            <footer><p>Copyright Quay News, all rights reserved, every year since the harbour opened.</p></footer>
            """)
        #expect(try extract(html) == Self.prose)
    }

    @Test func dropsShareBarsRelatedListsAndCaptions() throws {
        let html = page(body: """
            <article><div class="share-bar"><a href="#">Share on a network</a></div>
            <figure><img src="x.jpg"><figcaption>The quay at dawn, with boats moored along the wall.</figcaption></figure>
            \(paragraphs)
            <div class="related-stories"><h3>Related</h3><ul>
            <li><a href="/a">Lighthouse keeper retires after forty years on the rock</a></li>
            <li><a href="/b">Ferry timetable changes for the winter season announced</a></li></ul></div>
            </article>
            """)
        #expect(try extract(html) == Self.prose)
    }

    @Test func joinsABodySplitAroundAnAdvert() throws {
        let first = Self.prose[0..<2].map { "<p>\($0)</p>" }.joined()
        let second = Self.prose[2...].map { "<p>\($0)</p>" }.joined()
        let html = page(body: """
            <main><div class="wrap"><div class="part"><div class="inner">\(first)</div></div>
            <div class="ad-slot"><p>Advertisement</p></div>
            <div class="part"><div class="inner">\(second)</div></div></div></main>
            """)
        #expect(try extract(html) == Self.prose)
    }

    @Test func keepsHeadingsListsAndBlockQuotesInsideTheBody() throws {
        let html = page(body: """
            <div class="article-body">\(paragraphs)<h2>What happens next</h2>
            <ul><li>Dredging starts in the spring.</li><li>New lights by the summer.</li></ul>
            <blockquote><p>We will keep the harbour open for everyone, whatever the weather brings.</p></blockquote></div>
            """)
        let out = try extract(html)
        #expect(out.contains("What happens next"))
        #expect(out.contains("Dredging starts in the spring."))
        #expect(out.contains("We will keep the harbour open for everyone, whatever the weather brings."))
    }

    @Test func tableRowsBecomeOneParagraphEach() throws {
        let html = page(body: """
            <div class="article-body">\(paragraphs)<table><tr><td>Boat</td><td>Fee</td></tr>
            <tr><td>Trawler</td><td>£40</td></tr></table></div>
            """)
        let out = try extract(html)
        #expect(out.contains("Boat Fee"))
        #expect(out.contains("Trawler £40"))
    }

    @Test func lineBreaksSplitParagraphsWhenDoubled() throws {
        let html = page(body: "<div class=\"story\">\(Self.prose[0])<br><br>\(Self.prose[1])<br>\(Self.prose[2])</div>")
        let out = try extract(html)
        #expect(out.count == 2)
        #expect(out[0] == Self.prose[0])
        #expect(out[1] == Self.prose[1] + "\n" + Self.prose[2])
    }

    @Test func hiddenElementsAndScriptsNeverReachTheText() throws {
        let html = page(body: """
            <div class="article-body">\(paragraphs)<p style="display: none">Hidden teaser text that must never appear anywhere.</p>
            <script>var x = "script text";</script><p hidden>Another hidden sentence, also never shown to readers.</p></div>
            """)
        let text = try extract(html).joined(separator: "\n")
        #expect(!text.contains("Hidden teaser"))
        #expect(!text.contains("script text"))
        #expect(!text.contains("Another hidden"))
    }
}

import Testing
@testable import WhoSaidExtract

@Suite struct ISODateTests {
    @Test(arguments: [
        ("2019-11-19T12:00:00Z", "2019-11-19T12:00:00Z"),
        ("2019-11-19T12:00:00.000+00:00", "2019-11-19T12:00:00+00:00"),
        ("2024-03-12T18:45:00-0500", "2024-03-12T18:45:00-05:00"),
        ("2019-11-19 07:45", "2019-11-19T07:45:00"),
        ("2019-11-19", "2019-11-19"),
        ("20191119", "2019-11-19"),
        ("Tue, 19 Nov 2019 12:00:00 GMT", "2019-11-19"),
        ("November 19, 2019", "2019-11-19"),
        ("Posted Tuesday, May 6, 2003", "2003-05-06"),
    ])
    func normalizes(raw: String, iso: String) {
        #expect(ISODate.normalize(raw) == iso)
    }

    @Test(arguments: ["", "yesterday", "2019-13-45", "Page 3 of 12"])
    func rejects(raw: String) {
        #expect(ISODate.normalize(raw) == nil)
    }
}

@Suite struct PageMetadataTests {
    @Test func jsonLDInAGraphGivesHeadlineAuthorsDatePublisherAndBody() {
        var tags = PageMetaTags()
        tags.jsonLD = [
            #"{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},{"@type":["NewsArticle"],"headline":"Ferry fares rise","author":[{"@type":"Person","name":"Ana Ruiz"},{"name":"Tom Bell"}],"datePublished":"2023-05-01T08:00:00+01:00","publisher":{"@type":"Organization","name":"The Quay Times"},"articleBody":"First.\nSecond.","inLanguage":"en-GB"}]}"#
        ]
        let m = PageMetadata(meta: tags, pageURL: "https://quay.example/a/1")
        #expect(m.title == "Ferry fares rise")
        #expect(m.authors == ["Ana Ruiz", "Tom Bell"])
        #expect(m.published == "2023-05-01T08:00:00+01:00")
        #expect(m.outlet == "The Quay Times")
        #expect(m.articleBody == "First.\nSecond.")
        #expect(m.language == "en-GB")
        #expect(m.url == "https://quay.example/a/1")
    }

    @Test func metaTagsAndTitleBrandingWithoutJSONLD() {
        var tags = PageMetaTags()
        tags.titleTag = "Dock strike ends after nine days | Harbour Evening Post"
        tags.tags = [("author", "By Jo Kemp and Sam Ade"), ("article:published_time", "2022-02-03T10:00:00Z")]
        tags.canonical = "/news/dock-strike"
        tags.htmlLang = "en_us"
        let m = PageMetadata(meta: tags, pageURL: "https://post.example/x?y=1")
        #expect(m.title == "Dock strike ends after nine days")
        #expect(m.outlet == "Harbour Evening Post")
        #expect(m.authors == ["Jo Kemp", "Sam Ade"])
        #expect(m.published == "2022-02-03T10:00:00Z")
        #expect(m.url == "https://post.example/news/dock-strike")
        #expect(m.language == "en-US")
    }

    @Test func brokenJSONLDIsIgnored() {
        var tags = PageMetaTags()
        tags.jsonLD = ["{not json", #"{"@type":"NewsArticle","headline":"#]
        tags.tags = [("og:title", "Fallback headline")]
        #expect(PageMetadata(meta: tags, pageURL: nil).title == "Fallback headline")
    }
}

@Suite struct BoilerplateHintsTests {
    func hint(_ classID: String, role: String = "") -> Int8 {
        BoilerplateHints.score(classID: Array(classID.utf8), role: Array(role.utf8), tag: .div)
    }

    @Test func furnitureNamesAreNegativeAndBodyNamesPositive() {
        #expect(hint("related-articles") < -1)
        #expect(hint("social-share-bar") < -1)
        #expect(hint("newsletter-signup") < -1)
        #expect(hint("ad slot") < -1)
        #expect(hint("article-body") > 0)
        #expect(hint("entry-content clearfix") > 0)
        #expect(hint("x", role: "navigation") < -1)
    }

    @Test func shortWordsMatchOnlyAsWholeTokens() {
        // "ad" inside "lead" or "thread", "nav" inside "canvas" are not furniture.
        #expect(hint("lead-paragraph") == 0)
        #expect(hint("thread canvas") == 0)
    }

    @Test func specificPartOfAGenericBlockWins() {
        #expect(hint("article__dates") < 0)
        #expect(hint("article__body") > 0)
    }

    @Test func embeddedPostsAreNotFurniture() {
        #expect(hint("social-media-embed") >= 0)
        #expect(hint("twitter-tweet") >= 0)
    }
}

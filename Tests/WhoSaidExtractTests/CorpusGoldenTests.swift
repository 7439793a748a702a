import Foundation
import Testing
import WhoSaidCore
@testable import WhoSaidExtract

/// Golden tests over the sample pages in `corpus/pages/`: each `NAME.html` has a `NAME.expected.json`
/// beside it giving what a correct extraction is (what a reader sees as the article), written by hand
/// from the page, not from the tool's output.
@Suite struct CorpusGoldenTests {
    @Test func corpusIsPresent() {
        #expect(GoldenCorpus.pageNames.count >= 5, "no pages found in \(GoldenCorpus.pagesDirectory.path)")
        for name in GoldenCorpus.pageNames {
            #expect(
                FileManager.default.fileExists(atPath: GoldenCorpus.expectedURL(name).path),
                "\(name).html has no \(name).expected.json")
        }
    }

    @Test(arguments: GoldenCorpus.pageNames)
    func metadata(page: String) throws {
        let (doc, expected) = try GoldenCorpus.extract(page)
        GoldenCorpus.check(page, .title) { #expect(doc.title == expected.title, "title of \(page)") }
        GoldenCorpus.check(page, .authors) { #expect(doc.authors == expected.authors, "authors of \(page)") }
        GoldenCorpus.check(page, .published) {
            #expect(doc.published == expected.published, "published date of \(page)")
        }
        GoldenCorpus.check(page, .outlet) { #expect(doc.outlet == expected.outlet, "outlet of \(page)") }
        GoldenCorpus.check(page, .url) { #expect(doc.url == expected.url, "url of \(page)") }
        GoldenCorpus.check(page, .language) { #expect(doc.language == expected.language, "language of \(page)") }
    }

    @Test(arguments: GoldenCorpus.pageNames)
    func bodyKeepsArticleSentencesAndDropsFurniture(page: String) throws {
        let (doc, expected) = try GoldenCorpus.extract(page)
        #expect(!expected.mustContain.isEmpty && !expected.mustNotContain.isEmpty)
        for sentence in expected.mustContain {
            GoldenCorpus.check(page, .mustContain(sentence)) {
                #expect(doc.text.contains(sentence), "\(page): article text lost: \(sentence)")
            }
        }
        for furniture in expected.mustNotContain {
            GoldenCorpus.check(page, .mustNotContain(furniture)) {
                #expect(!doc.text.contains(furniture), "\(page): page furniture kept: \(furniture)")
            }
        }
    }

    @Test(arguments: GoldenCorpus.pageNames)
    func exactText(page: String) throws {
        let (doc, expected) = try GoldenCorpus.extract(page)
        GoldenCorpus.check(page, .text) {
            #expect(
                doc.text == expected.text,
                Comment(rawValue: "\(page): " + GoldenCorpus.firstDifference(got: doc.text, want: expected.text)))
        }
        // Paragraph ranges must cover exactly the paragraphs of the text, whatever the text is.
        let scalars = ScalarText(doc.text)
        let fromRanges = doc.paragraphs.map { scalars[$0] }
        #expect(fromRanges == doc.text.components(separatedBy: "\n\n"))
    }
}

/// What `NAME.expected.json` holds.
struct GoldenExpectation: Decodable {
    var title: String?
    var authors: [String]
    var published: String?
    var outlet: String?
    var url: String?
    var language: String?
    var mustContain: [String]
    var mustNotContain: [String]
    var text: String

    enum CodingKeys: String, CodingKey {
        case title, authors, published, outlet, url, language, text
        case mustContain = "must_contain"
        case mustNotContain = "must_not_contain"
    }
}

/// One assertion of a golden test, so that a known failure can be marked without hiding the others.
enum GoldenCheck: Hashable {
    case title, authors, published, outlet, url, language, text
    case mustContain(String)
    case mustNotContain(String)
}

enum GoldenCorpus {
    /// `corpus/pages` in the package root, three levels above this file.
    static let pagesDirectory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("corpus/pages")

    /// Page names without `.html`, sorted.
    static let pageNames: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: pagesDirectory.path)) ?? []
        return files.filter { $0.hasSuffix(".html") }.map { String($0.dropLast(5)) }.sorted()
    }()

    static func pageURL(_ name: String) -> URL { pagesDirectory.appendingPathComponent(name + ".html") }
    static func expectedURL(_ name: String) -> URL { pagesDirectory.appendingPathComponent(name + ".expected.json") }

    static func extract(_ name: String) throws -> (Document, GoldenExpectation) {
        let url = pageURL(name)
        let bytes = [UInt8](try Data(contentsOf: url))
        let expected = try JSONDecoder().decode(GoldenExpectation.self, from: Data(contentsOf: expectedURL(name)))
        let doc = try DocumentExtractor().extract(InputItem(path: url.path, bytes: bytes))
        return (doc, expected)
    }

    /// Failures that are known and owned elsewhere (body finding, metadata, the page parser): each is
    /// wrapped in `withKnownIssue`, which fails as soon as the problem is fixed so that the entry gets
    /// removed. Never weaken an expectation instead.
    static let knownIssues: [String: [GoldenCheck: String]] = [:]

    /// Runs one assertion, as a known issue when it is listed in ``knownIssues``.
    static func check(_ page: String, _ what: GoldenCheck, _ body: () -> Void) {
        if let issue = knownIssues[page]?[what] {
            withKnownIssue(Comment(rawValue: issue)) { body() }
        } else {
            body()
        }
    }

    /// A short description of where two texts first differ, paragraph by paragraph.
    static func firstDifference(got: String, want: String) -> String {
        let g = got.components(separatedBy: "\n\n")
        let w = want.components(separatedBy: "\n\n")
        for i in 0..<max(g.count, w.count) {
            let a = i < g.count ? g[i] : "(none)"
            let b = i < w.count ? w[i] : "(none)"
            if a != b {
                return "paragraph \(i + 1) of \(w.count) expected differs:\n  got:  \(a)\n  want: \(b)"
            }
        }
        return "texts equal"
    }
}

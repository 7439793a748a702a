import Foundation
import Testing
import WhoSaidAnalysis

/// The repository root, from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

@Suite struct StopWordsTests {
    @Test func parsesCommentsAndBlankLines() {
        let list = StopWords(parsing: "# header\nthe\n\n  And  \r\nof # inline\n#only comment\n")
        #expect(list.words == ["the", "and", "of"])
        #expect(list.contains("and"))
        #expect(!list.contains("header"))
    }

    @Test func bundledEnglishListLoads() throws {
        let list = try StopWords.loadEnglish()
        #expect(list.count > 100)
        for w in ["the", "and", "of", "he", "she"] { #expect(list.contains(w)) }
        #expect(!list.contains("#"))
        #expect(StopWords.english == list)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: repositoryRoot.appendingPathComponent("stopwords/english.txt").path)))
    func resourceIsAnExactCopyOfTheSourceList() throws {
        let source = try Data(contentsOf: repositoryRoot.appendingPathComponent("stopwords/english.txt"))
        let copy = try Data(contentsOf: repositoryRoot.appendingPathComponent(
            "Sources/WhoSaidAnalysis/Resources/stopwords-english.txt"))
        #expect(source == copy, "refresh the copy: cp stopwords/english.txt Sources/WhoSaidAnalysis/Resources/stopwords-english.txt")
        let bundled = try #require(StopWords.bundledEnglishURL)
        #expect(try Data(contentsOf: bundled) == source)
    }
}

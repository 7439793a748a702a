import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
import WhoSaidCore
@testable import WhoSaidExtract

/// Inputs that cannot be an article: each must give a clear ``ExtractionError``, never a crash, a hang
/// or a document of garbage.
@Suite(.timeLimit(.minutes(1))) struct BadInputTests {
    /// A small valid page, for wrapping in gzip and the like.
    static let page = Array("""
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Pier reopens</title></head>
        <body><article><h1>Pier reopens</h1>
        <p>The town pier reopened on Saturday after a winter of repairs, and the first anglers were on it by six.</p>
        <p>"It feels like spring has finally started," said Ada Pennock, who has fished from the pier since 1975.</p>
        </article></body></html>
        """.utf8)

    /// Deterministic pseudo-random bytes (SplitMix64).
    static func noise(count: Int, seed: UInt64, in range: ClosedRange<UInt8> = 0...255) -> [UInt8] {
        var state = seed
        var out = [UInt8]()
        out.reserveCapacity(count)
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        for _ in 0..<count {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            out.append(range.lowerBound + UInt8(z % span))
        }
        return out
    }

    private func extract(_ bytes: [UInt8], path: String = "input.html", format: InputFormat = .auto) throws -> Document {
        try DocumentExtractor(format: format).extract(InputItem(path: path, bytes: bytes))
    }

    @Test func theSamplePageItselfExtracts() throws {
        let doc = try extract(Self.page)
        #expect(doc.title == "Pier reopens")
        #expect(doc.paragraphs.count == 2)
    }

    @Test func emptyFile() {
        #expect(throws: ExtractionError.emptyInput) { try extract([]) }
        #expect(throws: ExtractionError.emptyInput) { try extract([], path: "notes.txt") }
        #expect(throws: ExtractionError.emptyInput) { try extract([], path: "-") }
    }

    @Test func binaryBytes() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]
        let bytes = png + Self.noise(count: 8_000, seed: 7)
        #expect(throws: ExtractionError.binaryContent) { try extract(bytes, path: "photo.png") }
        // A misleading name or an explicit format does not make it a page.
        #expect(throws: ExtractionError.binaryContent) { try extract(bytes, path: "story.html") }
        #expect(throws: ExtractionError.binaryContent) { try extract(bytes, path: "story", format: .html) }
        #expect(throws: ExtractionError.binaryContent) { try extract(bytes, path: "story", format: .text) }
    }

    @Test func jsonGivenAsHTML() {
        let json = Array(#"{"id": 4812, "headline": "Ferry adds sailings", "tags": ["ferries", "islands"], "draft": false}"#.utf8)
        #expect(throws: ExtractionError.notHTML) { try extract(json, path: "record.json", format: .html) }
    }

    @Test func truncatedGzip() throws {
        let gz = Gzip.compress(Self.page)
        #expect(try Gzip.decompress(gz) == Self.page)
        for cut in [gz.count - 4, gz.count - 8, gz.count / 2, 12, 10] {
            let truncated = Array(gz.prefix(cut))
            do {
                _ = try extract(truncated, path: "page.html.gz")
                Issue.record("cut at \(cut) of \(gz.count): no error")
            } catch ExtractionError.corruptGzip(let reason) {
                #expect(reason.contains("truncated"), "cut at \(cut): \(reason)")
            } catch {
                Issue.record("cut at \(cut): expected corruptGzip, got \(error)")
            }
        }
    }

    @Test func corruptGzip() {
        var gz = Gzip.compress(Self.page)
        // Keep the 10-byte header, scramble the deflate data.
        for i in 10..<(gz.count - 8) { gz[i] ^= 0xA5 }
        let scrambled = #expect(throws: ExtractionError.self) { try extract(gz, path: "page.html.gz") }
        guard case .corruptGzip = scrambled else { Issue.record("expected corruptGzip, got \(String(describing: scrambled))"); return }
        // A .gz name on bytes that are not gzip at all.
        #expect(throws: ExtractionError.corruptGzip("not gzip data")) { try extract(Self.page, path: "page.html.gz") }
        // A gzip header followed by nothing useful.
        let headerOnly: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03] + Self.noise(count: 64, seed: 3)
        let noData = #expect(throws: ExtractionError.self) { try extract(headerOnly, path: "page.html.gz") }
        guard case .corruptGzip = noData else { Issue.record("expected corruptGzip, got \(String(describing: noData))"); return }
    }

    @Test func gzipMembersAreConcatenatedAndTrailingPaddingIgnored() throws {
        let first = Array(Self.page.prefix(200)), second = Array(Self.page.dropFirst(200))
        let twoMembers = Gzip.compress(first) + Gzip.compress(second)
        #expect(try Gzip.decompress(twoMembers) == Self.page)
        let padded = Gzip.compress(Self.page) + [UInt8](repeating: 0, count: 512)
        let doc = try extract(padded, path: "page.html.gz")
        #expect(doc.title == "Pier reopens")
        #expect(doc.id == "page")
        // A second member that starts right but is broken is still an error.
        var broken = Gzip.compress(second)
        for i in 10..<(broken.count - 8) { broken[i] ^= 0x5A }
        #expect(throws: ExtractionError.self) { try Gzip.decompress(Gzip.compress(first) + broken) }
    }

    @Test func hundredMegabytePageIsRefusedQuickly() {
        var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 100 * 1_048_576)
        let head = Array("<html><body><p>".utf8)
        bytes.replaceSubrange(0..<head.count, with: head)
        let count = bytes.count
        #expect(throws: ExtractionError.tooLarge(bytes: count, limit: DocumentExtractor.defaultMaxBytes)) {
            try extract(bytes)
        }
        // The same page gzipped stops inflating at the limit instead of growing to 100 MB.
        let gz = Gzip.compress(bytes, level: 1)
        bytes = []
        let inflated = #expect(throws: ExtractionError.self) { try extract(gz, path: "big.html.gz") }
        if case .tooLarge(_, let limit) = inflated {
            #expect(limit == DocumentExtractor.defaultMaxBytes)
        } else {
            Issue.record("expected tooLarge, got \(String(describing: inflated))")
        }
    }

    @Test func hundredThousandNestedDivs() {
        var bytes = Array("<html><body>".utf8)
        bytes.reserveCapacity(100_000 * 5 + 200)
        for _ in 0..<100_000 { bytes.append(contentsOf: Array("<div>".utf8)) }
        bytes.append(contentsOf: Array("<p>Deep inside the markup, a sentence that nobody will ever read.</p>".utf8))
        #expect(throws: ExtractionError.nestingTooDeep(limit: 5_000)) { try extract(bytes) }
    }

    @Test func textAfterADeepSubtreeIsKept() throws {
        // Real pages rarely nest 300 deep, but when one does, what follows the deep part is still
        // article text that a browser shows.
        let paragraph = "<p>A sentence long enough to count as article text, with commas, clauses, and more words.</p>"
        var html = "<html><body><article>" + paragraph
        html += String(repeating: "<div>", count: 300) + "x" + String(repeating: "</div>", count: 300)
        html += paragraph.replacingOccurrences(of: "A sentence", with: "After the deep part, a sentence")
        html += "</article></body></html>"
        let doc = try extract(Array(html.utf8))
        #expect(doc.text.contains("After the deep part"))
    }

    @Test func declaredUTF8FullOfInvalidBytes() {
        var bytes = Array("<html><head><meta charset=\"utf-8\"><title>Report</title></head><body><p>".utf8)
        bytes += Self.noise(count: 4_000, seed: 11, in: 0x80...0xFF)
        bytes += Array("</p></body></html>".utf8)
        #expect(!CharsetDecoder.isValidUTF8(bytes))
        #expect(throws: ExtractionError.undecodable(charset: "utf-8")) { try extract(bytes) }
        // The same bytes declared by the caller (an HTTP header) rather than the page.
        var bare = Array("<html><body><p>".utf8) + Self.noise(count: 4_000, seed: 12, in: 0x80...0xFF)
        bare += Array("</p></body></html>".utf8)
        #expect(throws: ExtractionError.undecodable(charset: "utf-8")) {
            try DocumentExtractor().extract(InputItem(path: "page.html", bytes: bare, charset: "UTF-8"))
        }
    }

    @Test func declaredUTF8ThatIsReallyWindows1252StillReads() throws {
        // The common mislabel: a page says utf-8 but was saved as windows-1252. Not an error.
        var bytes = Array("<html><head><meta charset=\"utf-8\"></head><body><p>".utf8)
        for _ in 0..<40 { bytes += Array("The caf".utf8) + [0xE9] + Array(" sold cr".utf8) + [0xE8, 0x6D, 0x65] + Array(" for ".utf8) + [0xA3] + Array("3. ".utf8) }
        bytes += Array("</p></body></html>".utf8)
        let doc = try extract(bytes)
        #expect(doc.text.hasPrefix("The café sold crème for £3."))
    }

    @Test func unknownCharset() {
        var bytes = Array("<html><head><meta charset=\"x-klingon-9\"></head><body><p>The caf".utf8)
        bytes += [0xE9, 0xA0, 0xFE]
        bytes += Array(" reopened on Friday after a long winter of repairs to its roof.</p></body></html>".utf8)
        #expect(throws: ExtractionError.unknownCharset("x-klingon-9")) { try extract(bytes) }
    }

    @Test func missingFile() {
        let path = NSTemporaryDirectory() + "whosaid-no-such-file-\(UInt32.random(in: 0...UInt32.max)).html"
        #expect(throws: ExtractionError.unreadable("no such file or directory")) {
            try InputFiles.read(path, limit: DocumentExtractor.defaultMaxBytes)
        }
        #expect(InputFiles.expand([path]).first?.problem == "no such file or directory")
    }

    @Test func directoryGivenToRead() throws {
        let dir = NSTemporaryDirectory() + "whosaid-dir-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(throws: ExtractionError.unreadable("is a directory")) {
            try InputFiles.read(dir, limit: DocumentExtractor.defaultMaxBytes)
        }
    }

    @Test func fileWithoutReadPermission() throws {
        let path = NSTemporaryDirectory() + "whosaid-locked-\(UInt32.random(in: 0...UInt32.max)).html"
        #expect(FileManager.default.createFile(atPath: path, contents: Data(Self.page)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: path)
        // root (as in containers and CI) may read a mode-000 file anyway; then reading must just work.
        let fd = open(path, O_RDONLY)
        let osAllowsReading = fd >= 0
        if fd >= 0 { close(fd) }
        if osAllowsReading {
            #expect(try InputFiles.read(path, limit: DocumentExtractor.defaultMaxBytes) == Self.page)
        } else {
            #expect(throws: ExtractionError.unreadable("permission denied")) {
                try InputFiles.read(path, limit: DocumentExtractor.defaultMaxBytes)
            }
        }
    }
}

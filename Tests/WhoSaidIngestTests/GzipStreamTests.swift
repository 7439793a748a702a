import Testing
import WhoSaidExtract

/// A source that hands out its bytes in small chunks, to cross every boundary.
final class ChunkedSource: ByteSource {
    private var bytes: [UInt8]
    private let size: Int
    init(_ bytes: [UInt8], size: Int) { self.bytes = bytes; self.size = size }
    func next() throws -> [UInt8]? {
        guard !bytes.isEmpty else { return nil }
        let n = min(size, bytes.count)
        defer { bytes.removeFirst(n) }
        return Array(bytes[..<n])
    }
}

func drain(_ source: ByteSource) throws -> [UInt8] {
    var out: [UInt8] = []
    while let chunk = try source.next() { out += chunk }
    return out
}

struct GzipStreamTests {
    @Test(arguments: [1, 7, 4096])
    func inflatesConcatenatedMembersAcrossChunkBoundaries(chunk: Int) throws {
        let parts = (0..<5).map { i in Array("member \(i): ".utf8) + [UInt8](repeating: UInt8(65 + i), count: 3000 * i) }
        let gz = parts.flatMap { Gzip.compress($0) }
        let out = try drain(try GzipByteSource(ChunkedSource(gz, size: chunk), chunkSize: 1000))
        #expect(out == parts.flatMap { $0 })
    }

    @Test func aTruncatedMemberIsAnErrorAfterTheCompleteOnes() throws {
        let first = Array("complete first member\n".utf8)
        let second = [UInt8](repeating: 0x42, count: 50_000)
        var gz = Gzip.compress(first) + Gzip.compress(second)
        gz.removeLast(40)
        let source = try GzipByteSource(ChunkedSource(gz, size: 64))
        var out: [UInt8] = []
        #expect(throws: ExtractionError.corruptGzip("truncated (unexpected end of data)")) {
            while let chunk = try source.next() { out += chunk }
        }
        #expect(out.starts(with: first))
    }

    @Test func trailingZeroPaddingEndsTheStream() throws {
        let gz = Gzip.compress(Array("padded".utf8)) + [UInt8](repeating: 0, count: 512)
        #expect(try drain(try GzipByteSource(MemoryByteSource(gz))) == Array("padded".utf8))
    }

    @Test func linesAndBlocksAcrossChunks() throws {
        let text = Array("first\r\nsecond\n\nfourth-without-newline".utf8)
        let reader = BufferedReader(ChunkedSource(text, size: 3))
        #expect(try reader.readLine() == .line(Array("first".utf8)))
        #expect(try reader.read(count: 3) == Array("sec".utf8))
        #expect(try reader.readLine() == .line(Array("ond".utf8)))
        #expect(try reader.readLine() == .line([]))
        #expect(try reader.readLine() == .line(Array("fourth-without-newline".utf8)))
        #expect(try reader.readLine() == nil)
        #expect(try reader.isAtEnd())
    }

    @Test func anOverlongLineIsReportedAndSkipped() throws {
        let text = Array(("short\n" + String(repeating: "x", count: 100) + "\nafter\n").utf8)
        let reader = BufferedReader(ChunkedSource(text, size: 8))
        #expect(try reader.readLine(limit: 20) == .line(Array("short".utf8)))
        #expect(try reader.readLine(limit: 20) == .tooLong)
        #expect(try reader.readLine(limit: 20) == .line(Array("after".utf8)))
        #expect(try reader.readLine(limit: 20) == nil)
    }
}

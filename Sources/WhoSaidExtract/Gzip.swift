import CZlib

/// gzip through zlib: whole buffers and multi-member files (as CC-NEWS WARCs ship them).
public enum Gzip {
    public static func isGzip(_ bytes: [UInt8]) -> Bool { bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B }

    /// Inflates every gzip member in `bytes`, refusing to grow past `limit` bytes.
    public static func decompress(_ bytes: [UInt8], limit: Int = Int.max) throws -> [UInt8] {
        var stream = z_stream()
        guard czlib_inflate_init2(&stream, 15 + 16) == Z_OK else { throw ExtractionError.corruptGzip("zlib init failed") }
        defer { inflateEnd(&stream) }
        var out: [UInt8] = []
        out.reserveCapacity(min(bytes.count * 4, 1 << 26))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var input = bytes
        try input.withUnsafeMutableBufferPointer { inBuf in
            stream.next_in = inBuf.baseAddress
            stream.avail_in = UInt32(inBuf.count)
            while true {
                let status: Int32 = chunk.withUnsafeMutableBufferPointer { outBuf in
                    stream.next_out = outBuf.baseAddress
                    stream.avail_out = UInt32(outBuf.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                out.append(contentsOf: chunk[0..<produced])
                if out.count > limit { throw ExtractionError.tooLarge(bytes: out.count, limit: limit) }
                switch status {
                case Z_STREAM_END:
                    // Another member may follow. Anything else after a complete member (zero padding,
                    // junk appended by a download tool) is ignored, as gzip(1) does.
                    guard stream.avail_in >= 2, let next = stream.next_in, next[0] == 0x1F, next[1] == 0x8B else {
                        return
                    }
                    if inflateReset(&stream) != Z_OK { throw ExtractionError.corruptGzip("cannot read next member") }
                case Z_OK:
                    if stream.avail_in == 0 && stream.avail_out != 0 {
                        throw ExtractionError.corruptGzip("truncated (unexpected end of data)")
                    }
                case Z_BUF_ERROR:
                    if stream.avail_in == 0 { throw ExtractionError.corruptGzip("truncated (unexpected end of data)") }
                default:
                    let message = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                    throw ExtractionError.corruptGzip(message)
                }
            }
        }
        return out
    }

    /// Compresses `bytes` as one gzip member (used by tests and benchmark dumps).
    public static func compress(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] {
        var stream = z_stream()
        precondition(czlib_deflate_init2(&stream, level, 15 + 16) == Z_OK)
        defer { deflateEnd(&stream) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var input = bytes
        input.withUnsafeMutableBufferPointer { inBuf in
            stream.next_in = inBuf.baseAddress
            stream.avail_in = UInt32(inBuf.count)
            var status: Int32 = Z_OK
            repeat {
                status = chunk.withUnsafeMutableBufferPointer { outBuf in
                    stream.next_out = outBuf.baseAddress
                    stream.avail_out = UInt32(outBuf.count)
                    return deflate(&stream, Z_FINISH)
                }
                out.append(contentsOf: chunk[0..<(chunk.count - Int(stream.avail_out))])
            } while status == Z_OK
        }
        return out
    }
}

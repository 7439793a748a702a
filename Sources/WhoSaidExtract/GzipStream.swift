import CZlib

/// Inflates a gzip stream chunk by chunk, member after member (CC-NEWS WARCs are one gzip member per
/// record), without ever holding the whole input or output.
public final class GzipByteSource: ByteSource {
    private let upstream: ByteSource
    private let stream: UnsafeMutablePointer<z_stream>
    private var input: [UInt8] = []
    private var inputOffset = 0
    private var finished = false
    private var memberStarted = false
    private let chunkSize: Int

    public init(_ upstream: ByteSource, chunkSize: Int = 1 << 18) throws {
        self.upstream = upstream
        self.chunkSize = chunkSize
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        guard czlib_inflate_init2(stream, 15 + 16) == Z_OK else {
            stream.deallocate()
            throw ExtractionError.corruptGzip("zlib init failed")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

    /// Refills the input from upstream; false at its end.
    private func refill() throws -> Bool {
        guard let chunk = try upstream.next() else { return false }
        input = chunk
        inputOffset = 0
        return true
    }

    public func next() throws -> [UInt8]? {
        if finished { return nil }
        var out = [UInt8](repeating: 0, count: chunkSize)
        var produced = 0
        while produced == 0 {
            if inputOffset == input.count {
                guard try refill() else {
                    finished = true
                    if memberStarted { throw ExtractionError.corruptGzip("truncated (unexpected end of data)") }
                    return nil
                }
            }
            if !memberStarted {
                // Between members: anything but a gzip header (zero padding, junk) ends the stream, as
                // gzip(1) treats it.
                if input[inputOffset] != 0x1F {
                    finished = true
                    return nil
                }
                memberStarted = true
            }
            let status: Int32 = input.withUnsafeMutableBufferPointer { inBuf in
                out.withUnsafeMutableBufferPointer { outBuf in
                    stream.pointee.next_in = inBuf.baseAddress! + inputOffset
                    stream.pointee.avail_in = UInt32(inBuf.count - inputOffset)
                    stream.pointee.next_out = outBuf.baseAddress! + produced
                    stream.pointee.avail_out = UInt32(outBuf.count - produced)
                    let status = inflate(stream, Z_NO_FLUSH)
                    inputOffset = inBuf.count - Int(stream.pointee.avail_in)
                    produced = outBuf.count - Int(stream.pointee.avail_out)
                    return status
                }
            }
            switch status {
            case Z_STREAM_END:
                memberStarted = false
                guard inflateReset(stream) == Z_OK else { throw ExtractionError.corruptGzip("cannot read next member") }
            case Z_OK, Z_BUF_ERROR:
                continue
            default:
                let message = stream.pointee.msg.map { String(cString: $0) } ?? "error \(status)"
                finished = true
                throw ExtractionError.corruptGzip(message)
            }
        }
        out.removeSubrange(produced...)
        return out
    }
}

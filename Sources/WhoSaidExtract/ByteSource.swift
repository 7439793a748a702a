import Foundation

/// A stream of bytes read a chunk at a time, so that inputs of any size (a 10 GB WARC, stdin) are
/// never held in memory whole.
public protocol ByteSource: AnyObject {
    /// The next chunk, or nil at the end. A chunk is never empty.
    func next() throws -> [UInt8]?
}

/// A file (or an open descriptor such as stdin) read in chunks through POSIX `read`.
public final class FileByteSource: ByteSource {
    private let fd: Int32
    private let ownsDescriptor: Bool
    private let chunkSize: Int
    /// Called with the number of bytes after each read (progress counters).
    private let onRead: ((Int) -> Void)?

    public init(path: String, chunkSize: Int = 1 << 18, onRead: ((Int) -> Void)? = nil) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            let reason = errno == ENOENT ? "no such file or directory"
                : errno == EACCES ? "permission denied" : String(cString: strerror(errno))
            throw ExtractionError.unreadable(reason)
        }
        self.fd = fd
        self.ownsDescriptor = true
        self.chunkSize = chunkSize
        self.onRead = onRead
    }

    /// Reads an already open descriptor (0 for stdin), which is not closed afterwards.
    public init(descriptor: Int32, chunkSize: Int = 1 << 18, onRead: ((Int) -> Void)? = nil) {
        self.fd = descriptor
        self.ownsDescriptor = false
        self.chunkSize = chunkSize
        self.onRead = onRead
    }

    deinit { if ownsDescriptor { close(fd) } }

    public func next() throws -> [UInt8]? {
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, chunkSize) }
            if n > 0 {
                chunk.removeSubrange(n...)
                onRead?(n)
                return chunk
            }
            if n == 0 { return nil }
            if errno == EINTR { continue }
            throw ExtractionError.unreadable(String(cString: strerror(errno)))
        }
    }
}

/// Bytes held in memory as a source (tests, small inputs).
public final class MemoryByteSource: ByteSource {
    private var bytes: [UInt8]?
    public init(_ bytes: [UInt8]) { self.bytes = bytes.isEmpty ? nil : bytes }
    public func next() throws -> [UInt8]? {
        defer { bytes = nil }
        return bytes
    }
}

/// Line and block reads over a ``ByteSource``, with a buffer of at most one chunk plus what the
/// caller asks for.
public final class BufferedReader {
    private let source: ByteSource
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false

    public init(_ source: ByteSource) { self.source = source }

    /// Bytes consumed so far from the (decompressed) stream.
    public private(set) var offset = 0

    private func fill() throws -> Bool {
        if atEnd { return false }
        guard let chunk = try source.next() else {
            atEnd = true
            return false
        }
        if position > 0 {
            buffer.removeSubrange(..<position)
            position = 0
        }
        buffer.append(contentsOf: chunk)
        return true
    }

    /// The next line without its `\n` (or `\r\n`), nil at the end of the stream. A line longer than
    /// `limit` is consumed and returned as ``Line/tooLong``.
    public func readLine(limit: Int = Int.max) throws -> Line? {
        var scanned = 0  // bytes after `position` known to hold no newline
        var tooLong = false
        while true {
            if let nl = buffer[(position + scanned)...].firstIndex(of: 0x0A) {
                var end = nl
                if end > position && buffer[end - 1] == 0x0D { end -= 1 }
                let line = Array(buffer[position..<end])
                offset += nl + 1 - position
                position = nl + 1
                return tooLong ? .tooLong : .line(line)
            }
            scanned = buffer.count - position
            if scanned > limit {
                // Drop what we have of an oversized line and keep looking for its end.
                tooLong = true
                offset += scanned
                position = buffer.count
                scanned = 0
            }
            guard try fill() else {
                if position == buffer.count { return tooLong ? .tooLong : nil }
                let line = Array(buffer[position...])
                offset += buffer.count - position
                position = buffer.count
                return tooLong ? .tooLong : .line(line)
            }
        }
    }

    public enum Line: Equatable {
        case line([UInt8])
        case tooLong
    }

    /// Up to `count` bytes; fewer only at the end of the stream.
    public func read(count: Int) throws -> [UInt8] {
        while buffer.count - position < count, try fill() {}
        let n = min(count, buffer.count - position)
        let out = Array(buffer[position..<position + n])
        position += n
        offset += n
        return out
    }

    /// Skips up to `count` bytes without keeping them; returns how many were skipped.
    @discardableResult
    public func skip(count: Int) throws -> Int {
        var remaining = count
        while remaining > 0 {
            if position == buffer.count {
                buffer.removeAll(keepingCapacity: true)
                position = 0
                guard try fill() else { break }
            }
            let n = min(remaining, buffer.count - position)
            position += n
            offset += n
            remaining -= n
        }
        return count - remaining
    }

    /// Whether the stream is exhausted.
    public func isAtEnd() throws -> Bool {
        if position < buffer.count { return false }
        return !(try fill())
    }
}

import Foundation

/// The data files shipped in `Resources/`: lexicons, stop words, the attribution model, the cue tagger.
enum BundledResource {
    /// Where `name.ext` is: under `Resources/`, or at the top of the bundle.
    static func url(_ name: String, _ ext: String) -> URL? {
        Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Resources")
            ?? Bundle.module.url(forResource: name, withExtension: ext)
    }

    /// Calls `body` with the number (from 1) and byte range of each line of `bytes` that is neither
    /// empty nor a `#` comment, in one pass (the weight files hold tens of thousands of lines and must
    /// load quickly).
    static func forEachLine(
        _ bytes: UnsafeBufferPointer<UInt8>, _ body: (_ line: Int, _ range: Range<Int>) throws -> Void
    ) rethrows {
        var line = 0
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 10 { end += 1 }
            line += 1
            if end > start && bytes[start] != 35 { try body(line, start..<end) }
            start = end + 1
        }
    }
}

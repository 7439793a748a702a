import Glibc

/// Turns page bytes into UTF-8, never producing mojibake or invalid UTF-8.
///
/// Order of evidence: a byte-order mark; then bytes that are valid UTF-8 are taken as UTF-8 whatever
/// is declared (pages that say `iso-8859-1` but are UTF-8 are common, and valid multi-byte UTF-8 is
/// vanishingly rare in real single-byte text); then the page's own `<meta charset>` /
/// `http-equiv` declaration; then the caller's charset (from HTTP or WARC headers); then windows-1252.
///
/// Bytes declared UTF-8 that are not are read as windows-1252 (the usual mislabel) only when they look
/// like it; otherwise they are an error, not a document of mojibake.
public enum CharsetDecoder {
    /// The decoded bytes and the charset they were read as.
    public struct Decoded: Sendable {
        public var utf8: [UInt8]
        public var charset: String
        /// Invalid sequences replaced with U+FFFD (only when the input claimed UTF-8 and was mostly valid).
        public var replacements: Int
    }

    /// Decodes `bytes`; `declared` is the caller's charset (HTTP or WARC header), `sniffMeta` looks
    /// for an HTML `<meta>` declaration in the first bytes.
    public static func decode(_ bytes: [UInt8], declared: String?, sniffMeta: Bool) throws -> Decoded {
        // 1. Byte-order marks.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return repairUTF8(Array(bytes.dropFirst(3)), label: "utf-8")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let label = bytes[0] == 0xFF ? "UTF-16LE" : "UTF-16BE"
            guard let out = iconvToUTF8(Array(bytes.dropFirst(2)), from: label) else {
                throw ExtractionError.undecodable(charset: label)
            }
            return Decoded(utf8: out, charset: label.lowercased(), replacements: 0)
        }
        // 2. Valid UTF-8 (pure ASCII included) wins over any declaration of a legacy charset.
        if isValidUTF8(bytes) { return Decoded(utf8: bytes, charset: "utf-8", replacements: 0) }

        // 3. Declarations: the page's own, then the caller's.
        let candidates = [sniffMeta ? metaCharset(in: bytes) : nil, declared].compactMap { $0 }
        var unknown: String?
        var rejectedUTF8: Decoded?
        for raw in candidates {
            let name = normalizedLabel(raw)
            if name.isEmpty { continue }
            switch name {
            case "utf-8":
                // Declared UTF-8 but not valid: keep it when nearly all of it is valid UTF-8.
                let repaired = repairUTF8(bytes, label: "utf-8")
                if repaired.replacements * 200 <= max(bytes.count, 200) { return repaired }
                rejectedUTF8 = rejectedUTF8 ?? repaired
                continue
            case "windows-1252":
                return Decoded(utf8: windows1252ToUTF8(bytes), charset: "windows-1252", replacements: 0)
            default:
                if let out = iconvToUTF8(bytes, from: name) {
                    return Decoded(utf8: out, charset: name, replacements: 0)
                }
                if !iconvKnows(name) { unknown = unknown ?? raw }
            }
        }
        if let unknown { throw ExtractionError.unknownCharset(unknown) }
        if let rejected = rejectedUTF8, !looksLikeWindows1252(bytes) {
            // Declared UTF-8, too broken to repair quietly, and not mislabelled windows-1252 either: keep
            // it as UTF-8 when the broken sequences are a small share of its non-ASCII bytes (real
            // multi-byte text with some damage), else it is an error rather than mojibake.
            let nonASCII = bytes.reduce(0) { $0 + ($1 >= 0x80 ? 1 : 0) }
            if rejected.replacements * 10 <= nonASCII { return rejected }
            throw ExtractionError.undecodable(charset: "utf-8")
        }
        // 4. The web's most common legacy encoding.
        return Decoded(utf8: windows1252ToUTF8(bytes), charset: "windows-1252", replacements: 0)
    }

    // MARK: - Labels

    /// Maps WHATWG-style labels onto names iconv understands; latin-1 labels mean windows-1252 on the web.
    static func normalizedLabel(_ raw: String) -> String {
        let label = raw.lowercased().trimmingCharacters(in: " \t\"'")
        switch label {
        case "utf8", "utf-8", "unicode-1-1-utf-8", "x-unicode20utf8": return "utf-8"
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "ascii", "us-ascii", "cp1252",
            "windows-1252", "x-cp1252", "iso_8859-1", "cp819", "ibm819", "iso-ir-100":
            return "windows-1252"
        case "gb2312", "gbk", "x-gbk", "chinese", "csgb2312": return "GBK"
        case "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "windows-31j": return "CP932"
        case "euc-kr", "ks_c_5601-1987", "windows-949": return "CP949"
        default: return label
        }
    }

    /// Finds `<meta charset=...>` or `<meta http-equiv=content-type content="...; charset=...">`
    /// in the first 4 KB.
    static func metaCharset(in bytes: [UInt8]) -> String? {
        let head = bytes.prefix(4096).map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        let needle = Array("charset".utf8)
        var i = 0
        while i + needle.count < head.count {
            guard head[i] == 0x63, head[i..<(i + needle.count)].elementsEqual(needle) else { i += 1; continue }
            // Must be inside a <meta ...> tag: the nearest '<' before it opens "meta".
            var j = i
            while j > 0 && head[j] != 0x3C && head[j] != 0x3E { j -= 1 }
            let isMeta = head[j] == 0x3C && head[j...].starts(with: Array("<meta".utf8))
            var k = i + needle.count
            while k < head.count && (head[k] == 0x20 || head[k] == 0x09) { k += 1 }
            if isMeta, k < head.count, head[k] == 0x3D {
                k += 1
                while k < head.count && (head[k] == 0x20 || head[k] == 0x22 || head[k] == 0x27) { k += 1 }
                var end = k
                while end < head.count, head[end] > 0x20, head[end] != 0x22, head[end] != 0x27,
                    head[end] != 0x3B, head[end] != 0x3E, head[end] != 0x2F
                {
                    end += 1
                }
                if end > k { return String(decoding: head[k..<end], as: UTF8.self) }
            }
            i += needle.count
        }
        return nil
    }

    // MARK: - UTF-8

    /// Strict UTF-8 validation (no overlongs, no surrogates, nothing above U+10FFFF).
    public static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { invalidUTF8Count($0, stopAtFirst: true) == 0 }
    }

    /// Replaces each invalid sequence with U+FFFD.
    static func repairUTF8(_ bytes: [UInt8], label: String) -> Decoded {
        if isValidUTF8(bytes) { return Decoded(utf8: bytes, charset: label, replacements: 0) }
        var replacements = 0
        let text = String(decoding: bytes, as: UTF8.self)   // the standard library substitutes U+FFFD
        replacements = bytes.withUnsafeBufferPointer { invalidUTF8Count($0, stopAtFirst: false) }
        return Decoded(utf8: Array(text.utf8), charset: label, replacements: replacements)
    }

    static func invalidUTF8Count(_ b: UnsafeBufferPointer<UInt8>, stopAtFirst: Bool) -> Int {
        var i = 0, bad = 0
        let n = b.count
        let raw = UnsafeRawPointer(b.baseAddress)
        while i < n {
            // Fast path: eight ASCII bytes at a time.
            if let raw, i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            var need = 0
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lo = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: need = 2
            case 0xED: need = 2; hi = 0x9F
            case 0xF0: need = 3; lo = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; hi = 0x8F
            default:
                bad += 1; if stopAtFirst { return bad }
                i += 1; continue
            }
            var ok = i + need < n
            if ok {
                let c1 = b[i + 1]
                ok = c1 >= lo && c1 <= hi
                var k = 2
                while ok && k <= need { ok = b[i + k] & 0xC0 == 0x80; k += 1 }
            }
            if ok { i += need + 1 } else { bad += 1; if stopAtFirst { return bad }; i += 1 }
        }
        return bad
    }

    // MARK: - windows-1252

    /// Whether bytes that are not UTF-8 read plausibly as windows-1252 text: Western text has its
    /// non-ASCII letters and punctuation mostly one at a time between ASCII, and never the five bytes
    /// windows-1252 leaves undefined; other charsets (KOI8-R, windows-1251, CJK) and noise have runs of
    /// high bytes.
    static func looksLikeWindows1252(_ bytes: [UInt8]) -> Bool {
        var high = 0, adjacent = 0, undefined = 0
        var previousHigh = false
        for b in bytes {
            guard b >= 0x80 else { previousHigh = false; continue }
            high += 1
            if previousHigh { adjacent += 1 }
            if b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D { undefined += 1 }
            previousHigh = true
        }
        if high < 16 { return true }
        return undefined * 100 <= high && adjacent * 4 <= high
    }

    private static let cp1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161,
        0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// windows-1252 to UTF-8; the five undefined bytes become U+FFFD.
    public static func windows1252ToUTF8(_ bytes: [UInt8]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for b in bytes {
            if b < 0x80 { out.append(b); continue }
            var scalar = b < 0xA0 ? cp1252High[Int(b - 0x80)] : UInt32(b)
            if scalar >= 0x80 && scalar < 0xA0 { scalar = 0xFFFD }
            out.append(contentsOf: UTF8.encode(Unicode.Scalar(scalar)!)!)
        }
        return out
    }

    // MARK: - iconv

    static func iconvKnows(_ name: String) -> Bool {
        let cd = iconv_open("UTF-8", name)
        if cd == iconv_t(bitPattern: -1) { return false }
        iconv_close(cd)
        return true
    }

    /// Converts with glibc's iconv; nil if the charset is unknown or the bytes are not valid in it.
    static func iconvToUTF8(_ bytes: [UInt8], from name: String) -> [UInt8]? {
        let cd = iconv_open("UTF-8", name)
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        let produced: Int? = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var outLeft = outBuf.count
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                if r == -1 || inLeft != 0 { return nil }
                return outBuf.count - outLeft
            }
        }
        guard let produced else { return nil }
        output.removeSubrange(produced...)
        return isValidUTF8(output) ? output : nil
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        let chars = Set(set)
        var s = Substring(self)
        while let f = s.first, chars.contains(f) { s = s.dropFirst() }
        while let l = s.last, chars.contains(l) { s = s.dropLast() }
        return String(s)
    }
}

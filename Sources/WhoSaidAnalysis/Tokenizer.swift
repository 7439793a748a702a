import WhoSaidCore

/// Splits a text into ``Token``s with code-point ranges into the unchanged text.
///
/// Guarantees: every code point that is not whitespace (Unicode White_Space, NBSP included) lies in exactly
/// one token; no token contains whitespace; tokens are in text order and do not overlap; and slicing the
/// text by a token's range gives the token's text.
///
/// Decisions, in brief:
/// - Words keep inner apostrophes (`didn’t`, `O’Brien`, `rock'n'roll`), inner hyphens (`left-wing`,
///   `better-than-expected`, `COVID-19`), `&` between capitals (`AT&T`) and soft hyphens. A leading
///   apostrophe belongs to the word in `’90s`, `’16`, `’n’`, `’em`, `’tis`, `’til`, `’cause`. A trailing
///   apostrophe after an `s` belongs to the word (`voters’`) unless a single quote is open, in which case it
///   closes the quote (`‘not dead’` → `‘`, `not`, `dead`, `’`). The clitics `’s`, `’re`, `’ve`, `’ll`, `’d`
///   and `’m` at the end of a word are word tokens of their own, touching it, as in the Penn Treebank and
///   spaCy: `Labour’s` → `Labour` `’s`, `he’s` → `he` `’s` (annotated spans in PolNeAR end at `Obama` in
///   `Obama's decision` and start at `’s` in `he’s claiming`). `n’t` stays inside its word (`didn’t`).
/// - Two straight apostrophes (`''`, not three) are one double quotation mark, norm `"`, opening or closing
///   like `"`: the New York Times' plain-text quotes (`''Yes,'' she said.`).
/// - Numbers keep `.`, `,` (before exactly three digits), `:` and `/` between digits: `3.5`, `1,000,000`,
///   `10:30`, `9/11`. `$` and `%` are separate symbols.
/// - Straight quotes open after whitespace, an opening bracket or a dash and before a non-space; close
///   after a non-space and before whitespace or closing punctuation; otherwise they flip the current state.
///   Curly quotes keep their direction unless the context plainly says otherwise. Quote state resets at
///   paragraph breaks.
/// - Abbreviations (see ``Abbreviations``), dotted letter sequences (`U.S.`, `a.m.`) and capital initials
///   (`J.`) keep their full stop; `No.` only before a number.
/// - Dashes: runs of `-` and the Unicode dashes are one ``TokenKind/dash`` token each; `...` and `…` runs are
///   one ``TokenKind/ellipsis``.
/// - URLs (`http(s)://`, `ftp://`, `www.`, bare domains with a common top-level domain), e-mail addresses,
///   `@handles`, `#hashtags` and emoji sequences are single tokens.
/// - Combining marks and variation selectors stay with what they follow; invisible format characters
///   standing alone (zero-width space, direction marks, BOM) become ``TokenKind/other`` tokens.
public struct Tokenizer: Sendable {
    public init() {}

    /// The tokens of `text`.
    public func tokenize(_ text: String) -> [Token] {
        tokenize(Array(text.unicodeScalars))
    }

    /// The tokens of a text given as its scalars (see ``ScalarText``); ranges index `scalars`.
    public func tokenize(_ scalars: [Unicode.Scalar]) -> [Token] {
        scalars.withUnsafeBufferPointer { buffer in
            var scanner = TokenScanner(buffer)
            scanner.run()
            return scanner.tokens
        }
    }
}

/// The tokenizer's single pass over the scalars.
struct TokenScanner {
    let s: UnsafeBufferPointer<Unicode.Scalar>
    let n: Int
    var tokens: [Token] = []
    var normBuffer: [UInt8] = []
    var spacing: Spacing = .none
    var doubleOpen = false
    var singleOpen = false

    init(_ s: UnsafeBufferPointer<Unicode.Scalar>) {
        self.s = s
        n = s.count
        tokens.reserveCapacity(n / 5 + 4)
        normBuffer.reserveCapacity(64)
    }

    /// The code point at `k`, or 0 outside the text.
    @inline(__always) func v(_ k: Int) -> UInt32 { k >= 0 && k < n ? s[k].value : 0 }
    /// The class at `k`, or 0 outside the text.
    @inline(__always) func c(_ k: Int) -> UInt8 { k >= 0 && k < n ? CC.of(s[k].value) : 0 }

    @inline(__always) static func isASCIIAlnum(_ x: UInt32) -> Bool {
        x < 0x80 && CC.ascii[Int(x)] & (CC.letter | CC.digit) != 0
    }
    @inline(__always) static func isASCIILetter(_ x: UInt32) -> Bool {
        x < 0x80 && CC.ascii[Int(x)] & CC.letter != 0
    }
    @inline(__always) static func isASCIIUpper(_ x: UInt32) -> Bool { x >= 0x41 && x <= 0x5A }
    @inline(__always) static func isASCIIDigit(_ x: UInt32) -> Bool { x >= 0x30 && x <= 0x39 }

    mutating func run() {
        var i = 0
        var sawSpace = false
        var lines = 0
        while i < n {
            let x = s[i].value
            let cls = CC.of(x)
            if cls & CC.space != 0 {
                sawSpace = true
                if cls & CC.lineBreak != 0 {
                    if x == 0x2029 {
                        lines += 2
                    } else if x != 0x0D || v(i + 1) != 0x0A {
                        lines += 1
                    }
                }
                i += 1
                continue
            }
            if sawSpace {
                if lines >= 2 {
                    spacing = .paragraphBreak
                    doubleOpen = false
                    singleOpen = false
                } else {
                    spacing = lines == 1 ? .lineBreak : .space
                }
                sawSpace = false
                lines = 0
            } else {
                spacing = .none
            }
            i = scanToken(at: i, x, cls)
        }
    }

    // MARK: - Emitting

    @inline(__always)
    mutating func emit(_ start: Int, _ end: Int, _ kind: TokenKind) {
        tokens.append(Token(range: TextRange(start: start, end: end), kind: kind, norm: norm(start, end),
                            spaceBefore: spacing))
    }

    @inline(__always)
    mutating func emit(_ start: Int, _ end: Int, _ kind: TokenKind, norm: String) {
        tokens.append(Token(range: TextRange(start: start, end: end), kind: kind, norm: norm,
                            spaceBefore: spacing))
    }

    /// Lower-cased text with quotes, apostrophes and dashes normalised and soft hyphens dropped.
    mutating func norm(_ start: Int, _ end: Int) -> String {
        normBuffer.removeAll(keepingCapacity: true)
        var k = start
        while k < end {
            let x = s[k].value
            k += 1
            if x < 0x80 {
                normBuffer.append(UInt8(x >= 0x41 && x <= 0x5A ? x + 0x20 : x))
                continue
            }
            switch x {
            case 0x2018, 0x2019, 0x201A, 0x201B, 0x2039, 0x203A, 0x02BC: normBuffer.append(0x27)
            case 0x201C, 0x201D, 0x201E, 0x201F, 0xAB, 0xBB: normBuffer.append(0x22)
            case 0x2010...0x2015, 0x2E3A, 0x2E3B: normBuffer.append(0x2D)
            case 0x2026: normBuffer.append(contentsOf: [0x2E, 0x2E, 0x2E])
            case 0xAD: break
            case 0xC0...0xDE where x != 0xD7: appendUTF8(x + 0x20)
            default:
                let scalar = s[k - 1]
                if x >= 0x100, scalar.properties.changesWhenLowercased {
                    normBuffer.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
                } else {
                    appendUTF8(x)
                }
            }
        }
        return String(decoding: normBuffer, as: UTF8.self)
    }

    @inline(__always)
    mutating func appendUTF8(_ x: UInt32) {
        if x < 0x80 {
            normBuffer.append(UInt8(x))
        } else if x < 0x800 {
            normBuffer.append(UInt8(0xC0 | (x >> 6)))
            normBuffer.append(UInt8(0x80 | (x & 0x3F)))
        } else if x < 0x10000 {
            normBuffer.append(UInt8(0xE0 | (x >> 12)))
            normBuffer.append(UInt8(0x80 | ((x >> 6) & 0x3F)))
            normBuffer.append(UInt8(0x80 | (x & 0x3F)))
        } else {
            normBuffer.append(UInt8(0xF0 | (x >> 18)))
            normBuffer.append(UInt8(0x80 | ((x >> 12) & 0x3F)))
            normBuffer.append(UInt8(0x80 | ((x >> 6) & 0x3F)))
            normBuffer.append(UInt8(0x80 | (x & 0x3F)))
        }
    }

    // MARK: - Dispatch

    /// Scans the token starting at `i` (not whitespace) and returns where it ends.
    mutating func scanToken(at i: Int, _ x: UInt32, _ cls: UInt8) -> Int {
        if cls & (CC.letter | CC.digit) != 0 {
            if x < 0x80 {
                if cls & CC.digit != 0 {
                    let next = v(i + 1)
                    if next == 0x20E3 || (next == 0xFE0F && v(i + 2) == 0x20E3) { return emoji(i) }
                }
                let lower = x | 0x20
                if lower == 0x68 || lower == 0x77 || lower == 0x66, let end = urlEnd(i) {
                    emit(i, end, .url)
                    return end
                }
            }
            return word(start: i, from: i)
        }
        switch x {
        case 0x27, 0x2018, 0x2019, 0x201B:
            return singleQuote(i)
        case 0x22, 0x201C, 0x201D, 0x201E, 0x201F, 0xAB, 0xBB:
            return doubleQuote(i)
        case 0x2039:
            singleOpen = true
            emit(i, i + 1, .openQuote, norm: "'")
            return i + 1
        case 0x203A:
            singleOpen = false
            emit(i, i + 1, .closeQuote, norm: "'")
            return i + 1
        case 0x2D, 0x2010...0x2015, 0x2E3A, 0x2E3B:
            var j = i + 1
            while j < n, Self.isDash(s[j].value) { j += 1 }
            emit(i, j, .dash, norm: "-")
            return j
        case 0x2E:
            var j = i + 1
            while j < n, s[j].value == 0x2E { j += 1 }
            if j - i >= 3 {
                emit(i, j, .ellipsis, norm: "...")
            } else {
                emit(i, j, .punctuation, norm: j - i == 1 ? "." : "..")
            }
            return j
        case 0x2026:
            var j = i + 1
            while j < n, s[j].value == 0x2026 || s[j].value == 0x2E { j += 1 }
            emit(i, j, .ellipsis, norm: "...")
            return j
        case 0x40:  // @handle
            let next = v(i + 1)
            if Self.isASCIIAlnum(next) || next == 0x5F {
                var j = i + 1
                while j < n, Self.isASCIIAlnum(s[j].value) || s[j].value == 0x5F { j += 1 }
                emit(i, j, .handle)
                return j
            }
        case 0x23:  // #hashtag
            var j = i + 1
            var hasLetter = false
            while j < n {
                let y = s[j].value
                let cy = CC.of(y)
                if cy & CC.word != 0 || y == 0x5F {
                    if cy & CC.letter != 0 { hasLetter = true }
                    j += 1
                } else {
                    break
                }
            }
            if hasLetter {
                emit(i, j, .hashtag)
                return j
            }
        default:
            break
        }
        if x >= 0xA9, CC.startsEmoji(x, next: v(i + 1)) { return emoji(i) }
        if cls & CC.mark != 0 {
            var j = i + 1
            while j < n, CC.of(s[j].value) & CC.mark != 0 { j += 1 }
            if let last = tokens.indices.last, tokens[last].range.end == i {
                let start = tokens[last].range.start
                tokens[last].range = TextRange(start: start, end: j)
                tokens[last].norm = norm(start, j)
            } else {
                emit(i, j, .other)
            }
            return j
        }
        if cls & CC.punct != 0 {
            emit(i, i + 1, .punctuation)
        } else if cls & CC.symbol != 0 {
            emit(i, i + 1, .symbol)
        } else {
            emit(i, i + 1, .other)
        }
        return i + 1
    }

    @inline(__always) static func isDash(_ x: UInt32) -> Bool {
        x == 0x2D || (x >= 0x2010 && x <= 0x2015) || x == 0x2E3A || x == 0x2E3B
    }

    // MARK: - Words, numbers, abbreviations

    /// Scans a word or number whose token starts at `start` (an apostrophe, or the first letter or digit)
    /// and whose letters start at `from`.
    mutating func word(start: Int, from: Int) -> Int {
        var j = from
        let startsDigit = CC.of(s[from].value) & CC.digit != 0
        var hasLetter = false
        scan: while j < n {
            let y = s[j].value
            let cy = CC.of(y)
            if cy & CC.word != 0 {
                if cy & CC.letter != 0 { hasLetter = true }
                j += 1
                continue
            }
            switch y {
            case 0x27, 0x2019, 0x2018, 0x02BC:
                if c(j + 1) & CC.letter != 0 && cliticLength(j) == nil { j += 1; continue scan }
            case 0x2D, 0x2010, 0x2011:
                if c(j + 1) & (CC.letter | CC.digit) != 0 { j += 1; continue scan }
            case 0x2E, 0x3A, 0x2F:
                if startsDigit && !hasLetter && Self.isASCIIDigit(v(j + 1)) { j += 1; continue scan }
            case 0x2C:
                if startsDigit && !hasLetter && Self.isASCIIDigit(v(j + 1)) && Self.isASCIIDigit(v(j + 2))
                    && Self.isASCIIDigit(v(j + 3)) && !Self.isASCIIDigit(v(j + 4)) {
                    j += 1
                    continue scan
                }
            case 0x26:
                if Self.isASCIIUpper(v(j - 1)) && Self.isASCIIUpper(v(j + 1)) { j += 1; continue scan }
            case 0xAD:
                if c(j + 1) & CC.letter != 0 { j += 1; continue scan }
            default:
                break
            }
            break
        }
        if j < n && start == from {
            let y = s[j].value
            if y == 0x2E {
                if let end = afterWordDot(start, j) { return end }
            } else if y == 0x40 || y == 0x5F || y == 0x2B || y == 0x25 {
                if let end = emailEnd(start) {
                    emit(start, end, .email)
                    return end
                }
            }
        }
        // The plural possessive: voters’ (unless a single quote is open and this closes it).
        // `''` after it is a double quotation mark (`voters''`), not a possessive.
        if j < n, !singleOpen, s[j].value == 0x2019 || s[j].value == 0x27,
           s[j - 1].value | 0x20 == 0x73, c(j + 1) & CC.word == 0, !(s[j].value == 0x27 && v(j + 1) == 0x27) {
            j += 1
        }
        emit(start, j, startsDigit && !hasLetter ? .number : .word)
        return j
    }

    /// After a word `start..<dot` comes a full stop at `dot`: an abbreviation, a domain or an e-mail address
    /// starting at `start`, or nil for a plain word (the caller emits it).
    mutating func afterWordDot(_ start: Int, _ dot: Int) -> Int? {
        let after = v(dot + 1)
        let afterClass = dot + 1 < n ? CC.of(after) : CC.space
        if after == 0x2E { return nil }  // an ellipsis follows
        let length = dot - start
        let first = s[start].value
        // Dotted letters: U.S., a.m., e.g., D.C., U.S.A.
        if length == 1, Self.isASCIILetter(first), Self.isASCIILetter(after), v(dot + 2) == 0x2E {
            var k = dot + 1
            while k + 1 < n, Self.isASCIILetter(s[k].value), s[k + 1].value == 0x2E, c(k + 2) & CC.letter == 0 || v(k + 3) == 0x2E {
                k += 2
            }
            if k > dot + 1 {
                emit(start, k, .abbreviation)
                return k
            }
        }
        if afterClass & (CC.letter | CC.digit) == 0 {
            if length == 1 && Self.isASCIIUpper(first) {
                emit(start, dot + 1, .abbreviation)
                return dot + 1
            }
            if length <= 7, let role = abbreviationRole(start, dot) {
                if role == .number {
                    var k = dot + 1
                    while k < n, CC.of(s[k].value) & CC.space != 0, CC.of(s[k].value) & CC.lineBreak == 0 { k += 1 }
                    if !Self.isASCIIDigit(v(k)) { return nil }
                }
                emit(start, dot + 1, .abbreviation)
                return dot + 1
            }
            return nil
        }
        if Self.isASCIIAlnum(after) {
            if let end = emailEnd(start) {
                emit(start, end, .email)
                return end
            }
            if let end = domainEnd(start, dot) {
                emit(start, end, .url)
                return end
            }
        }
        return nil
    }

    func abbreviationRole(_ start: Int, _ end: Int) -> Abbreviations.Role? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(end - start)
        for k in start..<end {
            let x = s[k].value
            guard Self.isASCIILetter(x) else { return nil }
            bytes.append(UInt8(x))
        }
        return Abbreviations.table[String(decoding: bytes, as: UTF8.self)]
    }

    // MARK: - Quotes

    /// True when the code point before a quote makes it look like an opening one.
    @inline(__always) func openingContext(_ k: Int) -> Bool {
        if k < 0 { return true }
        let x = s[k].value
        if CC.of(x) & CC.space != 0 { return true }
        switch x {
        case 0x28, 0x5B, 0x7B, 0x3C, 0x201C, 0x2018, 0xAB, 0x201E, 0x2039: return true
        default: return Self.isDash(x)
        }
    }

    /// True when the code point after a quote makes it look like a closing one.
    @inline(__always) func closingContext(_ k: Int) -> Bool {
        if k >= n { return true }
        let x = s[k].value
        if CC.of(x) & CC.space != 0 { return true }
        switch x {
        case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x29, 0x5D, 0x7D, 0x3E, 0x201D, 0x2019, 0xBB, 0x203A, 0x22,
             0x27, 0x2026:
            return true
        default: return Self.isDash(x)
        }
    }

    /// When an apostrophe at `k` starts a clitic (`’s`, `’re`, `’ve`, `’ll`, `’d`, `’m`, any case) that
    /// ends there, the number of letters after the apostrophe.
    func cliticLength(_ k: Int) -> Int? {
        let a = v(k + 1) | 0x20
        let b = v(k + 2) | 0x20
        let length: Int
        switch a {
        case 0x73, 0x64, 0x6D: length = 1                       // s d m
        case 0x72: guard b == 0x65 else { return nil }; length = 2  // re
        case 0x76: guard b == 0x65 else { return nil }; length = 2  // ve
        case 0x6C: guard b == 0x6C else { return nil }; length = 2  // ll
        default: return nil
        }
        return c(k + 1 + length) & CC.word == 0 ? length : nil
    }

    mutating func singleQuote(_ i: Int) -> Int {
        let x = s[i].value
        let next = v(i + 1)
        // Two apostrophes are a double quotation mark, as in the New York Times' `''Yes,'' she said.`
        if x == 0x27 && next == 0x27 && v(i + 2) != 0x27 { return doubleQuote(i, length: 2) }
        // A clitic after a word: Labour’s → Labour + ’s, he’ll → he + ’ll.
        if x != 0x201B && c(i - 1) & CC.word != 0, let length = cliticLength(i) {
            emit(i, i + 1 + length, .word)
            return i + 1 + length
        }
        if x != 0x201B && c(i - 1) & CC.word == 0 {
            // ’90s, ’16
            if Self.isASCIIDigit(next) && Self.isASCIIDigit(v(i + 2)) && !Self.isASCIIDigit(v(i + 3)) {
                return word(start: i, from: i + 1)
            }
            // rock ’n’ roll
            if next | 0x20 == 0x6E, v(i + 2) == 0x27 || v(i + 2) == 0x2019, c(i + 3) & CC.word == 0 {
                emit(i, i + 3, .word)
                return i + 3
            }
            // ’em, ’tis, ’twas, ’til, ’cause, ’bout, ’cos
            if Self.isASCIILetter(next), isElision(i + 1) { return word(start: i, from: i + 1) }
        }
        let opening = openingContext(i - 1)
        let closing = closingContext(i + 1)
        let open: Bool
        switch x {
        case 0x2018, 0x201B: open = opening || !closing || !singleOpen
        case 0x2019: open = opening && !closing && !singleOpen
        default:
            if opening != closing { open = opening } else { open = !singleOpen }
        }
        singleOpen = open
        emit(i, i + 1, open ? .openQuote : .closeQuote, norm: "'")
        return i + 1
    }

    func isElision(_ k: Int) -> Bool {
        var bytes: [UInt8] = []
        var j = k
        while j < n, j - k < 6, Self.isASCIILetter(s[j].value) {
            bytes.append(UInt8(s[j].value | 0x20))
            j += 1
        }
        if c(j) & CC.word != 0 { return false }
        switch String(decoding: bytes, as: UTF8.self) {
        case "em", "tis", "twas", "til", "cause", "bout", "cos", "cuz": return true
        default: return false
        }
    }

    mutating func doubleQuote(_ i: Int, length: Int = 1) -> Int {
        let x = s[i].value
        let opening = openingContext(i - 1)
        let closing = closingContext(i + length)
        let open: Bool
        switch x {
        case 0x201C, 0x201E, 0x201F: open = opening || !closing || !doubleOpen
        case 0x201D: open = opening && !closing && !doubleOpen
        case 0xAB: open = true
        case 0xBB: open = false
        default:
            if opening != closing { open = opening } else { open = !doubleOpen }
        }
        doubleOpen = open
        emit(i, i + length, open ? .openQuote : .closeQuote, norm: "\"")
        return i + length
    }

    // MARK: - Emoji, URLs, e-mail

    mutating func emoji(_ i: Int) -> Int {
        var j = i + 1
        if CC.isRegionalIndicator(s[i].value), j < n, CC.isRegionalIndicator(s[j].value) { j += 1 }
        while j < n {
            let y = s[j].value
            if CC.isEmojiExtender(y) {
                j += 1
            } else if y == 0x200D, j + 1 < n, CC.isEmojiPart(s[j + 1].value) {
                j += 2
            } else {
                break
            }
        }
        emit(i, j, .emoji)
        return j
    }

    /// True when the text at `k` starts with `prefix` (ASCII, compared case-insensitively).
    func hasPrefix(_ k: Int, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard k + count <= n else { return false }
        return prefix.withUTF8Buffer { p in
            for m in 0..<count {
                var x = s[k + m].value
                if x >= 0x41 && x <= 0x5A { x += 0x20 }
                if x != UInt32(p[m]) { return false }
            }
            return true
        }
    }

    func urlEnd(_ i: Int) -> Int? {
        var j: Int
        if hasPrefix(i, "https://") {
            j = i + 8
        } else if hasPrefix(i, "http://") {
            j = i + 7
        } else if hasPrefix(i, "ftp://") {
            j = i + 6
        } else if hasPrefix(i, "www."), Self.isASCIIAlnum(v(i + 4)) {
            j = i + 4
        } else {
            return nil
        }
        let body = j
        j = pathEnd(j)
        return j > body ? j : nil
    }

    /// Where a URL's remaining characters end: at whitespace or a quote mark, less trailing punctuation
    /// (a closing bracket stays when the URL opened one).
    func pathEnd(_ from: Int) -> Int {
        var j = from
        var opened = 0
        while j < n {
            let x = s[j].value
            if CC.of(x) & CC.space != 0 { break }
            switch x {
            case 0x22, 0x3C, 0x3E, 0x201C, 0x201D, 0x2018, 0x2019, 0xAB, 0xBB, 0x2026: return trimURL(from, j, opened)
            case 0x28: opened += 1
            case 0x29: opened -= 1
            default: break
            }
            j += 1
        }
        return trimURL(from, j, opened)
    }

    func trimURL(_ from: Int, _ end: Int, _ opened: Int) -> Int {
        var j = end
        var opened = opened
        while j > from {
            switch s[j - 1].value {
            case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x27, 0x5D, 0x7D, 0x2A:
                j -= 1
            case 0x29 where opened < 0:
                opened += 1
                j -= 1
            default:
                return j
            }
        }
        return j
    }

    static let topLevelDomains: Set<String> = [
        "com", "org", "net", "gov", "edu", "mil", "int", "io", "co", "uk", "ca", "au", "de", "fr", "eu",
        "info", "biz", "tv", "ly", "news", "ie", "nz", "ru", "ch", "es", "nl",
    ]

    /// A bare domain `start..<dot` `.label…` ending in a common top-level domain written in lower case,
    /// with an optional `/path`.
    func domainEnd(_ start: Int, _ dot: Int) -> Int? {
        for k in start..<dot {
            let x = s[k].value
            guard Self.isASCIIAlnum(x) || x == 0x2D else { return nil }
        }
        var k = dot
        var label = (dot, dot)
        while k < n, s[k].value == 0x2E, Self.isASCIIAlnum(v(k + 1)) {
            var m = k + 1
            while m < n, Self.isASCIIAlnum(s[m].value) || s[m].value == 0x2D { m += 1 }
            label = (k + 1, m)
            k = m
        }
        if c(k) & CC.word != 0 || v(k) == 0x40 { return nil }
        var bytes: [UInt8] = []
        for m in label.0..<label.1 {
            let x = s[m].value
            guard x >= 0x61 && x <= 0x7A else { return nil }
            bytes.append(UInt8(x))
        }
        guard Self.topLevelDomains.contains(String(decoding: bytes, as: UTF8.self)) else { return nil }
        if v(k) == 0x2F { return pathEnd(k) }
        return k
    }

    /// An e-mail address starting at `start`: local part, `@`, a domain with at least one dot and a
    /// final label of two or more characters.
    func emailEnd(_ start: Int) -> Int? {
        var j = start
        while j < n {
            let x = s[j].value
            if Self.isASCIIAlnum(x) || x == 0x2E || x == 0x5F || x == 0x25 || x == 0x2B || x == 0x2D {
                j += 1
            } else {
                break
            }
        }
        guard j > start, v(j) == 0x40 else { return nil }
        var k = j + 1
        var lastDot = -1
        while k < n {
            let x = s[k].value
            if Self.isASCIIAlnum(x) || x == 0x2D {
                k += 1
            } else if x == 0x2E, Self.isASCIIAlnum(v(k + 1)) {
                lastDot = k
                k += 1
            } else {
                break
            }
        }
        guard lastDot > j + 1, k - lastDot > 2 else { return nil }
        return k
    }
}

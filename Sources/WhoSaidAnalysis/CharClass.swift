/// Character classes for the tokenizer, as bit flags: a table for ASCII, a few range checks and
/// the Unicode general category for the rest.
enum CC {
    static let letter: UInt8 = 1
    static let digit: UInt8 = 2
    static let space: UInt8 = 4
    static let lineBreak: UInt8 = 8
    static let upper: UInt8 = 16
    /// Combining marks, variation selectors, ZWJ/ZWNJ, keycap, tag characters: they extend what is
    /// before them.
    static let mark: UInt8 = 32
    static let punct: UInt8 = 64
    static let symbol: UInt8 = 128
    // Format characters (zero-width space, direction marks, BOM, soft hyphen) and controls: 0.

    static let word: UInt8 = letter | digit | mark

    static let ascii: [UInt8] = {
        var t = [UInt8](repeating: 0, count: 128)
        for c in 0x41...0x5A { t[c] = letter | upper }
        for c in 0x61...0x7A { t[c] = letter }
        for c in 0x30...0x39 { t[c] = digit }
        t[0x20] = space
        t[0x09] = space
        for c in [0x0A, 0x0B, 0x0C, 0x0D] { t[c] = space | lineBreak }
        for c in Array("!\"#&'()*,-./:;?@[\\]_{}".unicodeScalars) { t[Int(c.value)] = punct }
        for c in Array("$%+<=>^`|~".unicodeScalars) { t[Int(c.value)] = symbol }
        return t
    }()

    /// The class of any code point.
    @inline(__always)
    static func of(_ v: UInt32) -> UInt8 {
        if v < 0x80 { return ascii[Int(v)] }
        return nonASCII(v)
    }

    static func nonASCII(_ v: UInt32) -> UInt8 {
        switch v {
        // Latin-1 and Latin Extended-A/B letters, the bulk of non-ASCII letters in European news.
        case 0xC0...0xDE where v != 0xD7: return letter | upper
        case 0xDF...0xFF where v != 0xF7: return letter
        case 0x0300...0x036F: return mark
        // Whitespace (Unicode White_Space).
        case 0x85, 0x2028, 0x2029: return space | lineBreak
        case 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return space
        // Common punctuation in news text.
        case 0x2010...0x2027, 0x2030...0x205E, 0xAB, 0xBB, 0xA1, 0xBF, 0xB7: return punct
        case 0x200C, 0x200D, 0x20E3, 0xFE00...0xFE0F, 0xE0020...0xE007F, 0xE0100...0xE01EF: return mark
        case 0x200B, 0x200E, 0x200F, 0x202A...0x202E, 0x2060...0x206F, 0xFEFF, 0xAD: return 0
        default: break
        }
        guard let s = Unicode.Scalar(v) else { return 0 }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .titlecaseLetter: return letter | upper
        case .lowercaseLetter, .modifierLetter, .otherLetter: return letter
        case .nonspacingMark, .spacingMark, .enclosingMark: return mark
        case .decimalNumber, .letterNumber, .otherNumber: return digit
        case .spaceSeparator: return space
        case .lineSeparator, .paragraphSeparator: return space | lineBreak
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return punct
        case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol: return symbol
        default: return 0
        }
    }

    /// True when `v` begins an emoji: a regional indicator, an emoji-presentation character, or an
    /// emoji that is followed by the emoji variation selector (`☺️`), or any pictograph at U+1F000 and up.
    static func startsEmoji(_ v: UInt32, next: UInt32) -> Bool {
        if v < 0xA9 { return false }
        if isRegionalIndicator(v) { return true }
        guard let s = Unicode.Scalar(v) else { return false }
        let p = s.properties
        if p.isEmojiPresentation { return true }
        return p.isEmoji && (next == 0xFE0F || v >= 0x1F000)
    }

    /// True for a code point that may follow a ZWJ inside an emoji sequence.
    static func isEmojiPart(_ v: UInt32) -> Bool {
        if v < 0xA9 { return false }
        guard let s = Unicode.Scalar(v) else { return false }
        return s.properties.isEmoji
    }

    @inline(__always)
    static func isRegionalIndicator(_ v: UInt32) -> Bool { v >= 0x1F1E6 && v <= 0x1F1FF }

    /// Emoji modifiers, variation selectors, the keycap mark and tag characters.
    @inline(__always)
    static func isEmojiExtender(_ v: UInt32) -> Bool {
        (v >= 0xFE00 && v <= 0xFE0F) || (v >= 0x1F3FB && v <= 0x1F3FF) || v == 0x20E3
            || (v >= 0xE0020 && v <= 0xE007F)
    }
}

import WhoSaidCore

/// What a token is. Decided by ``Tokenizer`` from the token's characters and its context.
public enum TokenKind: UInt8, Sendable, Hashable, CaseIterable {
    /// Letters, possibly with digits, marks, inner hyphens (`left-wing`) and apostrophes
    /// (`didn’t`, `O’Brien`, `’n’`, `’90s`, the plural possessive `voters’`); also a clitic split off the
    /// word before it (`’s` in `Labour’s`, `’ll` in `she’ll`).
    case word
    /// Starts with a digit and has no letters: `2016`, `3.5`, `1,000`, `10:30`, `9/11`, `2015-16`.
    case number
    /// One punctuation mark that is none of the kinds below: `,` `.` `!` `?` `(` `:` …
    case punctuation
    /// One symbol: `$`, `%`, `&`, `+`, `©`, `€`, …
    case symbol
    /// An opening quotation mark, double or single (`“`, `‘`, `«`, or a straight `"`/`'` that opens).
    case openQuote
    /// A closing quotation mark, double or single (`”`, `’`, `»`, or a straight `"`/`'` that closes).
    case closeQuote
    /// A dash between words: `-`, `--`, `–`, `—` (not the hyphen inside `left-wing`).
    case dash
    /// `…`, or three or more full stops.
    case ellipsis
    /// `https://…`, `www.…`, or a bare domain with a common top-level domain (`breitbart.com`).
    case url
    /// `name@example.com`.
    case email
    /// `@handle`.
    case handle
    /// `#hashtag` (at least one letter after the `#`).
    case hashtag
    /// One emoji with its modifiers, variation selectors, keycap and ZWJ-joined parts (`👩🏽‍💻`, `🇬🇧`, `🗳️`).
    case emoji
    /// An abbreviation with its full stop: `Mr.`, `Sen.`, `Sept.`, `No.` (before a number), `U.S.`,
    /// `a.m.`, `e.g.`, or an initial (`J.`).
    case abbreviation
    /// An invisible format character standing alone (zero-width space, direction marks, BOM), or
    /// combining marks with nothing to attach to.
    case other
}

/// The whitespace between a token and the one before it (or the start of the text).
public enum Spacing: UInt8, Sendable, Hashable, Comparable {
    /// The token touches the one before it (`said,` → `,` has `.none`).
    case none
    /// Spaces or tabs, no line break.
    case space
    /// Exactly one line break (`\n`, `\r\n`, `\r`, U+2028, …).
    case lineBreak
    /// Two or more line breaks (a blank line) or U+2029: a paragraph break.
    case paragraphBreak

    public static func < (a: Spacing, b: Spacing) -> Bool { a.rawValue < b.rawValue }
}

/// A token: a code-point range of the unchanged text, its kind, and a normalised form for matching.
///
/// `norm` is the token's text lower-cased, with curly quotes and apostrophes made straight (`'`, `"`),
/// every dash and the Unicode hyphens made `-`, `…` made `...`, and soft hyphens dropped. So `Labour’s`
/// has the tokens `Labour` and `’s` with norms `labour` and `'s`, and `—` has norm `-`.
public struct Token: Sendable, Hashable {
    /// Where the token is, in code points of the text it came from (end exclusive).
    public var range: TextRange
    public var kind: TokenKind
    /// The matching form (see the type's description).
    public var norm: String
    /// The whitespace before the token.
    public var spaceBefore: Spacing

    public init(range: TextRange, kind: TokenKind, norm: String, spaceBefore: Spacing = .space) {
        self.range = range
        self.kind = kind
        self.norm = norm
        self.spaceBefore = spaceBefore
    }

    /// True for words, numbers and abbreviations: the tokens counted as words.
    public var isWordLike: Bool { kind == .word || kind == .number || kind == .abbreviation }
}

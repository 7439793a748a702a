/// Reads class, id and ARIA role values for evidence that an element is page furniture (navigation,
/// share bars, related links, comments, newsletter boxes, captions) or the article body.
///
/// General web vocabulary only, no site names: these words are how templates everywhere name
/// their parts. Whole tokens (split at anything not a letter or digit) are matched for short,
/// ambiguous words (`ad`, `nav`, `meta`); longer words are matched inside compounds too
/// (`relatedArticles`, `newsletter-signup`).
enum BoilerplateHints {
    /// Evidence from class, id and role: +2 for an article-body name, -3 for clear page furniture,
    /// -1 for names that often but not always mean furniture (`meta`, `widget`, `video`).
    /// `classID` and `role` are lower-cased bytes. Works on bytes with `memmem`: this runs for every
    /// element of every page.
    static func score(classID: [UInt8], role: [UInt8], tag: HTMLTag) -> Int8 {
        var score = 0
        if !role.isEmpty {
            let r = fnv(role[...])
            if strongRoles.contains(r) { score -= 3 } else if positiveRoles.contains(r) { score += 1 }
        }
        guard !classID.isEmpty else { return Int8(clamping: score) }
        let found = substrings.find(in: classID)
        let embedded = found.contains(.embedded)
        let specificPositive = found.contains(.positive)
        var genericPositive = false
        var strong = !embedded && found.contains(.strong)
        var weak = false
        // Whole tokens: split at anything that is not an ASCII letter or digit.
        var start = 0
        let n = classID.count
        while start < n {
            while start < n && !isAlnum(classID[start]) { start += 1 }
            var end = start
            while end < n && isAlnum(classID[end]) { end += 1 }
            if end > start {
                let token = fnv(classID[start..<end])
                if !embedded && strongTokens.contains(token) { strong = true }
                if !embedded && weakTokens.contains(token) { weak = true }
                if positiveTokens.contains(token) { genericPositive = true }
            }
            start = end
        }
        // In `article__dates` or `story-meta`, the generic word names the block and the specific
        // one the part: the part wins.
        let positive = specificPositive || (genericPositive && !strong && !weak)
        if positive { score += 2 }
        if strong { score -= 3 } else if weak && !specificPositive { score -= 1 }
        return Int8(clamping: score)
    }

    @inline(__always)
    private static func isAlnum(_ c: UInt8) -> Bool { (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) }

    /// 64-bit FNV-1a: token and cache keys without hashing byte by byte through `Hasher`.
    @inline(__always)
    static func fnv(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    private static func hashes(_ words: Set<String>) -> Set<UInt64> { Set(words.map { fnv(ArraySlice($0.utf8)) }) }

    private static let strongRoles = hashes([
        "navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search", "dialog", "alert",
        "toolbar",
    ])
    private static let positiveRoles = hashes(["main", "article"])
    private static let strongTokens = hashes(strongTokenNames)
    private static let weakTokens = hashes(weakTokenNames)
    private static let positiveTokens = hashes(positiveTokenNames)
    private static let substrings = SubstringIndex([
        (.embedded, embeddedPostNames), (.positive, positiveSubstrings), (.strong, negativeSubstrings),
    ])

    /// Names of embedded social-media posts, which are quoted in the story.
    static let embeddedPostNames = ["embed", "tweet", "instagram-media", "tiktok", "bluesky"]

    /// Names templates give the article body.
    static let positiveSubstrings: [String] = [
        "articlebody", "article-body", "article_body", "article__body", "articlecontent", "article-content",
        "article__content", "article_content", "articletext", "article-text", "storybody", "story-body",
        "story-content", "storycontent", "story-text", "post-body", "postbody", "post-content", "postcontent",
        "entry-content", "entrycontent", "body-text", "bodytext", "main-content", "maincontent", "rich-text",
        "richtext", "content-body", "text-body", "article-main", "field-body", "post-text", "blog-post",
    ]
    static let positiveTokenNames: Set<String> = ["article", "story", "prose", "entry", "content", "text", "body", "main"]

    /// Names templates give page furniture, safe to match inside compounds.
    static let negativeSubstrings: [String] = [
        "comment", "disqus", "related", "recommend", "newsletter", "subscri", "signup", "sign-up", "promo",
        "advert", "sponsor", "sidebar", "breadcrumb", "cookie", "consent", "gdpr", "popup", "modal", "outbrain",
        "taboola", "mostread", "most-read", "mostpopular", "most-popular", "popular", "trending", "caption",
        "byline", "toolbar", "pagination", "masthead", "navbar", "navigation", "footer", "share", "social",
        "readmore", "read-more", "more-stories", "morestories", "copyright", "tooltip", "login", "follow-us",
        "followus", "skip-link", "skiplink", "nocontent", "sr-only", "visually-hidden", "screen-reader",
        "tag-list", "taglist", "donate", "jump-link", "newsfeed",
    ]
    /// Whole-token names of furniture.
    static let strongTokenNames: Set<String> = [
        "ad", "ads", "adv", "advert", "nav", "menu", "tags", "print", "skip", "aside", "pager", "teaser",
        "teasers", "promo", "newsletter", "subscribe", "share", "sharing", "dfp", "gpt", "credit", "credits",
        "author", "authors", "banner", "hidden", "hide", "rail", "survey", "rating",
    ]
    /// Whole-token names that are often, not always, furniture.
    static let weakTokenNames: Set<String> = [
        "meta", "header", "date", "dates", "time", "timestamp", "published", "updated", "dateline", "widget", "extra", "footnote", "icons", "icon",
        "brand", "logo", "topics", "video", "player", "gallery", "slideshow", "carousel", "more",
        "next", "prev", "links", "feed", "card", "cards", "kicker", "eyebrow", "badge", "overlay", "sticky",
    ]
}

/// Finds which groups of substrings occur in a byte string in one pass, trying at each position only
/// the patterns that start with the byte there.
struct SubstringIndex {
    struct Groups: OptionSet {
        let rawValue: UInt8
        static let embedded = Groups(rawValue: 1)
        static let positive = Groups(rawValue: 2)
        static let strong = Groups(rawValue: 4)
    }

    private var byFirstByte: [[(pattern: [UInt8], group: Groups)]] = Array(repeating: [], count: 256)

    init(_ groups: [(Groups, [String])]) {
        for (group, words) in groups {
            for w in words where !w.isEmpty {
                let bytes = Array(w.utf8)
                byFirstByte[Int(bytes[0])].append((bytes, group))
            }
        }
    }

    func find(in text: [UInt8]) -> Groups {
        var found: Groups = []
        text.withUnsafeBufferPointer { t in
            let n = t.count
            for i in 0..<n {
                for (pattern, group) in byFirstByte[Int(t[i])] where !found.contains(group) {
                    let m = pattern.count
                    guard i + m <= n else { continue }
                    var k = 1
                    while k < m && t[i + k] == pattern[k] { k += 1 }
                    if k == m { found.insert(group) }
                }
            }
        }
        return found
    }
}

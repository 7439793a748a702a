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
    static func score(classID: [UInt8], role: [UInt8], tag: HTMLTag) -> Int8 {
        var score = 0
        switch String(decoding: role, as: UTF8.self) {
        case "navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search", "dialog",
            "alert", "toolbar":
            score -= 3
        case "main", "article":
            score += 1
        default:
            break
        }
        guard !classID.isEmpty else { return Int8(clamping: score) }
        let text = String(decoding: classID, as: UTF8.self)
        var positive = false
        var strong = false
        var weak = false
        for pattern in positiveSubstrings where text.contains(pattern) { positive = true; break }
        for pattern in negativeSubstrings where text.contains(pattern) { strong = true; break }
        for token in text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
            let t = String(token)
            if strongTokens.contains(t) { strong = true }
            if weakTokens.contains(t) { weak = true }
            if positiveTokens.contains(t) { positive = true }
        }
        // Embedded posts (tweets, Instagram) sit in "social" wrappers but are part of the story.
        let embedded = embeddedPostNames.contains(where: text.contains)
        if positive { score += 2 }
        if embedded { return Int8(clamping: score) }
        if strong { score -= 3 } else if weak { score -= 1 }
        return Int8(clamping: score)
    }

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
    static let positiveTokens: Set<String> = ["article", "story", "prose", "entry", "content", "text", "body", "main"]

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
    static let strongTokens: Set<String> = [
        "ad", "ads", "adv", "advert", "nav", "menu", "tags", "print", "skip", "aside", "pager", "teaser",
        "teasers", "promo", "newsletter", "subscribe", "share", "sharing", "dfp", "gpt", "credit", "credits",
        "author", "authors", "banner", "hidden", "hide", "rail", "survey", "rating",
    ]
    /// Whole-token names that are often, not always, furniture.
    static let weakTokens: Set<String> = [
        "meta", "header", "date", "time", "timestamp", "dateline", "widget", "extra", "footnote", "icons", "icon",
        "brand", "logo", "topics", "video", "player", "gallery", "slideshow", "carousel", "more",
        "next", "prev", "links", "feed", "card", "cards", "kicker", "eyebrow", "badge", "overlay", "sticky",
    ]
}

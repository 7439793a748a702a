/// Reads class, id and ARIA role values for evidence that an element is page furniture (navigation,
/// share bars, related links, comments, newsletter boxes, captions) or the article body.
///
/// General web vocabulary only, no site names: these words are how templates everywhere name
/// their parts. Whole tokens (split at anything not a letter or digit) are matched for short,
/// ambiguous words (`ad`, `nav`, `meta`); longer words are matched inside compounds too
/// (`relatedArticles`, `newsletter-signup`).
enum BoilerplateHints {
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
        var positive = 0
        var negative = 0
        for pattern in positiveSubstrings where text.contains(pattern) { positive += 1 }
        for pattern in negativeSubstrings where text.contains(pattern) { negative += 1 }
        for token in text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
            if negativeTokens.contains(String(token)) { negative += 1 }
            if positiveTokens.contains(String(token)) { positive += 1 }
        }
        if positive > 0 { score += 2 }
        if negative > 0 { score -= negative > 1 ? 3 : 2 }
        return Int8(clamping: score)
    }

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
        "taboola", "mostread", "most-read", "mostpopular", "most-popular", "popular", "trending", "widget",
        "caption", "byline", "toolbar", "pagination", "masthead", "navbar", "navigation", "footer", "share",
        "social", "readmore", "read-more", "more-stories", "morestories", "author", "copyright", "banner",
        "tooltip", "overlay", "paywall-prompt", "login", "follow-us", "followus", "dateline", "timestamp",
        "skip-link", "skiplink", "nocontent", "hidden", "sr-only", "visually-hidden", "screen-reader",
        "tag-list", "taglist", "keywords", "credit", "donate", "survey", "rating", "jump-link",
    ]
    static let negativeTokens: Set<String> = [
        "ad", "ads", "adv", "advert", "nav", "menu", "tags", "tag", "meta", "header", "hide", "print", "skip",
        "date", "time", "credits", "aside", "pager", "teaser", "teasers", "promo", "extra", "footnote",
        "newsletter", "subscribe", "share", "sharing", "icons", "icon", "brand", "logo", "topics", "dfp", "gpt",
        "embed", "video", "player", "gallery", "slideshow", "carousel", "related", "more", "next", "prev",
        "links", "list", "feed", "rail", "card", "cards", "kicker", "eyebrow", "label", "badge", "source",
        "sources", "info", "details", "bottom", "top", "sticky", "fixed", "float",
    ]
}

import Foundation
import WhoSaidCore

/// Title, authors, date, outlet, canonical URL and language, from schema.org JSON-LD, OpenGraph and
/// other `<meta>` tags, and the page's own markup, strongest evidence first.
struct PageMetadata: Sendable, Equatable {
    var title: String?
    var authors: [String] = []
    var published: String?
    var outlet: String?
    /// The wire service the page credits (AP, Reuters…), when another site carries its story.
    var wire: String?
    var url: String?
    var language: String?
    /// schema.org `articleBody`, when the page gives one.
    var articleBody: String?

    init() {}

    /// - Parameter pageTexts: the page's other text, searched for the site's name spelled out when the
    ///   metadata does not give it (see ``OutletNamer``).
    init(meta: PageMetaTags, pageURL: String?, pageTexts: () -> [String] = { [] }, namer: OutletNamer = OutletNamer()) {
        let ld = JSONLDArticle.find(in: meta.jsonLD)
        title = [ld?.headline, meta.first("og:title", "twitter:title", "headline", "title", "dc.title")]
            .compactMap { $0?.collapsedWhitespace() }.first(where: { !$0.isEmpty })
        let titleTag = meta.titleTag?.collapsedWhitespace()
        let (titleTagHead, titleTagBrand) = PageMetadata.splitBranding(titleTag)
        if title == nil { title = titleTagHead }

        var authors = ld?.authors ?? []
        if authors.isEmpty {
            for key in ["author", "article:author", "byl", "parsely-author", "sailthru.author", "dc.creator",
                "citation_author"]
            {
                authors += meta.all(key).filter { !$0.contains("://") && !$0.hasPrefix("@") }
            }
        }
        self.authors = PageMetadata.cleanAuthors(authors)

        let dates = [ld?.datePublished, meta.first(
            "article:published_time", "og:article:published_time", "datepublished", "date", "pubdate",
            "publishdate", "publish-date", "dc.date", "dc.date.issued", "sailthru.date", "parsely-pub-date",
            "dcterms.created", "article.published", "published_time", "og:published_time"),
            meta.firstTimeElement]
        published = dates.compactMap { $0.flatMap { PublishedDate.normalize($0, language: meta.htmlLang) } }.first

        let candidates = [meta.canonical, meta.first("og:url"), ld?.url, pageURL]
        url = candidates.compactMap { PageMetadata.absolute($0, base: pageURL) }.first

        let publishers = [meta.first("publisher", "dc.publisher"), ld?.publisher].compactMap { $0 }
        let siteNames = [meta.first("og:site_name"), meta.first("application-name")].compactMap { $0 } + publishers
            + [titleTagBrand, meta.first("twitter:site")].compactMap { $0 }
        let hosts = [pageURL, url].compactMap { $0.flatMap(PageMetadata.host) }
        outlet = namer.name(hosts: hosts, candidates: siteNames) {
            [titleTag, meta.first("og:title")].compactMap { $0 } + meta.tags.map(\.value) + pageTexts()
        }
        wire = namer.wire(authors: self.authors, publishers: publishers, firstParagraph: nil,
            outlet: outlet)

        let lang = meta.htmlLang ?? meta.first("content-language", "og:locale", "language", "dc.language")
            ?? ld?.language
        language = lang.flatMap(PageMetadata.languageTag)
        articleBody = ld?.articleBody
    }

    /// Splits `Headline | Outlet` or `Headline - Outlet` into its headline and branding.
    static func splitBranding(_ title: String?) -> (String?, String?) {
        guard let title, !title.isEmpty else { return (nil, nil) }
        for separator in [" | ", " – ", " — ", " - ", " :: ", " · ", " » "] {
            if let r = title.range(of: separator, options: .backwards) {
                let head = String(title[..<r.lowerBound]).trimmed()
                let brand = String(title[r.upperBound...]).trimmed()
                if !head.isEmpty, !brand.isEmpty, brand.count <= 40, brand.count < head.count { return (head, brand) }
            }
        }
        return (title, nil)
    }

    static func cleanAuthors(_ raw: [String]) -> [String] {
        var out: [String] = []
        for entry in raw {
            var s = entry.collapsedWhitespace()
            for prefix in ["By ", "by ", "BY "] where s.hasPrefix(prefix) { s = String(s.dropFirst(prefix.count)) }
            let parts = s.replacingOccurrences(of: " and ", with: ", ").replacingOccurrences(of: " & ", with: ", ")
                .split(separator: ",").map { String($0).trimmed() }
            for p in parts where !p.isEmpty && p.count < 80 && !out.contains(p) { out.append(p) }
        }
        return out
    }

    /// The host of an absolute http(s) URL; for a page archived by the Wayback Machine
    /// (`web.archive.org/web/2019…/http://site/…`), the archived site's.
    static func host(_ s: String) -> String? {
        guard s.hasPrefix("http://") || s.hasPrefix("https://") || s.hasPrefix("//") else { return nil }
        let host = URL(string: s.hasPrefix("//") ? "https:" + s : s)?.host
        if let host, host.hasSuffix("archive.org"), let web = s.range(of: "/web/"),
            let inner = s.range(of: "http", range: web.upperBound..<s.endIndex)
        {
            return Self.host(String(s[inner.lowerBound...])) ?? host
        }
        return host
    }

    static func absolute(_ s: String?, base: String?) -> String? {
        guard let s = s?.trimmed(), !s.isEmpty else { return nil }
        if s.hasPrefix("http://") || s.hasPrefix("https://") { return s }
        if s.hasPrefix("//") { return "https:" + s }
        guard let base, let baseURL = URL(string: base), let u = URL(string: s, relativeTo: baseURL) else { return nil }
        return u.absoluteString
    }

    /// `en_GB` → `en-GB`; nil for anything that is not a language tag.
    static func languageTag(_ raw: String) -> String? {
        let s = raw.trimmed().replacingOccurrences(of: "_", with: "-")
        let parts = s.split(separator: "-")
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy(\.isLetter) else { return nil }
        var tag = first.lowercased()
        if parts.count > 1, parts[1].count == 2, parts[1].allSatisfy(\.isLetter) { tag += "-" + parts[1].uppercased() }
        return tag
    }
}

/// The schema.org article object of a page's JSON-LD, if it has one.
struct JSONLDArticle {
    var headline: String?
    var articleBody: String?
    var authors: [String] = []
    var datePublished: String?
    var publisher: String?
    var url: String?
    var language: String?

    static let articleTypes: Set<String> = [
        "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
        "BackgroundNewsArticle", "ReviewNewsArticle", "BlogPosting", "LiveBlogPosting", "SocialMediaPosting",
        "TechArticle", "ScholarlyArticle", "Report", "SatiricalArticle",
    ]

    static func find(in scripts: [String]) -> JSONLDArticle? {
        var best: [String: Any]?
        for script in scripts {
            guard let data = script.data(using: .utf8),
                let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            else { continue }
            if let found = firstArticle(in: json, depth: 0) {
                if best == nil || (best?["articleBody"] == nil && found["articleBody"] != nil) { best = found }
            }
        }
        guard let obj = best else { return nil }
        var a = JSONLDArticle()
        a.headline = string(obj["headline"]) ?? string(obj["name"])
        a.articleBody = string(obj["articleBody"])
        a.authors = names(obj["author"]) + names(obj["creator"]).filter { _ in a.authors.isEmpty }
        a.datePublished = string(obj["datePublished"]) ?? string(obj["dateCreated"])
        a.publisher = names(obj["publisher"]).first ?? names(obj["sourceOrganization"]).first
        a.url = string(obj["url"]) ?? string((obj["mainEntityOfPage"] as? [String: Any])?["@id"])
            ?? string(obj["mainEntityOfPage"])
        a.language = string(obj["inLanguage"])
        return a
    }

    private static func firstArticle(in json: Any, depth: Int) -> [String: Any]? {
        guard depth < 8 else { return nil }
        if let array = json as? [Any] {
            for item in array { if let f = firstArticle(in: item, depth: depth + 1) { return f } }
            return nil
        }
        guard let obj = json as? [String: Any] else { return nil }
        let types: [String] = (obj["@type"] as? [Any])?.compactMap { $0 as? String }
            ?? [obj["@type"] as? String].compactMap { $0 }
        if types.contains(where: articleTypes.contains) { return obj }
        for key in ["@graph", "mainEntity", "itemListElement"] {
            if let inner = obj[key], let f = firstArticle(in: inner, depth: depth + 1) { return f }
        }
        return nil
    }

    private static func string(_ v: Any?) -> String? {
        if let s = v as? String { let t = s.trimmed(); return t.isEmpty ? nil : t.decodingBasicEntities() }
        if let a = v as? [Any] { return a.lazy.compactMap { string($0) }.first }
        return nil
    }

    private static func names(_ v: Any?) -> [String] {
        if let s = string(v as? String) { return [s] }
        if let o = v as? [String: Any] { return [string(o["name"])].compactMap { $0 } }
        if let a = v as? [Any] { return a.flatMap { names($0) } }
        return []
    }
}

/// Normalises the date formats pages use to ISO 8601.
enum ISODate {
    private static let months: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
        "nov": 11, "dec": 12,
    ]

    /// `2019-11-19T12:00:00+00:00`, `2019-11-19 12:00`, `20191119`, `Tue, 19 Nov 2019 12:00:00 GMT`,
    /// `November 19, 2019` → ISO 8601 (date, or date and time with its zone); nil if not a date.
    static func normalize(_ raw: String) -> String? {
        let s = raw.trimmed()
        let chars = Array(s.utf8)
        func digits(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= chars.count else { return nil }
            var v = 0
            for i in from..<(from + count) {
                guard chars[i] >= 48 && chars[i] <= 57 else { return nil }
                v = v * 10 + Int(chars[i] - 48)
            }
            return v
        }
        if let y = digits(0, 4), chars.count >= 10, chars[4] == 0x2D, let m = digits(5, 2), chars[7] == 0x2D,
            let d = digits(8, 2)
        {
            guard (1...12).contains(m), (1...31).contains(d), (1800...2200).contains(y) else { return nil }
            let date = String(format: "%04d-%02d-%02d", y, m, d)
            guard chars.count >= 16, chars[10] == 0x54 || chars[10] == 0x20, let hh = digits(11, 2),
                chars[13] == 0x3A, let mm = digits(14, 2)
            else { return date }
            var i = 16
            var ss = 0
            if i + 2 < chars.count + 1, i < chars.count, chars[i] == 0x3A, let sec = digits(i + 1, 2) { ss = sec; i += 3 }
            while i < chars.count, chars[i] == 0x2E || (chars[i] >= 48 && chars[i] <= 57) { i += 1 }  // fractions
            while i < chars.count, chars[i] == 0x20 { i += 1 }
            var zone = ""
            if i < chars.count {
                if chars[i] == 0x5A || s.hasSuffix("GMT") || s.hasSuffix("UTC") {
                    zone = "Z"
                } else if chars[i] == 0x2B || chars[i] == 0x2D, let zh = digits(i + 1, 2) {
                    let rest = i + 3 < chars.count && chars[i + 3] == 0x3A ? i + 4 : i + 3
                    let zm = digits(rest, 2) ?? 0
                    zone = String(format: "%@%02d:%02d", chars[i] == 0x2B ? "+" : "-", zh, zm)
                }
            }
            guard hh < 24, mm < 60, ss < 61 else { return date }
            return date + String(format: "T%02d:%02d:%02d", hh, mm, ss) + zone
        }
        if chars.count == 8, let y = digits(0, 4), let m = digits(4, 2), let d = digits(6, 2),
            (1...12).contains(m), (1...31).contains(d)
        {
            return String(format: "%04d-%02d-%02d", y, m, d)
        }
        // Month names: "Tue, 19 Nov 2019 ...", "November 19, 2019", "19 November 2019".
        let words = s.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        var day: Int?, month: Int?, year: Int?
        for w in words {
            if month == nil, w.count >= 3, let m = months[String(w.prefix(3)).lowercased()] { month = m; continue }
            guard let n = Int(w) else { continue }
            if n >= 1800 && n <= 2200 && year == nil { year = n } else if n >= 1 && n <= 31 && day == nil && year == nil { day = n }
        }
        if let day, let month, let year { return String(format: "%04d-%02d-%02d", year, month, day) }
        return nil
    }
}

extension String {
    /// Runs of whitespace become one space; leading and trailing whitespace goes.
    func collapsedWhitespace() -> String {
        var out = String.UnicodeScalarView()
        var pending = false
        for u in unicodeScalars {
            if u.properties.isWhitespace {
                pending = !out.isEmpty
            } else {
                if pending { out.append(" "); pending = false }
                out.append(u)
            }
        }
        return String(out)
    }

    /// JSON-LD bodies sometimes carry HTML entities; decode the common ones.
    func decodingBasicEntities() -> String {
        guard contains("&") else { return self }
        return replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&apos;", with: "'").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&nbsp;", with: " ")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

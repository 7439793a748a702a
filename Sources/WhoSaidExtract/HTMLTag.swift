/// The HTML elements the extractor treats differently, identified from libxml2's lower-case names
/// without building a Swift string per element.
enum HTMLTag: UInt8, Sendable {
    case other
    // dropped with everything inside
    case script, style, noscript, template, svg, math, iframe, object, embed, canvas, video, audio
    case button, select, option, input, textarea, head, map, dialog, picture, source
    // structure
    case html, body, main, article, section, div, p, span, a, br, hr, img, time
    case h1, h2, h3, h4, h5, h6
    case ul, ol, li, dl, dt, dd
    case blockquote, q, pre, code
    case table, thead, tbody, tfoot, tr, td, th, caption
    case figure, figcaption
    case header, footer, nav, aside, form, fieldset, address, center, details, summary, menu, label, legend
    case title, meta, link, base, font

    /// Elements whose whole subtree never holds article text.
    var isDropped: Bool { rawValue >= HTMLTag.script.rawValue && rawValue <= HTMLTag.source.rawValue }

    /// Elements that start a new text block.
    var isBlock: Bool {
        switch self {
        case .html, .body, .main, .article, .section, .div, .p, .h1, .h2, .h3, .h4, .h5, .h6, .ul, .ol, .li,
            .dl, .dt, .dd, .blockquote, .pre, .table, .thead, .tbody, .tfoot, .tr, .td, .th, .caption, .figure,
            .figcaption, .header, .footer, .nav, .aside, .form, .fieldset, .address, .center, .details, .summary,
            .menu, .hr, .legend:
            return true
        default:
            return false
        }
    }

    var isHeading: Bool { rawValue >= HTMLTag.h1.rawValue && rawValue <= HTMLTag.h6.rawValue }

    /// Identifies a tag from its lower-case name bytes (libxml2's HTML parser lower-cases names).
    static func identify(_ name: UnsafePointer<UInt8>) -> HTMLTag {
        // Pack up to 8 bytes into an integer and switch on it.
        var key: UInt64 = 0
        var i = 0
        while i < 8 {
            let c = name[i]
            if c == 0 { break }
            key = key << 8 | UInt64(c)
            i += 1
        }
        if i == 8 && name[8] != 0 {
            // Longer than 8 bytes: only a few names matter.
            var bytes: [UInt8] = []
            var j = 0
            while name[j] != 0 && j < 16 { bytes.append(name[j]); j += 1 }
            switch String(decoding: bytes, as: UTF8.self) {
            case "blockquote": return .blockquote
            case "figcaption": return .figcaption
            default: return .other
            }
        }
        return lookup[key] ?? .other
    }

    private static let lookup: [UInt64: HTMLTag] = {
        var t: [UInt64: HTMLTag] = [:]
        let names: [(String, HTMLTag)] = [
            ("script", .script), ("style", .style), ("noscript", .noscript), ("template", .template),
            ("svg", .svg), ("math", .math), ("iframe", .iframe), ("object", .object), ("embed", .embed),
            ("canvas", .canvas), ("video", .video), ("audio", .audio), ("button", .button), ("select", .select),
            ("option", .option), ("input", .input), ("textarea", .textarea), ("head", .head), ("map", .map),
            ("dialog", .dialog), ("picture", .picture), ("source", .source),
            ("html", .html), ("body", .body), ("main", .main), ("article", .article), ("section", .section),
            ("div", .div), ("p", .p), ("span", .span), ("a", .a), ("br", .br), ("hr", .hr), ("img", .img),
            ("time", .time), ("h1", .h1), ("h2", .h2), ("h3", .h3), ("h4", .h4), ("h5", .h5), ("h6", .h6),
            ("ul", .ul), ("ol", .ol), ("li", .li), ("dl", .dl), ("dt", .dt), ("dd", .dd), ("q", .q),
            ("pre", .pre), ("code", .code), ("table", .table), ("thead", .thead), ("tbody", .tbody),
            ("tfoot", .tfoot), ("tr", .tr), ("td", .td), ("th", .th), ("caption", .caption),
            ("figure", .figure), ("header", .header), ("footer", .footer), ("nav", .nav), ("aside", .aside),
            ("form", .form), ("fieldset", .fieldset), ("address", .address), ("center", .center),
            ("details", .details), ("summary", .summary), ("menu", .menu), ("label", .label),
            ("legend", .legend), ("title", .title), ("meta", .meta), ("link", .link), ("base", .base),
            ("font", .font),
        ]
        for (name, tag) in names {
            var key: UInt64 = 0
            for c in name.utf8 { key = key << 8 | UInt64(c) }
            t[key] = tag
        }
        return t
    }()
}

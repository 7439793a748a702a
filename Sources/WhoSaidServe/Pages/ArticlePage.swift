import WhoSaidAggregate

/// `/articles/ID`: the text with each quote marked and its speaker named beside it, then the people,
/// organisations, outlets and factions it names, and its quotes.
enum ArticlePage {
    static func render(_ a: ArticleView, text: String) -> String {
        Layout.page(title: a.title ?? a.docID) { h in
            h.element("h1", text: a.title ?? a.docID)
            h.open("dl", [("class", "facts")])
            h.element("dt", text: "Outlet")
            h.element("dd") { h in h.link(a.outlet.map { Href.outlet(named: $0) }, a.outlet ?? "—") }
            h.element("dt", text: "Published")
            h.element("dd", text: a.published ?? "—")
            if !a.authors.isEmpty {
                h.element("dt", text: "By")
                h.element("dd", text: a.authors.joined(separator: ", "))
            }
            if let url = a.url {
                h.element("dt", text: "URL")
                // Shown, not linked: the page works offline and a stored URL is not ours to vouch for.
                h.element("dd", [("class", "muted")], text: url)
            }
            h.element("dt", text: "Document")
            h.element("dd", text: "\(a.docID) (row \(a.id))")
            h.close("dl")

            h.element("h2", text: "Text")
            h.element("div", [("class", "article-text")]) { body(&$0, text: text, quotes: a.quotes) }

            h.element("div", [("class", "columns")]) { h in
                h.element("section") { h in
                    h.element("h2", text: "People (\(a.people.count))")
                    h.element("ul") { h in
                        for p in a.people {
                            h.element("li") { h in
                                h.link(.entity(named: p.name), p.name)
                                var details: [String] = []
                                if let named = p.articleName { details.append("as \(named)") }
                                details += p.roles + p.affiliations
                                if !p.factions.isEmpty { details.append("factions: " + p.factions.joined(separator: ", ")) }
                                details.append(p.quotes == 1 ? "1 quote" : "\(p.quotes) quotes")
                                h.raw(" <span class=\"n\">")
                                h.text(details.joined(separator: " · "))
                                h.raw("</span>")
                            }
                        }
                    }
                }
                h.element("section") { h in
                    h.element("h2", text: "Organisations and outlets (\(a.organizations.count))")
                    list(&h, a.organizations)
                    h.element("h2", text: "Factions (\(a.factions.count))")
                    list(&h, a.factions)
                }
            }

            h.element("h2", text: "Quotes (\(a.quotes.count))")
            h.open("table", [("class", "quotes")])
            Layout.header(&h, ["#", "Speaker", "Quote", "Kind", "Claim"])
            h.raw("<tbody>")
            for (i, q) in a.quotes.enumerated() {
                h.raw("<tr><td class=\"num\">")
                h.open("a", [("href", "#q\(i + 1)")])
                h.text(i + 1)
                h.raw("</a></td><td>")
                if let s = q.speaker {
                    h.link(.speaker(s.entityID, name: s.name), s.name)
                    if let m = q.mention, m != s.name { h.raw(" <span class=\"n\">as “"); h.text(m); h.raw("”</span>") }
                } else {
                    h.element("span", [("class", "muted")], text: "unattributed")
                }
                h.raw("</td><td>")
                h.text(q.text)
                h.raw("</td><td>")
                h.text(q.kind)
                h.raw("</td><td>")
                if let claim = q.claimID {
                    h.link(.claim(claim), "#\(claim)")
                    if q.reports > 1 { h.raw(" <span class=\"n\">"); h.text("in \(q.reports) articles"); h.raw("</span>") }
                }
                h.raw("</td></tr>")
            }
            h.raw("</tbody>")
            h.close("table")
        }
    }

    /// The names, each linked to its page (an outlet's to the outlet view as well).
    static func list(_ h: inout HTML, _ names: [String]) {
        if names.isEmpty { h.element("p", [("class", "muted")], text: "none") }
        h.element("ul") { h in
            for n in names { h.element("li") { $0.link(.entity(named: n), n) } }
        }
    }

    /// The text, each quote with offsets in a `mark` (numbered, its speaker in the title) followed by
    /// its speaker's name. Offsets count code points; a quote overlapping an earlier one is listed below
    /// but not marked twice.
    static func body(_ h: inout HTML, text: String, quotes: [ArticleView.Quote]) {
        let scalars = Array(text.unicodeScalars)
        func slice(_ r: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[r])
            return String(view)
        }
        var at = 0
        let marked = quotes.enumerated().compactMap { i, q -> (Int, ArticleView.Quote, Int, Int)? in
            guard let s = q.start, let e = q.end, 0 <= s, s < e, e <= scalars.count else { return nil }
            return (i, q, s, e)
        }.sorted { $0.2 != $1.2 ? $0.2 < $1.2 : $0.0 < $1.0 }
        for (i, q, start, end) in marked where start >= at {
            h.text(slice(at..<start))
            let who = q.speaker?.name ?? "unattributed"
            h.open("mark", [("class", "q \(q.kind)"), ("id", "q\(i + 1)"), ("title", "\(who) (\(q.kind))")])
            h.text(slice(start..<end))
            h.close("mark")
            if let s = q.speaker {
                h.link(.speaker(s.entityID, name: s.name), s.name, [("class", "who")])
            } else {
                h.element("span", [("class", "who")], text: "unattributed")
            }
            at = end
        }
        h.text(slice(at..<scalars.count))
    }
}

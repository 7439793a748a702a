import WhoSaidAggregate

/// `/`: the filters of `whosaid query` as a form, and the matching claims, newest first, a page at a time.
enum SearchPage {
    /// The search form filled with `filter`, then `claims` (page `page` of `limit` each; `more`
    /// when there is a next page), or the error instead of results.
    static func render(
        filter: ClaimFilter, limit: Int, page: Int, claims: [Claim], more: Bool, error: ServeError?, parameters: Parameters
    ) -> String {
        let title = filter == ClaimFilter() ? "Who said what" : "Search"
        return Layout.page(title: title) { h in
            h.element("h1", text: "Who said what")
            form(&h, filter: filter, limit: limit)
            if let error {
                h.element("p", [("class", "error")], text: error.message)
                if !error.suggestions.isEmpty {
                    h.element("ul", [("class", "suggestions")]) { h in
                        for s in error.suggestions { h.element("li") { $0.link(s.href, s.label) } }
                    }
                }
                return
            }
            let first = (page - 1) * limit
            if claims.isEmpty {
                h.element("p", [("class", "muted")], text: page > 1 ? "No more claims." : "No claims match.")
            } else {
                let order = filter.about != nil ? "best match first" : "newest first"
                h.element("p", [("class", "muted")], text: "Claims \(first + 1)–\(first + claims.count), \(order).")
                table(&h, claims)
            }
            pager(&h, filter: filter, limit: limit, page: page, more: more, parameters: parameters)
        }
    }

    static func form(_ h: inout HTML, filter f: ClaimFilter, limit: Int) {
        h.open("form", [("class", "search"), ("method", "get"), ("action", Href.search.value)])
        let fields: [(String, String, String?, String)] = [
            ("speaker", "Speaker", f.speaker, "any name: Starmer"),
            ("source", "Source", f.source, "speaker, spokespeople or medium"),
            ("about", "About (words)", f.about, "words in the quote"),
            ("outlet", "Outlet", f.outlet, "the publication"),
            ("faction", "Faction", f.faction, "a faction"),
            ("since", "Since", f.since, "YYYY, YYYY-MM or YYYY-MM-DD"),
            ("until", "Until", f.until, "YYYY, YYYY-MM or YYYY-MM-DD"),
            ("article", "Article", f.article, "document id or row id"),
        ]
        for (name, label, value, placeholder) in fields {
            h.element("label") { h in
                h.text(label)
                h.open("input", [("type", "text"), ("name", name), ("value", value ?? ""), ("placeholder", placeholder), ("maxlength", "500")])
            }
        }
        h.element("label") { h in
            h.text("Kind")
            h.element("select", [("name", "kind")]) { h in
                for kind in ["", "direct", "indirect", "mixed"] {
                    var attributes: [(StaticString, String)] = [("value", kind)]
                    if (f.kind ?? "") == kind { attributes.append(("selected", "selected")) }
                    h.element("option", attributes, text: kind.isEmpty ? "any" : kind)
                }
            }
        }
        h.element("label") { h in
            h.text("Per page")
            h.element("select", [("name", "limit")]) { h in
                for n in Set([20, 50, 100, 200, limit]).sorted() {
                    var attributes: [(StaticString, String)] = [("value", String(n))]
                    if n == limit { attributes.append(("selected", "selected")) }
                    h.element("option", attributes, text: String(n))
                }
            }
        }
        h.raw("<button type=\"submit\">Search</button>")
        h.close("form")
    }

    /// Claims as rows: date, speaker, outlets, the quote (linked to the claim), reports.
    static func table(_ h: inout HTML, _ claims: [Claim]) {
        h.open("table", [("class", "claims")])
        Layout.header(&h, ["Date", "Speaker", "Outlet", "Quote", "Reports"])
        h.raw("<tbody>")
        for c in claims {
            h.raw("<tr><td>")
            h.text(Layout.date(c.firstReported))
            h.raw("</td><td>")
            speaker(&h, c)
            h.raw("</td><td>")
            var outlets: [String] = []
            for r in c.reports { if let o = r.outlet, !outlets.contains(o) { outlets.append(o) } }
            for (i, o) in outlets.prefix(3).enumerated() {
                if i > 0 { h.raw(", ") }
                h.link(.outlet(named: o), o)
            }
            if outlets.count > 3 { h.text(" +\(outlets.count - 3)") }
            h.raw("</td><td>")
            h.link(.claim(c.id), c.text, [("class", "quote")])
            h.raw(" <span class=\"n\">")
            h.text(c.kind)
            h.raw("</span></td><td class=\"num\">")
            h.text(max(c.totalReports, c.reports.count))
            h.raw("</td></tr>")
        }
        h.raw("</tbody>")
        h.close("table")
    }

    /// The speaker linked to their page, with whom they spoke for and the medium.
    static func speaker(_ h: inout HTML, _ c: Claim) {
        guard let s = c.speaker else {
            h.element("span", [("class", "muted")], text: "unattributed")
            return
        }
        h.link(.speaker(s.entityID, name: s.name), s.name)
        if let a = s.affiliation {
            h.raw(" <span class=\"n\">for ")
            h.link(.entity(named: a), a)
            h.raw("</span>")
        }
        if let via = c.via {
            h.raw(" <span class=\"n\">via ")
            h.link(.entity(named: via), via)
            h.raw("</span>")
        }
    }

    static func pager(_ h: inout HTML, filter: ClaimFilter, limit: Int, page: Int, more: Bool, parameters: Parameters) {
        guard page > 1 || more else { return }
        let keep = parameters.filterPairs(filter) + [("limit", limit == 50 ? nil : String(limit))]
        h.element("p", [("class", "pager")]) { h in
            if page > 1 { h.link(.page(.search, keep + [("page", page == 2 ? nil : String(page - 1))]), "← Previous") }
            h.element("span", [("class", "muted")], text: "page \(page)")
            if more { h.link(.page(.search, keep + [("page", String(page + 1))]), "Next →") }
        }
    }
}

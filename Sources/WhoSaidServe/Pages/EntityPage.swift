import WhoSaidAggregate

/// `/entities/ID`: a person, organisation or other source: its names, whom it speaks for, factions,
/// the outlets quoting it, a chart of its claims over time, and its claims a page at a time.
enum EntityPage {
    static func render(_ e: EntityView, id: String, timeline: [PeriodCount], page: Int, limit: Int) -> String {
        Layout.page(title: e.name) { h in
            h.element("h1", text: e.name)
            h.open("dl", [("class", "facts")])
            h.element("dt", text: "Type")
            h.element("dd", text: e.types.joined(separator: ", "))
            if !e.aliases.isEmpty {
                h.element("dt", text: "Also known as")
                h.element("dd", text: e.aliases.joined(separator: ", "))
            }
            h.element("dt", text: "Claims")
            h.element("dd", text: "\(e.totalClaims): own \(e.own), affiliated \(e.affiliated), via \(e.via)")
            h.element("dt", text: "Reports")
            h.element("dd", text: "\(e.reports) in \(e.articles) \(e.articles == 1 ? "article" : "articles")")
            h.element("dt", text: "Speaks for")
            h.element("dd") { counted(&$0, e.affiliations) { .entity(named: $0) } }
            h.element("dt", text: "Factions")
            h.element("dd") { counted(&$0, e.factions) { .entity(named: $0) } }
            h.element("dt", text: "Quoted in (reports)")
            h.element("dd") { counted(&$0, e.outlets) { .outlet(named: $0) } }
            h.close("dl")

            h.element("h2", text: "Claims over time")
            Chart.bars(&h, series: [("claims", timeline)], unit: "claims", label: "Claims of \(e.name) per period, by first report")

            let first = (page - 1) * limit
            h.element("h2", text: "Claims")
            if e.claims.isEmpty {
                h.element("p", [("class", "muted")], text: page > 1 ? "No more claims." : "No claims.")
            } else {
                h.element("p", [("class", "muted")], text:
                    "Claims \(first + 1)–\(first + e.claims.count) of \(e.totalClaims), earliest reported first.")
                h.open("table", [("class", "claims")])
                Layout.header(&h, ["Date", "Role", "Speaker", "Quote", "Reports"])
                h.raw("<tbody>")
                for item in e.claims {
                    let c = item.claim
                    h.raw("<tr><td>")
                    h.text(Layout.date(c.firstReported))
                    h.raw("</td><td>")
                    h.text(item.role.rawValue)
                    h.raw("</td><td>")
                    SearchPage.speaker(&h, c)
                    h.raw("</td><td>")
                    h.link(.claim(c.id), c.text)
                    h.raw("</td><td class=\"num\">")
                    h.text(max(c.totalReports, c.reports.count))
                    h.raw("</td></tr>")
                }
                h.raw("</tbody>")
                h.close("table")
            }
            let base = Href.page(.entity(named: id), [])
            if page > 1 || first + e.claims.count < e.totalClaims {
                h.element("p", [("class", "pager")]) { h in
                    let keep: [(String, String?)] = [("limit", limit == 50 ? nil : String(limit))]
                    if page > 1 { h.link(.page(base, keep + [("page", page == 2 ? nil : String(page - 1))]), "← Previous") }
                    h.element("span", [("class", "muted")], text: "page \(page)")
                    if first + e.claims.count < e.totalClaims { h.link(.page(base, keep + [("page", String(page + 1))]), "Next →") }
                }
            }
        }
    }

    static func counted(_ h: inout HTML, _ list: [NameCount], href: (String) -> Href?) {
        if list.isEmpty { h.text("—") } else { Layout.counted(&h, list, href: href) }
    }
}

/// `/outlets/ID`: whom an outlet quotes, by speaker type and by faction, over time.
enum OutletPage {
    static func render(_ o: OutletView) -> String {
        Layout.page(title: o.name) { h in
            h.element("h1", text: o.name)
            h.element("p", [("class", "muted")]) { h in
                h.text("\(o.reports) reports of \(o.claims) claims. ")
                h.link(.page(.search, [("outlet", o.name)]), "Search its claims")
                h.text(" · ")
                h.link(.speaker(o.entityIDs.first, name: o.name), "As a source")
            }
            h.element("h2", text: "Whom it quotes, by type")
            table(&h, o.types, total: o.reports, href: nil)
            Chart.bars(
                &h, series: o.types.map { ($0.name, o.typesOverTime[$0.name] ?? []) }, unit: "reports",
                label: "Reports in \(o.name) per period, by the speaker's type")
            h.element("h2", text: "By faction")
            if o.factions.isEmpty {
                h.element("p", [("class", "muted")], text: "None of the speakers it quotes is linked to a faction.")
            } else {
                table(&h, o.factions, total: o.reports) { .entity(named: $0) }
                Chart.bars(
                    &h, series: o.factions.map { ($0.name, o.factionsOverTime[$0.name] ?? []) }, unit: "reports",
                    label: "Reports in \(o.name) per period, by the speaker's faction")
            }
            h.element("h2", text: "The speakers it quotes most")
            h.open("table")
            Layout.header(&h, ["Speaker", "Reports"])
            h.raw("<tbody>")
            for s in o.speakers {
                h.raw("<tr><td>")
                h.link(.entity(s.id), s.name)
                h.raw("</td><td class=\"num\">")
                h.text(s.count)
                h.raw("</td></tr>")
            }
            h.raw("</tbody>")
            h.close("table")
        }
    }

    static func table(_ h: inout HTML, _ rows: [NameCount], total: Int, href: ((String) -> Href)?) {
        h.open("table")
        Layout.header(&h, ["", "Reports", "Share"])
        h.raw("<tbody>")
        for r in rows {
            h.raw("<tr><td>")
            if let href { h.link(href(r.name), r.name) } else { h.text(r.name) }
            h.raw("</td><td class=\"num\">")
            h.text(r.count)
            h.raw("</td><td class=\"num\">")
            h.text(total > 0 ? "\(Int((100 * Double(r.count) / Double(total)).rounded()))%" : "—")
            h.raw("</td></tr>")
        }
        h.raw("</tbody>")
        h.close("table")
    }
}

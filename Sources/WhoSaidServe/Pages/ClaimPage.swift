import WhoSaidAggregate

/// `/claims/ID`: the quote, its speaker, kind, cue and medium, and every report of it, the first marked.
enum ClaimPage {
    static func render(_ c: Claim) -> String {
        Layout.page(title: "Claim \(c.id)") { h in
            h.element("h1", text: "Claim \(c.id)")
            h.element("blockquote", [("class", "claim")], text: c.text)
            h.open("dl", [("class", "facts")])
            h.element("dt", text: "Speaker")
            h.element("dd") { SearchPage.speaker(&$0, c) }
            if let type = c.speaker?.type {
                h.element("dt", text: "Type")
                h.element("dd", text: type)
            }
            h.element("dt", text: "Kind")
            h.element("dd", text: c.kind)
            h.element("dt", text: "Cue")
            h.element("dd", text: c.cue ?? "—")
            h.element("dt", text: "Medium")
            h.element("dd") { h in h.link(c.via.map { Href.entity(named: $0) }, c.via ?? "—") }
            if !c.factions.isEmpty {
                h.element("dt", text: "Factions")
                h.element("dd") { h in
                    for (i, f) in c.factions.enumerated() {
                        if i > 0 { h.raw(", ") }
                        h.link(.entity(named: f), f)
                    }
                }
            }
            h.element("dt", text: "First reported")
            h.element("dd", text: Layout.date(c.firstReported))
            h.close("dl")
            let total = max(c.totalReports, c.reports.count)
            h.element("h2", text: total == 1 ? "1 report" : "\(total) reports")
            if total > c.reports.count {
                h.element("p", [("class", "muted")], text: "The first \(c.reports.count) are listed; the API lists them all.")
            }
            h.open("table", [("class", "reports")])
            Layout.header(&h, ["Date", "Outlet", "Article", ""])
            h.raw("<tbody>")
            for (i, r) in c.reports.enumerated() {
                h.raw("<tr><td>")
                h.text(Layout.date(r.published))
                h.raw("</td><td>")
                h.link(r.outlet.map { Href.outlet(named: $0) }, r.outlet ?? "—")
                h.raw("</td><td>")
                h.link(.article(r.article), r.title ?? r.article)
                h.raw("</td><td>")
                // Reports are listed earliest first: the first is the first report.
                if i == 0 { h.element("span", [("class", "first")], text: "first report") }
                h.raw("</td></tr>")
            }
            h.raw("</tbody>")
            h.close("table")
        }
    }
}

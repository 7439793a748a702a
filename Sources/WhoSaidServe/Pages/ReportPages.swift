import WhoSaidAggregate

/// `/speakers` and `/sources`: the ranked lists of `whosaid speakers` and `whosaid sources`.
enum ReportPages {
    static func speakers(_ rows: [SpeakerRow], filter: ClaimFilter, types: [String], parameters: Parameters) -> String {
        Layout.page(title: "Speakers") { h in
            h.element("h1", text: "Speakers")
            h.element("p", [("class", "muted")], text: "Ranked by claims, then reports\(scope(filter, types)).")
            typeLinks(&h, base: .speakers, current: types)
            h.open("table", [("class", "speakers")])
            Layout.header(&h, ["#", "Speaker", "Type", "Claims", "Reports", "Speaks for", "Factions", "Quoted in (reports)"])
            h.raw("<tbody>")
            for (i, s) in rows.enumerated() {
                h.raw("<tr><td class=\"num\">")
                h.text(i + 1)
                h.raw("</td><td>")
                h.link(.speaker(s.entityID, name: s.name), s.name)
                if let article = s.article {
                    h.raw(" <span class=\"n\">in ")
                    h.link(.article(article), article)
                    h.raw("</span>")
                }
                h.raw("</td><td>")
                h.text(s.type)
                h.raw("</td><td class=\"num\">")
                h.link(.page(.search, [("speaker", s.article == nil ? s.name : nil)]), String(s.claims))
                h.raw("</td><td class=\"num\">")
                h.text(s.reports)
                h.raw("</td><td>")
                Layout.counted(&h, s.affiliations) { .entity(named: $0) }
                h.raw("</td><td>")
                Layout.counted(&h, s.factions) { .entity(named: $0) }
                h.raw("</td><td>")
                Layout.counted(&h, s.outlets) { .outlet(named: $0) }
                h.raw("</td></tr>")
            }
            h.raw("</tbody>")
            h.close("table")
            if rows.isEmpty { h.element("p", [("class", "muted")], text: "No speakers match.") }
        }
    }

    static func sources(_ rows: [SourceRow], filter: ClaimFilter, types: [String], parameters: Parameters) -> String {
        Layout.page(title: "Sources") { h in
            h.element("h1", text: "Sources")
            h.element("p", [("class", "muted")], text:
                "Claims per source: its own, those of people speaking for it (affiliated), and those it carried as the medium (via)"
                + "\(scope(filter, types)).")
            typeLinks(&h, base: .sources, current: types)
            h.open("table", [("class", "sources")])
            Layout.header(&h, ["#", "Source", "Type", "Claims", "Own", "Affiliated", "Via", "Reports", "Speaking for it", "Through it"])
            h.raw("<tbody>")
            for (i, s) in rows.enumerated() {
                h.raw("<tr><td class=\"num\">")
                h.text(i + 1)
                h.raw("</td><td>")
                h.link(.speaker(s.entityID, name: s.name), s.name)
                h.raw("</td><td>")
                h.text(s.type)
                for n in [s.claims, s.own, s.affiliated, s.via, s.reports] {
                    h.raw("</td><td class=\"num\">")
                    h.text(n)
                }
                h.raw("</td><td>")
                Layout.counted(&h, s.affiliatedSpeakers) { .entity(named: $0) }
                h.raw("</td><td>")
                Layout.counted(&h, s.viaSpeakers) { .entity(named: $0) }
                h.raw("</td></tr>")
            }
            h.raw("</tbody>")
            h.close("table")
            if rows.isEmpty { h.element("p", [("class", "muted")], text: "No sources match.") }
        }
    }

    static func scope(_ filter: ClaimFilter, _ types: [String]) -> String {
        var parts: [String] = []
        if !types.isEmpty { parts.append("only " + types.joined(separator: ", ")) }
        let given = [("speaker", filter.speaker), ("source", filter.source), ("about", filter.about), ("outlet", filter.outlet),
                     ("faction", filter.faction), ("kind", filter.kind), ("since", filter.since), ("until", filter.until),
                     ("article", filter.article)].compactMap { k, v in v.map { "\(k) \(Escape.brief($0))" } }
        if !given.isEmpty { parts.append("claims with " + given.joined(separator: ", ")) }
        return parts.isEmpty ? "" : "; " + parts.joined(separator: "; ")
    }

    static func typeLinks(_ h: inout HTML, base: Href, current: [String]) {
        h.element("p") { h in
            h.text("Type: ")
            for (i, t) in ["all", "person", "organization", "outlet", "faction", "group", "anonymous"].enumerated() {
                if i > 0 { h.raw(" · ") }
                let selected = (t == "all" && current.isEmpty) || current == [t]
                if selected { h.element("strong", text: t) } else { h.link(.page(base, [("type", t == "all" ? nil : t)]), t) }
            }
        }
    }
}

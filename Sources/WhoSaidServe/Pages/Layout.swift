/// The frame every page shares: the head, the stylesheet, the navigation, and the main content.
enum Layout {
    static func page(title: String, _ body: (inout HTML) -> Void) -> String {
        var h = HTML()
        h.raw("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        h.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        h.element("title", text: title + " · WhoSaid")
        h.open("link", [("rel", "stylesheet"), ("href", Href.stylesheet.value)])
        h.raw("</head><body><header><nav>")
        h.link(.search, "WhoSaid", [("class", "brand")])
        h.link(.search, "Search")
        h.link(.speakers, "Speakers")
        h.link(.sources, "Sources")
        h.raw("</nav></header><main>")
        body(&h)
        h.raw("</main><footer>Read-only view of a WhoSaid store · JSON under <code>/api/</code></footer></body></html>\n")
        return h.output
    }

    /// A page for an error: what went wrong and, when there are any, the close names as links.
    static func error(_ error: ServeError) -> String {
        let heading = error.kind == .notFound ? "Not found" : "Bad request"
        return page(title: heading) { h in
            h.element("h1", text: heading)
            h.element("p", [("class", "error")], text: error.message)
            if !error.suggestions.isEmpty {
                h.element("ul", [("class", "suggestions")]) { h in
                    for s in error.suggestions { h.element("li") { $0.link(s.href, s.label) } }
                }
            }
            h.element("p") { $0.link(.search, "Back to the search") }
        }
    }

    /// A table's header row.
    static func header(_ h: inout HTML, _ columns: [String]) {
        h.raw("<thead><tr>")
        for c in columns { h.element("th", text: c) }
        h.raw("</tr></thead>")
    }

    /// `name (count), …` with each name linked by `href`.
    static func counted(_ h: inout HTML, _ list: [NameCount], href: (String) -> Href?) {
        for (i, item) in list.enumerated() {
            if i > 0 { h.raw(", ") }
            h.link(href(item.name), item.name)
            h.raw(" <span class=\"n\">")
            h.text(item.count)
            h.raw("</span>")
        }
    }

    /// The date part of a stored date (`2024-03-05` of `2024-03-05T10:00:00Z`), or a dash.
    static func date(_ s: String?) -> String { s.map { String($0.prefix(10)) } ?? "—" }

    /// One small stylesheet, served from `/style.css`: no fonts, scripts or anything from elsewhere.
    static let stylesheet = """
        :root { --ink: #1d232b; --muted: #5b6570; --line: #d9dee3; --accent: #1f5fa8; --mark: #fff1a8; --bg: #fbfbfa; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: var(--bg); }
        header { background: #20303f; }
        nav { max-width: 1100px; margin: 0 auto; padding: .5rem 1rem; display: flex; gap: 1.2rem; align-items: baseline; }
        nav a { color: #dfe7ef; text-decoration: none; }
        nav a.brand { font-weight: 700; color: #fff; margin-right: 1rem; }
        main { max-width: 1100px; margin: 0 auto; padding: 1rem; }
        footer { max-width: 1100px; margin: 2rem auto; padding: 0 1rem; color: var(--muted); font-size: .85rem; }
        a { color: var(--accent); }
        h1 { font-size: 1.5rem; margin: .5rem 0; }
        h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
        table { border-collapse: collapse; width: 100%; background: #fff; }
        th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); }
        th { font-size: .8rem; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); }
        td.num, th.num { text-align: right; }
        table.claims td:first-child, table.reports td:first-child { white-space: nowrap; }
        .muted, .n { color: var(--muted); }
        .n { font-size: .85em; }
        .error { color: #9b1c1c; font-weight: 600; }
        form.search { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: .5rem 1rem; background: #fff;
          padding: .8rem; border: 1px solid var(--line); }
        form.search label { display: flex; flex-direction: column; font-size: .8rem; color: var(--muted); }
        form.search input, form.search select { font: inherit; padding: .25rem .35rem; }
        form.search button { font: inherit; padding: .3rem 1rem; align-self: end; }
        .pager { display: flex; gap: 1rem; margin: .8rem 0; }
        blockquote { margin: .5rem 0; padding: .5rem 1rem; border-left: 4px solid var(--accent); background: #fff; }
        .article-text { white-space: pre-wrap; background: #fff; padding: 1rem; border: 1px solid var(--line); line-height: 1.7; }
        mark.q { background: var(--mark); padding: 0 .1em; }
        mark.q.indirect { background: #dcecff; }
        mark.q.mixed { background: #e6f5d8; }
        .who { font-size: .8em; font-weight: 600; background: #20303f; color: #fff; padding: 0 .35em; margin-left: .25em;
          border-radius: 3px; white-space: nowrap; text-decoration: none; }
        .first { font-size: .75rem; background: #20303f; color: #fff; padding: 0 .35em; border-radius: 3px; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
        dl.facts dt { color: var(--muted); }
        dl.facts dd { margin: 0; }
        svg.chart { background: #fff; border: 1px solid var(--line); max-width: 100%; height: auto; }
        svg.chart text { font: 11px system-ui, sans-serif; fill: var(--muted); }
        .legend span { display: inline-block; margin-right: 1rem; font-size: .85rem; }
        .legend i { display: inline-block; width: .8em; height: .8em; margin-right: .3em; vertical-align: middle; }
        .columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: 1rem; }
        """
}

import WhoSaidAggregate

import ArgumentParser
import WhoSaidAggregate
import WhoSaidCore

enum ShowFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension WhoSaid {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show an article with its people, factions and quotes, or a person or other source with all their claims.",
            discussion: """
                ID is an article's row id or document id, or a name. An article is shown with its title, \
                outlet, date and URL, the people it names (their canonical names across the store, roles, \
                affiliations, factions and how many of its quotes are theirs), the organisations, outlets and \
                factions it names, and its quotes in text order with their speakers resolved (the canonical \
                name, and the words the article used), cue, medium, factions and claim. A name (any of its \
                aliases: Starmer, Sky) shows the person or entity: its other names, whom it spoke for, its \
                factions and outlets, its claims counted as in 'whosaid sources' (own, affiliated, via) and \
                the claims themselves, earliest reported first, each with the articles that reported it. \
                A number is read as a row id first, then as a name, then as a document id. An unknown ID \
                suggests the closest known names; a name shared by different people asks for the full name; a \
                description that is a different speaker in several articles (The survey, a spokesman) names \
                those articles.

                Formats: text, and json: {article: {id, doc_id, title, outlet, published, url, authors, \
                source}, people: [{name, article_name, roles, affiliations, factions, quotes}], organizations, \
                factions, quotes: [{claim, kind, text, speaker: {name, type, affiliation, mention}, cue, via, \
                factions, start, end, reports}]} for an article; {entity: {name, types, aliases, affiliations, \
                factions, outlets}, counts: {claims, own, affiliated, via, reports, articles}, claims: [{role, \
                claim}]} for a name, each claim as in 'whosaid query --format json'.
                """
        )

        @OptionGroup var database: DatabaseOptions

        @Argument(help: ArgumentHelp("An article's row id or document id, or a name.", valueName: "id"))
        var id: String

        @Option(help: "At most this many claims of a name (default: 50 for text, all for json; 0 for all).")
        var limit: Int?

        @Option(help: "text or json.")
        var format: ShowFormat = .text

        func validate() throws {
            if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
        }

        func run() throws {
            let store = try ClaimFilterOptions.openStore(database)
            let limit = effectiveLimit(limit, table: format == .text)
            let result = try reportingQueryErrors { try ClaimQuery(store: store).show(id, limit: limit) }
            var w = JSONWriter()
            switch (result, format) {
            case (.article(let article), .json): article.write(to: &w)
            case (.entity(let entity), .json): entity.write(to: &w)
            case (.article(let article), .text): Output.write(ShowText.article(article, width: Terminal.width()))
            case (.entity(let entity), .text): Output.write(ShowText.entity(entity, width: Terminal.width()))
            }
            if format == .json { Output.write(String(decoding: w.bytes, as: UTF8.self) + "\n") }
        }
    }
}

/// The text of `whosaid show`: headed sections, quotes wrapped and indented.
enum ShowText {
    static func article(_ a: ArticleView, width: Int) -> String {
        var out = "Article \(a.id) · \(a.docID)\n"
        if let title = a.title { out += title + "\n" }
        var byline = [a.outlet, a.published].compactMap { $0 }
        if !a.authors.isEmpty { byline.append("by " + a.authors.joined(separator: ", ")) }
        if !byline.isEmpty { out += byline.joined(separator: " · ") + "\n" }
        if let url = a.url { out += url + "\n" }
        out += "source: \(a.source)\n"

        out += "\nPeople (\(a.people.count))\n"
        if a.people.isEmpty { out += "  none\n" }
        let nameWidth = min(28, a.people.map { $0.name.count }.max() ?? 0)
        for p in a.people {
            var details: [String] = []
            if let named = p.articleName { details.append("as \(named)") }
            details += p.roles
            details += p.affiliations
            if !p.factions.isEmpty { details.append("factions: " + p.factions.joined(separator: ", ")) }
            details.append(p.quotes == 1 ? "1 quote" : "\(p.quotes) quotes")
            out += "  " + p.name.padding(toLength: max(nameWidth, p.name.count), withPad: " ", startingAt: 0) + "  "
                + details.joined(separator: " · ") + "\n"
        }
        out += "\nOrganisations and outlets: " + (a.organizations.isEmpty ? "none" : a.organizations.joined(separator: ", ")) + "\n"
        out += "Factions: " + (a.factions.isEmpty ? "none" : a.factions.joined(separator: ", ")) + "\n"

        out += "\nQuotes (\(a.quotes.count))\n"
        if a.quotes.isEmpty { out += "  none\n" }
        for (i, q) in a.quotes.enumerated() {
            var head = "\(i + 1). " + (q.speaker.map(speaker) ?? "unattributed")
            if let mention = q.mention, let s = q.speaker, mention != s.name { head += " as “\(mention)”" }
            var details = [q.kind]
            if let cue = q.cue { details.append("cue “\(cue)”") }
            if let via = q.via { details.append("via \(via)") }
            if !q.factions.isEmpty { details.append("factions: " + q.factions.joined(separator: ", ")) }
            if let claim = q.claimID {
                details.append("claim \(claim)" + (q.reports > 1 ? ", in \(q.reports) articles" : ""))
            }
            out += "  " + head + " — " + details.joined(separator: " · ") + "\n"
            out += indented(q.text, width: width, indent: 5)
        }
        return out
    }

    static func entity(_ e: EntityView, width: Int) -> String {
        var out = "\(e.name) (\(e.types.joined(separator: ", ")))\n"
        if !e.aliases.isEmpty { out += "  also: " + e.aliases.joined(separator: ", ") + "\n" }
        if !e.affiliations.isEmpty { out += "  speaks for: " + counted(e.affiliations) + "\n" }
        if !e.factions.isEmpty { out += "  factions: " + counted(e.factions) + "\n" }
        if !e.outlets.isEmpty { out += "  quoted in: " + counted(e.outlets) + " (reports)\n" }
        out += "  claims: \(e.totalClaims) (own \(e.own), affiliated \(e.affiliated), via \(e.via)); "
            + "\(e.reports) \(e.reports == 1 ? "report" : "reports") in \(e.articles) \(e.articles == 1 ? "article" : "articles")\n"

        let shown = e.claims.count < e.totalClaims ? "\(e.claims.count) of \(e.totalClaims), " : ""
        out += "\nClaims (\(shown)earliest reported first)\n"
        if e.claims.isEmpty { out += "  none\n" }
        for item in e.claims {
            let c = item.claim
            var head = "#\(c.id)  \(String((c.firstReported ?? "—").prefix(10)))  " + (c.speaker.map(speaker) ?? "unattributed")
            if let via = c.via { head += " via \(via)" }
            var details = [item.role.rawValue, c.kind]
            if let cue = c.cue { details.append("cue “\(cue)”") }
            if !c.factions.isEmpty { details.append("factions: " + c.factions.joined(separator: ", ")) }
            out += "  " + head + " — " + details.joined(separator: " · ") + "\n"
            out += indented(c.text, width: width, indent: 5)
            for r in c.reports {
                let report = [r.published.map { String($0.prefix(10)) }, r.outlet, r.article, r.title].compactMap { $0 }
                out += "     – " + report.joined(separator: " · ") + "\n"
            }
        }
        return out
    }

    /// `Lewis Goodall (Sky News)`.
    static func speaker(_ s: ClaimSpeaker) -> String {
        s.name + (s.affiliation.map { " (\($0))" } ?? "")
    }

    static func counted(_ list: [NameCount]) -> String {
        list.map { "\($0.name) \($0.count)" }.joined(separator: ", ")
    }

    /// `text` wrapped to the width left after `indent` spaces (30 at least), one line each.
    static func indented(_ text: String, width: Int, indent: Int) -> String {
        let margin = String(repeating: " ", count: indent)
        return TextTable.wrap(text, width: max(30, width - indent)).map { margin + $0 + "\n" }.joined()
    }
}

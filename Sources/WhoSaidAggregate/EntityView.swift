import GRDB
import WhoSaidCore
import WhoSaidStore

/// A person, organisation, outlet or other source as `whosaid show NAME` prints it: its names,
/// whom it speaks for, and every claim it is the source of with the articles reporting it.
public struct EntityView: Sendable, Equatable {
    /// The canonical name.
    public var name: String
    /// Its kinds (one, or more for a name that is, say, both a faction and an organisation).
    public var types: [String]
    /// The other names it is known under.
    public var aliases: [String]
    /// Claims it made itself, made by those speaking for it, and carried as the medium.
    public var own: Int
    public var affiliated: Int
    public var via: Int
    /// Reports of all those claims, and the articles they are in.
    public var reports: Int
    public var articles: Int
    /// Whom it spoke for, most claims first (at most ten).
    public var affiliations: [NameCount]
    /// Factions linked to its claims, most claims first (at most ten).
    public var factions: [NameCount]
    /// The publications that carried its claims, most reports first (at most ten).
    public var outlets: [NameCount]
    /// Its claims, earliest reported first (as many as asked for), each with every report.
    public var claims: [EntityClaim]

    /// Every claim it is the source of.
    public var totalClaims: Int { own + affiliated + via }

    /// The entity as the JSON object of `whosaid show NAME --format json`.
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.key("entity")
        w.beginObject()
        w.field("name", name)
        w.field("types", types)
        w.field("aliases", aliases)
        NameCount.write(affiliations, key: "affiliations", countKey: "claims", to: &w)
        NameCount.write(factions, key: "factions", countKey: "claims", to: &w)
        NameCount.write(outlets, key: "outlets", countKey: "reports", to: &w)
        w.endObject()
        w.key("counts")
        w.beginObject()
        w.field("claims", totalClaims)
        w.field("own", own)
        w.field("affiliated", affiliated)
        w.field("via", via)
        w.field("reports", reports)
        w.field("articles", articles)
        w.endObject()
        w.key("claims")
        w.beginArray()
        for c in claims {
            w.beginObject()
            w.field("role", c.role.rawValue)
            w.key("claim")
            c.claim.write(to: &w)
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }
}

/// A claim of an ``EntityView``, with how the entity is its source.
public struct EntityClaim: Sendable, Equatable {
    public enum Role: String, Sendable {
        /// The entity said it.
        case own
        /// Someone speaking for the entity said it.
        case affiliated
        /// The entity carried it as the medium.
        case via
    }

    public var role: Role
    public var claim: Claim
}

extension ClaimQuery {
    /// The entity these canonical ids make up, with at most `limit` of its claims (all for nil).
    static func entityView(
        _ ids: [Int64], limit: Int?, offset: Int = 0, reportLimit: Int? = nil, db: Database
    ) throws -> EntityView {
        let list = placeholders(ids.count)
        let entities = try entityNames(ids, db: db)
        let name = ids.first.flatMap { entities[$0]?.name } ?? ""
        var types: [String] = []
        for id in ids { if let kind = entities[id]?.kind, !types.contains(kind) { types.append(kind) } }
        let aliases = try String.fetchAll(
            db, sql: "SELECT DISTINCT alias FROM canonical_aliases WHERE entity_id IN (\(list)) ORDER BY alias",
            arguments: StatementArguments(ids)
        ).filter { $0 != name }

        // Each claim counts once: own, else affiliated, else via.
        let notSpeaker = "(c.speaker_id IS NULL OR c.speaker_id NOT IN (\(list)))"
        let notAffiliation = "(c.affiliation_id IS NULL OR c.affiliation_id NOT IN (\(list)))"
        let roles: [(EntityClaim.Role, String, Int)] = [
            (.own, "c.speaker_id IN (\(list))", 1),
            (.affiliated, "c.affiliation_id IN (\(list)) AND \(notSpeaker)", 2),
            (.via, "c.via_id IN (\(list)) AND \(notSpeaker) AND \(notAffiliation)", 3),
        ]
        var counts: [EntityClaim.Role: Int] = [:]
        var reports = 0
        for (role, condition, copies) in roles {
            let row = try Row.fetchOne(
                db, sql: "SELECT COUNT(*), COALESCE(SUM(c.reports), 0) FROM claims c WHERE \(condition)",
                arguments: StatementArguments(Array(repeating: ids, count: copies).flatMap { $0 }))!
            counts[role] = row[0]
            reports += row[1] as Int
        }

        let source = "(c.speaker_id IN (\(list)) OR c.affiliation_id IN (\(list)) OR c.via_id IN (\(list)))"
        let sourceArguments: [any DatabaseValueConvertible] = ids + ids + ids
        let articles = try Int.fetchOne(
            db, sql: "SELECT COUNT(DISTINCT r.article_id) FROM reports r JOIN claims c ON c.id = r.claim_id WHERE \(source)",
            arguments: StatementArguments(sourceArguments)) ?? 0

        let everything = try Plan(ClaimFilter(), db: db)
        var plan = everything
        plan.reportLimit = reportLimit
        plan.claimConditions = [source]
        plan.claimArguments = sourceArguments
        plan.sort = .oldest  // `show` lists an entity's claims as they were first reported
        let claimIDs = Array(try claimIDs(plan, limit: limit.map { $0 + offset }, db: db).dropFirst(offset))
        var roleOf: [Int64: EntityClaim.Role] = [:]
        let idSet = Set(ids)
        if !claimIDs.isEmpty {
            for row in try Row.fetchAll(
                db, sql: "SELECT id, speaker_id, affiliation_id FROM claims WHERE id IN (\(placeholders(claimIDs.count)))",
                arguments: StatementArguments(claimIDs))
            {
                let speaker: Int64? = row[1], affiliation: Int64? = row[2]
                roleOf[row[0]] = speaker.map(idSet.contains) == true ? .own
                    : affiliation.map(idSet.contains) == true ? .affiliated : .via
            }
        }
        let claims = try claimIDs.map { EntityClaim(role: roleOf[$0] ?? .via, claim: try claim($0, plan: plan, db: db)) }

        let asSpeaker = "c.speaker_id IN (\(list))"
        return EntityView(
            name: name, types: types, aliases: aliases, own: counts[.own] ?? 0, affiliated: counts[.affiliated] ?? 0,
            via: counts[.via] ?? 0, reports: reports, articles: articles,
            affiliations: try affiliations(claimCondition: asSpeaker, ids, plan: everything, db: db),
            factions: try factions(claimCondition: asSpeaker, ids, plan: everything, db: db),
            outlets: try outlets(claimCondition: source, sourceArguments, plan: everything, db: db),
            claims: claims)
    }
}

/// What `whosaid show` found.
public enum ShowResult: Sendable, Equatable {
    case article(ArticleView)
    case entity(EntityView)
}

/// Why `whosaid show` found nothing.
public enum ShowError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No article has this id and nothing is known under this name; `suggestions` are the closest names.
    case notFound(id: String, suggestions: [String])
    /// The name is an alias of several different entities.
    case ambiguous(name: String, candidates: [String])
    /// The name is a description (*The survey*, *a spokesman*) of a different speaker in each of these
    /// articles (document ids).
    case described(name: String, articles: [String])

    public var description: String {
        switch self {
        case .notFound(let id, let suggestions):
            let known = suggestions.isEmpty ? "" : "; did you mean " + suggestions.map { "'\($0)'" }.joined(separator: ", ") + "?"
            return "no article with the id '\(id)' and nobody named '\(id)' in the database\(known)"
        case .ambiguous(let name, let candidates):
            return "'\(name)' may be any of " + candidates.map { "'\($0)'" }.joined(separator: ", ")
                + "; give the full name"
        case .described(let name, let articles):
            let shown = articles.prefix(10).joined(separator: ", ") + (articles.count > 10 ? ", …" : "")
            return "'\(name)' describes a different speaker in each of \(articles.count) articles (\(shown)); "
                + "show one article with 'whosaid show ARTICLE', or list them all with 'whosaid query --speaker \"\(name)\"'"
        }
    }
}

extension ClaimQuery {
    /// An article (by row id or document id) or an entity (by any of its names) with at most `limit`
    /// of its claims (all for nil).
    ///
    /// A number is tried as an article's row id first; then the name (an indexed lookup); then the
    /// document id. A name several different entities share (*Reyes*) is refused unless one of them
    /// has it as its own name; entities of different kinds under one name (the faction and the
    /// organisation *Momentum*) are shown together.
    public func show(_ id: String, limit: Int? = nil) throws -> ShowResult {
        try store.read { db in
            try Self.requireArticles(db, path: store.path)
            if let rowID = Int64(id), String(rowID) == id, let article = try Self.articleView(rowID: rowID, db: db) {
                return .article(article)
            }
            let ids = try NameResolver.find(id, kinds: NameResolver.speakerKinds, db: db)
            if !ids.isEmpty {
                return .entity(try Self.entityView(try Self.preferred(ids, for: id, db: db), limit: limit, db: db))
            }
            if let article = try Self.articleView(docID: id, db: db) { return .article(article) }
            throw ShowError.notFound(
                id: id, suggestions: try NameResolver.suggestions(for: id, kinds: NameResolver.speakerKinds, db: db))
        }
    }

    /// The entities `name` means among those known under it: the ones whose own name it is, if any;
    /// otherwise all of them when they share one name, else it is ambiguous. Named entities come before
    /// described speakers (each of one article: *The survey*); a description of speakers in several
    /// articles is not one entity to show.
    static func preferred(_ ids: [Int64], for name: String, db: Database) throws -> [Int64] {
        let keys = Set([NameKey.of(name), NameKey.person(name)])
        let names = try entityNames(ids, db: db)
        let exact = ids.filter { id in
            names[id].map { keys.contains(NameKey.of($0.name)) || keys.contains(NameKey.person($0.name)) } ?? false
        }
        var chosen = exact.isEmpty ? ids : exact
        let named = chosen.filter { names[$0]?.article == nil }
        if named.isEmpty, chosen.count > 1 {
            throw ShowError.described(name: name, articles: chosen.compactMap { names[$0]?.article }.sorted())
        }
        if !named.isEmpty { chosen = named }
        var distinct: [String] = []
        var seen: Set<String> = []
        for id in chosen {
            guard let n = names[id]?.name else { continue }
            if seen.insert(NameKey.person(n)).inserted { distinct.append(n) }
        }
        if distinct.count > 1 { throw ShowError.ambiguous(name: name, candidates: distinct.sorted()) }
        return chosen
    }
}

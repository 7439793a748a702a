import Foundation
import GRDB
import Hummingbird
import WhoSaidAggregate
import WhoSaidCore
import WhoSaidStore

/// The routes: each parses its path and query into the filters and ids the Aggregate queries take,
/// runs them, and hands the result to a page (``Layout`` and `Pages/`) or to the JSON writers.
struct ServeRoutes: Sendable {
    let query: ClaimQuery
    let cache: ResponseCache?
    let generation: StoreGeneration

    init(store: SQLiteStore, cache: ResponseCache?) {
        query = ClaimQuery(store: store)
        self.cache = cache
        generation = StoreGeneration {
            (try? store.read { try Int64.fetchOne($0, sql: "SELECT MAX(id) FROM articles") ?? 0 }) ?? 0
        }
    }

    /// The most claims one page lists, and the deepest it pages.
    static let pageLimit = 500
    static let deepest = 10_000
    /// Reports read per claim in a list (its first outlets are shown, and the count of them all), and
    /// on a claim's page (a claim can be carried by thousands of articles).
    static let listedReports = 10
    static let claimPageReports = 1_000

    func add(to router: Router<ServeContext>) {
        router.get("/") { request, _ in respond(request) { try search($0) } }
        router.get("/style.css") { request, _ in
            respond(request) { _ in
                (.ok, "text/css; charset=utf-8", Layout.stylesheet + "\n" + Chart.stylesheet)
            }
        }
        router.get("/claims/:id") { request, context in respond(request) { _ in try claimPage(context) } }
        router.get("/articles/:id") { request, context in respond(request) { _ in try articlePage(context) } }
        router.get("/speakers") { request, _ in respond(request) { try speakersPage($0, sources: false) } }
        router.get("/sources") { request, _ in respond(request) { try speakersPage($0, sources: true) } }
        router.get("/entities/:id") { request, context in respond(request) { try entityPage($0, context) } }
        router.get("/outlets/:id") { request, context in respond(request) { _ in try outletPage(context) } }

        router.get("/api/claims") { request, _ in respond(request, json: true) { try apiClaims($0) } }
        router.get("/api/claims/:id") { request, context in respond(request, json: true) { _ in try apiClaim(context) } }
        router.get("/api/speakers") { request, _ in respond(request, json: true) { try apiReport($0, sources: false) } }
        router.get("/api/sources") { request, _ in respond(request, json: true) { try apiReport($0, sources: true) } }
        router.get("/api/articles/:id") { request, context in respond(request, json: true) { _ in try apiArticle(context) } }
        router.get("/api/entities/:id") { request, context in respond(request, json: true) { try apiEntity($0, context) } }
    }

    // MARK: Answering

    /// Runs `body` on the request's checked parameters and makes its response: an error page (or a
    /// JSON error object under `/api/`) for a bad request or something not found, the response
    /// cached by URL when it is a page or a not-found.
    func respond(
        _ request: Request, json: Bool = false,
        _ body: (Parameters) throws -> (HTTPResponse.Status, String, String)
    ) -> Response {
        let key = request.uri.string
        let generation = cache == nil ? 0 : self.generation.current
        if let hit = cache?.get(key, generation: generation) {
            return Responses.make(status: hit.status, contentType: hit.contentType, body: hit.body)
        }
        var status: HTTPResponse.Status
        var contentType: String
        var text: String
        do {
            let parameters = try Parameters(Self.queryPairs(request.uri.query))
            (status, contentType, text) = try body(parameters)
        } catch {
            let serveError = Self.serveError(error)
            status = serveError.kind == .notFound ? .notFound : .badRequest
            if json {
                contentType = "application/json; charset=utf-8"
                text = Self.jsonError(serveError)
            } else {
                contentType = "text/html; charset=utf-8"
                text = Layout.error(serveError)
            }
        }
        let buffer = ByteBuffer(string: text)
        if status == .ok || status == .notFound {
            cache?.put(key, status: status, contentType: contentType, body: buffer, generation: generation)
        }
        return Responses.make(status: status, contentType: contentType, body: buffer)
    }

    /// Any error of a route as what the page says: the queries' errors mapped, anything else (the
    /// database could not be read) said as it is.
    static func serveError(_ error: any Error) -> ServeError {
        switch error {
        case let e as ServeError: return e
        case let e as QueryError: return .from(e) { option, name in Href.page(.search, [(option, name)]) }
        case let e as ShowError: return .from(e)
        default: return .badRequest("The request could not be answered: \(Escape.brief("\(error)", limit: 200))")
        }
    }

    static func jsonError(_ e: ServeError) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.field("error", e.message)
        w.field("suggestions", e.suggestions.map(\.label))
        w.endObject()
        return String(decoding: w.bytes, as: UTF8.self) + "\n"
    }

    /// The pairs of a query string: split at `&` and the first `=`, `+` read as a space, then
    /// percent-decoded. A value that is not valid percent-encoded UTF-8 is a bad request.
    static func queryPairs(_ query: String?) throws -> [(String, String)] {
        guard let query, !query.isEmpty else { return [] }
        guard query.utf8.count <= 8 * Parameters.maximumLength * 4 else {
            throw ServeError.badRequest("The query string is too long (\(query.utf8.count) bytes).")
        }
        return try query.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) throws -> String {
                guard let decoded = s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding else {
                    throw ServeError.badRequest("The query string is not valid percent-encoded UTF-8.")
                }
                return decoded
            }
            return (try decode(parts[0]), parts.count > 1 ? try decode(parts[1]) : "")
        }
    }

    /// The `:id` path segment, percent-decoded (an article id may hold `/` and `:`, sent as `%2F`, `%3A`).
    static func id(_ context: ServeContext) throws -> String {
        guard let raw = context.parameters.get("id"), !raw.isEmpty else { throw ServeError.badRequest("The address has no id.") }
        guard raw.utf8.count <= 3 * Parameters.maximumLength else {
            throw ServeError.badRequest("The id is too long (\(raw.utf8.count) bytes; at most \(Parameters.maximumLength) characters).")
        }
        guard let id = raw.removingPercentEncoding else {
            throw ServeError.badRequest("The id is not valid percent-encoded UTF-8.")
        }
        return id
    }

    /// A claim id: digits.
    static func claimID(_ context: ServeContext) throws -> Int64 {
        let text = try id(context)
        guard let id = Int64(text), id > 0 else {
            throw ServeError.badRequest("A claim id is a number, as 'whosaid query' prints it, not '\(Escape.brief(text))'.")
        }
        return id
    }

    static func page(_ p: Parameters, limit: Int) throws -> Int {
        let page = try p.integer("page", in: 1...Self.deepest) ?? 1
        guard (page - 1) * limit <= Self.deepest else {
            throw ServeError.badRequest("Pages go at most \(Self.deepest) claims deep; narrow the search instead.")
        }
        return page
    }

    static let html = "text/html; charset=utf-8"
    static let json = "application/json; charset=utf-8"

    // MARK: Pages

    func search(_ p: Parameters) throws -> (HTTPResponse.Status, String, String) {
        var filter = try p.filter()
        let limit = try p.integer("limit", in: 1...Self.pageLimit) ?? 50
        let page = try Self.page(p, limit: limit)
        var shown = filter
        shown.limit = limit + 1
        shown.offset = (page - 1) * limit
        shown.newestFirst = true
        shown.reportLimit = Self.listedReports
        do {
            let claims = try query.claims(shown)
            let page = SearchPage.render(
                filter: filter, limit: limit, page: page, claims: Array(claims.prefix(limit)), more: claims.count > limit,
                error: nil, parameters: p)
            return (.ok, Self.html, page)
        } catch let error as QueryError {
            // The form stays, filled in, above what went wrong.
            let e = Self.serveError(error)
            filter.limit = nil
            let page = SearchPage.render(filter: filter, limit: limit, page: 1, claims: [], more: false, error: e, parameters: p)
            return (e.kind == .notFound ? .notFound : .badRequest, Self.html, page)
        }
    }

    func claimPage(_ context: ServeContext) throws -> (HTTPResponse.Status, String, String) {
        let id = try Self.claimID(context)
        guard let claim = try query.claim(id: id, reportLimit: Self.claimPageReports) else { throw ServeError.notFound("There is no claim \(id).") }
        return (.ok, Self.html, ClaimPage.render(claim))
    }

    func articlePage(_ context: ServeContext) throws -> (HTTPResponse.Status, String, String) {
        let id = try Self.id(context)
        guard let (view, text) = try query.article(id) else {
            throw ServeError.notFound("There is no article with the id '\(Escape.brief(id))' (a document id or row id).")
        }
        return (.ok, Self.html, ArticlePage.render(view, text: text))
    }

    func speakersPage(_ p: Parameters, sources: Bool) throws -> (HTTPResponse.Status, String, String) {
        var filter = try p.filter()
        let types = try p.types()
        filter.limit = try p.integer("limit", in: 1...Self.pageLimit) ?? 50
        if sources {
            return (.ok, Self.html, ReportPages.sources(try query.sources(filter, types: types), filter: filter, types: types, parameters: p))
        }
        return (.ok, Self.html, ReportPages.speakers(try query.speakers(filter, types: types), filter: filter, types: types, parameters: p))
    }

    func entityPage(_ p: Parameters, _ context: ServeContext) throws -> (HTTPResponse.Status, String, String) {
        let key = try Self.id(context)
        let limit = try p.integer("limit", in: 1...Self.pageLimit) ?? 50
        let page = try Self.page(p, limit: limit)
        let ids = try query.entityIDs(key)
        let view = try query.entity(ids: ids, limit: limit, offset: (page - 1) * limit, reportLimit: Self.listedReports)
        let timeline = try query.claimsOverTime(ids: ids)
        return (.ok, Self.html, EntityPage.render(view, id: key, timeline: timeline, page: page, limit: limit))
    }

    func outletPage(_ context: ServeContext) throws -> (HTTPResponse.Status, String, String) {
        let key = try Self.id(context)
        do {
            return (.ok, Self.html, OutletPage.render(try query.outlet(key)))
        } catch let QueryError.unknownName(_, name, suggestions) {
            throw ServeError.notFound(
                "No outlet is named '\(Escape.brief(name))' in the database." + (suggestions.isEmpty ? "" : " Did you mean one of these?"),
                suggestions: suggestions.map { ($0, Href.outlet(named: $0)) })
        }
    }

    // MARK: The JSON API: what the commands print with --format json

    /// `whosaid query --format json` with these parameters: all matching claims unless `limit` says
    /// (0 for all, as on the command line).
    func apiClaims(_ p: Parameters) throws -> (HTTPResponse.Status, String, String) {
        var filter = try p.filter()
        filter.limit = try p.integer("limit", in: 0...Int(Int32.max)).flatMap { $0 == 0 ? nil : $0 }
        return (.ok, Self.json, Self.jsonArray(try query.claims(filter)) { $0.write(to: &$1) })
    }

    func apiReport(_ p: Parameters, sources: Bool) throws -> (HTTPResponse.Status, String, String) {
        var filter = try p.filter()
        let types = try p.types()
        filter.limit = try p.integer("limit", in: 0...Int(Int32.max)).flatMap { $0 == 0 ? nil : $0 }
        if sources { return (.ok, Self.json, Self.jsonArray(try query.sources(filter, types: types)) { $0.write(to: &$1) }) }
        return (.ok, Self.json, Self.jsonArray(try query.speakers(filter, types: types)) { $0.write(to: &$1) })
    }

    func apiClaim(_ context: ServeContext) throws -> (HTTPResponse.Status, String, String) {
        let id = try Self.claimID(context)
        guard let claim = try query.claim(id: id) else { throw ServeError.notFound("There is no claim \(id).") }
        return (.ok, Self.json, Self.jsonObject { claim.write(to: &$0) })
    }

    func apiArticle(_ context: ServeContext) throws -> (HTTPResponse.Status, String, String) {
        let id = try Self.id(context)
        guard let (view, _) = try query.article(id) else {
            throw ServeError.notFound("There is no article with the id '\(Escape.brief(id))'.")
        }
        return (.ok, Self.json, Self.jsonObject { view.write(to: &$0) })
    }

    /// `whosaid show NAME --format json`: every claim unless `limit` says.
    func apiEntity(_ p: Parameters, _ context: ServeContext) throws -> (HTTPResponse.Status, String, String) {
        let key = try Self.id(context)
        let limit = try p.integer("limit", in: 0...Int(Int32.max)).flatMap { $0 == 0 ? nil : $0 }
        let view = try query.entity(ids: try query.entityIDs(key), limit: limit)
        return (.ok, Self.json, Self.jsonObject { view.write(to: &$0) })
    }

    static func jsonArray<T>(_ items: [T], _ write: (T, inout JSONWriter) -> Void) -> String {
        var w = JSONWriter()
        w.beginArray()
        for item in items { write(item, &w) }
        w.endArray()
        return String(decoding: w.bytes, as: UTF8.self) + "\n"
    }

    static func jsonObject(_ write: (inout JSONWriter) -> Void) -> String {
        var w = JSONWriter()
        write(&w)
        return String(decoding: w.bytes, as: UTF8.self) + "\n"
    }
}

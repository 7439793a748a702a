import Foundation
import Hummingbird
import Logging
import WhoSaidAggregate
import WhoSaidStore

/// `whosaid serve`: the store browsed in server-rendered pages and a JSON API, read-only.
///
/// The public surface is this type: make it on a store opened read-only, then ``run(host:port:)``
/// it, or hand ``application(host:port:)`` to HummingbirdTesting.
public struct WhoSaidServer: Sendable {
    let routes: ServeRoutes

    /// A server over `store` (open it with `readOnly: true`). `cache` keeps rendered pages by URL
    /// until the store changes.
    public init(store: SQLiteStore, cache: Bool = true) {
        routes = ServeRoutes(store: store, cache: cache ? ResponseCache() : nil)
    }

    /// The application: every route behind the access log and the security headers.
    public func application(host: String = "127.0.0.1", port: Int = 8080, accessLog: Bool = true)
        -> some ApplicationProtocol
    {
        let router = Router(context: ServeContext.self)
        routes.add(to: router)
        var logger = Logger(label: "whosaid-serve")
        logger.logLevel = .error
        return Application(
            responder: Frame(inner: router.buildResponder(), accessLog: accessLog),
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                let address = channel.localAddress.map { "http://\(host.contains(":") ? "[\(host)]" : host):\($0.port ?? port)/" }
                FileHandle.standardError.write(Data("whosaid serve: listening on \(address ?? host) (Ctrl-C stops)\n".utf8))
            },
            logger: logger)
    }

    /// Serves until SIGINT or SIGTERM, then finishes the requests in flight and returns.
    public func run(host: String, port: Int) async throws {
        try await application(host: host, port: port).runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }
}

/// Around the router: one access-log line on stderr per request, the security headers, HEAD answered
/// as GET without the body, other methods refused, and an error page for whatever the routes did not
/// answer (an unknown path).
struct Frame<Inner: HTTPResponder>: HTTPResponder where Inner.Context == ServeContext {
    typealias Context = ServeContext
    let inner: Inner
    let accessLog: Bool

    func respond(to request: Request, context: ServeContext) async throws -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        var response: Response
        do {
            switch request.method {
            case .get:
                response = try await inner.respond(to: request, context: context)
            case .head:
                // A GET's status and headers without its body.
                var head = request.head
                head.method = .get
                let full = try await inner.respond(to: Request(head: head, body: request.body), context: context)
                response = Response(status: full.status, headers: full.headers, body: .init())
            default:
                response = Responses.html(
                    Layout.error(.badRequest("The server is read-only: its pages answer GET and HEAD only.")),
                    status: .methodNotAllowed)
                response.headers[.allow] = "GET, HEAD"
            }
            if response.status == .notFound, response.headers[.contentType] == nil {
                throw HTTPError(.notFound)  // the router's own answer to an unknown path: our page instead
            }
        } catch let error as HTTPError {
            let status = error.status
            let message = status == .notFound
                ? "There is no page at this address." : "The server cannot answer this request (\(status.code) \(status.reasonPhrase))."
            response = Responses.html(
                Layout.error(ServeError(kind: status == .notFound ? .notFound : .badRequest, message: message)), status: status)
        } catch {
            response = Responses.html(
                Layout.error(ServeError(kind: .badRequest, message: "The store could not be read: \(Escape.brief("\(error)", limit: 200))")),
                status: .internalServerError)
        }
        response.headers[.contentSecurityPolicy] = Responses.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.init("Referrer-Policy")!] = "no-referrer"
        if accessLog {
            let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
            let peer = context.remoteAddress?.ipAddress ?? "-"
            let target = Escape.brief(request.uri.string, limit: 300).unicodeScalars.map {
                $0.value < 0x20 || $0.value == 0x7F ? "?" : String($0)
            }.joined()
            let line = "\(Date().ISO8601Format()) \(peer) \(request.method) \(target) \(response.status.code) \(String(format: "%.1f", ms)) ms\n"
            FileHandle.standardError.write(Data(line.utf8))
        }
        return response
    }
}

/// Responses of the server.
enum Responses {
    /// Scripts from nowhere, styles and images from the server only, forms to the server only.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    static func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        make(status: status, contentType: "text/html; charset=utf-8", body: ByteBuffer(string: page))
    }

    static func make(status: HTTPResponse.Status, contentType: String, body: ByteBuffer) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.contentLength] = String(body.readableBytes)
        return Response(status: status, headers: headers, body: .init(byteBuffer: body))
    }
}

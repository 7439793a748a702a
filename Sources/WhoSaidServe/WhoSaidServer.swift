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
        router.add(middleware: Frame(accessLog: accessLog))
        routes.add(to: router)
        var logger = Logger(label: "whosaid-serve")
        logger.logLevel = .error
        return Application(
            router: router,
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

/// Around every response: one access-log line on stderr, the security headers, and an error page for
/// whatever the routes did not answer (an unknown path, a method other than GET).
struct Frame: RouterMiddleware {
    typealias Context = ServeContext
    let accessLog: Bool

    /// Scripts from nowhere, styles and images from the server only, forms to the server only.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    func handle(
        _ request: Request, context: ServeContext, next: (Request, ServeContext) async throws -> Response
    ) async throws -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        var response: Response
        do {
            response = try await next(request, context)
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
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
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

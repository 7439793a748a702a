import ArgumentParser
import WhoSaidServe
import WhoSaidStore

extension WhoSaid {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Browse the store in a web browser: search, claims, articles, speakers, outlets, and a JSON API.",
            discussion: """
                Serves read-only pages of the store (the database is opened read-only: nothing a request \
                does changes it) on http://HOST:PORT/, loopback only unless --host says otherwise. One \
                line per request goes to stderr; Ctrl-C (or SIGTERM) stops it after the requests in flight. \
                Pages: / (search, the filters of 'whosaid query' as URL parameters), /claims/ID, \
                /articles/ID, /speakers, /sources, /entities/ID, /outlets/ID; JSON under /api/ \
                (docs/api.md).
                """
        )

        @OptionGroup var database: DatabaseOptions

        @Option(help: ArgumentHelp("The address to listen on (127.0.0.1: this machine only).", valueName: "host"))
        var host = "127.0.0.1"

        @Option(help: "The port to listen on (0 picks a free one).")
        var port = 8080

        @Flag(help: "Render every page afresh instead of keeping rendered pages until the store changes.")
        var noCache = false

        func validate() throws {
            guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
        }

        func run() async throws {
            let store: SQLiteStore
            do {
                store = try SQLiteStore(path: database.resolved, create: false, readOnly: true)
            } catch let error as StoreError {
                Output.warn(error.description)
                throw ExitCode(2)
            }
            try await WhoSaidServer(store: store, cache: !noCache).run(host: host, port: port)
        }
    }
}

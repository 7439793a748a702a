import ArgumentParser
import Foundation

/// `--db PATH`, shared by the commands that use the store.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "The WhoSaid database (default: $WHOSAID_DB, else ./whosaid.sqlite).", valueName: "path"))
    var path: String?

    /// The database path: `--db`, then `WHOSAID_DB`, then `whosaid.sqlite` in the current directory.
    var resolved: String {
        if let path { return path }
        if let env = ProcessInfo.processInfo.environment["WHOSAID_DB"], !env.isEmpty { return env }
        return "whosaid.sqlite"
    }
}

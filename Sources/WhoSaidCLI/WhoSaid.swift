import ArgumentParser

@main
struct WhoSaid: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whosaid",
        abstract: "Who said what: extract news articles from pages and text dumps, and find their quotes.",
        version: "0.1.0",
        subcommands: [
            Extract.self, Summary.self, Ingest.self, Stats.self, Query.self, Speakers.self, Sources.self, Show.self,
            Export.self, Serve.self,
        ]
    )
}

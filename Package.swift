// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "WhoSaid",
    products: [
        .executable(name: "whosaid", targets: ["WhoSaidCLI"]),
        .library(name: "WhoSaidCore", targets: ["WhoSaidCore"]),
        .library(name: "WhoSaidExtract", targets: ["WhoSaidExtract"]),
        .library(name: "WhoSaidAnalysis", targets: ["WhoSaidAnalysis"]),
        .library(name: "WhoSaidStore", targets: ["WhoSaidStore"]),
        .library(name: "WhoSaidIngest", targets: ["WhoSaidIngest"]),
        .library(name: "WhoSaidAggregate", targets: ["WhoSaidAggregate"]),
        .library(name: "WhoSaidServe", targets: ["WhoSaidServe"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // A CSV parser for the export tests (RFC 4180 round trips); the export writes its own bytes for speed.
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        // The HTTP server of `whosaid serve` (SwiftNIO underneath), and its in-process test client.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        // Already under Hummingbird; named for the logger it takes and the peer address in the access log.
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
    ],
    targets: [
        // C libraries, found through pkg-config.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),

        // The data model every stage shares: a document, its text and code-point spans.
        // Its one resource is the outlet list (outlets.tsv), read by extraction and analysis alike.
        .target(name: "WhoSaidCore", resources: [.copy("Resources")]),

        // Stage 1: pages, text dumps and archives in, documents out.
        .target(
            name: "WhoSaidExtract",
            dependencies: ["WhoSaidCore", "CLibXML2", "CZlib"]
        ),

        // Stage 2 (analysis), its text layer first: tokens, sentences, stop words.
        .target(
            name: "WhoSaidAnalysis",
            dependencies: ["WhoSaidCore"],
            resources: [.copy("Resources")]
        ),

        // Storage: analysed documents in an embedded SQLite database (GRDB), behind a small interface.
        .target(
            name: "WhoSaidStore",
            dependencies: ["WhoSaidCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),

        // Batch ingest: dumps (directories, WARC, JSON Lines) → extract → analyse → store, in parallel.
        .target(
            name: "WhoSaidIngest",
            dependencies: ["WhoSaidCore", "WhoSaidExtract", "WhoSaidAnalysis", "WhoSaidStore"]
        ),

        // Questions across articles: claims by speaker, source, outlet, faction, text and date.
        .target(
            name: "WhoSaidAggregate",
            dependencies: [
                "WhoSaidCore", "WhoSaidStore", .product(name: "GRDB", package: "GRDB.swift"),
                // The C API, to stream export rows without making strings of them.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),

        // `whosaid serve`: the store browsed in a web page and a JSON API, read-only (Hummingbird).
        // Routing (ServeRoutes) is kept apart from the pages (Pages/), which are plain functions to HTML.
        .target(
            name: "WhoSaidServe",
            dependencies: [
                "WhoSaidCore", "WhoSaidStore", "WhoSaidAggregate",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),

        // The thin command-line front end.
        .executableTarget(
            name: "WhoSaidCLI",
            dependencies: [
                "WhoSaidCore",
                "WhoSaidExtract",
                "WhoSaidAnalysis",
                "WhoSaidStore",
                "WhoSaidIngest",
                "WhoSaidAggregate",
                "WhoSaidServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Throughput figures for scripts/bench (built in release mode there).
        .executableTarget(
            name: "WhoSaidBench",
            dependencies: [
                "WhoSaidExtract", "WhoSaidAnalysis", "WhoSaidCore", "WhoSaidStore", "WhoSaidAggregate",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),

        // Trains the attribution model on PolNeAR (scripts/train-attribution); not part of the product.
        .executableTarget(
            name: "WhoSaidTrain",
            dependencies: ["WhoSaidAnalysis", "WhoSaidCore"]
        ),

        .testTarget(name: "WhoSaidCoreTests", dependencies: ["WhoSaidCore"]),
        .testTarget(
            name: "WhoSaidExtractTests",
            dependencies: ["WhoSaidExtract", "WhoSaidCore", "CZlib"]
        ),
        .testTarget(
            name: "WhoSaidAnalysisTests",
            // Extraction too, for the golden tests that run the whole pipeline on corpus/ pages.
            dependencies: ["WhoSaidAnalysis", "WhoSaidCore", "WhoSaidExtract"]
        ),
        .testTarget(
            name: "WhoSaidStoreTests",
            dependencies: ["WhoSaidStore", "WhoSaidCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "WhoSaidIngestTests",
            dependencies: [
                "WhoSaidIngest", "WhoSaidStore", "WhoSaidExtract", "WhoSaidCore",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "WhoSaidAggregateTests",
            dependencies: [
                "WhoSaidAggregate", "WhoSaidStore", "WhoSaidCore", .product(name: "CSV", package: "CSV.swift"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "WhoSaidServeTests",
            dependencies: [
                "WhoSaidServe", "WhoSaidAggregate", "WhoSaidStore", "WhoSaidIngest", "WhoSaidCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                // To plant the XSS probe's speaker in the test store.
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Browser"]
        ),
        .testTarget(
            name: "WhoSaidCLITests",
            dependencies: ["WhoSaidCore", "WhoSaidStore"]
        ),
    ]
)

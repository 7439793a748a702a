import Foundation
import GRDB
import WhoSaidCore

/// The embedded store: one SQLite file (WAL mode, foreign keys on), through GRDB.
///
/// Opening checks the file before anything is written: a file that is not SQLite, an SQLite database
/// WhoSaid did not create (its `application_id`), or one whose schema is newer than this binary's is
/// refused with a ``StoreError`` and left exactly as it was.
public final class SQLiteStore: DocumentStore {
    public let path: String
    private let pool: DatabasePool
    private let readOnly: Bool

    /// The schema version this binary creates and understands.
    public static var schemaVersion: Int { Schema.version }

    /// Opens (and migrates) the database at `path`; creates it when `create` is true and there is no
    /// file yet. With `readOnly`, nothing is ever written (no creation, no migration): the database
    /// must exist and have this binary's schema.
    public init(path: String, create: Bool = true, readOnly: Bool = false) throws {
        self.path = path
        self.readOnly = readOnly
        let version = try SQLiteStore.check(path: path, create: create && !readOnly)
        var config = Configuration()
        config.busyMode = .timeout(30)
        config.readonly = readOnly
        config.prepareDatabase { db in
            // Reading connections read the first 256 MB of the file straight from a memory map
            // rather than copied in by read(2), which is a good part of an export's time, and keep
            // 64 MB of pages (an export reads each article's page once per report). Mapped pages count
            // as resident memory, hence the bounds (and neither for the writer: ingest reads little).
            if db.configuration.readonly {
                try db.execute(sql: "PRAGMA mmap_size = 268435456")
                try db.execute(sql: "PRAGMA cache_size = -65536")
            }
            // WAL with NORMAL sync: a killed process loses at most the transaction in flight.
            if !readOnly { try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        }
        if readOnly {
            guard let version, version > 0 else { throw StoreError.missing(path: path) }
            guard version == Schema.version else {
                throw StoreError.unusable(
                    path: path, reason: "schema version \(version) is older than this whosaid's (\(Schema.version));"
                        + " run 'whosaid ingest' on it to upgrade it")
            }
        }
        pool = try SQLiteStore.retryingWhileBusy(path: path) {
            let pool = try DatabasePool(path: path, configuration: config)
            if !readOnly, try !pool.read({ try Schema.migrator.hasCompletedMigrations($0) }) {
                try Schema.migrator.migrate(pool)
            }
            return pool
        }
    }

    /// Runs `body` again while another process holds the database (creating or migrating it at the
    /// same moment: SQLite reports "database is locked" at once for a journal-mode switch or a
    /// read-to-write upgrade, whatever the busy timeout, and a migration raced by another process
    /// fails until it sees that process's tables).
    static func retryingWhileBusy<T>(path: String, _ body: () throws -> T) throws -> T {
        var attempt = 0
        while true {
            do {
                return try body()
            } catch let error as DatabaseError {
                if error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
                    throw StoreError.notADatabase(path: path)
                }
                // Busy, locked, or a raced migration ("table … already exists"); anything else (cannot
                // open, read-only, disk full) fails at once.
                let raced: [ResultCode] = [.SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_ERROR]
                attempt += 1
                if attempt >= 100 || !raced.contains(error.resultCode) {
                    throw StoreError.unusable(path: path, reason: error.message ?? "\(error)")
                }
                usleep(50_000)
            }
        }
    }

    /// Refuses files that are not WhoSaid databases this binary can use, without writing to them.
    /// Returns the schema version found (0 for an empty database), nil when there is no file yet.
    @discardableResult
    static func check(path: String, create: Bool) throws -> Int? {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
            if create { return nil }
            throw StoreError.missing(path: path)
        }
        if isDirectory.boolValue { throw StoreError.unusable(path: path, reason: "is a directory") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.unusable(path: path, reason: "cannot read the file")
        }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        try? handle.close()
        if header.isEmpty { return 0 }  // an empty file is an empty SQLite database
        guard header.count >= 100, header.starts(with: Array("SQLite format 3\0".utf8)) else {
            throw StoreError.notADatabase(path: path)
        }
        var config = Configuration()
        config.readonly = true
        let found = try retryingWhileBusy(path: path) {
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            // One statement, so that all three come from one snapshot of a database another process
            // may be creating right now. GRDB's bookkeeping table is created (and committed) before the
            // first migration runs: a database holding only that (and its index) is one being created.
            let row = try queue.read { db in
                try Row.fetchOne(db, sql: """
                    SELECT (SELECT application_id FROM pragma_application_id),
                           (SELECT user_version FROM pragma_user_version),
                           (SELECT COUNT(*) FROM sqlite_master WHERE tbl_name <> 'grdb_migrations')
                    """)
            }
            return (
                applicationID: Int32(truncatingIfNeeded: row?[0] as Int? ?? 0), version: row?[1] as Int? ?? 0,
                objects: row?[2] as Int? ?? 0
            )
        }
        if found.applicationID == 0 && found.objects == 0 { return 0 }  // an empty SQLite database
        guard found.applicationID == Schema.applicationID else { throw StoreError.notWhoSaid(path: path) }
        if found.version > Schema.version {
            throw StoreError.newerSchema(path: path, found: found.version, known: Schema.version)
        }
        return found.version
    }

    /// Closes the database, checkpointing the write-ahead log into the main file.
    public func close() throws {
        // The pool's last connection to close is a read-only reader, which cannot checkpoint: do it here.
        if !readOnly {
            try pool.writeWithoutTransaction { db in _ = try Row.fetchAll(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        }
        try pool.close()
    }

    /// Runs read-only SQL (for queries and tests); see docs/store.md for the tables.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.read(body)
    }

    public func contains(contentHash: String) throws -> Bool {
        try pool.read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM articles WHERE content_hash = ?)", arguments: [contentHash])
                ?? false
        }
    }

    public func write(_ batch: StoreBatch) throws -> StoreOutcome {
        let now = ISO8601DateFormatter().string(from: Date())
        return try pool.write { db in
            var outcome = StoreOutcome()
            for item in batch.documents {
                if try ArticleWriter.insert(item, at: now, in: db) {
                    // The article's claims and reports join the cross-article aggregates in this transaction.
                    try ClaimAggregator.add(contentHash: item.contentHash, in: db)
                    outcome.stored += 1
                } else {
                    outcome.duplicates += 1
                }
            }
            for failure in batch.failures {
                try db.cachedStatement(
                    sql: "INSERT OR IGNORE INTO ingest_errors (source, reason, recorded_at) VALUES (?, ?, ?)"
                ).execute(arguments: [failure.path, failure.error, now])
            }
            return outcome
        }
    }

    public func stats() throws -> StoreStats {
        try pool.read { db in
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
            func names(_ kind: String) throws -> Int {
                try count("SELECT COUNT(DISTINCT name) FROM entities WHERE kind = '\(kind)'")
            }
            var s = StoreStats()
            s.articles = try count("SELECT COUNT(*) FROM articles")
            s.quotes = try count("SELECT COUNT(*) FROM quotes")
            s.people = try names("person")
            s.organizations = try names("organization")
            s.factions = try names("faction")
            s.outlets = try count("""
                SELECT COUNT(*) FROM (SELECT name FROM entities WHERE kind = 'outlet'
                UNION SELECT outlet FROM articles WHERE outlet IS NOT NULL)
                """)
            s.errors = try count("SELECT COUNT(*) FROM ingest_errors")
            return s
        }
    }

    /// A stored article's identity: its row id, content hash and source, in row-id order.
    public struct ArticleKey: Sendable, Equatable {
        public var id: Int64
        public var contentHash: String
        public var source: String
    }

    public func articleKeys() throws -> [ArticleKey] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, content_hash, source FROM articles ORDER BY id").map {
                ArticleKey(id: $0["id"], contentHash: $0["content_hash"], source: $0["source"])
            }
        }
    }

    /// A quote found by full-text search.
    public struct QuoteHit: Sendable, Equatable {
        public var articleID: Int64
        public var speaker: String?
        public var text: String
    }

    /// Quotes whose text matches an FTS5 query (`pier AND june`, `"reopen the pier"`), best first.
    public func searchQuotes(_ query: String, limit: Int = 20) throws -> [QuoteHit] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT quotes.article_id, quotes.speaker_name, quotes.text FROM quotes_fts
                    JOIN quotes ON quotes.id = quotes_fts.rowid
                    WHERE quotes_fts MATCH ? ORDER BY rank LIMIT ?
                    """,
                arguments: [query, limit]
            ).map { QuoteHit(articleID: $0[0], speaker: $0[1], text: $0[2]) }
        }
    }

    /// Row ids of articles whose title or text matches an FTS5 query, best first.
    public func searchArticles(_ query: String, limit: Int = 20) throws -> [Int64] {
        try pool.read { db in
            try Int64.fetchAll(
                db, sql: "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
                arguments: [query, limit])
        }
    }
}

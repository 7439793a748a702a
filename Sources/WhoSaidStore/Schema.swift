import GRDB

/// The WhoSaid schema, as versioned GRDB migrations. Never edit a migration once it has shipped: add
/// a new one (and raise ``Schema/version``). docs/store.md describes the tables.
enum Schema {
    /// `PRAGMA application_id` of every WhoSaid database: "WSAY" in ASCII.
    static let applicationID: Int32 = 0x5753_4159
    /// `PRAGMA user_version` after all migrations this binary knows; a database with a higher one was
    /// written by a newer whosaid.
    static let version = 1

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: v1)
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: "PRAGMA user_version = 1")
        }
        return migrator
    }

    private static let v1 = """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            doc_id TEXT NOT NULL,
            source TEXT NOT NULL,
            url TEXT,
            title TEXT,
            authors TEXT NOT NULL DEFAULT '[]',
            published TEXT,
            outlet TEXT,
            language TEXT,
            text TEXT NOT NULL,
            paragraphs TEXT NOT NULL DEFAULT '[]',
            content_hash TEXT NOT NULL UNIQUE,
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX articles_outlet ON articles(outlet);
        CREATE INDEX articles_published ON articles(published);
        CREATE INDEX articles_source ON articles(source);

        CREATE TABLE entities (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            local_id TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('person', 'organization', 'outlet', 'faction')),
            name TEXT NOT NULL,
            aliases TEXT NOT NULL DEFAULT '[]',
            roles TEXT NOT NULL DEFAULT '[]',
            affiliations TEXT NOT NULL DEFAULT '[]',
            factions TEXT NOT NULL DEFAULT '[]',
            UNIQUE (article_id, local_id)
        );
        CREATE INDEX entities_kind_name ON entities(kind, name);

        CREATE TABLE mentions (
            entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            CHECK (0 <= start AND start <= "end")
        );
        CREATE INDEX mentions_entity ON mentions(entity_id);

        CREATE TABLE quotes (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            local_id TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('direct', 'indirect', 'mixed')),
            speaker_name TEXT,
            speaker_type TEXT CHECK (speaker_type IN ('person', 'outlet', 'organization', 'group', 'anonymous')),
            speaker_entity_id INTEGER REFERENCES entities(id) ON DELETE SET NULL,
            speaker_start INTEGER,
            speaker_end INTEGER,
            speaker_text TEXT,
            cue_start INTEGER,
            cue_end INTEGER,
            cue_text TEXT,
            text TEXT NOT NULL,
            via TEXT,
            confidence REAL NOT NULL,
            UNIQUE (article_id, local_id),
            CHECK (speaker_start IS NULL OR speaker_start <= speaker_end),
            CHECK (cue_start IS NULL OR cue_start <= cue_end)
        );
        CREATE INDEX quotes_article ON quotes(article_id);
        CREATE INDEX quotes_speaker_name ON quotes(speaker_name);
        CREATE INDEX quotes_speaker_entity ON quotes(speaker_entity_id);

        CREATE TABLE quote_contents (
            quote_id INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            PRIMARY KEY (quote_id, position),
            CHECK (0 <= start AND start <= "end")
        ) WITHOUT ROWID;

        CREATE TABLE ingest_errors (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            reason TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            UNIQUE (source, reason)
        );

        CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='id');
        CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
            INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
        END;
        CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
            INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
        END;
        CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text ON quotes BEGIN
            INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
            INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
        END;

        CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id');
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
        END;
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
        END;
        CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
        END;
        """
}

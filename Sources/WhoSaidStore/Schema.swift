import GRDB

/// The WhoSaid schema, as versioned GRDB migrations. Never edit a migration once it has shipped: add
/// a new one (and raise ``Schema/version``). docs/store.md describes the tables.
enum Schema {
    /// `PRAGMA application_id` of every WhoSaid database: "WSAY" in ASCII.
    static let applicationID: Int32 = 0x5753_4159
    /// `PRAGMA user_version` after all migrations this binary knows; a database with a higher one was
    /// written by a newer whosaid.
    static let version = 7

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: v1)
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: "PRAGMA user_version = 1")
        }
        migrator.registerMigration("v2") { db in
            try db.execute(sql: v2)
            // The aggregates of articles stored under v1 are added by v5 (v2 used to add them here, and
            // then v3; v5 rebuilds whatever a database holds).
            try db.execute(sql: "PRAGMA user_version = 2")
        }
        migrator.registerMigration("v3") { db in
            try db.execute(sql: v3)
            // The claims are rebuilt by v5, which runs right after (v3 used to index the claims stored
            // under v2, or aggregate the articles stored under v1, here).
            try db.execute(sql: "PRAGMA user_version = 3")
        }
        migrator.registerMigration("v4") { db in
            try db.execute(sql: v4)
            try db.execute(sql: "PRAGMA user_version = 4")
        }
        migrator.registerMigration("v5") { db in
            try db.execute(sql: v5)
            // Speakers described rather than named were one entity across articles before v5: the
            // cross-article tables are rebuilt from the stored articles, as ingesting them afresh would
            // (by v6 now, which runs right after: the aggregator writes the columns v6 adds).
            try db.execute(sql: "PRAGMA user_version = 5")
        }
        migrator.registerMigration("v6") { db in
            try db.execute(sql: v6)
            // Partial names joined to full ones, dates as UTC sort keys: the cross-article tables are
            // rebuilt from the stored articles, as ingesting them afresh would.
            try ClaimAggregator.rebuildAll(in: db)
            try db.execute(sql: "PRAGMA user_version = 6")
        }
        migrator.registerMigration("v7") { db in
            try db.execute(sql: v7)
            try db.execute(sql: "PRAGMA user_version = 7")
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

    /// Cross-article aggregates, kept by ``ClaimAggregator`` in the transaction that stores each article.
    private static let v2 = """
        CREATE TABLE canonical_entities (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('person', 'organization', 'outlet', 'faction', 'group', 'anonymous')),
            name TEXT NOT NULL,
            key TEXT NOT NULL,
            UNIQUE (kind, key)
        );

        CREATE TABLE canonical_aliases (
            alias_key TEXT NOT NULL,
            entity_id INTEGER NOT NULL REFERENCES canonical_entities(id) ON DELETE CASCADE,
            alias TEXT NOT NULL,
            PRIMARY KEY (alias_key, entity_id)
        ) WITHOUT ROWID;
        CREATE INDEX canonical_aliases_entity ON canonical_aliases(entity_id);

        CREATE TABLE entity_links (
            entity_id INTEGER PRIMARY KEY REFERENCES entities(id) ON DELETE CASCADE,
            canonical_id INTEGER NOT NULL REFERENCES canonical_entities(id) ON DELETE CASCADE
        );
        CREATE INDEX entity_links_canonical ON entity_links(canonical_id);

        CREATE TABLE claims (
            id INTEGER PRIMARY KEY,
            speaker_id INTEGER REFERENCES canonical_entities(id) ON DELETE SET NULL,
            speaker_name TEXT,
            speaker_type TEXT,
            affiliation_id INTEGER REFERENCES canonical_entities(id) ON DELETE SET NULL,
            via_id INTEGER REFERENCES canonical_entities(id) ON DELETE SET NULL,
            kind TEXT NOT NULL CHECK (kind IN ('direct', 'indirect', 'mixed')),
            cue TEXT,
            text TEXT NOT NULL,
            text_key TEXT NOT NULL,
            words INTEGER NOT NULL,
            reports INTEGER NOT NULL DEFAULT 0,
            first_reported TEXT
        );
        CREATE INDEX claims_speaker_key ON claims(speaker_id, text_key);
        CREATE INDEX claims_affiliation ON claims(affiliation_id);
        CREATE INDEX claims_via ON claims(via_id);
        CREATE INDEX claims_first_reported ON claims(first_reported);

        CREATE TABLE claim_factions (
            claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            faction_id INTEGER NOT NULL REFERENCES canonical_entities(id) ON DELETE CASCADE,
            PRIMARY KEY (claim_id, faction_id)
        ) WITHOUT ROWID;
        CREATE INDEX claim_factions_faction ON claim_factions(faction_id);

        CREATE TABLE reports (
            id INTEGER PRIMARY KEY,
            claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            quote_id INTEGER NOT NULL UNIQUE REFERENCES quotes(id) ON DELETE CASCADE,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            outlet_id INTEGER REFERENCES canonical_entities(id) ON DELETE SET NULL,
            published TEXT,
            start INTEGER,
            "end" INTEGER,
            CHECK (start IS NULL OR start <= "end")
        );
        CREATE INDEX reports_claim ON reports(claim_id);
        CREATE INDEX reports_article ON reports(article_id);
        CREATE INDEX reports_outlet ON reports(outlet_id);
        CREATE INDEX reports_published ON reports(published);

        CREATE VIRTUAL TABLE claims_fts USING fts5(text, content='claims', content_rowid='id');
        CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
            INSERT INTO claims_fts(rowid, text) VALUES (new.id, new.text);
        END;
        CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
            INSERT INTO claims_fts(claims_fts, rowid, text) VALUES ('delete', old.id, old.text);
        END;
        CREATE TRIGGER claims_fts_update AFTER UPDATE OF text ON claims BEGIN
            INSERT INTO claims_fts(claims_fts, rowid, text) VALUES ('delete', old.id, old.text);
            INSERT INTO claims_fts(rowid, text) VALUES (new.id, new.text);
        END;
        """

    /// The near-duplicate index (see ``ClaimAggregator``): a hash of each claim's normalised text, and
    /// the hashes of all its runs of ``ClaimAggregator/minimumContainedWords`` words. Derived from
    /// `claims`, which nothing deletes, so `claim_shingles` has no foreign key.
    ///
    /// And indexes that give a speaker's, a source's or a faction's claims in the order queries list
    /// them (first reported first, undated last: `COALESCE(first_reported, '~')`, then id), so a query
    /// for the first 50 reads 50 index entries instead of sorting all of them. `claim_factions` keeps a
    /// copy of its claim's sort date for this.
    private static let v3 = """
        ALTER TABLE claims ADD COLUMN key_hash INTEGER;
        CREATE INDEX claims_speaker_hash ON claims(speaker_id, key_hash);
        CREATE TABLE claim_shingles (
            speaker_id INTEGER NOT NULL,
            shingle INTEGER NOT NULL,
            claim_id INTEGER NOT NULL,
            PRIMARY KEY (speaker_id, shingle, claim_id)
        ) WITHOUT ROWID;

        DROP INDEX claims_affiliation;
        DROP INDEX claims_via;
        DROP INDEX claims_first_reported;
        CREATE INDEX claims_speaker_date ON claims(speaker_id, COALESCE(first_reported, '~'));
        CREATE INDEX claims_affiliation_date ON claims(affiliation_id, COALESCE(first_reported, '~'));
        CREATE INDEX claims_via_date ON claims(via_id, COALESCE(first_reported, '~'));
        CREATE INDEX claims_date ON claims(COALESCE(first_reported, '~'));

        ALTER TABLE claim_factions ADD COLUMN sort_date TEXT NOT NULL DEFAULT '~';
        UPDATE claim_factions SET sort_date = (SELECT COALESCE(first_reported, '~') FROM claims WHERE id = claim_id);
        DROP INDEX claim_factions_faction;
        CREATE INDEX claim_factions_faction_date ON claim_factions(faction_id, sort_date, claim_id);
        """

    /// Indexes on `articles`, whose rows hold whole texts and run over several pages each: the columns
    /// an export row shows of its article (read from this index, a few megabytes, instead of from the
    /// rows), and the document id that `--article` and `show` look articles up by.
    private static let v4 = """
        CREATE INDEX articles_head ON articles(id, doc_id, title, outlet, url);
        CREATE INDEX articles_doc ON articles(doc_id);
        """

    /// Speakers confined to their article (``SpeakerScope``): `article_id` is the article (row id) a
    /// described speaker (*a spokesman*, *The survey*) belongs to, NULL for entities across articles;
    /// derived like the rest of the aggregates, so without a foreign key. And the index through which
    /// an anonymous quote joins the same quote of another article's speaker for the same organisation.
    private static let v5 = """
        ALTER TABLE canonical_entities ADD COLUMN article_id INTEGER;
        CREATE INDEX claims_affiliation_hash ON claims(affiliation_id, key_hash);
        """

    /// Names joined across articles (``EntityJoiner``): `merged_into` is the entity a name is joined
    /// to (NULL when it is its own), `surname` the last word of a person's key, which people that
    /// may be joined share. A claim keeps the entity its speaker was named as (`named_speaker_id`,
    /// what near-duplicates are found under) apart from the one it is listed under (`speaker_id`).
    /// `reports.published` and `claims.first_reported` become UTC sort keys (``PublishedDate``),
    /// filled by the rebuild that follows.
    private static let v6 = """
        ALTER TABLE canonical_entities ADD COLUMN merged_into INTEGER;
        ALTER TABLE canonical_entities ADD COLUMN surname TEXT;
        CREATE INDEX canonical_entities_surname ON canonical_entities(surname) WHERE surname IS NOT NULL;
        CREATE INDEX canonical_entities_merged ON canonical_entities(merged_into) WHERE merged_into IS NOT NULL;
        ALTER TABLE claims ADD COLUMN named_speaker_id INTEGER;
        DROP INDEX claims_speaker_key;
        DROP INDEX claims_speaker_hash;
        CREATE INDEX claims_named_key ON claims(named_speaker_id, text_key);
        CREATE INDEX claims_named_hash ON claims(named_speaker_id, key_hash);
        """

    /// The wire service an article credits (`articles.wire`, the document's `wire`). And documents that
    /// speak (`The survey found`, `a statement from the council said`): the speaker type `document`, for
    /// quotes and for the entities across articles. SQLite cannot change a CHECK in
    /// place, so both tables are made anew with the same columns, rows, ids, indexes and triggers (the
    /// full-text index of `quotes` reads it by id, so it stays valid).
    private static let v7 = """
        ALTER TABLE articles ADD COLUMN wire TEXT;

        CREATE TABLE quotes_v7 (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            local_id TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('direct', 'indirect', 'mixed')),
            speaker_name TEXT,
            speaker_type TEXT CHECK (speaker_type IN ('person', 'outlet', 'organization', 'group', 'anonymous', 'document')),
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
        INSERT INTO quotes_v7 SELECT id, article_id, local_id, kind, speaker_name, speaker_type, speaker_entity_id,
            speaker_start, speaker_end, speaker_text, cue_start, cue_end, cue_text, text, via, confidence FROM quotes;
        DROP TABLE quotes;
        ALTER TABLE quotes_v7 RENAME TO quotes;
        CREATE INDEX quotes_article ON quotes(article_id);
        CREATE INDEX quotes_speaker_name ON quotes(speaker_name);
        CREATE INDEX quotes_speaker_entity ON quotes(speaker_entity_id);
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

        CREATE TABLE canonical_entities_v7 (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('person', 'organization', 'outlet', 'faction', 'group', 'anonymous', 'document')),
            name TEXT NOT NULL,
            key TEXT NOT NULL,
            article_id INTEGER,
            merged_into INTEGER,
            surname TEXT,
            UNIQUE (kind, key)
        );
        INSERT INTO canonical_entities_v7 SELECT id, kind, name, key, article_id, merged_into, surname FROM canonical_entities;
        DROP TABLE canonical_entities;
        ALTER TABLE canonical_entities_v7 RENAME TO canonical_entities;
        CREATE INDEX canonical_entities_surname ON canonical_entities(surname) WHERE surname IS NOT NULL;
        CREATE INDEX canonical_entities_merged ON canonical_entities(merged_into) WHERE merged_into IS NOT NULL;
        """
}

import type { Migration } from '../migrate';

/**
 * The first schema: settings, the institutions registry and the change log.
 * Ids are UUIDs, not autoincrement, because assessments will travel between offline machines and be
 * merged at head office. Every record says who changed it and when, and carries a revision number so
 * an edit based on stale data is refused instead of silently overwriting someone else's work.
 */
export const initialSchema: Migration = {
  version: 1,
  name: '001-initial',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE institutions (
        id                  TEXT PRIMARY KEY,
        name_en             TEXT NOT NULL,
        name_bn             TEXT NOT NULL DEFAULT '',
        registration_body   TEXT NOT NULL,
        registration_number TEXT NOT NULL DEFAULT '',
        type                TEXT NOT NULL,
        division            TEXT NOT NULL,
        district            TEXT NOT NULL,
        address             TEXT NOT NULL DEFAULT '',
        head_name           TEXT NOT NULL DEFAULT '',
        contact_phone       TEXT NOT NULL DEFAULT '',
        contact_email       TEXT NOT NULL DEFAULT '',
        sectors             TEXT NOT NULL DEFAULT '[]',
        archived            INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
        revision            INTEGER NOT NULL DEFAULT 0,
        created_at          TEXT NOT NULL,
        created_by          TEXT NOT NULL,
        updated_at          TEXT NOT NULL,
        updated_by          TEXT NOT NULL
      ) STRICT;
      CREATE INDEX institutions_name ON institutions (name_en COLLATE NOCASE);
      CREATE INDEX institutions_updated ON institutions (updated_at);

      CREATE TABLE programmes (
        id                  TEXT PRIMARY KEY,
        institution_id      TEXT NOT NULL REFERENCES institutions (id),
        title_en            TEXT NOT NULL,
        title_bn            TEXT NOT NULL DEFAULT '',
        sector              TEXT NOT NULL,
        occupation          TEXT NOT NULL,
        isco_code           TEXT NOT NULL,
        esco_uri            TEXT NOT NULL DEFAULT '',
        bnqf_level          INTEGER,
        eqf_level           INTEGER,
        duration_months     REAL,
        annual_intake       INTEGER,
        mobility_track      INTEGER NOT NULL DEFAULT 0 CHECK (mobility_track IN (0, 1)),
        destination_country TEXT NOT NULL DEFAULT '',
        target_language     TEXT NOT NULL DEFAULT '',
        target_cefr         TEXT NOT NULL DEFAULT '',
        activities          TEXT NOT NULL DEFAULT '[]',
        archived            INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
        revision            INTEGER NOT NULL DEFAULT 0,
        created_at          TEXT NOT NULL,
        created_by          TEXT NOT NULL,
        updated_at          TEXT NOT NULL,
        updated_by          TEXT NOT NULL
      ) STRICT;
      CREATE INDEX programmes_institution ON programmes (institution_id);

      -- Every mutation appends here in the same transaction. Each row's hash covers the previous row's
      -- hash, so the log is tamper-evident; the audit-trail feature verifies and exports this chain.
      CREATE TABLE change_log (
        seq         INTEGER PRIMARY KEY,
        id          TEXT NOT NULL UNIQUE,
        at          TEXT NOT NULL,
        actor_id    TEXT NOT NULL,
        actor_name  TEXT NOT NULL,
        entity      TEXT NOT NULL,
        entity_id   TEXT NOT NULL,
        action      TEXT NOT NULL,
        payload     TEXT NOT NULL,
        prev_hash   TEXT NOT NULL,
        hash        TEXT NOT NULL
      ) STRICT;
      CREATE INDEX change_log_entity ON change_log (entity, entity_id);
    `);
  },
};

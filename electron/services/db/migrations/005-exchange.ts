import type { Migration } from '../migrate';

/**
 * Assessment packages between machines.
 *
 * - imported_packages: one row per package applied here, keyed by the SHA-256 of its signed manifest, so
 *   importing the same file twice is recognised and changes nothing.
 * - imported_change_log: the sender's change-log entries for the records a package carried, kept
 *   verbatim (with their hashes) so that (a) their chain can be checked again at any time, (b) this
 *   machine knows which versions of a record it has already seen — a record's "lineage" is the ids of
 *   every entry about it, here or imported — and (c) a later package sent onward (to head office) still
 *   carries them. The table is append-only: triggers refuse UPDATE and DELETE.
 */
export const exchangeSchema: Migration = {
  version: 5,
  name: '005-exchange',
  up(db) {
    db.exec(`
      CREATE TABLE imported_packages (
        package_id          TEXT PRIMARY KEY CHECK (length(package_id) = 64),
        file_name           TEXT NOT NULL,
        kind                TEXT NOT NULL CHECK (kind IN ('assessments', 'reference')),
        created_at          TEXT NOT NULL,
        app_version         TEXT NOT NULL,
        signer_name         TEXT NOT NULL,
        signer_fingerprint  TEXT NOT NULL,
        signer_trust        TEXT NOT NULL CHECK (signer_trust IN ('trusted', 'self-signed', 'untrusted')),
        change_log_head     TEXT NOT NULL,
        change_log_count    INTEGER NOT NULL,
        summary             TEXT NOT NULL CHECK (json_valid(summary)),
        imported_at         TEXT NOT NULL,
        imported_by         TEXT NOT NULL
      ) STRICT;
      CREATE INDEX imported_packages_at ON imported_packages (imported_at);

      CREATE TABLE imported_change_log (
        id          TEXT PRIMARY KEY,
        package_id  TEXT NOT NULL REFERENCES imported_packages (package_id),
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
      CREATE INDEX imported_change_log_entity ON imported_change_log (entity, entity_id);

      CREATE TRIGGER imported_change_log_no_update BEFORE UPDATE ON imported_change_log
      BEGIN
        SELECT RAISE(ABORT, 'imported change-log entries are never changed');
      END;
      CREATE TRIGGER imported_change_log_no_delete BEFORE DELETE ON imported_change_log
      BEGIN
        SELECT RAISE(ABORT, 'imported change-log entries are never deleted');
      END;
      CREATE TRIGGER imported_packages_no_update BEFORE UPDATE ON imported_packages
      BEGIN
        SELECT RAISE(ABORT, 'imported packages are never changed');
      END;
    `);
  },
};

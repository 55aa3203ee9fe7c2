import type { Migration } from '../migrate';

/**
 * Framework versions. A version is immutable: editing a framework means importing a new version, and an
 * assessment pins the exact version (and content hash) it started with, so its score can be recomputed
 * years later to the same number. The triggers make SQLite itself refuse an edit, whatever the code does.
 */
export const frameworksSchema: Migration = {
  version: 2,
  name: '002-frameworks',
  up(db) {
    db.exec(`
      CREATE TABLE framework_versions (
        id            TEXT PRIMARY KEY,
        framework_id  TEXT NOT NULL,
        version       TEXT NOT NULL,
        title_en      TEXT NOT NULL,
        title_bn      TEXT NOT NULL DEFAULT '',
        content_hash  TEXT NOT NULL,
        content       TEXT NOT NULL,
        criteria      INTEGER NOT NULL,
        source        TEXT NOT NULL,
        imported_at   TEXT NOT NULL,
        imported_by   TEXT NOT NULL,
        UNIQUE (framework_id, version)
      ) STRICT;

      CREATE TRIGGER framework_versions_immutable BEFORE UPDATE ON framework_versions
      BEGIN
        SELECT RAISE(ABORT, 'framework versions are immutable');
      END;
    `);
  },
};

import type { Migration } from '../migrate';

/**
 * Evidence attached to assessments.
 *
 * - evidence_files: one row per distinct file content, keyed by its SHA-256 (the file lives in the
 *   evidence store under that name). The same bytes attached twice, to two criteria or two
 *   assessments, are one row and one file. A file row cannot be deleted while an item refers to it.
 * - evidence_items: one attached piece of evidence in one assessment: which file, its evidence type
 *   (a code of the pinned framework), caption, date taken, who attached it and when.
 * - evidence_links: the units of audit an item supports (criterion, programme '' for institution
 *   level). An item with no link belongs to the assessment as a whole. Links repeat the assessment id,
 *   tied to the item by a composite foreign key, so the lock below is one lookup.
 * - A finalised assessment is a legal record: triggers make SQLite refuse any change to its items and
 *   links, as migration 003 does for ratings.
 */
export const evidenceSchema: Migration = {
  version: 4,
  name: '004-evidence',
  up(db) {
    db.exec(`
      CREATE TABLE evidence_files (
        sha256         TEXT PRIMARY KEY CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
        size           INTEGER NOT NULL CHECK (size > 0),
        media_type     TEXT NOT NULL,
        first_seen_at  TEXT NOT NULL,
        first_seen_by  TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE evidence_items (
        id             TEXT PRIMARY KEY,
        assessment_id  TEXT NOT NULL REFERENCES assessments (id),
        sha256         TEXT NOT NULL REFERENCES evidence_files (sha256),
        original_name  TEXT NOT NULL,
        caption        TEXT NOT NULL DEFAULT '',
        evidence_type  TEXT NOT NULL,
        taken_at       TEXT,
        attached_at    TEXT NOT NULL,
        attached_by    TEXT NOT NULL,
        revision       INTEGER NOT NULL DEFAULT 0,
        updated_at     TEXT NOT NULL,
        updated_by     TEXT NOT NULL,
        UNIQUE (id, assessment_id)
      ) STRICT;
      -- Listed in the order attached; files attached together keep their order by rowid (the index's last column).
      CREATE INDEX evidence_items_assessment ON evidence_items (assessment_id, attached_at);
      CREATE INDEX evidence_items_file ON evidence_items (sha256);

      CREATE TABLE evidence_links (
        evidence_item_id TEXT NOT NULL,
        assessment_id    TEXT NOT NULL,
        criterion_id     TEXT NOT NULL,
        programme_id     TEXT NOT NULL DEFAULT '',
        linked_at        TEXT NOT NULL,
        linked_by        TEXT NOT NULL,
        PRIMARY KEY (evidence_item_id, criterion_id, programme_id),
        FOREIGN KEY (evidence_item_id, assessment_id) REFERENCES evidence_items (id, assessment_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX evidence_links_assessment ON evidence_links (assessment_id, criterion_id, programme_id);

      -- Evidence of a finalised assessment is frozen with it, whatever code or hand-written SQL tries.
      CREATE TRIGGER evidence_items_finalised_insert BEFORE INSERT ON evidence_items
      WHEN (SELECT status FROM assessments WHERE id = NEW.assessment_id) = 'finalised'
      BEGIN
        SELECT RAISE(ABORT, 'assessment is finalised and locked');
      END;
      CREATE TRIGGER evidence_items_finalised_update BEFORE UPDATE ON evidence_items
      WHEN (SELECT status FROM assessments WHERE id = OLD.assessment_id) = 'finalised'
        OR (SELECT status FROM assessments WHERE id = NEW.assessment_id) = 'finalised'
      BEGIN
        SELECT RAISE(ABORT, 'assessment is finalised and locked');
      END;
      CREATE TRIGGER evidence_items_finalised_delete BEFORE DELETE ON evidence_items
      WHEN (SELECT status FROM assessments WHERE id = OLD.assessment_id) = 'finalised'
      BEGIN
        SELECT RAISE(ABORT, 'assessment is finalised and locked');
      END;
      CREATE TRIGGER evidence_links_finalised_insert BEFORE INSERT ON evidence_links
      WHEN (SELECT status FROM assessments WHERE id = NEW.assessment_id) = 'finalised'
      BEGIN
        SELECT RAISE(ABORT, 'assessment is finalised and locked');
      END;
      CREATE TRIGGER evidence_links_finalised_update BEFORE UPDATE ON evidence_links
      WHEN (SELECT status FROM assessments WHERE id = OLD.assessment_id) = 'finalised'
        OR (SELECT status FROM assessments WHERE id = NEW.assessment_id) = 'finalised'
      BEGIN
        SELECT RAISE(ABORT, 'assessment is finalised and locked');
      END;
      CREATE TRIGGER evidence_links_finalised_delete BEFORE DELETE ON evidence_links
      WHEN (SELECT status FROM assessments WHERE id = OLD.assessment_id) = 'finalised'
      BEGIN
        SELECT RAISE(ABORT, 'assessment is finalised and locked');
      END;
      -- A stored file's identity never changes: the hash is what reports promise their readers.
      CREATE TRIGGER evidence_files_immutable BEFORE UPDATE ON evidence_files
      BEGIN
        SELECT RAISE(ABORT, 'evidence files are immutable');
      END;
    `);
  },
};

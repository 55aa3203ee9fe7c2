import type { Migration } from '../migrate';

/**
 * The accreditation cycle around a finalised inspection (issue 14, point 3).
 *
 * - Validity and the next due date are columns of `assessments`, written in the same UPDATE-transaction
 *   that finalises the row: from then on 003's lock trigger freezes them with the outcome, so a later
 *   framework change cannot move a date already issued. Rows finalised before this migration keep ''
 *   (and packages from older apps arrive with ''): the app then derives the dates from the finalisation
 *   date, the outcome and the pinned framework's rules, and says they were derived.
 * - The countersignature of a negative outcome is given while the inspection is submitted, so it is
 *   frozen by the same lock when the inspection is finalised.
 * - Appeals are their own records, one per appeal. At most one is open (undecided) per finalised
 *   revision at a time; an appeal is lodged only against a finalised assessment; a decided appeal is
 *   part of the record and is never changed, and no appeal is ever deleted.
 *
 * ADD COLUMN with constant defaults rewrites no row, so finalised rows keep their content and their
 * change-log digests (audit/record-state.ts lists the new columns as added with these defaults).
 */
export const accreditationCycleSchema: Migration = {
  version: 10,
  name: '010-accreditation-cycle',
  up(db) {
    db.exec(`
      ALTER TABLE assessments ADD COLUMN validity_months INTEGER NOT NULL DEFAULT 0 CHECK (validity_months BETWEEN 0 AND 120);
      ALTER TABLE assessments ADD COLUMN aligned_until TEXT NOT NULL DEFAULT '';
      ALTER TABLE assessments ADD COLUMN next_due TEXT NOT NULL DEFAULT '';
      ALTER TABLE assessments ADD COLUMN countersigned_by TEXT NOT NULL DEFAULT '';
      ALTER TABLE assessments ADD COLUMN countersigned_role TEXT NOT NULL DEFAULT '';
      ALTER TABLE assessments ADD COLUMN countersigned_at TEXT NOT NULL DEFAULT '';
      ALTER TABLE assessments ADD COLUMN countersign_comment TEXT NOT NULL DEFAULT '';

      CREATE TABLE appeals (
        id             TEXT PRIMARY KEY,
        assessment_id  TEXT NOT NULL REFERENCES assessments (id),
        institution_id TEXT NOT NULL REFERENCES institutions (id),
        received_on    TEXT NOT NULL,
        grounds        TEXT NOT NULL,
        lodged_by      TEXT NOT NULL,
        decision       TEXT NOT NULL DEFAULT '' CHECK (decision IN ('', 'upheld', 'partly-upheld', 'rejected')),
        decided_by     TEXT NOT NULL DEFAULT '',
        decided_on     TEXT NOT NULL DEFAULT '',
        outcome_note   TEXT NOT NULL DEFAULT '',
        revision       INTEGER NOT NULL DEFAULT 0,
        created_at     TEXT NOT NULL,
        created_by     TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        updated_by     TEXT NOT NULL,
        CHECK ((decision = '') = (decided_on = ''))
      ) STRICT;
      CREATE UNIQUE INDEX appeals_one_open ON appeals (assessment_id) WHERE decision = '';
      CREATE INDEX appeals_assessment ON appeals (assessment_id, created_at);
      CREATE INDEX appeals_institution ON appeals (institution_id, created_at);

      CREATE TRIGGER appeals_finalised_only BEFORE INSERT ON appeals
      WHEN (SELECT status FROM assessments WHERE id = NEW.assessment_id) IS NOT 'finalised'
      BEGIN
        SELECT RAISE(ABORT, 'an appeal is lodged only against a finalised assessment');
      END;
      CREATE TRIGGER appeals_decided_update BEFORE UPDATE ON appeals
      WHEN OLD.decision <> ''
      BEGIN
        SELECT RAISE(ABORT, 'appeal is decided and locked');
      END;
      CREATE TRIGGER appeals_delete BEFORE DELETE ON appeals
      BEGIN
        SELECT RAISE(ABORT, 'appeals are never deleted');
      END;
    `);
  },
};

import type { Migration } from '../migrate';

/**
 * Assessments, their ratings and corrective actions.
 *
 * - An assessment pins the exact framework version it is scored against (a foreign key, so a version in
 *   use can never be deleted) and copies its id, version and content hash, so a score recomputes to the
 *   same result years later. Programme facts are snapshotted as JSON for the same reason.
 * - A rating is one unit of audit: a criterion at institution level or for one programme in scope. The
 *   primary key needs a NOT NULL programme, so institution level is stored as '' (null at the boundary).
 * - A finalised assessment is a legal record: triggers make SQLite itself refuse any change to its row
 *   and its ratings, whatever code (or a hand-written SQL statement) tries. Reopening creates a new
 *   record (revision n+1) instead; the unique index allows only one successor per revision.
 * - units_total / units_answered are kept by the service so listing thousands of assessments needs no
 *   framework work per row.
 */
export const assessmentsSchema: Migration = {
  version: 3,
  name: '003-assessments',
  up(db) {
    db.exec(`
      CREATE TABLE assessments (
        id                     TEXT PRIMARY KEY,
        kind                   TEXT NOT NULL CHECK (kind IN ('self-assessment', 'inspection', 'follow-up')),
        status                 TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'finalised')),
        institution_id         TEXT NOT NULL REFERENCES institutions (id),
        framework_version_id   TEXT NOT NULL REFERENCES framework_versions (id),
        framework_id           TEXT NOT NULL,
        framework_version      TEXT NOT NULL,
        framework_content_hash TEXT NOT NULL,
        programmes             TEXT NOT NULL CHECK (json_valid(programmes)),
        team                   TEXT NOT NULL CHECK (json_valid(team)),
        planned_start          TEXT NOT NULL DEFAULT '',
        planned_end            TEXT NOT NULL DEFAULT '',
        site_visit_date        TEXT NOT NULL DEFAULT '',
        follows_assessment_id  TEXT REFERENCES assessments (id),
        revision_number        INTEGER NOT NULL DEFAULT 1 CHECK (revision_number >= 1),
        previous_revision_id   TEXT REFERENCES assessments (id),
        reopen_reason          TEXT NOT NULL DEFAULT '',
        units_total            INTEGER NOT NULL DEFAULT 0,
        units_answered         INTEGER NOT NULL DEFAULT 0,
        submitted_at           TEXT,
        submitted_by           TEXT NOT NULL DEFAULT '',
        finalised_at           TEXT,
        finalised_by           TEXT NOT NULL DEFAULT '',
        score                  TEXT CHECK (score IS NULL OR json_valid(score)),
        score_result_hash      TEXT NOT NULL DEFAULT '',
        revision               INTEGER NOT NULL DEFAULT 0,
        created_at             TEXT NOT NULL,
        created_by             TEXT NOT NULL,
        updated_at             TEXT NOT NULL,
        updated_by             TEXT NOT NULL,
        CHECK ((status = 'finalised') = (finalised_at IS NOT NULL)),
        CHECK ((status = 'finalised') <= (score IS NOT NULL))
      ) STRICT;
      -- Lists are ordered newest first (created_at DESC, id DESC); each index ends in that order so
      -- SQLite reads rows in order instead of sorting thousands of them.
      CREATE INDEX assessments_created ON assessments (created_at, id);
      CREATE INDEX assessments_institution ON assessments (institution_id, created_at, id);
      CREATE INDEX assessments_status ON assessments (status, created_at, id);
      CREATE INDEX assessments_framework_version ON assessments (framework_version_id);
      CREATE UNIQUE INDEX assessments_next_revision ON assessments (previous_revision_id) WHERE previous_revision_id IS NOT NULL;

      CREATE TABLE ratings (
        assessment_id  TEXT NOT NULL REFERENCES assessments (id),
        criterion_id   TEXT NOT NULL,
        programme_id   TEXT NOT NULL DEFAULT '',
        rating         ANY CHECK (rating IS NULL OR rating IN (0, 1, 2, 3, 'na')),
        na_reason      TEXT NOT NULL DEFAULT '',
        note           TEXT NOT NULL DEFAULT '',
        data           TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data)),
        maturity       INTEGER CHECK (maturity IS NULL OR maturity BETWEEN 0 AND 4),
        evidence_seen  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(evidence_seen)),
        updated_at     TEXT NOT NULL,
        updated_by     TEXT NOT NULL,
        PRIMARY KEY (assessment_id, criterion_id, programme_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE corrective_actions (
        id                        TEXT PRIMARY KEY,
        assessment_id             TEXT NOT NULL REFERENCES assessments (id),
        institution_id            TEXT NOT NULL REFERENCES institutions (id),
        criterion_id              TEXT NOT NULL,
        programme_id              TEXT NOT NULL DEFAULT '',
        finding_class             TEXT NOT NULL CHECK (finding_class IN ('critical', 'major', 'minor')),
        description               TEXT NOT NULL DEFAULT '',
        owner                     TEXT NOT NULL DEFAULT '',
        due_date                  TEXT NOT NULL DEFAULT '',
        status                    TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in-progress', 'completed', 'verified-closed')),
        institution_response      TEXT NOT NULL DEFAULT '',
        verification_note         TEXT NOT NULL DEFAULT '',
        verified_in_assessment_id TEXT REFERENCES assessments (id),
        verified_at               TEXT,
        revision                  INTEGER NOT NULL DEFAULT 0,
        created_at                TEXT NOT NULL,
        created_by                TEXT NOT NULL,
        updated_at                TEXT NOT NULL,
        updated_by                TEXT NOT NULL,
        UNIQUE (assessment_id, criterion_id, programme_id),
        CHECK ((status = 'verified-closed') = (verified_at IS NOT NULL))
      ) STRICT;
      CREATE INDEX corrective_actions_institution ON corrective_actions (institution_id, status);
      CREATE INDEX corrective_actions_status ON corrective_actions (status);

      -- A finalised assessment is frozen: its row and its ratings cannot change, even by hand.
      CREATE TRIGGER assessments_finalised_update BEFORE UPDATE ON assessments
      WHEN OLD.status = 'finalised'
      BEGIN
        SELECT RAISE(ABORT, 'assessment is finalised and locked');
      END;
      CREATE TRIGGER assessments_finalised_delete BEFORE DELETE ON assessments
      WHEN OLD.status = 'finalised'
      BEGIN
        SELECT RAISE(ABORT, 'assessment is finalised and locked');
      END;
      CREATE TRIGGER ratings_finalised_insert BEFORE INSERT ON ratings
      WHEN (SELECT status FROM assessments WHERE id = NEW.assessment_id) = 'finalised'
      BEGIN
        SELECT RAISE(ABORT, 'assessment is finalised and locked');
      END;
      CREATE TRIGGER ratings_finalised_update BEFORE UPDATE ON ratings
      WHEN (SELECT status FROM assessments WHERE id = OLD.assessment_id) = 'finalised'
        OR (SELECT status FROM assessments WHERE id = NEW.assessment_id) = 'finalised'
      BEGIN
        SELECT RAISE(ABORT, 'assessment is finalised and locked');
      END;
      CREATE TRIGGER ratings_finalised_delete BEFORE DELETE ON ratings
      WHEN (SELECT status FROM assessments WHERE id = OLD.assessment_id) = 'finalised'
      BEGIN
        SELECT RAISE(ABORT, 'assessment is finalised and locked');
      END;

      -- A verified-closed corrective action is part of a follow-up's record: it is never edited again.
      CREATE TRIGGER corrective_actions_closed_update BEFORE UPDATE ON corrective_actions
      WHEN OLD.status = 'verified-closed'
      BEGIN
        SELECT RAISE(ABORT, 'corrective action is verified and closed');
      END;
      CREATE TRIGGER corrective_actions_closed_delete BEFORE DELETE ON corrective_actions
      WHEN OLD.status = 'verified-closed'
      BEGIN
        SELECT RAISE(ABORT, 'corrective action is verified and closed');
      END;
    `);
  },
};

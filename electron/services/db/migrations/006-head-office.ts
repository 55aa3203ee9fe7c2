import type { Migration } from '../migrate';

/**
 * Summary tables for the head-office dashboard: what each finalised assessment's score says, kept as
 * rows so the dashboard can count across 100,000 assessments without scoring any of them again.
 *
 * - assessment_facts: one row per finalised assessment — its outcome, overall %, counts of findings,
 *   the local date it was finalised, and whether a later finalised revision replaced it.
 * - assessment_programmes: the programmes in its scope as they were snapshotted (sector, mobility track,
 *   destination, language, CEFR target) with their sector-module % and mobility readiness, and
 *   assessment_sectors, the distinct sectors among them.
 * - assessment_findings: its non-conformities (critical, major, minor; observations are not needed),
 *   one per unit of audit, with the stop-use flag of a critical safety finding; assessment_criteria,
 *   the same rolled up per criterion, overall and per sector.
 *
 * The rows are derived, never entered: recordAssessmentFacts (electron/services/head-office) writes
 * them in the same transaction that finalises or imports an assessment, and can always write them
 * again from the locked ratings and the pinned framework. That is also why this migration does not
 * fill them: the scoring code lives outside the frozen migration, so existing finalised assessments are
 * scored once at start-up (backfillAssessmentFacts) by the same code the workflow uses.
 *
 * corrective_actions gets a partial index of the actions still open, which the dashboard counts.
 *
 * Institution attributes (division, district, type, archived) are not copied: they are joined from
 * institutions, so correcting an institution's district corrects the dashboard too.
 */
export const headOfficeSchema: Migration = {
  version: 6,
  name: '006-head-office',
  up(db) {
    db.exec(`
      CREATE TABLE assessment_facts (
        assessment_id        TEXT PRIMARY KEY REFERENCES assessments (id),
        institution_id       TEXT NOT NULL,
        kind                 TEXT NOT NULL CHECK (kind IN ('self-assessment', 'inspection', 'follow-up')),
        finalised_at         TEXT NOT NULL,
        finalised_on         TEXT NOT NULL CHECK (finalised_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        -- Its calendar quarter, e.g. '2025-Q3': trends group by it.
        finalised_quarter    TEXT NOT NULL CHECK (finalised_quarter GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'),
        framework_version_id TEXT NOT NULL,
        decision             TEXT NOT NULL CHECK (decision IN ('recommended', 'recommended-with-conditions', 'deferred', 'not-recommended')),
        outcome              TEXT NOT NULL CHECK (outcome IN ('aligned', 'conditional', 'not-aligned')),
        overall_pct          REAL,
        critical_count       INTEGER NOT NULL DEFAULT 0,
        major_count          INTEGER NOT NULL DEFAULT 0,
        minor_count          INTEGER NOT NULL DEFAULT 0,
        stop_use_count       INTEGER NOT NULL DEFAULT 0,
        superseded           INTEGER NOT NULL DEFAULT 0 CHECK (superseded IN (0, 1)),
        -- The finalisation dates of the institution's previous and next assessment that count (not
        -- superseded): among inspections and follow-ups ("external"), and among its own kind. With
        -- them "the latest assessment up to date D" is the row whose next one is after D, a range an
        -- index answers, instead of a sort of every institution's history. No neighbour: the sentinels
        -- '0000-00-00' and '9999-12-31'. Kept by recordAssessmentFacts.
        prev_external_on     TEXT NOT NULL DEFAULT '0000-00-00',
        next_external_on     TEXT NOT NULL DEFAULT '9999-12-31',
        prev_kind_on         TEXT NOT NULL DEFAULT '0000-00-00',
        next_kind_on         TEXT NOT NULL DEFAULT '9999-12-31',
        -- Its place (1, 2, …) in the institution's history of the same two scopes: the number of
        -- assessments between the first and the latest of a period is a subtraction.
        ord_external         INTEGER NOT NULL DEFAULT 0,
        ord_kind             INTEGER NOT NULL DEFAULT 0,
        -- The sectors of its programmes, comma-separated (assessment_sectors has them as rows): the
        -- sector filter matches ',' || sectors || ',' in the indexes, without a lookup per assessment.
        sectors              TEXT NOT NULL DEFAULT '',
        -- Which derivation wrote the row (FACTS_VERSION in record-facts.ts); older rows are written again
        -- at start-up, so a change in what is summarised never leaves stale rows behind.
        facts_version        INTEGER NOT NULL,
        recorded_at          TEXT NOT NULL
      ) STRICT;
      -- Each institution's history in order (neighbours, one institution's trend, its first score and
      -- count in a period), covering.
      CREATE INDEX assessment_facts_institution ON assessment_facts
        (institution_id, superseded, kind, finalised_at, assessment_id, finalised_on, overall_pct, outcome, decision,
         prev_external_on, prev_kind_on);
      -- The latest (next after the period) and the first (previous before it) assessment of the kinds
      -- chosen; covering, so choosing them never reads the table. superseded and kind come first so
      -- that, with or without statistics, these indexes match more of the query than any other.
      CREATE INDEX assessment_facts_latest_external ON assessment_facts
        (superseded, kind, next_external_on, finalised_on, institution_id, assessment_id, outcome, decision, overall_pct, stop_use_count,
         ord_external, sectors);
      CREATE INDEX assessment_facts_first_external ON assessment_facts
        (superseded, kind, prev_external_on, finalised_on, institution_id, assessment_id, overall_pct, ord_external);
      CREATE INDEX assessment_facts_latest_kind ON assessment_facts
        (superseded, kind, next_kind_on, finalised_on, institution_id, assessment_id, outcome, decision, overall_pct, stop_use_count,
         ord_kind, sectors);
      CREATE INDEX assessment_facts_first_kind ON assessment_facts
        (superseded, kind, prev_kind_on, finalised_on, institution_id, assessment_id, overall_pct, ord_kind);
      -- The start-up check: are all finalised assessments summarised by this version of the writer?
      CREATE INDEX assessment_facts_version ON assessment_facts (facts_version);
      -- Trends over a period.
      CREATE INDEX assessment_facts_period ON assessment_facts
        (superseded, kind, finalised_on, institution_id, assessment_id, overall_pct, outcome, sectors, finalised_quarter);

      CREATE TABLE assessment_programmes (
        assessment_id       TEXT NOT NULL REFERENCES assessment_facts (assessment_id) ON DELETE CASCADE,
        programme_id        TEXT NOT NULL,
        title_en            TEXT NOT NULL,
        title_bn            TEXT NOT NULL DEFAULT '',
        sector              TEXT NOT NULL,
        mobility_track      INTEGER NOT NULL CHECK (mobility_track IN (0, 1)),
        destination_country TEXT NOT NULL DEFAULT '',
        target_language     TEXT NOT NULL DEFAULT '',
        target_cefr         TEXT NOT NULL DEFAULT '',
        sector_pct          REAL,
        mobility_ready      INTEGER CHECK (mobility_ready IS NULL OR mobility_ready IN (0, 1)),
        -- Training-need criteria (shared/head-office/training-needs.ts) not met for this programme, its
        -- own or the institution's, comma-separated; '' when none.
        need_criteria       TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (assessment_id, programme_id)
      ) STRICT, WITHOUT ROWID;

      -- The sectors of an assessment's programmes, once each: what the sector filter and the by-sector
      -- tables ask ("did this assessment cover care?"), without reading every programme row.
      CREATE TABLE assessment_sectors (
        assessment_id  TEXT NOT NULL REFERENCES assessment_facts (assessment_id) ON DELETE CASCADE,
        sector         TEXT NOT NULL,
        PRIMARY KEY (assessment_id, sector)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE assessment_findings (
        assessment_id  TEXT NOT NULL REFERENCES assessment_facts (assessment_id) ON DELETE CASCADE,
        criterion_id   TEXT NOT NULL,
        -- '' for an institution-level unit, as in ratings.
        programme_id   TEXT NOT NULL DEFAULT '',
        group_id       TEXT NOT NULL,
        finding_class  TEXT NOT NULL CHECK (finding_class IN ('critical', 'major', 'minor')),
        critical       INTEGER NOT NULL CHECK (critical IN (0, 1)),
        safety         INTEGER NOT NULL CHECK (safety IN (0, 1)),
        stop_use       INTEGER NOT NULL CHECK (stop_use IN (0, 1)),
        rating         INTEGER NOT NULL CHECK (rating IN (0, 1)),
        PRIMARY KEY (assessment_id, criterion_id, programme_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX assessment_findings_stop_use ON assessment_findings (assessment_id) WHERE stop_use = 1;

      -- The findings rolled up per criterion: sector '' for the whole assessment, and one row per sector
      -- it covered (institution-level findings count in every sector, a programme's in its own). So
      -- "criteria most often not met", overall or by sector, count rows instead of de-duplicating units.
      CREATE TABLE assessment_criteria (
        assessment_id  TEXT NOT NULL REFERENCES assessment_facts (assessment_id) ON DELETE CASCADE,
        sector         TEXT NOT NULL,
        criterion_id   TEXT NOT NULL,
        group_id       TEXT NOT NULL,
        critical       INTEGER NOT NULL DEFAULT 0,
        major          INTEGER NOT NULL DEFAULT 0,
        minor          INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (assessment_id, sector, criterion_id)
      ) STRICT, WITHOUT ROWID;

      -- Open corrective actions by institution and severity, without reading the closed ones.
      CREATE INDEX corrective_actions_open ON corrective_actions
        (institution_id, assessment_id, finding_class, status, due_date) WHERE status <> 'verified-closed';
    `);
  },
};

import type { Migration } from '../migrate';

/**
 * The inspector's override reason, stored as a part of the rated unit.
 *
 * Domain notes §7.1: a critical criterion rated "Met" needs an observation or a record among its
 * evidence. An inspection with such a rating and neither cannot be submitted unless the inspector writes
 * why (shared/assessments/rules.ts); the report prints the reason next to the rating. It belongs to the
 * rating, so it is a column of `ratings`, as 008's corrective-action parts are:
 *
 * - a finalised assessment's ratings are locked by 003's triggers, so the reason is frozen with the
 *   record, by the database itself, with no new trigger;
 * - reopening copies the ratings, so the new revision starts from the same reasons;
 * - rows written before this migration get '' (no reason written).
 *
 * ADD COLUMN with a constant default rewrites no row, so the lock triggers do not fire and finalised
 * ratings keep their content and their change-log digests (audit/record-state.ts lists the column as
 * added, with '' for older rows).
 */
export const overrideReasonSchema: Migration = {
  version: 9,
  name: '009-override-reason',
  up(db) {
    db.exec(`ALTER TABLE ratings ADD COLUMN override_reason TEXT NOT NULL DEFAULT '';`);
  },
};

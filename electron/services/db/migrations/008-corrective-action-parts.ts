import type { Migration } from '../migrate';

/**
 * The corrective action an institution can act on, stored as its parts.
 *
 * Until now an action was its criterion's English title, frozen at finalisation. The inspector now writes
 * the required action and the evidence that will close it while the assessment is a draft (or under
 * review), so the finalised report prints them. They belong to the finding, that is to the rated unit,
 * so they are two columns of `ratings`:
 *
 * - a finalised assessment's ratings are already locked by 003's triggers, so the inspector's words are
 *   frozen with the record that issued them, by the database itself, with no new trigger;
 * - reopening copies the ratings, so the new revision starts from the same actions (and an action carried
 *   over to it reads them there);
 * - owner, due date and status stay on `corrective_actions`, where the institution keeps them up to date.
 *
 * The criterion's title and the finding's class are never stored as a sentence: screens and reports look
 * them up in the reader's language. Rows written before this migration get '' (nothing written yet): the
 * screens then offer, and reports print, the suggestion made from the finding and the inspector's note.
 * ADD COLUMN with a constant default rewrites no row, so the lock triggers do not fire and finalised
 * ratings keep their content (and their change-log digests: see audit/record-state.ts).
 */
export const correctiveActionPartsSchema: Migration = {
  version: 8,
  name: '008-corrective-action-parts',
  up(db) {
    db.exec(`
      ALTER TABLE ratings ADD COLUMN action_required TEXT NOT NULL DEFAULT '';
      ALTER TABLE ratings ADD COLUMN closing_evidence TEXT NOT NULL DEFAULT '';
    `);
  },
};

import { z } from 'zod';
import type { Criterion, DataField, Framework } from '../framework/schema';
import { figuresNeeded } from '../scoring/figures-rating';
import type { DataValues } from '../scoring/inputs';
import { canonicalJson } from '../util/canonical-json';
import { keepValidDataValues } from './data-values';
import { programmeSource } from './effective-data';
import type { Rating } from './schema';
import { unitKey } from './scope';

/**
 * What moving a draft to another version of its framework does besides carrying each rating to the
 * criterion with the same id (electron/services/assessments/framework-change.ts), said unit by unit so
 * the review can show it before the move and the change log keeps it after:
 *
 * - figuresMoved: figures a published version moved to another criterion, carried field by field
 *   (1.1.0: LS-03's language certification figures now belong to OI-09);
 * - figuresToEnter: figures the new version asks for that the older one had no field for (OI-09's test
 *   takers, OI-05's 12-month respondents, IL-02's unemployment rates); `why` says whether the criterion
 *   is scored from them (it then counts 0, "figures missing", until they are entered) or they are context;
 * - figureToCheck: a figure kept under the same id whose meaning changed (OI-05's employed at 12 months
 *   now counts 12-month respondents, not all completers);
 * - ratingToReview: a rating, its notes and evidence kept as they were on a criterion whose meaning
 *   changed (LS-03 is rated on the process, not scored from figures; CARE-07 on training, not results);
 * - figuresNotCarried: figures the new version has no place for on this unit (the criterion they would
 *   move to does not apply to the programme, or already holds a value, or no field takes them), listed
 *   with their values so they can be copied first. Nothing is dropped unsaid.
 */
/** In the order the review lists a unit's notes. */
export const moveNoteCodes = ['figuresMoved', 'ratingToReview', 'figureToCheck', 'figuresToEnter', 'figuresNotCarried'] as const;
export type MoveNoteCode = (typeof moveNoteCodes)[number];

export const moveReasons = [
  'processNotFigures',
  'processNotResult',
  'respondentsNotCompleters',
  'neededToScore',
  'context',
  'notApplicable',
  'alreadyRecorded',
  'noField',
] as const;
export type MoveReason = (typeof moveReasons)[number];

export const moveFieldSchema = z.object({
  /** The field id on the note's criterion (for figuresNotCarried: on the criterion the figures were on). */
  id: z.string(),
  /** Where a moved figure came from ("LS-03.certified_at_target"); null otherwise. */
  from: z.string().nullable(),
  /** The value carried, kept, or not carried; null for a figure still to enter. */
  value: z.union([z.number(), z.string(), z.null()]),
});
export type MoveField = z.infer<typeof moveFieldSchema>;

export const moveNoteSchema = z.object({
  code: z.enum(moveNoteCodes),
  /** The unit concerned: in the new version, except for figuresNotCarried (the unit the figures were on). */
  criterionId: z.string(),
  programmeId: z.string().nullable(),
  /** The criterion figures came from (figuresMoved) or would have gone to (figuresNotCarried). */
  otherCriterionId: z.string().nullable(),
  fields: z.array(moveFieldSchema),
  why: z.enum(moveReasons).nullable(),
});
export type MoveNote = z.infer<typeof moveNoteSchema>;

interface FigureMoveRule {
  from: string;
  to: string;
  /** Older field id → newer field id. */
  fields: Readonly<Record<string, string>>;
}

interface PublishedStep {
  frameworkId: string;
  /** The version that made these changes: they apply to a move from below it to it or above. */
  version: string;
  figures: readonly FigureMoveRule[];
  review: readonly { criterionId: string; why: Extract<MoveReason, 'processNotFigures' | 'processNotResult'> }[];
  check: readonly { criterionId: string; fieldId: string; why: Extract<MoveReason, 'respondentsNotCompleters'> }[];
}

/**
 * Published framework files are content-hashed and never edited, so how their criteria map onto each
 * other lives here (docs/framework-changes/<version>.md says the same in words). Each rule also checks
 * the two versions' structure, so a version that does not make the change (an import reusing the ids)
 * moves nothing.
 */
const publishedSteps: readonly PublishedStep[] = [
  {
    frameworkId: 'bd-eu-tvet',
    version: '1.1.0',
    figures: [
      {
        from: 'LS-03',
        to: 'OI-09',
        fields: {
          language: 'language',
          cefr_target: 'cefr_target',
          language_track_learners: 'language_track_learners',
          certified_at_target: 'certified_at_target',
        },
      },
    ],
    review: [
      { criterionId: 'LS-03', why: 'processNotFigures' },
      { criterionId: 'CARE-07', why: 'processNotResult' },
    ],
    check: [{ criterionId: 'OI-05', fieldId: 'employed_12m', why: 'respondentsNotCompleters' }],
  },
];

/** Numeric dotted versions: 1.10.0 after 1.9.0. */
export function compareFrameworkVersions(a: string, b: string): number {
  const x = a.split('.').map((n) => Number.parseInt(n, 10) || 0);
  const y = b.split('.').map((n) => Number.parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

type StoredRating = Pick<Rating, 'criterionId' | 'programmeId' | 'rating' | 'data'>;

export interface FigureMovePlan {
  /** Figures to add to units of the new version (by unitKey), beside what the unit's own rating carries. */
  data: Map<string, { criterionId: string; programmeId: string | null; data: DataValues }>;
  /** In the new version's unit order; notes on units that are gone come last. */
  notes: MoveNote[];
}

/**
 * The figure moves and review notes of moving `stored` ratings from `older` to `newer` (same framework).
 * `units` are the new version's units for the assessment's programmes (whether each applies there).
 * Pure: the services apply the plan, the review shows its notes.
 */
export function planFigureMoves(
  older: Framework,
  newer: Framework,
  units: ReadonlyMap<string, { applicable: boolean }>,
  stored: readonly StoredRating[],
): FigureMovePlan {
  const before = criteriaOf(older);
  const after = criteriaOf(newer);
  const steps = publishedSteps.filter(
    (s) =>
      s.frameworkId === older.id &&
      s.frameworkId === newer.id &&
      compareFrameworkVersions(older.version, s.version) < 0 &&
      compareFrameworkVersions(newer.version, s.version) >= 0,
  );
  const byKey = new Map(stored.map((r) => [unitKey(r.criterionId, r.programmeId), r]));
  const data: FigureMovePlan['data'] = new Map();
  const notes: MoveNote[] = [];
  // Older field ids moved away from a unit (so they are not also listed as not carried).
  const handled = new Map<string, Set<string>>();
  const mark = (key: string, field: string) => {
    const set = handled.get(key) ?? new Set<string>();
    set.add(field);
    handled.set(key, set);
  };

  for (const step of steps) {
    for (const rule of step.figures) {
      const source = before.get(rule.from);
      const target = after.get(rule.to);
      if (source === undefined || target === undefined) continue;
      const stays = new Set(typedFields(after.get(rule.from)).map((f) => f.id));
      const sourceFields = new Set(typedFields(source).map((f) => f.id));
      const targetFields = new Set(typedFields(target).map((f) => f.id));
      const pairs = Object.entries(rule.fields).filter(([f, t]) => sourceFields.has(f) && targetFields.has(t) && !stays.has(f));
      if (pairs.length === 0) continue;
      for (const r of stored) {
        if (r.criterionId !== rule.from) continue;
        const fromKey = unitKey(r.criterionId, r.programmeId);
        const toKey = unitKey(rule.to, r.programmeId);
        const unit = units.get(toKey);
        const existing = keepValidDataValues(target, byKey.get(toKey)?.data ?? {});
        const moved: MoveField[] = [];
        const notCarried: MoveField[] = [];
        const notCarriedWhy: MoveReason = unit === undefined || !unit.applicable ? 'notApplicable' : 'alreadyRecorded';
        for (const [f, t] of pairs) {
          if (!(f in r.data)) continue;
          mark(fromKey, f);
          const value = r.data[f] ?? null;
          const valid = Object.keys(keepValidDataValues(target, { [t]: value })).length === 1;
          if (unit !== undefined && unit.applicable && !(t in existing) && valid) moved.push({ id: t, from: `${rule.from}.${f}`, value });
          else notCarried.push({ id: f, from: null, value });
        }
        if (moved.length > 0) {
          const entry = data.get(toKey) ?? { criterionId: rule.to, programmeId: r.programmeId, data: {} };
          for (const m of moved) entry.data[m.id] = m.value;
          data.set(toKey, entry);
          notes.push({
            code: 'figuresMoved',
            criterionId: rule.to,
            programmeId: r.programmeId,
            otherCriterionId: rule.from,
            fields: moved,
            why: null,
          });
        }
        if (notCarried.length > 0)
          notes.push({
            code: 'figuresNotCarried',
            criterionId: rule.from,
            programmeId: r.programmeId,
            otherCriterionId: rule.to,
            fields: notCarried,
            why: notCarriedWhy,
          });
      }
    }
  }

  // Figures a rating carries that its criterion no longer takes, and that no rule moved.
  for (const r of stored) {
    const key = unitKey(r.criterionId, r.programmeId);
    const target = after.get(r.criterionId);
    if (target === undefined || !units.has(key)) continue; // the whole rating is dropped, and listed as such
    const kept = keepValidDataValues(target, r.data);
    const lost = Object.entries(r.data)
      .filter(([f]) => !(f in kept) && !handled.get(key)?.has(f))
      .map(([f, value]): MoveField => ({ id: f, from: null, value }));
    if (lost.length > 0)
      notes.push({
        code: 'figuresNotCarried',
        criterionId: r.criterionId,
        programmeId: r.programmeId,
        otherCriterionId: null,
        fields: lost,
        why: 'noField',
      });
  }

  for (const step of steps) {
    for (const review of step.review) {
      const was = before.get(review.criterionId);
      const now = after.get(review.criterionId);
      if (was === undefined || now === undefined || canonicalJson(was) === canonicalJson(now)) continue;
      for (const r of stored) {
        if (r.criterionId !== review.criterionId || !units.has(unitKey(r.criterionId, r.programmeId))) continue;
        notes.push({
          code: 'ratingToReview',
          criterionId: r.criterionId,
          programmeId: r.programmeId,
          otherCriterionId: null,
          fields: [],
          why: review.why,
        });
      }
    }
    for (const check of step.check) {
      const was = typedFields(before.get(check.criterionId)).find((f) => f.id === check.fieldId);
      const now = typedFields(after.get(check.criterionId)).find((f) => f.id === check.fieldId);
      if (was === undefined || now === undefined || canonicalJson(was.label) === canonicalJson(now.label)) continue;
      for (const r of stored) {
        const value = r.data[check.fieldId];
        if (r.criterionId !== check.criterionId || value === undefined || !units.has(unitKey(r.criterionId, r.programmeId))) continue;
        notes.push({
          code: 'figureToCheck',
          criterionId: r.criterionId,
          programmeId: r.programmeId,
          otherCriterionId: null,
          fields: [{ id: check.fieldId, from: null, value }],
          why: check.why,
        });
      }
    }
  }

  // New fields on units that will hold a rating or figures: to enter (a figure the score needs, or context).
  const answered = new Map<string, { criterionId: string; programmeId: string | null; data: DataValues }>();
  for (const r of stored) {
    const target = after.get(r.criterionId);
    const key = unitKey(r.criterionId, r.programmeId);
    // A unit marked N/A asks for nothing.
    if (target !== undefined && units.get(key)?.applicable === true && r.rating !== 'na')
      answered.set(key, { criterionId: r.criterionId, programmeId: r.programmeId, data: keepValidDataValues(target, r.data) });
  }
  for (const [key, moved] of data) {
    if (byKey.get(key)?.rating === 'na') continue;
    const had = answered.get(key);
    answered.set(key, { ...moved, data: { ...moved.data, ...(had?.data ?? {}) } });
  }
  for (const unit of answered.values()) {
    const target = after.get(unit.criterionId)!;
    const known = new Set(typedFields(before.get(unit.criterionId)).map((f) => f.id));
    const needed = new Set(figuresNeeded(target));
    const toEnter = typedFields(target).filter(
      (f) => !known.has(f.id) && !(f.id in unit.data) && programmeSource(newer, target.id, f) === null,
    );
    const scored = toEnter.filter((f) => needed.has(f.id));
    const context = toEnter.filter((f) => !needed.has(f.id));
    for (const [fields, why] of [
      [scored, 'neededToScore'],
      [context, 'context'],
    ] as const) {
      if (fields.length > 0)
        notes.push({
          code: 'figuresToEnter',
          criterionId: unit.criterionId,
          programmeId: unit.programmeId,
          otherCriterionId: null,
          fields: fields.map((f) => ({ id: f.id, from: null, value: null })),
          why,
        });
    }
  }

  const order = new Map([...units.keys()].map((key, i) => [key, i]));
  const codeOrder = new Map(moveNoteCodes.map((c, i) => [c, i]));
  const rank = (n: MoveNote) => order.get(unitKey(n.criterionId, n.programmeId)) ?? Number.MAX_SAFE_INTEGER;
  notes.sort((a, b) => rank(a) - rank(b) || codeOrder.get(a.code)! - codeOrder.get(b.code)!);
  return { data, notes };
}

function criteriaOf(framework: Framework): Map<string, Criterion> {
  return new Map(framework.groups.flatMap((g) => g.criteria.map((c) => [c.id, c] as const)));
}

/** The fields a person types (not the rates the app computes). */
function typedFields(criterion: Criterion | undefined): DataField[] {
  return (criterion?.dataFields ?? []).filter((f) => f.derived === undefined);
}

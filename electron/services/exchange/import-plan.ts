import type { Db } from '../db/open-database';
import { groupBy } from '../../../shared/util/group-by';
import type { Conflict, PlannedChange } from '../../../shared/exchange/schema';
import { Lineage, incomingLineage, ratingEventIds, relate, type Relation } from './lineage';
import {
  columnsOf,
  type AssessmentRow,
  type ChangeEventRow,
  type CorrectiveActionRow,
  type InstitutionRow,
  type PackageTables,
  type ProgrammeRow,
  type RatingRow,
} from './package-tables';

export type RecordAction = 'add' | 'update' | 'unchanged' | 'conflict';

export interface RecordPlan<Row> {
  row: Row;
  here: Row | undefined;
  action: RecordAction;
  /** Fields that differ when both sides changed the record. */
  conflictFields: string[];
}

export interface AssessmentPlan extends RecordPlan<AssessmentRow> {
  /** Both drafts changed: merged unit by unit. Otherwise a conflict is about the whole record. */
  merge: null | {
    /** Units to take from the package without asking (only the package changed them). */
    take: RatingRow[];
    /** Units both sides changed differently: a person chooses. */
    conflicts: { incoming: RatingRow | undefined; here: RatingRow | undefined; criterionId: string; programmeId: string }[];
  };
}

export interface ImportPlan {
  institutions: RecordPlan<InstitutionRow>[];
  programmes: RecordPlan<ProgrammeRow>[];
  assessments: AssessmentPlan[];
  correctiveActions: RecordPlan<CorrectiveActionRow>[];
  changes: PlannedChange[];
  conflicts: Conflict[];
}

/** Fields a person can be asked about: everything but identity and bookkeeping. */
const bookkeeping = new Set(['id', 'revision', 'created_at', 'created_by', 'updated_at', 'updated_by']);
export const institutionFields = columnsOf.institutions.filter((c) => !bookkeeping.has(c));
export const programmeFields = columnsOf.programmes.filter((c) => !bookkeeping.has(c) && c !== 'institution_id');
export const assessmentDetailFields = ['team', 'planned_start', 'planned_end', 'site_visit_date'] as const;
export const correctiveActionFields = ['description', 'owner', 'due_date', 'status', 'institution_response', 'verification_note'] as const;
const ratingFields = ['rating', 'na_reason', 'note', 'data', 'maturity', 'evidence_seen'] as const;

/**
 * Decides, without writing anything, what importing a package would do to each record here: add it,
 * bring it up to date, leave it (already here, or newer here), or ask a person because both sides
 * changed it since they parted (told by change-log ids, see lineage.ts). Finalised assessments and
 * verified-closed corrective actions are never changed by an import.
 */
export function planImport(db: Db, tables: PackageTables): ImportPlan {
  const lineage = new Lineage(db);
  const incoming = incomingLineage(tables['change-log']);
  const relation = (entity: string, id: string) => relate(lineage.known(entity, id), incoming.get(`${entity}:${id}`) ?? new Set());
  const get = (table: keyof typeof columnsOf, where: string) =>
    db.prepare(`SELECT ${columnsOf[table].join(', ')} FROM ${table} WHERE ${where}`);
  const institutionById = get('institutions', 'id = ?');
  const programmeById = get('programmes', 'id = ?');
  const assessmentById = get('assessments', 'id = ?');
  const ratingsOf = get('ratings', 'assessment_id = ?');
  const actionById = get('corrective_actions', 'id = ?');
  const localEvents = db.prepare<[string, string, string, string], { id: string; action: string; payload: string }>(
    `SELECT id, action, payload FROM change_log WHERE entity = ? AND entity_id = ?
     UNION ALL SELECT id, action, payload FROM imported_change_log WHERE entity = ? AND entity_id = ?`,
  );

  const plan: ImportPlan = { institutions: [], programmes: [], assessments: [], correctiveActions: [], changes: [], conflicts: [] };

  const simple = <Row extends Record<string, unknown>>(
    entity: 'institution' | 'programme' | 'corrective-action',
    row: Row & { id: string },
    here: Row | undefined,
    fields: readonly string[],
    locked: boolean,
  ): RecordPlan<Row> => {
    if (here === undefined) return { row, here, action: 'add', conflictFields: [] };
    const differing = fields.filter((f) => !sameValue(row[f], here[f]));
    if (locked || differing.length === 0) return { row, here, action: 'unchanged', conflictFields: [] };
    return { row, here, ...decide(relation(entity, row.id), differing) };
  };

  for (const row of tables.institutions) {
    const p = simple('institution', row, institutionById.get(row.id) as InstitutionRow | undefined, institutionFields, false);
    plan.institutions.push(p);
    plan.changes.push({ entity: 'institution', id: row.id, label: { en: row.name_en, bn: row.name_bn }, action: p.action });
    if (p.action === 'conflict')
      plan.conflicts.push({ entity: 'institution', id: row.id, label: { en: row.name_en, bn: row.name_bn }, fields: fieldPairs(p) });
  }
  for (const row of tables.programmes) {
    const p = simple('programme', row, programmeById.get(row.id) as ProgrammeRow | undefined, programmeFields, false);
    plan.programmes.push(p);
    plan.changes.push({ entity: 'programme', id: row.id, label: { en: row.title_en, bn: row.title_bn }, action: p.action });
    if (p.action === 'conflict')
      plan.conflicts.push({ entity: 'programme', id: row.id, label: { en: row.title_en, bn: row.title_bn }, fields: fieldPairs(p) });
  }

  const institutionNames = new Map(tables.institutions.map((i) => [i.id, i]));
  const incomingRatings = groupBy(tables.ratings, (r) => r.assessment_id);
  const incomingEvents = groupBy(
    tables['change-log'].filter((e) => e.entity === 'assessment'),
    (e) => e.entity_id,
  );
  for (const row of tables.assessments) {
    const here = assessmentById.get(row.id) as AssessmentRow | undefined;
    const name = institutionNames.get(row.institution_id);
    const label = { en: name?.name_en ?? row.institution_id, bn: name?.name_bn ?? '' };
    const detail = `${row.kind} · ${row.status} · r${row.revision_number}`;
    let p: AssessmentPlan;
    if (here === undefined) p = { row, here, action: 'add', conflictFields: [], merge: null };
    else if (here.status === 'finalised') p = { row, here, action: 'unchanged', conflictFields: [], merge: null };
    else {
      const r = relation('assessment', row.id);
      if (r === 'same' || r === 'here-newer') p = { row, here, action: 'unchanged', conflictFields: [], merge: null };
      else if (r === 'incoming-newer') p = { row, here, action: 'update', conflictFields: [], merge: null };
      else if (here.status === 'draft' && row.status === 'draft') {
        p = mergeDrafts(row, here, incomingRatings.get(row.id) ?? [], ratingsOf.all(row.id) as RatingRow[], {
          incoming: incomingEvents.get(row.id) ?? [],
          here: localEvents.all('assessment', row.id, 'assessment', row.id),
        });
      } else p = { row, here, action: 'conflict', conflictFields: ['record'], merge: null };
    }
    plan.assessments.push(p);
    plan.changes.push({ entity: 'assessment', id: row.id, label, action: p.action, detail });
    if (p.action !== 'conflict') continue;
    if (p.merge === null) {
      plan.conflicts.push({
        entity: 'assessment',
        id: row.id,
        label,
        fields: [{ field: 'record', here: describeAssessment(p.here!), incoming: describeAssessment(row) }],
      });
      continue;
    }
    if (p.conflictFields.length > 0) plan.conflicts.push({ entity: 'assessment', id: row.id, label, fields: fieldPairs(p) });
    for (const c of p.merge.conflicts)
      plan.conflicts.push({
        entity: 'rating',
        id: row.id,
        label,
        criterionId: c.criterionId,
        programmeId: c.programmeId === '' ? null : c.programmeId,
        fields: ratingFields
          .filter((f) => !sameValue(c.here?.[f] ?? null, c.incoming?.[f] ?? null))
          .map((f) => ({ field: f, here: show(c.here?.[f] ?? null), incoming: show(c.incoming?.[f] ?? null) })),
      });
  }

  for (const row of tables['corrective-actions']) {
    const here = actionById.get(row.id) as CorrectiveActionRow | undefined;
    const p = simple('corrective-action', row, here, correctiveActionFields, here?.status === 'verified-closed');
    plan.correctiveActions.push(p);
    const name = institutionNames.get(row.institution_id);
    if (p.action === 'conflict')
      plan.conflicts.push({
        entity: 'corrective-action',
        id: row.id,
        label: { en: `${name?.name_en ?? ''} · ${row.criterion_id}`, bn: `${name?.name_bn ?? ''} · ${row.criterion_id}` },
        fields: fieldPairs(p),
      });
  }
  return plan;
}

function decide(r: Relation, differing: string[]): { action: RecordAction; conflictFields: string[] } {
  if (r === 'same' || r === 'here-newer') return { action: 'unchanged', conflictFields: [] };
  if (r === 'incoming-newer') return { action: 'update', conflictFields: [] };
  return { action: 'conflict', conflictFields: differing };
}

/**
 * Two drafts of one assessment, both changed since they parted: each unit is decided on its own
 * `save-rating` entries, so work on different criteria merges without asking anyone.
 */
function mergeDrafts(
  row: AssessmentRow,
  here: AssessmentRow,
  incomingRatings: RatingRow[],
  hereRatings: RatingRow[],
  events: { incoming: ChangeEventRow[]; here: { id: string; action: string; payload: string }[] },
): AssessmentPlan {
  const key = (r: { criterion_id: string; programme_id: string }) => `${r.criterion_id}|${r.programme_id}`;
  const mine = new Map(hereRatings.map((r) => [key(r), r]));
  const theirs = new Map(incomingRatings.map((r) => [key(r), r]));
  const take: RatingRow[] = [];
  const conflicts: NonNullable<AssessmentPlan['merge']>['conflicts'] = [];
  for (const k of new Set([...mine.keys(), ...theirs.keys()])) {
    const [criterionId = '', programmeId = ''] = k.split('|');
    const a = mine.get(k);
    const b = theirs.get(k);
    if (b === undefined || (a !== undefined && ratingFields.every((f) => sameValue(a[f], b[f])))) continue;
    const r = relate(ratingEventIds(events.here, criterionId, programmeId), ratingEventIds(events.incoming, criterionId, programmeId));
    if (r === 'incoming-newer' || a === undefined) take.push(b);
    else if (r === 'diverged') conflicts.push({ incoming: b, here: a, criterionId, programmeId });
  }
  const detailRelation = relate(
    new Set(events.here.filter((e) => e.action === 'update-details').map((e) => e.id)),
    new Set(events.incoming.filter((e) => e.action === 'update-details').map((e) => e.id)),
  );
  const differing = assessmentDetailFields.filter((f) => !sameValue(row[f], here[f]));
  const conflictFields = detailRelation === 'diverged' ? [...differing] : [];
  const action: RecordAction = conflictFields.length > 0 || conflicts.length > 0 ? 'conflict' : 'update';
  return { row, here, action, conflictFields, merge: { take, conflicts } };
}

function fieldPairs<Row extends Record<string, unknown>>(p: RecordPlan<Row>) {
  return p.conflictFields.map((f) => ({ field: f, here: show(p.here?.[f] ?? null), incoming: show(p.row[f] ?? null) }));
}

/** Values as JSON text (JSON columns parsed first), so the screen can show any field readably. */
function show(value: unknown): string {
  if (typeof value === 'string' && /^[[{]/.test(value)) {
    try {
      return JSON.stringify(JSON.parse(value));
    } catch {
      return JSON.stringify(value);
    }
  }
  return JSON.stringify(value);
}

function describeAssessment(a: AssessmentRow): string {
  return JSON.stringify({
    status: a.status,
    revision: a.revision,
    answered: a.units_answered,
    total: a.units_total,
    updatedAt: a.updated_at,
    updatedBy: a.updated_by,
  });
}

export function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (a === null && b === undefined) || (a === undefined && b === null);
}

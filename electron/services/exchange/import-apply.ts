import { AppError } from '../../../shared/ipc/result';
import { groupBy } from '../../../shared/util/group-by';
import type { ConflictChoice } from '../../../shared/exchange/schema';
import type { MutationContext } from '../db/mutator';
import { newId } from '../support/ids';
import type { ImportPlan } from './import-plan';
import {
  columnsOf,
  type AssessmentRow,
  type CorrectiveActionRow,
  type EvidenceItemRow,
  type FrameworkVersionRow,
  type PackageTables,
  type RatingRow,
} from './package-tables';

export interface ApplyContext {
  packageId: string;
  tables: PackageTables;
  frameworkContents: Map<string, string>;
  plan: ImportPlan;
  choices: ConflictChoice[];
  /** Counts answered units again after a merge (the framework decides which units count). */
  recount: (assessmentId: string) => number;
}

export interface ApplyCounts {
  added: number;
  updated: number;
  unchanged: number;
  conflictsResolved: number;
}

type Table = keyof typeof columnsOf;

/**
 * Writes a planned import inside the caller's transaction (Mutator.run): frameworks, then the
 * registry, then assessments oldest first with their ratings, evidence and corrective actions. Every
 * record added or brought up to date is logged as an `import`; every choice a person made between two
 * versions is logged as `resolve-conflict` with what was kept. A finalised assessment arrives as
 * submitted, gets its ratings and evidence, and is then finalised — the database's lock admits no other order.
 */
export function applyImport(m: MutationContext, c: ApplyContext): ApplyCounts {
  const db = m.db;
  const counts: ApplyCounts = { added: 0, updated: 0, unchanged: 0, conflictsResolved: 0 };
  const insert = (table: Table, row: Record<string, unknown>, orIgnore = false) => {
    const cols = columnsOf[table];
    db.prepare(
      `INSERT ${orIgnore ? 'OR IGNORE ' : ''}INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((k) => `@${k}`).join(', ')})`,
    ).run(pick(row, cols));
  };
  const update = (table: Table, row: Record<string, unknown>, key = 'id') => {
    const cols = columnsOf[table].filter((k) => k !== key);
    db.prepare(`UPDATE ${table} SET ${cols.map((k) => `${k} = @${k}`).join(', ')} WHERE ${key} = @${key}`).run(pick(row, [...cols, key]));
  };
  const logImport = (entity: string, entityId: string, action: string) =>
    m.record({ entity, entityId, action: 'import', payload: { packageId: c.packageId, change: action } });
  const choice = findChoice(c.choices);

  // Frameworks: the same (id, version, content) may be installed here under another row id.
  const frameworkIds = new Map<string, string>();
  for (const fv of c.tables['framework-versions']) {
    const local = db
      .prepare<[string, string], { id: string; content_hash: string }>(
        'SELECT id, content_hash FROM framework_versions WHERE framework_id = ? AND version = ?',
      )
      .get(fv.framework_id, fv.version);
    if (local) {
      frameworkIds.set(fv.id, local.id);
      continue;
    }
    const idTaken = db.prepare('SELECT 1 FROM framework_versions WHERE id = ?').get(fv.id) !== undefined;
    const row: FrameworkVersionRow & { content: string } = {
      ...fv,
      id: idTaken ? newId() : fv.id,
      content: c.frameworkContents.get(fv.id) ?? '',
    };
    db.prepare(
      `INSERT INTO framework_versions (id, framework_id, version, title_en, title_bn, content_hash, content, criteria, source, imported_at, imported_by)
       VALUES (@id, @framework_id, @version, @title_en, @title_bn, @content_hash, @content, @criteria, @source, @imported_at, @imported_by)`,
    ).run(row);
    frameworkIds.set(fv.id, row.id);
    m.record({
      entity: 'framework-version',
      entityId: row.id,
      action: 'import',
      payload: {
        frameworkId: fv.framework_id,
        version: fv.version,
        contentHash: fv.content_hash,
        source: 'package',
        packageId: c.packageId,
      },
    });
    counts.added++;
  }

  const resolveFields = (
    entity: 'institution' | 'programme' | 'corrective-action' | 'assessment',
    table: Table,
    p: { row: Record<string, unknown> & { id: string }; here: Record<string, unknown> | undefined; conflictFields: string[] },
    extra: Record<string, unknown> = {},
  ) => {
    const resolved: Record<string, unknown> = { ...p.here };
    const kept: Record<string, 'here' | 'incoming'> = {};
    for (const field of p.conflictFields) {
      const keep = choice(entity, p.row.id, { field });
      kept[field] = keep;
      if (keep === 'incoming') resolved[field] = p.row[field];
    }
    resolved.revision = Math.max(Number(p.here?.revision ?? 0), Number(p.row.revision ?? 0)) + 1;
    resolved.updated_at = m.at;
    resolved.updated_by = m.actor.name;
    Object.assign(resolved, extra);
    update(table, resolved);
    m.record({
      entity,
      entityId: p.row.id,
      action: 'resolve-conflict',
      payload: { packageId: c.packageId, kept, values: Object.fromEntries(p.conflictFields.map((f) => [f, resolved[f]])) },
    });
    counts.conflictsResolved += p.conflictFields.length;
  };

  for (const [entity, table, plans] of [
    ['institution', 'institutions', c.plan.institutions],
    ['programme', 'programmes', c.plan.programmes],
  ] as const) {
    for (const p of plans) {
      if (p.action === 'add') insert(table, p.row);
      else if (p.action === 'update') update(table, p.row);
      else if (p.action === 'conflict') {
        resolveFields(entity, table, p);
        continue;
      } else {
        counts.unchanged++;
        continue;
      }
      logImport(entity, p.row.id, p.action);
      counts[p.action === 'add' ? 'added' : 'updated']++;
    }
  }

  const ratingsOf = groupBy(c.tables.ratings, (r) => r.assessment_id);
  const itemsOf = groupBy(c.tables['evidence-items'], (i) => i.assessment_id);
  const linksOf = groupBy(c.tables['evidence-links'], (l) => l.assessment_id);
  const files = new Map(c.tables['evidence-files'].map((f) => [f.sha256, f]));
  const addEvidence = (items: EvidenceItemRow[], assessmentId: string, onlyMissing: boolean) => {
    for (const item of items) {
      const file = files.get(item.sha256);
      if (!file) throw packageInconsistent(`evidence item ${item.id} names a file the package does not describe`);
      insert('evidence_files', file, true);
      insert('evidence_items', item, onlyMissing);
    }
    const itemIds = new Set(items.map((i) => i.id));
    for (const link of linksOf.get(assessmentId) ?? []) if (itemIds.has(link.evidence_item_id)) insert('evidence_links', link, true);
  };
  const replaceContent = (row: AssessmentRow) => {
    db.prepare('DELETE FROM ratings WHERE assessment_id = ?').run(row.id);
    db.prepare('DELETE FROM evidence_links WHERE assessment_id = ?').run(row.id);
    db.prepare('DELETE FROM evidence_items WHERE assessment_id = ?').run(row.id);
    for (const r of ratingsOf.get(row.id) ?? []) insert('ratings', r);
    addEvidence(itemsOf.get(row.id) ?? [], row.id, false);
  };
  // Finalised rows arrive as submitted and are finalised last: the lock triggers refuse ratings for a finalised assessment.
  const unlocked = (row: AssessmentRow): AssessmentRow => ({
    ...row,
    framework_version_id: frameworkIds.get(row.framework_version_id) ?? row.framework_version_id,
    ...(row.status === 'finalised' ? { status: 'submitted' as const, finalised_at: null, finalised_by: '' } : {}),
  });
  const finaliseIfNeeded = (row: AssessmentRow) => {
    if (row.status !== 'finalised') return;
    db.prepare(`UPDATE assessments SET status = 'finalised', finalised_at = ?, finalised_by = ? WHERE id = ?`).run(
      row.finalised_at,
      row.finalised_by,
      row.id,
    );
  };

  for (const p of c.plan.assessments) {
    const row = p.row;
    if (p.action === 'unchanged') {
      counts.unchanged++;
      continue;
    }
    if (p.action === 'add') {
      insert('assessments', unlocked(row));
      for (const r of ratingsOf.get(row.id) ?? []) insert('ratings', r);
      addEvidence(itemsOf.get(row.id) ?? [], row.id, false);
      finaliseIfNeeded(row);
      logImport('assessment', row.id, 'add');
      counts.added++;
      continue;
    }
    const takeWhole = p.action === 'update' && p.merge === null;
    const wholeChoice = p.action === 'conflict' && p.merge === null ? choice('assessment', row.id, { field: 'record' }) : null;
    if (takeWhole || wholeChoice === 'incoming') {
      update('assessments', unlocked(row));
      replaceContent(row);
      finaliseIfNeeded(row);
      if (wholeChoice) {
        m.record({
          entity: 'assessment',
          entityId: row.id,
          action: 'resolve-conflict',
          payload: { packageId: c.packageId, kept: { record: 'incoming' } },
        });
        counts.conflictsResolved++;
      } else {
        logImport('assessment', row.id, 'update');
        counts.updated++;
      }
      continue;
    }
    if (wholeChoice === 'here') {
      m.record({
        entity: 'assessment',
        entityId: row.id,
        action: 'resolve-conflict',
        payload: { packageId: c.packageId, kept: { record: 'here' } },
      });
      counts.conflictsResolved++;
      continue;
    }
    // Two drafts merged unit by unit; details field by field.
    const merge = p.merge!;
    const upsert = db.prepare(
      `INSERT OR REPLACE INTO ratings (${columnsOf.ratings.join(', ')}) VALUES (${columnsOf.ratings.map((k) => `@${k}`).join(', ')})`,
    );
    for (const r of merge.take) upsert.run(r);
    const kept: Record<string, 'here' | 'incoming'> = {};
    for (const u of merge.conflicts) {
      const keep = choice('rating', row.id, { criterionId: u.criterionId, programmeId: u.programmeId === '' ? null : u.programmeId });
      kept[`${u.criterionId}|${u.programmeId}`] = keep;
      if (keep === 'incoming' && u.incoming) upsert.run(u.incoming);
    }
    addEvidence(itemsOf.get(row.id) ?? [], row.id, true);
    const answered = c.recount(row.id);
    if (p.conflictFields.length > 0) resolveFields('assessment', 'assessments', p, { units_answered: answered });
    else {
      db.prepare('UPDATE assessments SET units_answered = ?, revision = revision + 1, updated_at = ?, updated_by = ? WHERE id = ?').run(
        answered,
        m.at,
        m.actor.name,
        row.id,
      );
    }
    m.record({
      entity: 'assessment',
      entityId: row.id,
      action: merge.conflicts.length > 0 ? 'resolve-conflict' : 'import',
      payload: { packageId: c.packageId, merged: merge.take.length, ...(merge.conflicts.length > 0 ? { kept } : { change: 'merge' }) },
    });
    counts.conflictsResolved += merge.conflicts.length;
    counts.updated++;
  }

  for (const p of c.plan.correctiveActions) {
    if (p.action === 'add') insert('corrective_actions', p.row);
    else if (p.action === 'update') update('corrective_actions', p.row as CorrectiveActionRow);
    else if (p.action === 'conflict') {
      resolveFields('corrective-action', 'corrective_actions', p);
      continue;
    } else {
      counts.unchanged++;
      continue;
    }
    logImport('corrective-action', p.row.id, p.action);
    counts[p.action === 'add' ? 'added' : 'updated']++;
  }
  return counts;
}

function findChoice(choices: ConflictChoice[]) {
  return (
    entity: ConflictChoice['entity'],
    id: string,
    at: { field?: string; criterionId?: string; programmeId?: string | null },
  ): 'here' | 'incoming' => {
    const found = choices.find(
      (ch) =>
        ch.entity === entity &&
        ch.id === id &&
        (at.field === undefined || ch.field === at.field) &&
        (at.criterionId === undefined || (ch.criterionId === at.criterionId && (ch.programmeId ?? null) === (at.programmeId ?? null))),
    );
    // The service checks every conflict has a choice before the transaction starts; this is the last guard.
    if (!found) throw new AppError('validation', 'A conflict has no choice; nothing was imported.');
    return found.keep;
  };
}

function packageInconsistent(detail: string): AppError {
  return new AppError('validation', `The package is inconsistent: ${detail}. Nothing was imported.`);
}

function pick(row: Record<string, unknown>, cols: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(cols.map((k) => [k, row[k] ?? null]));
}

export type { RatingRow };

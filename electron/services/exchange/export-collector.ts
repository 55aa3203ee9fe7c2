import type { Db } from '../db/open-database';
import { AppError } from '../../../shared/ipc/result';
import type { ExportScope } from '../../../shared/exchange/schema';
import {
  columnsOf,
  type AssessmentRow,
  type ChangeEventRow,
  type FrameworkVersionRow,
  type InstitutionRow,
  type PackageTables,
  type ProgrammeRow,
  type ReportRow,
} from './package-tables';

export interface CollectedPackage {
  kind: 'assessments' | 'reference';
  tables: PackageTables;
  /** Framework version id → its content (JSON text), written as `frameworks/<id>.json`. */
  frameworkContents: Map<string, string>;
  /** What the file name says is inside (institution and kind, or "reference"). */
  nameHint: string;
}

const changeColumns = 'id, at, actor_id, actor_name, entity, entity_id, action, payload, prev_hash, hash';

/**
 * Reads from the database everything one package carries: the chosen assessments with every revision
 * before them (and the assessments they follow up), their institution and programmes, the framework
 * versions they are pinned to, ratings, corrective actions, evidence, signed reports, and every
 * change-log entry about those records — ours and those we imported earlier from other machines — so
 * the receiver can check the hashes and tell which versions of a record it has already seen.
 */
export class ExportCollector {
  constructor(private readonly db: Db) {}

  collect(scope: ExportScope): CollectedPackage {
    if (scope.kind === 'reference') return this.reference(scope.division);
    const ids = scope.kind === 'institution' ? this.assessmentIdsOf(scope.institutionId) : scope.assessmentIds;
    return this.assessments(ids, scope.kind === 'institution' ? scope.institutionId : null);
  }

  private assessmentIdsOf(institutionId: string): string[] {
    if (!this.select<InstitutionRow>('institutions', 'id = ?', [institutionId]).length)
      throw new AppError('not-found', 'No institution has this id.');
    return this.db
      .prepare<[string], { id: string }>('SELECT id FROM assessments WHERE institution_id = ? ORDER BY created_at, id')
      .all(institutionId)
      .map((r) => r.id);
  }

  private assessments(requested: string[], institutionScope: string | null): CollectedPackage {
    const assessments = this.closure(requested);
    if (assessments.length === 0 && institutionScope === null) throw new AppError('not-found', 'No assessment has this id.');
    const ids = assessments.map((a) => a.id);
    const institutionIds = unique([...assessments.map((a) => a.institution_id), ...(institutionScope ? [institutionScope] : [])]);
    const institutions = this.inList<InstitutionRow>('institutions', 'id', institutionIds);
    const programmes = this.inList<ProgrammeRow>('programmes', 'institution_id', institutionIds);
    const frameworkVersions = this.inList<FrameworkVersionRow>(
      'framework_versions',
      'id',
      unique(assessments.map((a) => a.framework_version_id)),
    );
    const ratings = this.inList<PackageTables['ratings'][number]>(
      'ratings',
      'assessment_id',
      ids,
      'assessment_id, criterion_id, programme_id',
    );
    const correctiveActions = this.inList<PackageTables['corrective-actions'][number]>('corrective_actions', 'assessment_id', ids);
    const evidenceItems = this.inList<PackageTables['evidence-items'][number]>(
      'evidence_items',
      'assessment_id',
      ids,
      'assessment_id, attached_at, rowid',
    );
    const evidenceLinks = this.inList<PackageTables['evidence-links'][number]>(
      'evidence_links',
      'assessment_id',
      ids,
      'evidence_item_id, criterion_id, programme_id',
    );
    const evidenceFiles = this.inList<PackageTables['evidence-files'][number]>(
      'evidence_files',
      'sha256',
      unique(evidenceItems.map((i) => i.sha256)),
      'sha256',
    );
    const reports = this.reportsOf(ids);
    const events = this.events([
      ['institution', institutionIds],
      ['programme', programmes.map((p) => p.id)],
      ['assessment', ids],
      ['corrective-action', correctiveActions.map((c) => c.id)],
      ['evidence', evidenceItems.map((i) => i.id)],
      ['report', reports.map((r) => r.sha256)],
    ]);
    const first = institutions[0];
    const kinds = unique(assessments.map((a) => a.kind));
    return {
      kind: 'assessments',
      tables: {
        institutions,
        programmes,
        'framework-versions': frameworkVersions,
        assessments,
        ratings,
        'corrective-actions': correctiveActions,
        'evidence-files': evidenceFiles,
        'evidence-items': evidenceItems,
        'evidence-links': evidenceLinks,
        'change-log': events,
        reports,
      },
      frameworkContents: this.frameworkContents(frameworkVersions),
      nameHint: [
        institutions.length === 1 && first ? first.name_en : `${institutions.length} institutions`,
        kinds.length === 1 ? kinds[0] : 'assessments',
        `${requested.length || assessments.length}`,
      ].join(' '),
    };
  }

  /** Framework versions, and the registry (all of it, or one division's institutions with their programmes). */
  private reference(division: string | null): CollectedPackage {
    const institutions =
      division === null
        ? this.select<InstitutionRow>('institutions', 'archived = 0', [])
        : this.select<InstitutionRow>('institutions', 'archived = 0 AND division = ?', [division]);
    const institutionIds = institutions.map((i) => i.id);
    const programmes = this.inList<ProgrammeRow>('programmes', 'institution_id', institutionIds);
    const frameworkVersions = this.select<FrameworkVersionRow>('framework_versions', '1 = 1', []);
    return {
      kind: 'reference',
      tables: {
        ...emptyTables(),
        institutions,
        programmes,
        'framework-versions': frameworkVersions,
        'change-log': this.events([
          ['institution', institutionIds],
          ['programme', programmes.map((p) => p.id)],
        ]),
      },
      frameworkContents: this.frameworkContents(frameworkVersions),
      nameHint: `reference ${division ?? 'all divisions'}`,
    };
  }

  /** The requested assessments plus every earlier revision and every assessment they follow up or that verified their actions. */
  private closure(requested: string[]): AssessmentRow[] {
    const found = new Map<string, AssessmentRow>();
    const byId = this.db.prepare<[string], AssessmentRow>(`SELECT ${columnsOf.assessments.join(', ')} FROM assessments WHERE id = ?`);
    const verifiers = this.db.prepare<[string], { id: string }>(
      'SELECT DISTINCT verified_in_assessment_id AS id FROM corrective_actions WHERE assessment_id = ? AND verified_in_assessment_id IS NOT NULL',
    );
    const queue = [...requested];
    while (queue.length > 0) {
      const id = queue.pop() as string;
      if (found.has(id)) continue;
      const row = byId.get(id);
      if (!row) {
        if (requested.includes(id)) throw new AppError('not-found', `No assessment has the id ${id}.`);
        continue;
      }
      found.set(id, row);
      if (row.previous_revision_id) queue.push(row.previous_revision_id);
      if (row.follows_assessment_id) queue.push(row.follows_assessment_id);
      for (const v of verifiers.all(id)) queue.push(v.id);
    }
    // Oldest first, so a receiver inserting in order always finds the revision and follow-up it refers to.
    return [...found.values()].sort((a, b) => a.created_at.localeCompare(b.created_at) || a.revision_number - b.revision_number);
  }

  private reportsOf(assessmentIds: string[]): ReportRow[] {
    const stmt = this.db.prepare<[string], { entity_id: string; at: string; actor_name: string; payload: string }>(
      `SELECT entity_id, at, actor_name, payload FROM change_log
       WHERE entity = 'report' AND action = 'signed' AND json_extract(payload, '$.assessmentId') = ? ORDER BY seq`,
    );
    const imported = this.db.prepare<[string], { entity_id: string; at: string; actor_name: string; payload: string }>(
      `SELECT entity_id, at, actor_name, payload FROM imported_change_log
       WHERE entity = 'report' AND action = 'signed' AND json_extract(payload, '$.assessmentId') = ? ORDER BY at`,
    );
    const seen = new Set<string>();
    return assessmentIds.flatMap((id) =>
      [...stmt.all(id), ...imported.all(id)].flatMap((row) => {
        if (seen.has(row.entity_id)) return [];
        seen.add(row.entity_id);
        const p = JSON.parse(row.payload) as { language: 'en' | 'bn'; signerFingerprint: string };
        return [
          {
            sha256: row.entity_id,
            assessment_id: id,
            language: p.language,
            signer_fingerprint: p.signerFingerprint,
            signed_at: row.at,
            signed_by: row.actor_name,
          },
        ];
      }),
    );
  }

  /** Every change-log entry about these records, ours and imported, oldest first. */
  private events(records: [entity: string, ids: string[]][]): ChangeEventRow[] {
    const local = this.db.prepare<[string, string], ChangeEventRow>(
      `SELECT ${changeColumns} FROM change_log WHERE entity = ? AND entity_id = ? ORDER BY seq`,
    );
    const imported = this.db.prepare<[string, string], ChangeEventRow>(
      `SELECT ${changeColumns} FROM imported_change_log WHERE entity = ? AND entity_id = ? ORDER BY rowid`,
    );
    const seen = new Set<string>();
    const out: ChangeEventRow[] = [];
    for (const [entity, ids] of records)
      for (const id of unique(ids))
        for (const e of [...imported.all(entity, id), ...local.all(entity, id)]) {
          if (seen.has(e.id)) continue;
          seen.add(e.id);
          out.push(e);
        }
    return out.sort((a, b) => a.at.localeCompare(b.at));
  }

  private frameworkContents(versions: FrameworkVersionRow[]): Map<string, string> {
    const stmt = this.db.prepare<[string], { content: string }>('SELECT content FROM framework_versions WHERE id = ?');
    return new Map(versions.map((v) => [v.id, stmt.get(v.id)?.content ?? '']));
  }

  private select<T>(table: keyof typeof columnsOf, where: string, params: unknown[]): T[] {
    return this.db.prepare(`SELECT ${columnsOf[table].join(', ')} FROM ${table} WHERE ${where} ORDER BY rowid`).all(...params) as T[];
  }

  /** Rows whose column is one of the values, in batches (SQLite limits the number of parameters). */
  private inList<T>(table: keyof typeof columnsOf, column: string, values: string[], orderBy = 'rowid'): T[] {
    const out: T[] = [];
    for (let i = 0; i < values.length; i += 500) {
      const batch = values.slice(i, i + 500);
      if (batch.length === 0) break;
      const sql = `SELECT ${columnsOf[table].join(', ')} FROM ${table} WHERE ${column} IN (${batch.map(() => '?').join(', ')}) ORDER BY ${orderBy}`;
      out.push(...(this.db.prepare(sql).all(...batch) as T[]));
    }
    return out;
  }
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

export function emptyTables(): PackageTables {
  return {
    institutions: [],
    programmes: [],
    'framework-versions': [],
    assessments: [],
    ratings: [],
    'corrective-actions': [],
    'evidence-files': [],
    'evidence-items': [],
    'evidence-links': [],
    'change-log': [],
    reports: [],
  };
}

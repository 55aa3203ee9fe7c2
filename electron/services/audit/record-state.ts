import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { canonicalJson } from '../../../shared/util/canonical-json';

/**
 * The records whose content the change log vouches for, with the columns each digest covers.
 *
 * The column lists are written out (version 1), never read from the schema: a later migration that adds
 * a column must not change the digest of every row logged before it. The test beside this file fails
 * when a covered table gains a column, so that whoever adds one decides how digests follow (a new
 * version of this list, and verify keeping the old one for entries logged under it).
 */
const cols = (names: string): readonly string[] => names.split(' ');

export const coveredTables = {
  institutions: {
    key: ['id'],
    columns: cols(
      'id name_en name_bn registration_body registration_number type division district address head_name contact_phone contact_email sectors archived revision created_at created_by updated_at updated_by',
    ),
  },
  programmes: {
    key: ['id'],
    columns: cols(
      'id institution_id title_en title_bn sector occupation isco_code esco_uri bnqf_level eqf_level duration_months annual_intake mobility_track destination_country target_language target_cefr activities archived revision created_at created_by updated_at updated_by',
    ),
  },
  framework_versions: {
    key: ['id'],
    columns: cols('id framework_id version title_en title_bn content_hash content criteria source imported_at imported_by'),
  },
  assessments: {
    key: ['id'],
    columns: cols(
      'id kind status institution_id framework_version_id framework_id framework_version framework_content_hash programmes team planned_start planned_end site_visit_date follows_assessment_id revision_number previous_revision_id reopen_reason units_total units_answered submitted_at submitted_by finalised_at finalised_by score score_result_hash revision created_at created_by updated_at updated_by',
    ),
    // 010: validity and next due date stamped at finalisation, and the countersignature of a negative outcome.
    added: {
      validity_months: 0,
      aligned_until: '',
      next_due: '',
      countersigned_by: '',
      countersigned_role: '',
      countersigned_at: '',
      countersign_comment: '',
    },
  },
  ratings: {
    key: ['assessment_id', 'criterion_id', 'programme_id'],
    columns: cols('assessment_id criterion_id programme_id rating na_reason note data maturity evidence_seen updated_at updated_by'),
    // 008: the inspector's corrective action; 009: the override reason (see addedColumns).
    added: { action_required: '', closing_evidence: '', override_reason: '' },
  },
  corrective_actions: {
    key: ['id'],
    columns: cols(
      'id assessment_id institution_id criterion_id programme_id finding_class description owner due_date status institution_response verification_note verified_in_assessment_id verified_at revision created_at created_by updated_at updated_by',
    ),
  },
  evidence_files: {
    key: ['sha256'],
    columns: cols('sha256 size media_type first_seen_at first_seen_by'),
  },
  evidence_items: {
    key: ['id'],
    columns: cols(
      'id assessment_id sha256 original_name caption evidence_type taken_at attached_at attached_by revision updated_at updated_by',
    ),
  },
  evidence_links: {
    key: ['evidence_item_id', 'criterion_id', 'programme_id'],
    columns: cols('evidence_item_id assessment_id criterion_id programme_id linked_at linked_by'),
  },
  // 010: appeals against finalised assessments.
  appeals: {
    key: ['id'],
    columns: cols(
      'id assessment_id institution_id received_on grounds lodged_by decision decided_by decided_on outcome_note revision created_at created_by updated_at updated_by',
    ),
  },
} as const satisfies Record<string, { key: readonly string[]; columns: readonly string[]; added?: Record<string, string | number> }>;

export type CoveredTable = keyof typeof coveredTables;
export const coveredTableNames = Object.keys(coveredTables) as CoveredTable[];

/** The values of a record's key, in the order of `coveredTables[table].key`. */
export type RecordKey = (string | number)[];

/**
 * What one change-log entry says the transaction left behind: per table, each touched record's key
 * followed by the SHA-256 of its row after the change (null: the record was deleted). It is part of the
 * entry's payload, so the chain's hashes cover it.
 */
export type WrittenState = Partial<Record<CoveredTable, [...RecordKey, string | null][]>>;

/** The payload key under which the Mutator records `WrittenState`. */
export const writtenKey = 'written';

/**
 * Columns a later migration added to a covered table, with the default every older row got. A digest
 * covers such a column only when it holds something other than its default: a row that never used it
 * digests exactly as before the column existed (so every state logged earlier still matches), and one
 * that did is covered in full. No content is left out: leaving the key out means "the default".
 */
export function addedColumns(table: CoveredTable): Readonly<Record<string, string | number>> {
  const t = coveredTables[table];
  return 'added' in t ? t.added : {};
}

/** The columns a digest reads from a table: version 1's, and the added ones this database has. */
export function digestColumns(table: CoveredTable, present?: ReadonlySet<string>): string[] {
  const added = Object.keys(addedColumns(table)).filter((c) => present === undefined || present.has(c));
  return [...coveredTables[table].columns, ...added];
}

/** The column names of a table as this database has them (an older schema lacks the added ones). */
export function tableColumns(db: Database.Database, table: CoveredTable): Set<string> {
  return new Set(
    db
      .prepare<[], { name: string }>(`PRAGMA table_info(${table})`)
      .all()
      .map((c) => c.name),
  );
}

/** SHA-256 of the canonical JSON of the covered columns: equal digests mean equal content. */
export function rowDigest(table: CoveredTable, row: Record<string, unknown>): string {
  const picked: Record<string, unknown> = {};
  for (const column of coveredTables[table].columns) picked[column] = row[column] ?? null;
  for (const [column, fallback] of Object.entries(addedColumns(table))) {
    const value = row[column];
    if (value !== undefined && value !== null && value !== fallback) picked[column] = value;
  }
  return createHash('sha256').update(canonicalJson(picked)).digest('hex');
}

/** One string per record, for maps: the key values as a JSON array (unambiguous whatever they contain). */
export function recordId(key: readonly unknown[]): string {
  return JSON.stringify(key);
}

/** How a record is named to a person: `ratings ["a1","IF-03",""]`, `institutions 5c0…`. */
export function describeRecord(table: string, key: readonly unknown[]): string {
  return `${table} ${key.length === 1 ? String(key[0]) : recordId(key)}`;
}

export function selectRowSql(table: CoveredTable, present?: ReadonlySet<string>): string {
  const t = coveredTables[table];
  return `SELECT ${digestColumns(table, present).join(', ')} FROM ${table} WHERE ${t.key.map((k) => `${k} = ?`).join(' AND ')}`;
}

const touchedTable = 'temp.audit_touched';

/**
 * Follows which covered records a transaction writes, whatever code writes them (a repository, an
 * import's generic UPDATE, a bulk copy): temporary triggers — on this connection only, invisible in the
 * database file — note each inserted, updated or deleted key. `collect` turns the notes into digests of
 * the rows as they are now and forgets them. The Mutator calls it for every change-log entry, so each
 * entry carries the state of what was written just before it.
 */
export class RecordStateTracker {
  private readonly touched: Database.Statement<[], { tbl: CoveredTable; k1: string | number; k2: string | number; k3: string | number }>;
  private readonly clearStmt: Database.Statement;
  private readonly rowOf = new Map<CoveredTable, Database.Statement<unknown[], Record<string, unknown>>>();

  constructor(db: Database.Database) {
    db.exec(`CREATE TEMP TABLE IF NOT EXISTS audit_touched (
      tbl TEXT NOT NULL, k1 ANY NOT NULL, k2 ANY NOT NULL, k3 ANY NOT NULL, PRIMARY KEY (tbl, k1, k2, k3)) WITHOUT ROWID`);
    const present = new Set(db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all());
    for (const table of coveredTableNames) {
      if (!present.has(table)) continue;
      const keys = coveredTables[table].key;
      // Not INSERT OR IGNORE: a trigger's conflict clause gives way to the firing statement's (an import's
      // INSERT OR REPLACE, say), so a duplicate note is avoided by the WHERE instead.
      const note = (row: 'NEW' | 'OLD') => {
        const values = [0, 1, 2].map((i) => (keys[i] ? `${row}.${keys[i]}` : "''"));
        return `INSERT INTO ${touchedTable} (tbl, k1, k2, k3) SELECT '${table}', ${values.join(', ')}
          WHERE NOT EXISTS (SELECT 1 FROM ${touchedTable} WHERE tbl = '${table}' AND k1 = ${values[0]} AND k2 = ${values[1]} AND k3 = ${values[2]});`;
      };
      db.exec(`
        CREATE TEMP TRIGGER IF NOT EXISTS audit_touch_${table}_insert AFTER INSERT ON main.${table} BEGIN ${note('NEW')} END;
        CREATE TEMP TRIGGER IF NOT EXISTS audit_touch_${table}_update AFTER UPDATE ON main.${table} BEGIN ${note('OLD')} ${note('NEW')} END;
        CREATE TEMP TRIGGER IF NOT EXISTS audit_touch_${table}_delete AFTER DELETE ON main.${table} BEGIN ${note('OLD')} END;`);
      this.rowOf.set(table, db.prepare(selectRowSql(table, tableColumns(db, table))));
    }
    this.touched = db.prepare(`SELECT tbl, k1, k2, k3 FROM ${touchedTable}`);
    this.clearStmt = db.prepare(`DELETE FROM ${touchedTable}`);
  }

  /** The state of every record written since the last call (null when none), and forgets them. */
  collect(): WrittenState | null {
    const notes = this.touched.all();
    if (notes.length === 0) return null;
    this.clearStmt.run();
    const written: WrittenState = {};
    for (const n of notes) {
      const key = [n.k1, n.k2, n.k3].slice(0, coveredTables[n.tbl].key.length);
      const row = this.rowOf.get(n.tbl)!.get(...key);
      (written[n.tbl] ??= []).push([...key, row === undefined ? null : rowDigest(n.tbl, row)]);
    }
    return written;
  }

  /** Forgets notes made outside a mutation: a write that bypassed the Mutator must not be vouched for. */
  discard(): void {
    this.clearStmt.run();
  }
}

/** Splits a large state into pieces of at most `rows` records, for entries of a bounded size. */
export function splitWritten(written: WrittenState, rows: number): WrittenState[] {
  const pieces: WrittenState[] = [];
  let current: WrittenState = {};
  let count = 0;
  for (const table of coveredTableNames) {
    for (const record of written[table] ?? []) {
      if (count === rows) {
        pieces.push(current);
        current = {};
        count = 0;
      }
      (current[table] ??= []).push(record);
      count += 1;
    }
  }
  if (count > 0) pieces.push(current);
  return pieces;
}

import type Database from 'better-sqlite3';
import type { ChangeLogHead } from './change-log-head-file';
import {
  coveredTableNames,
  coveredTables,
  describeRecord,
  digestColumns,
  recordId,
  rowDigest,
  tableColumns,
  writtenKey,
  type CoveredTable,
  type WrittenState,
} from './record-state';
import { expectedTriggers } from './expected-triggers';
import { verifyChangeLog, type ChangeLogReport, type ChangeLogRow } from './verify-change-log';

/** A record whose current content is not what the change log last recorded for it. */
export interface RecordProblem {
  table: CoveredTable;
  key: (string | number)[];
  /** How a person finds it: the table and its key. */
  record: string;
  /**
   * changed: the row differs from its last logged state; deleted: logged, but the row is gone;
   * reappeared: the app deleted it (and logged that), yet a row is there; unlogged: no entry ever
   * recorded this record — it was added outside the app.
   */
  problem: 'changed' | 'deleted' | 'reappeared' | 'unlogged';
  /** The entry that last recorded it (absent for unlogged). */
  loggedIn?: { seq: number; at: string; action: string };
}

export interface TriggerProblem {
  name: string;
  /** missing: dropped; altered: its SQL is not the migrations'; unexpected: not created by any migration. */
  problem: 'missing' | 'altered' | 'unexpected';
}

/** A head (position and hash) noted somewhere else, checked against the log. */
export interface HeadCheck {
  /** Where the claim comes from: the head file, the command line, or an entry (report signed, package exported). */
  source: string;
  count: number;
  hash: string;
  /**
   * ok: the log's entry at that position has that hash; beyond-log: the log is shorter (its newest
   * entries were deleted, or an older copy of the database was put back); differs: the log was
   * rewritten from that point or earlier; absent / unreadable: the head file is missing (removed: every
   * commit since schema 7 writes it) or is not one the app wrote.
   */
  status: 'ok' | 'beyond-log' | 'differs' | 'absent' | 'unreadable';
  /** For a head recorded in the log itself: the entry that recorded it. */
  recordedBy?: { seq: number; entity: string; entityId: string; action: string };
}

/** The schema version (migration 007) from which every record's state is logged. */
export const recordStateSince = 7;

export interface AuditTrailReport extends ChangeLogReport {
  /**
   * Covered records compared with their last logged state. `notChecked` is set for a database older
   * than schema 7 (not yet opened by a version that logs record states; the app upgrades it on opening).
   */
  records: { checked: number; problems: RecordProblem[]; notChecked?: { schema: number } };
  triggers: TriggerProblem[];
  heads: HeadCheck[];
  /** Entries, records, triggers and every head hold. */
  intact: boolean;
}

export interface HeadClaim {
  source: string;
  head: ChangeLogHead | null | 'unreadable';
}

const pageSize = 1000;

/**
 * Everything `audit verify` checks, read-only:
 *
 * 1. the hash chain (verifyChangeLog): an edited, deleted or inserted entry in the middle;
 * 2. every covered record against its last logged state (the `written` digests the Mutator puts in
 *    each entry): a record edited, deleted or added with SQL, even when the log itself is untouched;
 * 3. the triggers against those the migrations create: a lock trigger dropped or altered;
 * 4. heads recorded elsewhere — in signed reports and exported packages (their entries), in the head
 *    file beside the database, or given by a person — against the log: newest entries deleted, or the
 *    log rewritten and every hash recomputed.
 *
 * What it cannot see: a rewrite consistent in every respect — log, records, triggers and head file
 * all redone — is told apart only by a head recorded in a document that left this machine (a signed
 * report's signature page, a package's manifest), checked with `heads`.
 */
export function verifyAuditTrail(db: Database.Database, options: { heads?: HeadClaim[] } = {}): AuditTrailReport {
  const ownTransaction = !db.inTransaction;
  // One snapshot for the whole check: the desktop app may be writing meanwhile.
  if (ownTransaction) db.exec('BEGIN');
  try {
    return check(db, options.heads ?? []);
  } finally {
    if (ownTransaction) db.exec('COMMIT');
  }
}

function check(db: Database.Database, claims: HeadClaim[]): AuditTrailReport {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS audit_logged (
    tbl TEXT NOT NULL, k TEXT NOT NULL, digest TEXT, seq INTEGER NOT NULL, at TEXT NOT NULL, action TEXT NOT NULL,
    PRIMARY KEY (tbl, k)) WITHOUT ROWID`);
  db.exec('DELETE FROM temp.audit_logged');
  try {
    const remember = db.prepare(
      `INSERT INTO temp.audit_logged (tbl, k, digest, seq, at, action) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (tbl, k) DO UPDATE SET digest = excluded.digest, seq = excluded.seq, at = excluded.at, action = excluded.action`,
    );
    const recorded: { head: ChangeLogHead; by: ChangeLogRow }[] = [];
    const chain = verifyChangeLog(db, (row) => {
      // Canonical JSON sorts keys, so a payload without the key never contains it as a key at the top.
      if (row.payload.includes(`"${writtenKey}":`)) {
        const written = parseWritten(row.payload);
        for (const table of coveredTableNames) {
          for (const record of written?.[table] ?? []) {
            const key = record.slice(0, -1);
            remember.run(table, recordId(key), record[record.length - 1] ?? null, row.seq, row.at, row.action);
          }
        }
      }
      const head = recordedHead(row);
      if (head) recorded.push({ head, by: row });
    });
    const schema = db.pragma('user_version', { simple: true }) as number;
    const records = schema >= recordStateSince ? checkRecords(db) : { checked: 0, problems: [], notChecked: { schema } };
    const triggers = checkTriggers(db);
    const heads = [
      ...recorded.map(({ head, by }) => ({
        ...checkHead(db, chain.entries, `${by.entity} ${by.action} (entry #${by.seq})`, head),
        recordedBy: { seq: by.seq, entity: by.entity, entityId: by.entity_id, action: by.action },
      })),
      ...claims.flatMap((c): HeadCheck[] => {
        // An empty log has no head to record yet.
        if (c.head === null) return chain.entries === 0 ? [] : [{ source: c.source, count: 0, hash: '', status: 'absent' }];
        if (c.head === 'unreadable') return [{ source: c.source, count: 0, hash: '', status: 'unreadable' }];
        return [checkHead(db, chain.entries, c.source, c.head)];
      }),
    ];
    const intact = chain.intact && records.problems.length === 0 && triggers.length === 0 && heads.every((h) => h.status === 'ok');
    return { ...chain, intact, records, triggers, heads };
  } finally {
    db.exec('DELETE FROM temp.audit_logged');
  }
}

function parseWritten(payload: string): WrittenState | null {
  try {
    const value = (JSON.parse(payload) as Record<string, unknown>)[writtenKey];
    return typeof value === 'object' && value !== null ? (value as WrittenState) : null;
  } catch {
    return null;
  }
}

/** Heads this log recorded about itself: each signed report and each exported package notes the head it was made at. */
function recordedHead(row: ChangeLogRow): ChangeLogHead | null {
  const signedOrExported = (row.entity === 'report' && row.action === 'signed') || (row.entity === 'package' && row.action === 'exported');
  if (!signedOrExported || !row.payload.includes('"changeLog":')) return null;
  try {
    const head = (JSON.parse(row.payload) as { changeLog?: Partial<ChangeLogHead> }).changeLog;
    if (head && Number.isSafeInteger(head.count) && typeof head.hash === 'string') return { count: head.count!, hash: head.hash };
  } catch {
    // an entry that is not JSON is reported by the chain check already (its hash no longer matches)
  }
  return null;
}

/** The hash of the entry at a 1-based position (null past the end). Positions, not seqs: the claim counts entries. */
export function hashAtPosition(db: Database.Database, count: number): string | null {
  if (count < 1) return null;
  return (
    db
      .prepare<[number], string>('SELECT hash FROM change_log ORDER BY seq LIMIT 1 OFFSET ?')
      .pluck()
      .get(count - 1) ?? null
  );
}

function checkHead(db: Database.Database, entries: number, source: string, head: ChangeLogHead): HeadCheck {
  if (head.count === 0) return { source, ...head, status: 'ok' };
  if (head.count > entries) return { source, ...head, status: 'beyond-log' };
  return { source, ...head, status: hashAtPosition(db, head.count) === head.hash ? 'ok' : 'differs' };
}

function checkRecords(db: Database.Database): AuditTrailReport['records'] {
  const problems: RecordProblem[] = [];
  let checked = 0;
  const logged = db.prepare<[string, string], { digest: string | null; seq: number; at: string; action: string }>(
    'SELECT digest, seq, at, action FROM temp.audit_logged WHERE tbl = ? AND k = ?',
  );
  const present = new Set(db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all());
  for (const table of coveredTableNames) {
    if (!present.has(table)) continue;
    const { key } = coveredTables[table];
    const columns = digestColumns(table, tableColumns(db, table));
    const keyList = key.join(', ');
    const first = db.prepare<[], Record<string, unknown>>(
      `SELECT ${columns.join(', ')} FROM ${table} ORDER BY ${keyList} LIMIT ${pageSize}`,
    );
    const next = db.prepare<unknown[], Record<string, unknown>>(
      `SELECT ${columns.join(', ')} FROM ${table} WHERE (${keyList}) > (${key.map(() => '?').join(', ')}) ORDER BY ${keyList} LIMIT ${pageSize}`,
    );
    for (let rows = first.all(); rows.length > 0;) {
      for (const row of rows) {
        checked += 1;
        const values = key.map((k) => row[k] as string | number);
        const last = logged.get(table, recordId(values));
        const place = { table, key: values, record: describeRecord(table, values) };
        if (last === undefined) problems.push({ ...place, problem: 'unlogged' });
        else if (last.digest === null)
          problems.push({ ...place, problem: 'reappeared', loggedIn: { seq: last.seq, at: last.at, action: last.action } });
        else if (last.digest !== rowDigest(table, row))
          problems.push({ ...place, problem: 'changed', loggedIn: { seq: last.seq, at: last.at, action: last.action } });
      }
      if (rows.length < pageSize) break;
      rows = next.all(...key.map((k) => rows[rows.length - 1]![k]));
    }
    // Logged as present, but no longer there.
    const exists = db.prepare<unknown[], number>(`SELECT 1 FROM ${table} WHERE ${key.map((k) => `${k} = ?`).join(' AND ')}`).pluck();
    const gone = db.prepare<[string, string, number], { k: string; seq: number; at: string; action: string }>(
      `SELECT k, seq, at, action FROM temp.audit_logged WHERE tbl = ? AND digest IS NOT NULL AND k > ? ORDER BY k LIMIT ?`,
    );
    for (let after = ''; ;) {
      const page = gone.all(table, after, pageSize);
      for (const g of page) {
        const values = JSON.parse(g.k) as (string | number)[];
        if (exists.get(...values) === undefined)
          problems.push({
            table,
            key: values,
            record: describeRecord(table, values),
            problem: 'deleted',
            loggedIn: { seq: g.seq, at: g.at, action: g.action },
          });
      }
      if (page.length < pageSize) break;
      after = page[page.length - 1]!.k;
    }
  }
  return { checked, problems };
}

function checkTriggers(db: Database.Database): TriggerProblem[] {
  const expected = expectedTriggers(db.pragma('user_version', { simple: true }) as number);
  const actual = new Map(
    db
      .prepare<[], { name: string; sql: string | null }>("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
      .all()
      .map((t) => [t.name, normaliseSql(t.sql ?? '')]),
  );
  const problems: TriggerProblem[] = [];
  for (const [name, sql] of expected) {
    const found = actual.get(name);
    if (found === undefined) problems.push({ name, problem: 'missing' });
    else if (found !== sql) problems.push({ name, problem: 'altered' });
  }
  for (const name of actual.keys()) if (!expected.has(name)) problems.push({ name, problem: 'unexpected' });
  return problems;
}

function normaliseSql(sql: string): string {
  return sql.replace(/\s+/g, ' ').trim();
}

import type Database from 'better-sqlite3';
import { coveredTableNames, coveredTables, rowDigest, splitWritten, writtenKey, type WrittenState } from '../../audit/record-state';
import { canonicalJson } from '../../../../shared/util/canonical-json';
import { changeHash, genesisHash } from '../mutator';
import { newId } from '../../support/ids';
import type { Migration } from '../migrate';

/**
 * The audit trail vouches for record contents, not only for its own entries.
 *
 * - The change log is append-only: triggers refuse UPDATE and DELETE, as 005 does for imported entries.
 *   (Someone with the database file and a SQL shell can drop a trigger; `audit verify` then names it,
 *   and the record digests below still expose what was changed while it was gone.)
 * - From now on every change-log entry carries the SHA-256 of each covered record the change wrote
 *   (the Mutator does it; see audit/record-state.ts), so `audit verify` can compare every record with
 *   its last logged state. Records already here were written before that: this migration logs their
 *   current state once ("baseline" entries, 2,000 records each), so that afterwards a record without a
 *   logged state can only have been written outside the app. Whatever was altered before this upgrade
 *   is vouched for as it stands — nothing could tell it apart any more.
 *
 * The baseline uses the chain's hash function and the digests' version-1 column lists directly: both are
 * formats that never change (a change would break every chain and digest already written).
 */
export const auditTrailSchema: Migration = {
  version: 7,
  name: '007-audit-trail',
  up(db) {
    db.exec(`
      CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
      BEGIN
        SELECT RAISE(ABORT, 'change-log entries are never changed');
      END;
      CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
      BEGIN
        SELECT RAISE(ABORT, 'change-log entries are never deleted');
      END;
    `);
    logBaseline(db);
  },
};

const baselinePiece = 2000;

function logBaseline(db: Database.Database): void {
  const written: WrittenState = {};
  let any = false;
  // Tables a later migration creates (010's appeals) are covered too, but do not exist yet at schema 7.
  const present = new Set(db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all());
  for (const table of coveredTableNames) {
    if (!present.has(table)) continue;
    const { key, columns } = coveredTables[table];
    const rows = db.prepare<[], Record<string, unknown>>(`SELECT ${columns.join(', ')} FROM ${table} ORDER BY ${key.join(', ')}`).iterate();
    for (const row of rows) {
      (written[table] ??= []).push([...key.map((k) => row[k] as string | number), rowDigest(table, row)]);
      any = true;
    }
  }
  if (!any) return;
  const last = db.prepare<[], { hash: string }>('SELECT hash FROM change_log ORDER BY seq DESC LIMIT 1').get();
  const insert = db.prepare(
    `INSERT INTO change_log (id, at, actor_id, actor_name, entity, entity_id, action, payload, prev_hash, hash)
     VALUES (@id, @at, @actorId, @actorName, @entity, @entityId, @action, @payload, @prevHash, @hash)`,
  );
  let prevHash = last?.hash ?? genesisHash;
  const at = new Date().toISOString();
  for (const piece of splitWritten(written, baselinePiece)) {
    const row = {
      id: newId(),
      at,
      actorId: 'tvet-inspector',
      actorName: 'TVET Inspector (upgrade to schema 7)',
      entity: 'audit-trail',
      entityId: '007-audit-trail',
      action: 'baseline',
      payload: canonicalJson({ [writtenKey]: piece }),
      prevHash,
    };
    prevHash = changeHash(row);
    insert.run({ ...row, hash: prevHash });
  }
}

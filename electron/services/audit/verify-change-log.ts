import type Database from 'better-sqlite3';
import { changeHash, genesisHash } from '../db/mutator';

export interface ChangeLogBreak {
  seq: number;
  at: string;
  entity: string;
  entityId: string;
  /** Why this entry does not hold: its content was changed, or the entry before it is not the one it names. */
  problem: 'altered' | 'broken-link';
}

export interface ChangeLogReport {
  entries: number;
  intact: boolean;
  /** Every entry that does not hold, oldest first. */
  breaks: ChangeLogBreak[];
  /** Hash of the newest entry: noted elsewhere, it exposes a log rewritten wholesale (every hash recomputed). */
  headHash: string;
}

export interface ChangeLogRow {
  seq: number;
  id: string;
  at: string;
  actor_id: string;
  actor_name: string;
  entity: string;
  entity_id: string;
  action: string;
  payload: string;
  prev_hash: string;
  hash: string;
}

const pageSize = 2000;

/**
 * Walks the whole change log in order and recomputes every hash. An entry whose fields no longer hash
 * to its stored hash was edited; an entry whose previous hash is not the hash of the entry before it
 * means an entry was deleted, inserted or reordered there. Reads the rows a page at a time, so a
 * national-scale log is checked in constant memory and `visit` may query the database meanwhile.
 */
export function verifyChangeLog(db: Database.Database, visit?: (row: ChangeLogRow, position: number) => void): ChangeLogReport {
  const page = db.prepare<[number, number], ChangeLogRow>(
    `SELECT seq, id, at, actor_id, actor_name, entity, entity_id, action, payload, prev_hash, hash
     FROM change_log WHERE seq > ? ORDER BY seq LIMIT ?`,
  );
  const breaks: ChangeLogBreak[] = [];
  let previous = genesisHash;
  let entries = 0;
  for (let after = Number.MIN_SAFE_INTEGER; ;) {
    const rows = page.all(after, pageSize);
    for (const row of rows) {
      entries += 1;
      const place = { seq: row.seq, at: row.at, entity: row.entity, entityId: row.entity_id };
      if (row.prev_hash !== previous) breaks.push({ ...place, problem: 'broken-link' });
      const recomputed = changeHash({
        id: row.id,
        at: row.at,
        actorId: row.actor_id,
        actorName: row.actor_name,
        entity: row.entity,
        entityId: row.entity_id,
        action: row.action,
        payload: row.payload,
        prevHash: row.prev_hash,
      });
      if (recomputed !== row.hash) breaks.push({ ...place, problem: 'altered' });
      previous = row.hash;
      visit?.(row, entries);
    }
    if (rows.length < pageSize) break;
    after = rows[rows.length - 1]!.seq;
  }
  return { entries, intact: breaks.length === 0, breaks, headHash: previous };
}

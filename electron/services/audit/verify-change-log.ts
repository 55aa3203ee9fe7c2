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

interface Row {
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

/**
 * Walks the whole change log in order and recomputes every hash. An entry whose fields no longer hash
 * to its stored hash was edited; an entry whose previous hash is not the hash of the entry before it
 * means an entry was deleted, inserted or reordered there. Streams the rows, so a national-scale log
 * is checked in constant memory.
 */
export function verifyChangeLog(db: Database.Database): ChangeLogReport {
  const rows = db
    .prepare<[], Row>(
      'SELECT seq, id, at, actor_id, actor_name, entity, entity_id, action, payload, prev_hash, hash FROM change_log ORDER BY seq',
    )
    .iterate();
  const breaks: ChangeLogBreak[] = [];
  let previous = genesisHash;
  let entries = 0;
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
  }
  return { entries, intact: breaks.length === 0, breaks, headHash: previous };
}

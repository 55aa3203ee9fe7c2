import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Actor } from '../support/actor';
import type { Clock } from '../support/clock';
import { newId } from '../support/ids';
import { canonicalJson } from '../../../shared/util/canonical-json';

export interface ChangeEntry {
  entity: string;
  entityId: string;
  action: string;
  payload: unknown;
}

export interface MutationContext {
  db: Database.Database;
  actor: Actor;
  /** One timestamp for the whole mutation, so every row it touches agrees. */
  at: string;
  record(entry: ChangeEntry): void;
}

/** The previous hash of the first entry. */
export const genesisHash = '0'.repeat(64);

/**
 * The single door every write goes through. It opens a transaction, stamps actor and time, and appends a
 * hash-chained change-log entry for each change in the same transaction — so a write and its audit
 * record commit together or not at all, and later features (audit trail, transfer packages) can rely on it.
 */
export class Mutator {
  private readonly lastHash: Database.Statement<[], { hash: string }>;
  private readonly insertChange: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock,
    private readonly currentActor: () => Actor,
  ) {
    this.lastHash = db.prepare('SELECT hash FROM change_log ORDER BY seq DESC LIMIT 1');
    this.insertChange = db.prepare(
      `INSERT INTO change_log (id, at, actor_id, actor_name, entity, entity_id, action, payload, prev_hash, hash)
       VALUES (@id, @at, @actorId, @actorName, @entity, @entityId, @action, @payload, @prevHash, @hash)`,
    );
  }

  run<T>(work: (ctx: MutationContext) => T): T {
    const actor = this.currentActor();
    const at = this.clock.now();
    const ctx: MutationContext = {
      db: this.db,
      actor,
      at,
      record: (entry) => this.append(actor, at, entry),
    };
    // better-sqlite3 transactions are synchronous: `work` must not await.
    return this.db.transaction(() => work(ctx)).immediate();
  }

  private append(actor: Actor, at: string, entry: ChangeEntry): void {
    const prevHash = this.lastHash.get()?.hash ?? genesisHash;
    const row = {
      id: newId(),
      at,
      actorId: actor.id,
      actorName: actor.name,
      entity: entry.entity,
      entityId: entry.entityId,
      action: entry.action,
      payload: canonicalJson(entry.payload),
      prevHash,
    };
    this.insertChange.run({ ...row, hash: changeHash(row) });
  }
}

/** The fields of a change-log row that its hash covers (payload as stored: canonical JSON text). */
export interface HashedChange {
  id: string;
  at: string;
  actorId: string;
  actorName: string;
  entity: string;
  entityId: string;
  action: string;
  payload: string;
  prevHash: string;
}

/** One link of the chain: SHA-256 of the canonical JSON of the row, which names the previous hash. */
export function changeHash(row: HashedChange): string {
  return createHash('sha256').update(canonicalJson(row)).digest('hex');
}

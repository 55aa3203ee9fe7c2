import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { RecordStateTracker, splitWritten, writtenKey, type WrittenState } from '../audit/record-state';
import { ChangeLogHeadFile } from '../audit/change-log-head-file';
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

/** Records per change-log entry at most: an import of thousands of rows spreads its state over a few entries. */
const maxWrittenPerEntry = 2000;

export interface MutatorOptions {
  /**
   * A file outside the database that gets the newest entry's position and hash after every commit
   * (`audit verify` compares the log with it: a log that no longer reaches it lost its newest entries,
   * or is an older copy of the database put back). Left out in tests that build a Mutator by hand.
   */
  headFile?: string;
}

/**
 * The single door every write goes through. It opens a transaction, stamps actor and time, and appends a
 * hash-chained change-log entry for each change in the same transaction — so a write and its audit
 * record commit together or not at all, and later features (audit trail, transfer packages) can rely on it.
 *
 * Each entry also carries, under `written`, the SHA-256 of every covered record the transaction wrote
 * before it (see audit/record-state.ts), so `audit verify` can tell a record changed outside the app
 * from one changed here. Records written after the last entry get an entry of their own ('record-state').
 */
export class Mutator {
  private readonly lastHash: Database.Statement<[], { hash: string }>;
  private readonly insertChange: Database.Statement;
  private readonly state: RecordStateTracker;
  private depth = 0;
  private head: { count: number; hash: string } | null = null;
  private readonly headFile: ChangeLogHeadFile | null;

  constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock,
    private readonly currentActor: () => Actor,
    options: MutatorOptions = {},
  ) {
    this.lastHash = db.prepare('SELECT hash FROM change_log ORDER BY seq DESC LIMIT 1');
    this.insertChange = db.prepare(
      `INSERT INTO change_log (id, at, actor_id, actor_name, entity, entity_id, action, payload, prev_hash, hash)
       VALUES (@id, @at, @actorId, @actorName, @entity, @entityId, @action, @payload, @prevHash, @hash)`,
    );
    this.state = new RecordStateTracker(db);
    this.headFile = options.headFile ? new ChangeLogHeadFile(options.headFile) : null;
  }

  /** Lets go of the head file (the database is closed by its owner). */
  close(): void {
    this.headFile?.close();
  }

  run<T>(work: (ctx: MutationContext) => T): T {
    const actor = this.currentActor();
    const at = this.clock.now();
    const recorded: { last: ChangeEntry | null } = { last: null };
    const ctx: MutationContext = {
      db: this.db,
      actor,
      at,
      record: (entry) => {
        recorded.last = entry;
        this.append(actor, at, entry);
      },
    };
    const outermost = this.depth === 0;
    if (outermost) this.head = null;
    this.depth += 1;
    let result: T;
    try {
      // better-sqlite3 transactions are synchronous: `work` must not await.
      result = this.db
        .transaction(() => {
          // A write that reached a covered table outside any mutation is not this mutation's to vouch for.
          if (outermost) this.state.discard();
          const value = work(ctx);
          if (outermost) this.recordLeftovers(actor, at, recorded.last);
          return value;
        })
        .immediate();
    } finally {
      this.depth -= 1;
    }
    if (outermost && this.head !== null) this.headFile?.write(this.head);
    return result;
  }

  /** Records written after the transaction's last entry (or in one that logged nothing) get an entry of their own. */
  private recordLeftovers(actor: Actor, at: string, last: ChangeEntry | null): void {
    const written = this.state.collect();
    if (written === null) return;
    for (const piece of splitWritten(written, maxWrittenPerEntry)) {
      this.insert(actor, at, {
        entity: 'record-state',
        entityId: last?.entityId ?? '',
        action: 'written',
        payload: { [writtenKey]: piece },
      });
    }
  }

  private append(actor: Actor, at: string, entry: ChangeEntry): void {
    const written = this.state.collect();
    if (written === null || !isPlainObject(entry.payload) || writtenKey in entry.payload) {
      this.insert(actor, at, entry);
      if (written !== null) this.insertWritten(actor, at, entry, splitWritten(written, maxWrittenPerEntry));
      return;
    }
    const [first, ...rest] = splitWritten(written, maxWrittenPerEntry);
    this.insert(actor, at, { ...entry, payload: { ...entry.payload, [writtenKey]: first } });
    this.insertWritten(actor, at, entry, rest);
  }

  private insertWritten(actor: Actor, at: string, after: ChangeEntry, pieces: WrittenState[]): void {
    for (const piece of pieces)
      this.insert(actor, at, { entity: 'record-state', entityId: after.entityId, action: 'written', payload: { [writtenKey]: piece } });
  }

  private insert(actor: Actor, at: string, entry: ChangeEntry): void {
    const previous = this.lastHash.get();
    const row = {
      id: newId(),
      at,
      actorId: actor.id,
      actorName: actor.name,
      entity: entry.entity,
      entityId: entry.entityId,
      action: entry.action,
      payload: canonicalJson(entry.payload),
      prevHash: previous?.hash ?? genesisHash,
    };
    const hash = changeHash(row);
    const seq = Number(this.insertChange.run({ ...row, hash }).lastInsertRowid);
    // Entries are never deleted (migration 007 refuses it), so an entry's seq is its position in the log.
    this.head = { count: seq, hash };
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
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

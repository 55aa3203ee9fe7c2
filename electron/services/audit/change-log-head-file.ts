import type Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { privateFileMode } from '../support/private-files';

/** The newest entry of a change log: its position (1-based, the number of entries up to it) and hash. */
export interface ChangeLogHead {
  count: number;
  hash: string;
}

/** Beside the database in the data folder. */
export function changeLogHeadFileIn(dataDir: string): string {
  return path.join(dataDir, 'change-log.head');
}

/** Every head is written as the same number of bytes, so each write replaces the whole file in place. */
const recordBytes = 128;

/**
 * Written after every commit, outside the database: deleting the newest entries with SQL, or putting an
 * older copy of the database file back, leaves a log that no longer reaches this head. It is a seal
 * against the casual, not a proof — whoever can write the database can write this file too — and it
 * may lag one commit behind after a crash or when two processes write; `audit verify` accepts any head
 * the log still contains. Never fails a write that has already committed.
 *
 * The file is kept open and overwritten in place with a fixed-size record (one write, no rename): an
 * autosave pays a few microseconds for it rather than a file creation and a rename.
 */
export class ChangeLogHeadFile {
  private fd: number | null = null;

  constructor(readonly file: string) {}

  write(head: ChangeLogHead): void {
    try {
      this.fd ??= openHeadFile(this.file);
      const text = JSON.stringify(head);
      fs.writeSync(this.fd, Buffer.from(`${text.padEnd(recordBytes - 1)}\n`), 0, recordBytes, 0);
    } catch {
      // The next commit tries again; `audit verify` reports a head file that fell behind only if the log lost entries.
      this.close();
    }
  }

  close(): void {
    if (this.fd === null) return;
    try {
      fs.closeSync(this.fd);
    } catch {
      // already gone
    }
    this.fd = null;
  }
}

function openHeadFile(file: string): number {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r+');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    fd = fs.openSync(file, 'wx', privateFileMode);
  }
  fs.ftruncateSync(fd, recordBytes);
  return fd;
}

/** One write of the head, for a caller without an open ChangeLogHeadFile. */
export function writeChangeLogHead(file: string, head: ChangeLogHead): void {
  const once = new ChangeLogHeadFile(file);
  once.write(head);
  once.close();
}

/** The recorded head; null when there is none yet; 'unreadable' when the file is not one we wrote. */
export function readChangeLogHead(file: string): ChangeLogHead | null | 'unreadable' {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? null : 'unreadable';
  }
  try {
    const value = JSON.parse(text) as Partial<ChangeLogHead>;
    if (Number.isSafeInteger(value.count) && (value.count ?? 0) > 0 && /^[0-9a-f]{64}$/.test(value.hash ?? '')) {
      return { count: value.count!, hash: value.hash! };
    }
  } catch {
    // fall through
  }
  return 'unreadable';
}

/**
 * A data folder written by a version before the head file (schema < 7) gets one when it is upgraded, so
 * that from then on a missing head file means it was removed. Only then: writing one whenever it is
 * missing would bless a log cut short together with its head file.
 */
export function sealUpgradedLog(db: Database.Database, file: string, migration: { from: number; to: number }): void {
  if (migration.from === 0 || migration.from >= headFileSince || migration.to < headFileSince || fs.existsSync(file)) return;
  const last = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM change_log ORDER BY seq DESC LIMIT 1').get();
  if (last) writeChangeLogHead(file, { count: last.seq, hash: last.hash });
}

/** The schema version (migration 007, the audit trail) from which every commit writes the head file. */
const headFileSince = 7;

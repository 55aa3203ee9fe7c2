import Database from 'better-sqlite3';
import fs from 'node:fs';
import { AppError } from '../../../shared/ipc/result';
import { databasePathIn } from '../support/data-dir';
import { changeLogHeadFileIn, readChangeLogHead, type ChangeLogHead } from './change-log-head-file';
import { verifyAuditTrail, type AuditTrailReport } from './verify-audit-trail';

/**
 * `audit verify` on a data folder: the change log, every record against its last logged state, the lock
 * triggers, the head file and any heads noted elsewhere. Read-only, like report verification — checking
 * the trail must never write to it. The command line and the crash test both call this.
 */
export function verifyDataFolder(
  dataDir: string,
  givenHeads: readonly ChangeLogHead[] = [],
): { database: string; report: AuditTrailReport } {
  const database = databasePathIn(dataDir);
  if (!fs.existsSync(database)) throw new AppError('not-found', `There is no database at ${database}.`);
  // Read before the database: a commit made meanwhile can only make the log longer than this head.
  const headFile = readChangeLogHead(changeLogHeadFileIn(dataDir));
  const db = new Database(database, { readonly: true, fileMustExist: true });
  try {
    const report = verifyAuditTrail(db, {
      heads: [
        { source: 'head file', head: headFile },
        ...givenHeads.map((head) => ({ source: `--head ${head.count}:${head.hash}`, head })),
      ],
    });
    return { database, report };
  } finally {
    db.close();
  }
}

import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../../shared/ipc/result';
import { verifyChangeLog, type ChangeLogReport } from '../../services/audit/verify-change-log';
import { databasePathIn, defaultDataDir } from '../../services/support/data-dir';
import { exitCodes, UsageError, type Output } from '../cli-context';

export const auditUsage = `audit verify [--json]          recompute the change log's hash chain: exit 0 intact, 1 altered or broken`;

/** `audit verify`: read-only, like report verification — checking the trail must never write to it. */
export function runAudit(args: string[], o: Output): number {
  const [verb, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    options: { 'data-dir': { type: 'string' }, json: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  if (verb !== 'verify') throw new UsageError(`Unknown command "audit ${verb ?? ''}".`);
  if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
  const file = databasePathIn(path.resolve(values['data-dir'] ?? defaultDataDir()));
  if (!fs.existsSync(file)) throw new AppError('not-found', `There is no database at ${file}.`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const report = verifyChangeLog(db);
    if (o.json) o.out(JSON.stringify({ database: file, ...report }, null, 2));
    else print(file, report, o);
    return report.intact ? exitCodes.ok : exitCodes.failed;
  } finally {
    db.close();
  }
}

function print(file: string, r: ChangeLogReport, o: Output) {
  o.out(`Database: ${file}`);
  o.out(`Entries:  ${r.entries}`);
  o.out(`Head:     ${r.headHash}`);
  if (r.intact) {
    o.out('INTACT: every entry hashes to its recorded value and names the one before it.');
    return;
  }
  o.out(`BROKEN: ${r.breaks.length} place(s) where the change log was altered outside the app.`);
  for (const b of r.breaks) {
    const what = b.problem === 'altered' ? 'content changed' : 'the entry before it is missing or was replaced';
    o.out(`  #${b.seq} ${b.at} ${b.entity} ${b.entityId}: ${what}`);
  }
}

import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ChangeLogHead } from '../../services/audit/change-log-head-file';
import { verifyDataFolder } from '../../services/audit/verify-data-folder';
import type { AuditTrailReport, HeadCheck, RecordProblem } from '../../services/audit/verify-audit-trail';
import { defaultDataDir } from '../../services/support/data-dir';
import { exitCodes, UsageError, type Output } from '../cli-context';

export const auditUsage = `audit verify [--head <n>:<hash>]… [--json]   check the change log, every record against its last logged state, the lock triggers and recorded heads: exit 0 intact, 1 altered`;

/** `audit verify`: the shared check (services/audit/verify-data-folder), printed for a person or as JSON. */
export function runAudit(args: string[], o: Output): number {
  const [verb, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    options: { 'data-dir': { type: 'string' }, json: { type: 'boolean' }, head: { type: 'string', multiple: true } },
    allowPositionals: true,
    strict: true,
  });
  if (verb !== 'verify') throw new UsageError(`Unknown command "audit ${verb ?? ''}".`);
  if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
  const given = (values.head ?? []).map(parseHead);
  const { database, report } = verifyDataFolder(path.resolve(values['data-dir'] ?? defaultDataDir()), given);
  if (o.json) o.out(JSON.stringify({ database, ...report }, null, 2));
  else print(database, report, o);
  return report.intact ? exitCodes.ok : exitCodes.failed;
}

function parseHead(text: string): ChangeLogHead {
  const m = /^(\d{1,15}):([0-9a-f]{64})$/.exec(text.trim());
  if (!m) throw new UsageError(`--head takes <entries>:<hash>, as a report's signature page or a package prints it (got "${text}").`);
  return { count: Number(m[1]), hash: m[2]! };
}

/** Problems listed one per line, at most: the rest are counted (and all are in --json). */
const shown = 200;

function print(file: string, r: AuditTrailReport, o: Output) {
  o.out(`Database: ${file}`);
  o.out(`Entries:  ${r.entries}`);
  o.out(`Head:     ${r.headHash}  (note "${r.entries}:${r.headHash}" elsewhere; check it later with --head)`);
  o.out('');
  if (r.breaks.length === 0) o.out('✓ Chain: every entry hashes to its recorded value and names the one before it.');
  else {
    o.out(`✗ Chain: ${r.breaks.length} place(s) where the change log was altered outside the app:`);
    for (const b of r.breaks) {
      const what = b.problem === 'altered' ? 'content changed' : 'the entry before it is missing or was replaced';
      o.out(`    entry #${b.seq} ${b.at} ${b.entity} ${b.entityId}: ${what}`);
    }
  }
  if (r.records.notChecked)
    o.out(
      `! Records: not checked — this database is from before record states were logged (schema ${r.records.notChecked.schema}); the app upgrades it when it next opens it.`,
    );
  else if (r.records.problems.length === 0) o.out(`✓ Records: all ${r.records.checked} match their last logged state.`);
  else {
    o.out(`✗ Records: ${r.records.problems.length} of ${r.records.checked} do not match the change log:`);
    for (const p of r.records.problems.slice(0, shown)) o.out(`    ${p.record}: ${recordProblem(p)}`);
    if (r.records.problems.length > shown) o.out(`    … and ${r.records.problems.length - shown} more (all of them with --json).`);
  }
  if (r.triggers.length === 0) o.out('✓ Triggers: every lock and append-only trigger is present and unchanged.');
  else {
    o.out(`✗ Triggers: ${r.triggers.length} differ from what the migrations create:`);
    for (const t of r.triggers)
      o.out(`    ${t.name}: ${t.problem === 'missing' ? 'dropped' : t.problem === 'altered' ? 'changed' : 'not created by the app'}`);
  }
  for (const h of r.heads) o.out(`${h.status === 'ok' ? '✓' : '✗'} Head (${h.source}): ${headStatus(h)}`);
  o.out('');
  if (r.intact) {
    o.out('INTACT: nothing above shows a change made outside the app.');
    o.out(
      'Not detectable here: a rewrite redone consistently everywhere (log, records, triggers, head file). Compare the head above with one\n' +
        'noted elsewhere — a signed report’s signature page, a package sent to head office — using --head.',
    );
  } else o.out('BROKEN: the audit trail was altered outside the app (see ✗ above).');
}

function recordProblem(p: RecordProblem): string {
  const last = p.loggedIn ? `entry #${p.loggedIn.seq} (${p.loggedIn.action}, ${p.loggedIn.at})` : '';
  switch (p.problem) {
    case 'changed':
      return `changed outside the app since ${last}`;
    case 'deleted':
      return `deleted outside the app (last logged in ${last})`;
    case 'reappeared':
      return `present, but deleted through the app in ${last}`;
    case 'unlogged':
      return 'added outside the app (no change-log entry records it)';
  }
}

function headStatus(h: HeadCheck): string {
  switch (h.status) {
    case 'ok':
      return `entry ${h.count} is ${h.hash.slice(0, 16)}…, as recorded.`;
    case 'beyond-log':
      return `recorded ${h.count} entries, but the log has fewer: its newest entries were deleted, or an older copy of the database was put back.`;
    case 'differs':
      return `entry ${h.count} no longer has the recorded hash ${h.hash.slice(0, 16)}…: the log was rewritten at or before that entry.`;
    case 'absent':
      return 'the head file (change-log.head) is missing: it is written after every change, so it was removed — perhaps with the newest entries.';
    case 'unreadable':
      return 'the head file is not one the app wrote.';
  }
}

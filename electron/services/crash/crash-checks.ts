import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { verifyDataFolder } from '../audit/verify-data-folder';
import type { AuditTrailReport } from '../audit/verify-audit-trail';
import { AppServices } from '../app-services';
import { databasePathIn } from '../support/data-dir';
import type { CrashResult, CrashWrite } from './crash-protocol';

/** One write the worker started, in the order the test heard of them; `result` once it was acknowledged. */
export interface LedgerEntry {
  write: CrashWrite;
  result: CrashResult | null;
}

export interface CheckOutcome {
  problems: string[];
  /** Evidence files no record refers to, found before the next start and after it. */
  orphansBefore: number;
  orphansAfter: number;
  /** Half-written files a kill left elsewhere in the data folder (`*.part`, `*.tmp`), still there after the next start: reported, not failed. */
  leftovers: string[];
}

/**
 * What must hold after a kill, checked as the next start sees the data folder: the database file is
 * sound, `audit verify` (the command's own check, verifyDataFolder) passes, the start-up removes the evidence files the
 * kill orphaned, `evidence verify` finds every file intact, and every acknowledged write is there.
 */
export async function checkAfterKill(dataDir: string, ledger: readonly LedgerEntry[], bundledFrameworksDir: string): Promise<CheckOutcome> {
  const problems: string[] = [];
  // Before anything of the app touches it: the file exactly as the kill left it (SQLite recovers its WAL on opening).
  const raw = new Database(databasePathIn(dataDir));
  let orphansBefore: number;
  try {
    const integrity = raw.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`PRAGMA integrity_check: ${String(integrity)}`);
    const foreign = raw.pragma('foreign_key_check') as unknown[];
    if (foreign.length > 0) problems.push(`PRAGMA foreign_key_check: ${JSON.stringify(foreign.slice(0, 5))}`);
    orphansBefore = unreferenced(dataDir, raw).length;
  } finally {
    raw.close();
  }

  const { report: audit } = verifyDataFolder(dataDir);
  if (!audit.intact) problems.push(`audit verify: ${summariseAudit(audit)}`);

  const s = new AppServices({ dataDir, host: 'cli', appVersion: '0.0.0-crash', bundledFrameworksDir });
  let orphansAfter: number;
  try {
    const left = unreferenced(dataDir, s.db);
    orphansAfter = left.length;
    if (left.length > 0) problems.push(`orphaned evidence files after the next start: ${left.join(', ')}`);
    const temp = listFiles(path.join(dataDir, 'evidence', 'tmp'));
    if (temp.length > 0) problems.push(`evidence/tmp not empty after the next start: ${temp.join(', ')}`);
    const evidence = await s.evidence.verifyAll(null);
    if (evidence.problems.length > 0)
      problems.push(`evidence verify: ${evidence.problems.map((p) => `${p.sha256} ${p.state}`).join(', ')}`);
    problems.push(...checkAcknowledged(s, ledger));
  } finally {
    s.close();
  }
  const leftovers = listFiles(dataDir).filter((f) => /\.(part|tmp)$/.test(f));
  return { problems, orphansBefore, orphansAfter, leftovers };
}

/** Every file under evidence/objects and evidence/thumbs that no evidence_files row names — found by walking the folders, not by the cleanup's code. */
function unreferenced(dataDir: string, db: Database.Database): string[] {
  const known = new Set(db.prepare<[], string>('SELECT sha256 FROM evidence_files').pluck().all());
  const objects = listFiles(path.join(dataDir, 'evidence', 'objects')).filter((f) => !known.has(path.basename(f)));
  // Previews are named after their file: `<sha256>.webp`, `<sha256>.annex.jpg`.
  const thumbs = listFiles(path.join(dataDir, 'evidence', 'thumbs')).filter((f) => !known.has(path.basename(f).slice(0, 64)));
  return [...objects, ...thumbs];
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => !e.isDirectory())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

function summariseAudit(r: AuditTrailReport): string {
  return JSON.stringify({
    breaks: r.breaks.slice(0, 3),
    records: r.records.problems.slice(0, 3),
    triggers: r.triggers,
    heads: r.heads.filter((h) => h.status !== 'ok'),
  });
}

/**
 * Each acknowledged write must be there with its value. A value may since have been replaced only by a
 * later write of the same thing (acknowledged or still in flight when the kill came).
 */
export function checkAcknowledged(s: AppServices, ledger: readonly LedgerEntry[]): string[] {
  const problems: string[] = [];
  const ratings = new Map<string, Map<string, { rating: unknown; note: string }>>();
  const ratingsOf = (assessmentId: string) => {
    let found = ratings.get(assessmentId);
    if (!found) {
      found = new Map(s.assessments.get(assessmentId).ratings.map((r) => [`${r.criterionId}/${r.programmeId}`, r]));
      ratings.set(assessmentId, found);
    }
    return found;
  };
  const logged = s.db
    .prepare<[string, string, string], number>('SELECT count(*) FROM change_log WHERE entity = ? AND entity_id = ? AND action = ?')
    .pluck();
  const assessment = s.db.prepare<[string], { status: string; previous_revision_id: string | null }>(
    'SELECT status, previous_revision_id FROM assessments WHERE id = ?',
  );
  const item = s.db.prepare<[string], { sha256: string }>('SELECT sha256 FROM evidence_items WHERE id = ?');
  const imported = s.db.prepare('SELECT 1 FROM imported_packages WHERE package_id = ?');
  const workflowActions = {
    submit: 'submit',
    return: 'return-to-draft',
    countersign: 'countersign',
    finalise: 'finalise',
    reopen: 'reopen',
  } as const;
  const workflowAcks = new Map<string, number>();

  ledger.forEach((entry, index) => {
    const { write, result } = entry;
    if (result === null) return;
    const later = ledger.slice(index + 1).map((e) => e.write);
    const what = `acknowledged ${write.kind} #${index} ${JSON.stringify(write)}`;
    switch (write.kind) {
      case 'rating': {
        const key = `${write.criterionId}/${write.programmeId}`;
        const stored = ratingsOf(write.assessmentId).get(key);
        const candidates = [
          write,
          ...later.filter(
            (w) => w.kind === 'rating' && w.assessmentId === write.assessmentId && `${w.criterionId}/${w.programmeId}` === key,
          ),
        ];
        const token = stored?.note.split(' ')[0];
        const match = candidates.find((c) => c.kind === 'rating' && c.token === token);
        if (!stored || !match || match.kind !== 'rating' || stored.rating !== match.rating || stored.note.length !== match.noteLength)
          problems.push(
            `${what}: the unit holds ${stored ? `${String(stored.rating)} "${stored.note.slice(0, 40)}…" (${stored.note.length})` : 'nothing'}`,
          );
        break;
      }
      case 'user': {
        const names = [write.userName, ...later.flatMap((w) => (w.kind === 'user' ? [w.userName] : []))];
        const now = s.settings.get().userName;
        if (!names.includes(now)) problems.push(`${what}: the user is "${now}"`);
        break;
      }
      case 'attach':
        for (const id of result.itemIds ?? []) {
          const removedLater = later.some((w) => w.kind === 'remove' && w.itemId === id);
          const row = item.get(id);
          if (!row && !removedLater) problems.push(`${what}: item ${id} is missing`);
          if (row && !write.sha256s.includes(row.sha256)) problems.push(`${what}: item ${id} holds file ${row.sha256}`);
        }
        if ((result.itemIds ?? []).length === 0) problems.push(`${what}: no items were acknowledged`);
        break;
      case 'remove':
        if (item.get(write.itemId)) problems.push(`${what}: the item is still there`);
        break;
      case 'submit':
      case 'return':
      case 'countersign':
      case 'finalise':
      case 'reopen': {
        const action = workflowActions[write.kind];
        const id = write.kind === 'reopen' ? result.newAssessmentId! : write.assessmentId;
        const key = `${id} ${action}`;
        const acks = (workflowAcks.get(key) ?? 0) + 1;
        workflowAcks.set(key, acks);
        if ((logged.get('assessment', id, action) ?? 0) < acks)
          problems.push(`${what}: the change log holds fewer ${action} entries than were acknowledged`);
        if (write.kind === 'finalise' && assessment.get(id)?.status !== 'finalised') problems.push(`${what}: not finalised`);
        if (write.kind === 'reopen' && assessment.get(id)?.previous_revision_id !== write.assessmentId)
          problems.push(`${what}: revision ${id} is missing`);
        break;
      }
      case 'sign':
        if (logged.get('report', result.sha256!, 'signed') !== 1) problems.push(`${what}: the signature is not in the change log`);
        try {
          s.reports.file(result.sha256!);
        } catch (error) {
          problems.push(`${what}: the signed report is not kept (${(error as Error).message})`);
        }
        break;
      case 'import':
        if (!imported.get(result.packageId!)) problems.push(`${what}: the package is not recorded as imported`);
        break;
    }
  });
  return problems;
}

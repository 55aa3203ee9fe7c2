import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main';
import { changeHash } from '../db/mutator';
import { openRecordedReports } from '../reports/recorded-reports';
import { reportScenario } from '../reports/test-fixtures';
import { verifyPdf } from '../signing/verify-pdf';
import { bundledFrameworksDir } from '../assessments/test-fixtures';
import { openTestServices } from '../test-support/services';
import { tempDir } from '../test-support/temp-dir';
import { changeLogHeadFileIn } from './change-log-head-file';
import { rowDigest, writtenKey } from './record-state';
import type { AuditTrailReport } from './verify-audit-trail';
import { verifyAuditTrail } from './verify-audit-trail';

/**
 * Issue 12, point 1: each way of quietly rewriting the audit trail, done with plain SQL (better-sqlite3
 * on a copy of the data folder, as anyone with the file could), and what `audit verify` says about it.
 * One realistic data folder is made once (an institution, a finalised self-assessment, an inspection
 * with evidence signed as a PDF report, a package exported, edits after that); each test tampers with
 * its own copy.
 */

const passphrase = 'trial passphrase 2025';
let golden: string;
let ids: { institution: string; inspection: string; self: string; action: string; report: string; pdf: Buffer; programme: string };

beforeAll(async () => {
  golden = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-tamper-'));
  const { s, institution, inspection, self, welding } = await reportScenario({ dataDir: golden });
  const identityId = s.identities.createSelfSigned({ name: 'Farida Yasmin', role: 'Lead inspector', organisation: 'NSDA', passphrase }).id;
  const signed = await s.reports.sign({ assessmentId: inspection.id, language: 'en', identityId, passphrase });
  await s.exchange.exports.run({ scope: { kind: 'institution', institutionId: institution.id }, identityId, passphrase });
  // Work after the report and the package: the newest entries.
  const action = s.correctiveActions.list({ assessmentId: inspection.id })[0]!;
  s.correctiveActions.update(action.id, action.revision, {
    owner: 'Md. Abdul Karim',
    dueDate: action.dueDate,
    status: 'in-progress',
    institutionResponse: 'Fans ordered.',
    description: action.description,
  });
  const now = s.institutions.get(institution.id).institution;
  s.institutions.update(now.id, now.revision, { ...now, address: 'Nasirabad, Chattogram' });
  ids = {
    institution: institution.id,
    inspection: inspection.id,
    self: self.id,
    action: action.id,
    report: signed.sha256,
    pdf: Buffer.from(signed.pdfBase64, 'base64'),
    programme: welding.id,
  };
  s.close();
}, 180_000);

afterAll(() => fs.rmSync(golden, { recursive: true, force: true }));

/** A copy of the data folder to tamper with, and the database in it opened as plainly as possible. */
function copy(): { dir: string; db: Database.Database } {
  const dir = tempDir();
  fs.cpSync(golden, dir, { recursive: true });
  return { dir, db: new Database(path.join(dir, 'tvet-inspector.db')) };
}

function audit(dir: string, ...extra: string[]): { code: number; report: AuditTrailReport; text: string } {
  const run = (json: boolean) => {
    const out: string[] = [];
    // `audit verify` is synchronous: runCli returns its exit code directly.
    const code = runCli(['audit', 'verify', '--data-dir', dir, ...extra, ...(json ? ['--json'] : [])], {
      out: (t) => out.push(t),
      err: (t) => out.push(t),
    }) as number;
    return { code, out: out.join('\n') };
  };
  const json = run(true);
  const text = run(false);
  expect(text.code).toBe(json.code);
  return { code: json.code, report: JSON.parse(json.out) as AuditTrailReport, text: text.out };
}

function triggerSql(db: Database.Database, name: string): string {
  return db.prepare<[string], string>("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").pluck().get(name)!;
}

/** What a careful forger does after changing history: every hash from the first changed entry on, recomputed. */
function rechain(db: Database.Database): void {
  const rows = db
    .prepare<[], Record<string, string> & { seq: number }>(
      'SELECT seq, id, at, actor_id, actor_name, entity, entity_id, action, payload, prev_hash, hash FROM change_log ORDER BY seq',
    )
    .all();
  const set = db.prepare('UPDATE change_log SET prev_hash = ?, hash = ? WHERE seq = ?');
  let prev = '0'.repeat(64);
  for (const r of rows) {
    const hash = changeHash({
      id: r.id!,
      at: r.at!,
      actorId: r.actor_id!,
      actorName: r.actor_name!,
      entity: r.entity!,
      entityId: r.entity_id!,
      action: r.action!,
      payload: r.payload!,
      prevHash: prev,
    });
    set.run(prev, hash, r.seq);
    prev = hash;
  }
}

/** The head printed on the signed report's signature page, read back from the PDF as a person (or head office) would. */
function headPrintedIn(pdf: Buffer): string {
  const file = path.join(tempDir(), 'report.pdf');
  fs.writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  const m = /changelog:(\d+)entries,head([0-9a-f]{64})/.exec(text);
  expect(m).not.toBeNull();
  return `${m![1]}:${m![2]}`;
}

describe('audit verify on an untouched data folder', () => {
  it('is intact, and every record of a realistic session is vouched for by the change log', () => {
    const { dir, db } = copy();
    db.close();
    const { code, report, text } = audit(dir);
    expect(code).toBe(0);
    expect(report).toMatchObject({ intact: true, breaks: [], triggers: [], records: { problems: [] } });
    // Institutions, programmes, frameworks, assessments, ratings, corrective actions, evidence files, items and links.
    expect(report.records.checked).toBeGreaterThan(200);
    // The report's and the package's recorded heads, and the head file, all hold.
    expect(report.heads.map((h) => [h.source.replace(/ \(entry #\d+\)/, ''), h.status])).toEqual([
      ['report signed', 'ok'],
      ['package exported', 'ok'],
      ['head file', 'ok'],
    ]);
    expect(text).toContain('INTACT');
    expect(text).toContain('Not detectable here');
  });
});

describe('deleting the newest entries', () => {
  it('is refused by the database while its trigger stands', () => {
    const { db } = copy();
    expect(() => db.prepare('DELETE FROM change_log WHERE seq = (SELECT max(seq) FROM change_log)').run()).toThrow(/never deleted/);
    expect(() => db.prepare("UPDATE change_log SET actor_name = 'x' WHERE seq = 1").run()).toThrow(/never changed/);
    db.close();
  });

  it('with the trigger dropped and recreated: the head file no longer reached, and the records those entries changed, are named', () => {
    const { dir, db } = copy();
    const trigger = triggerSql(db, 'change_log_no_delete');
    db.exec('DROP TRIGGER change_log_no_delete');
    const newest = db.prepare<[], number>('SELECT max(seq) FROM change_log').pluck().get()!;
    // The institution's edit and the corrective action's update: two entries, the newest.
    db.prepare('DELETE FROM change_log WHERE seq > ?').run(newest - 2);
    db.exec(trigger);
    db.close();

    const { code, report, text } = audit(dir);
    expect(code).toBe(1);
    expect(report.breaks).toEqual([]); // what is left is a perfectly good chain
    expect(report.triggers).toEqual([]);
    expect(report.heads.find((h) => h.source === 'head file')).toMatchObject({ status: 'beyond-log', count: newest });
    expect(report.records.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ table: 'institutions', key: [ids.institution], problem: 'changed' }),
        expect.objectContaining({ table: 'corrective_actions', key: [ids.action], problem: 'changed' }),
      ]),
    );
    expect(text).toContain(`institutions ${ids.institution}: changed outside the app since entry #`);
    expect(text).toContain('its newest entries were deleted, or an older copy of the database was put back');
  });

  it('entries that changed no record, deleted with the head file: caught by a head noted elsewhere (--head)', () => {
    const { dir, db } = copy();
    // A head noted before the tampering — printed by `audit verify`, or by a report signed later.
    const noted = audit(dir).report;
    db.exec('DROP TRIGGER change_log_no_delete');
    db.prepare("DELETE FROM change_log WHERE entity = 'package' AND action = 'exported'").run(); // hides that a package left
    db.close();
    fs.rmSync(changeLogHeadFileIn(dir));

    const { code, report, text } = audit(dir, '--head', `${noted.entries}:${noted.headHash}`);
    expect(code).toBe(1);
    expect(report.heads.find((h) => h.source === 'head file')).toMatchObject({ status: 'absent' });
    expect(report.heads.find((h) => h.source.startsWith('--head'))).toMatchObject({ status: 'beyond-log' });
    expect(report.triggers).toEqual([{ name: 'change_log_no_delete', problem: 'missing' }]);
    expect(text).toContain('the head file (change-log.head) is missing');
  });
});

describe('recomputing the whole chain after changing history', () => {
  it('a forger who rewrites an entry and the record and recomputes every hash: the record, the head file, and the report’s recorded head contradict it', () => {
    const { dir, db } = copy();
    db.exec('DROP TRIGGER change_log_no_update');
    const create = db
      .prepare<[string], { seq: number; payload: string }>(
        "SELECT seq, payload FROM change_log WHERE entity = 'institution' AND entity_id = ? AND action = 'create'",
      )
      .get(ids.institution)!;
    db.prepare('UPDATE change_log SET payload = ? WHERE seq = ?').run(create.payload.replace('NSDA-TTC-0117', 'NSDA-TTC-9999'), create.seq);
    db.prepare("UPDATE institutions SET registration_number = 'NSDA-TTC-9999' WHERE id = ?").run(ids.institution);
    rechain(db);
    db.close();

    const { code, report, text } = audit(dir);
    expect(code).toBe(1);
    expect(report.breaks).toEqual([]); // the chain itself is consistent again
    expect(report.records.problems).toEqual([
      expect.objectContaining({ table: 'institutions', key: [ids.institution], problem: 'changed' }),
    ]);
    expect(report.heads.find((h) => h.source === 'head file')).toMatchObject({ status: 'differs' });
    expect(report.heads.find((h) => h.recordedBy?.entity === 'report')).toMatchObject({
      status: 'differs',
      recordedBy: { entityId: ids.report },
    });
    expect(text).toMatch(/✗ Head \(report signed \(entry #\d+\)\): entry \d+ no longer has the recorded hash/);

    // Verifying the signed report against this folder says the same: the PDF is intact, the log is not.
    const recorded = openRecordedReports(dir)!;
    const verified = verifyPdf(ids.pdf, { knownReportHashes: recorded.lookup });
    recorded.close();
    expect(verified.valid).toBe(true);
    expect(verified.checks.find((c) => c.id === 'changeLogHead')).toMatchObject({ passed: false });
    expect(verified.problems.join(' ')).toMatch(/cut short or rewritten/);
  });

  it('a forger who also redoes the digests, the recorded heads and the head file: only a head on a document that left the machine shows it', () => {
    const { dir, db } = copy();
    for (const t of ['change_log_no_update']) db.exec(`DROP TRIGGER ${t}`);
    db.prepare("UPDATE institutions SET registration_number = 'NSDA-TTC-9999' WHERE id = ?").run(ids.institution);
    const row = db.prepare<[string], Record<string, unknown>>('SELECT * FROM institutions WHERE id = ?').get(ids.institution)!;
    const digest = rowDigest('institutions', row);
    // Every entry that logged the institution's state now logs the forged one.
    for (const e of db
      .prepare<[], { seq: number; payload: string }>(`SELECT seq, payload FROM change_log WHERE payload LIKE '%${ids.institution}%'`)
      .all()) {
      const payload = JSON.parse(e.payload) as Record<string, unknown> & { [writtenKey]?: { institutions?: string[][] } };
      for (const record of payload[writtenKey]?.institutions ?? []) if (record[0] === ids.institution) record[1] = digest;
      db.prepare('UPDATE change_log SET payload = ? WHERE seq = ?').run(canonical(payload), e.seq);
    }
    rechain(db);
    // ...and the heads the log recorded about itself, and the head file.
    const hashAt = db.prepare<[number], string>('SELECT hash FROM change_log ORDER BY seq LIMIT 1 OFFSET ?').pluck();
    for (const e of db
      .prepare<[], { seq: number; payload: string }>('SELECT seq, payload FROM change_log WHERE payload LIKE \'%"changeLog":%\'')
      .all()) {
      const payload = JSON.parse(e.payload) as { changeLog?: { count: number; hash: string } };
      if (!payload.changeLog || !('count' in payload.changeLog)) continue;
      payload.changeLog.hash = hashAt.get(payload.changeLog.count - 1)!;
      db.prepare('UPDATE change_log SET payload = ? WHERE seq = ?').run(canonical(payload), e.seq);
      rechain(db);
    }
    const last = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM change_log ORDER BY seq DESC LIMIT 1').get()!;
    db.exec(triggerSqlFromMigrations('change_log_no_update'));
    db.close();
    fs.writeFileSync(changeLogHeadFileIn(dir), `${JSON.stringify({ count: last.seq, hash: last.hash })}\n`);

    // Consistent everywhere inside the folder: `audit verify` alone cannot tell (and says so).
    expect(audit(dir).code).toBe(0);
    // The head printed on the signed report, which left the machine, contradicts it.
    const printed = headPrintedIn(ids.pdf);
    const { code, report, text } = audit(dir, '--head', printed);
    expect(code).toBe(1);
    expect(report.heads.find((h) => h.source.startsWith('--head'))).toMatchObject({ status: 'differs' });
    expect(text).toContain('the log was rewritten at or before that entry');
  });
});

describe('editing data tables directly', () => {
  it('names every record changed, deleted or added with SQL while the log itself is untouched', () => {
    const { dir, db } = copy();
    db.prepare("UPDATE institutions SET name_en = 'Somewhere Else TTC' WHERE id = ?").run(ids.institution);
    db.prepare("UPDATE corrective_actions SET due_date = '2031-01-01' WHERE id = ?").run(ids.action);
    db.prepare('DELETE FROM programmes WHERE id = ?').run(ids.programme);
    db.prepare(
      `INSERT INTO institutions (id, name_en, registration_body, type, division, district, created_at, created_by, updated_at, updated_by)
       VALUES ('11111111-1111-4111-8111-111111111111', 'Ghost TTC', 'NSDA', 'technical-training-centre', 'dhaka', 'Dhaka', 'x', 'x', 'x', 'x')`,
    ).run();
    db.close();

    const { code, report, text } = audit(dir);
    expect(code).toBe(1);
    expect(report.breaks).toEqual([]);
    const named = report.records.problems.map((p) => `${p.record} ${p.problem}`).sort();
    expect(named).toEqual(
      [
        `corrective_actions ${ids.action} changed`,
        `institutions ${ids.institution} changed`,
        'institutions 11111111-1111-4111-8111-111111111111 unlogged',
        `programmes ${ids.programme} deleted`,
      ].sort(),
    );
    expect(text).toContain('institutions 11111111-1111-4111-8111-111111111111: added outside the app');
    expect(text).toContain(`programmes ${ids.programme}: deleted outside the app`);
  });
});

describe('dropping a lock trigger, changing a finalised rating and recreating the trigger', () => {
  const rating = () => ['ratings', [ids.inspection, 'IF-05', '']] as const;

  it('leaves the signed report verifying as a PDF, but audit verify names the rating', () => {
    const { dir, db } = copy();
    expect(() =>
      db.prepare("UPDATE ratings SET rating = 3 WHERE assessment_id = ? AND criterion_id = 'IF-05'").run(ids.inspection),
    ).toThrow(/finalised and locked/);
    const sql = triggerSql(db, 'ratings_finalised_update');
    db.exec('DROP TRIGGER ratings_finalised_update');
    db.prepare("UPDATE ratings SET rating = 3, note = 'All fine.' WHERE assessment_id = ? AND criterion_id = 'IF-05'").run(ids.inspection);
    db.exec(sql);
    db.close();

    expect(verifyPdf(ids.pdf).valid).toBe(true); // the PDF is what it was; the database no longer says the same
    const { code, report, text } = audit(dir);
    expect(code).toBe(1);
    expect(report.triggers).toEqual([]); // recreated exactly
    const [table, key] = rating();
    expect(report.records.problems).toEqual([
      expect.objectContaining({ table, key, problem: 'changed', loggedIn: expect.objectContaining({ action: 'save-rating' }) }),
    ]);
    expect(text).toContain(`ratings ${JSON.stringify(key)}: changed outside the app since entry #`);
  });

  it('names a lock trigger left dropped, or recreated differently', () => {
    const { dir, db } = copy();
    db.exec('DROP TRIGGER ratings_finalised_delete');
    const sql = triggerSql(db, 'assessments_finalised_update');
    db.exec('DROP TRIGGER assessments_finalised_update');
    db.exec(sql.replace("OLD.status = 'finalised'", "OLD.status = 'archived'"));
    db.exec('CREATE TRIGGER quiet AFTER INSERT ON institutions BEGIN SELECT 1; END');
    db.close();
    const { code, report, text } = audit(dir);
    expect(code).toBe(1);
    expect(report.triggers).toEqual(
      expect.arrayContaining([
        { name: 'ratings_finalised_delete', problem: 'missing' },
        { name: 'assessments_finalised_update', problem: 'altered' },
        { name: 'quiet', problem: 'unexpected' },
      ]),
    );
    expect(text).toContain('ratings_finalised_delete: dropped');
    expect(text).toContain('assessments_finalised_update: changed');
  });
});

describe('records that arrive in a package', () => {
  it('count as logged by the import’s own entries: the receiver’s trail is intact', async () => {
    const b = openTestServices({ bundledFrameworksDir });
    const outgoing = path.join(golden, 'packages', 'outgoing');
    const file = fs
      .readdirSync(outgoing, { recursive: true, encoding: 'utf8' })
      .map((f) => path.join(outgoing, f))
      .find((f) => f.endsWith('.tvetpkg'))!;
    const { uploadId } = b.exchange.staging.register(file);
    await b.exchange.imports.preview(uploadId);
    await b.exchange.imports.apply(uploadId, []);
    const report = verifyAuditTrail(b.db);
    expect(report.records.problems).toEqual([]);
    expect(report.records.checked).toBeGreaterThan(200);
    expect(report.intact).toBe(true);
    b.close();
  });
});

function canonical(value: unknown): string {
  // The same canonical JSON the app writes (sorted keys, no spaces).
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
          )
        : v;
  return JSON.stringify(sort(value));
}

function triggerSqlFromMigrations(name: string): string {
  const db = new Database(path.join(golden, 'tvet-inspector.db'), { readonly: true });
  try {
    return triggerSql(db, name);
  } finally {
    db.close();
  }
}

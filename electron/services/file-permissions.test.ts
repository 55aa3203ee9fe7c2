import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppServices } from './app-services';
import { bundledFrameworksDir } from './assessments/test-fixtures';
import { migrate } from './db/migrate';
import { migrations } from './db/migrations';
import { photo } from './evidence/sample-files';
import { privateTempDir } from './evidence/private-temp';
import { reportScenario } from './reports/test-fixtures';
import { makeTestCa } from './signing/test-fixtures/test-pki';
import { databasePathIn } from './support/data-dir';
import { tempDir } from './test-support/temp-dir';

/**
 * Issue 12, point 5: the data folder is its owner's alone — every folder 0700, every file 0600 — even
 * under a umask that would leave new files open to everyone (000), after a realistic session that writes
 * every kind of file the app keeps there. And evidence opened outside the app is copied only to a
 * folder of this user's own, and not at all where no program can open it.
 */
const posix = process.platform !== 'win32';
let umask: number;

beforeEach(() => {
  umask = process.umask(0o000);
});
afterEach(() => {
  process.umask(umask);
});

function modes(root: string): { path: string; kind: 'dir' | 'file'; mode: string }[] {
  const out: { path: string; kind: 'dir' | 'file'; mode: string }[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      const stat = fs.lstatSync(full);
      out.push({ path: path.relative(root, full), kind: e.isDirectory() ? 'dir' : 'file', mode: (stat.mode & 0o777).toString(8) });
      if (e.isDirectory()) walk(full);
    }
  };
  walk(root);
  return out;
}

describe.skipIf(!posix)('files private to their owner', () => {
  it('after a realistic session under umask 000, every folder in the data folder is 0700 and every file 0600', async () => {
    const dataDir = path.join(tempDir(), 'data');
    // A data folder from the version before (schema 6), so the upgrade's backup is written too.
    fs.mkdirSync(dataDir, { mode: 0o755 });
    const old = new Database(databasePathIn(dataDir));
    migrate(old, migrations.slice(0, 6), { backupDir: path.join(dataDir, 'backups'), databasePath: databasePathIn(dataDir) });
    old.close();
    fs.chmodSync(databasePathIn(dataDir), 0o644);

    const { s, inspection, institution, welding } = await reportScenario({ dataDir });
    const identityId = s.identities.createSelfSigned({
      name: 'Farida Yasmin',
      role: 'Lead inspector',
      organisation: 'NSDA',
      passphrase: 'trial passphrase',
    }).id;
    s.trustedRoots.add(makeTestCa().certificate.toString());
    // A photo, with its thumbnail, in a draft.
    const draft = s.assessments.create({
      kind: 'inspection',
      institutionId: institution.id,
      programmeIds: [welding.id],
      frameworkVersionId: inspection.frameworkVersionId,
      team: [{ name: 'Farida Yasmin', role: 'lead-inspector' }],
      plannedStart: '',
      plannedEnd: '',
      siteVisitDate: '',
      followsAssessmentId: null,
    });
    const attached = await s.evidence.attach({
      assessmentId: draft.id,
      links: [],
      evidenceType: 'PHOTO',
      caption: '',
      files: [{ name: 'workshop.jpg', contentBase64: (await photo({ width: 800, height: 600 })).toString('base64') }],
    });
    expect((await s.evidence.thumbnail(attached.items[0]!.id)).thumbnail).not.toBeNull();
    await s.reports.sign({ assessmentId: inspection.id, language: 'en', identityId, passphrase: 'trial passphrase' });
    await s.exchange.exports.run({
      scope: { kind: 'assessments', assessmentIds: [inspection.id] },
      identityId,
      passphrase: 'trial passphrase',
    });
    s.exchange.staging.append(null, 0, Buffer.from('PK'), 'incoming.tvetpkg');

    const found = modes(dataDir);
    s.close();
    const names = found.map((f) => f.path);
    // The session did write each kind of file.
    for (const expected of [
      'tvet-inspector.db',
      'tvet-inspector.db-wal',
      'tvet-inspector.db-shm',
      'change-log.head',
      'backups',
      'identities',
      'trusted-roots',
      'reports',
      path.join('evidence', 'objects'),
      path.join('evidence', 'thumbs'),
      path.join('packages', 'outgoing'),
      path.join('packages', 'incoming'),
    ]) {
      expect(names, expected).toContain(expected);
    }
    expect(found.some((f) => f.path.startsWith(path.join('evidence', 'thumbs')) && f.path.endsWith('.webp'))).toBe(true);
    expect(found.some((f) => f.path.startsWith('reports') && f.path.endsWith('.pdf'))).toBe(true);
    expect(found.some((f) => f.path.startsWith('backups') && f.path.endsWith('.db'))).toBe(true);
    expect(found.some((f) => f.path.startsWith('identities') && f.path.endsWith('.p12'))).toBe(true);
    expect(found.some((f) => f.path.endsWith('.tvetpkg'))).toBe(true);

    const open = found.filter((f) => f.mode !== (f.kind === 'dir' ? '700' : '600'));
    expect(open).toEqual([]);
    expect((fs.statSync(dataDir).mode & 0o777).toString(8)).toBe('700');
  }, 180_000);
});

describe.skipIf(!posix)('evidence opened outside the app', () => {
  let tmp: string;
  let savedTmp: string | undefined;
  beforeEach(() => {
    tmp = tempDir();
    savedTmp = process.env.TMPDIR;
    process.env.TMPDIR = tmp; // os.tmpdir() reads it on every call
  });
  afterEach(() => {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
  });

  it('is copied to a folder of this user’s own, closed to others, and nowhere when it cannot be opened', async () => {
    expect(os.tmpdir()).toBe(tmp);
    const opened: string[] = [];
    const desktop = new AppServices({
      dataDir: path.join(tempDir(), 'data'),
      host: 'electron',
      appVersion: '0.0.0-test',
      bundledFrameworksDir,
      systemViewer: { open: (file) => (opened.push(file), Promise.resolve()) },
    });
    const browser = new AppServices({
      dataDir: path.join(tempDir(), 'data'),
      host: 'browser',
      appVersion: '0.0.0-test',
      bundledFrameworksDir,
    });
    const items = new Map<AppServices, string>();
    for (const s of [desktop, browser]) {
      s.settings.update({ userName: 'Farida Yasmin', onboarded: true });
      const { assessmentId } = await s.sample.create();
      items.set(s, s.evidence.list(assessmentId).items[0]!.id);
    }
    const itemOf = (s: AppServices) => items.get(s)!;

    // The browser host and the command line refuse before anything is written.
    await expect(browser.evidence.openExternal(itemOf(browser))).rejects.toThrow(/desktop app only/);
    expect(fs.readdirSync(tmp).filter((f) => f.startsWith('tvet-inspector'))).toEqual([]);

    await desktop.evidence.openExternal(itemOf(desktop));
    const copy = opened[0]!;
    const base = path.join(tmp, `tvet-inspector-${process.getuid!()}`);
    expect(copy.startsWith(`${base}${path.sep}evidence${path.sep}`)).toBe(true);
    for (let dir = path.dirname(copy); dir !== tmp; dir = path.dirname(dir))
      expect((fs.statSync(dir).mode & 0o777).toString(8), dir).toBe('700');
    expect((fs.statSync(copy).mode & 0o777).toString(8)).toBe('400');
    desktop.close();
    browser.close();
  });

  it('never uses a per-user folder someone else could read or redirect: a new random one instead', async () => {
    const base = path.join(tmp, `tvet-inspector-${process.getuid!()}`);
    fs.mkdirSync(base, { mode: 0o777 });
    fs.chmodSync(base, 0o777);
    const fallback = await privateTempDir('evidence');
    expect(fallback.startsWith(path.join(tmp, 'tvet-inspector-evidence-'))).toBe(true);
    expect((fs.statSync(fallback).mode & 0o777).toString(8)).toBe('700');

    fs.rmSync(base, { recursive: true });
    const elsewhere = tempDir();
    fs.symlinkSync(elsewhere, base);
    const notTheLink = await privateTempDir('evidence');
    expect(notTheLink.startsWith(path.join(tmp, 'tvet-inspector-evidence-'))).toBe(true);
    expect(fs.readdirSync(elsewhere)).toEqual([]);
  });
});

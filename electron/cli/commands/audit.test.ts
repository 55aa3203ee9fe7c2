import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { institutionInput, openTestServices } from '../../services/test-support/services';
import { tempDir } from '../../services/test-support/temp-dir';
import { runCli } from '../main';

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('audit verify command', () => {
  it('exit 0 for an intact change log, 1 naming the entry edited outside the app, without writing the database', () => {
    const dataDir = tempDir();
    const s = openTestServices({ dataDir });
    s.institutions.create(institutionInput());
    s.close();

    const intact = run(['audit', 'verify', '--data-dir', dataDir]);
    expect(intact.code).toBe(0);
    expect(intact.out).toContain('INTACT');

    const file = path.join(dataDir, 'tvet-inspector.db');
    const db = new Database(file);
    const { seq } = db.prepare<[], { seq: number }>("SELECT seq FROM change_log WHERE entity = 'institution'").get()!;
    db.exec('DROP TRIGGER change_log_no_update');
    db.prepare("UPDATE change_log SET payload = replace(payload, 'Dhaka', 'Dacca') WHERE seq = ?").run(seq);
    db.close();
    const before = fs.statSync(file).mtimeMs;

    const broken = run(['audit', 'verify', '--data-dir', dataDir, '--json']);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.out)).toMatchObject({ intact: false, breaks: [{ seq, problem: 'altered', entity: 'institution' }] });
    expect(fs.statSync(file).mtimeMs).toBe(before);
  });

  it('a folder without a database is a clear failure, an unknown verb a usage error', () => {
    const empty = run(['audit', 'verify', '--data-dir', tempDir()]);
    expect(empty.code).toBe(1);
    expect(empty.err).toContain('There is no database');
    expect(run(['audit', 'rewrite', '--data-dir', tempDir()]).code).toBe(2);
    expect(run(['audit', 'verify', '--data-dir', tempDir(), '--head', 'latest']).code).toBe(2);
  });
});

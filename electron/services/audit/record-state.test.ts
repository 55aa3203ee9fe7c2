import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { setUp } from '../assessments/test-fixtures';
import { migrate } from '../db/migrate';
import { migrations } from '../db/migrations';
import { institutionInput, openTestServices } from '../test-support/services';
import { tempDir } from '../test-support/temp-dir';
import { changeLogHeadFileIn, readChangeLogHead } from './change-log-head-file';
import { coveredTableNames, coveredTables, digestColumns, rowDigest, selectRowSql, type WrittenState } from './record-state';
import { verifyAuditTrail } from './verify-audit-trail';

type Entry = { seq: number; entity: string; action: string; payload: string };
const entries = (db: Database.Database) => db.prepare<[], Entry>('SELECT seq, entity, action, payload FROM change_log ORDER BY seq').all();
const writtenOf = (e: Entry) => (JSON.parse(e.payload) as { written?: WrittenState }).written;

describe('record digests in the change log', () => {
  it('cover every column of every covered table (a migration adding a column must decide how digests follow)', () => {
    const dir = tempDir();
    const db = new Database(path.join(dir, 'x.db'));
    for (const m of migrations) m.up(db);
    for (const table of coveredTableNames) {
      const columns = db.prepare<[], { name: string; pk: number }>(`PRAGMA table_info(${table})`).all();
      expect(digestColumns(table).sort(), table).toEqual(columns.map((c) => c.name).sort());
      const key = columns
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name);
      expect([...coveredTables[table].key], table).toEqual(key);
    }
    db.close();
  });

  it('an autosave logs the digest of the rating and of the assessment row it touched, as they are after the change', () => {
    const { s, input } = setUp();
    const a = s.assessments.create(input());
    s.ratings.save({
      assessmentId: a.id,
      criterionId: 'IF-03',
      programmeId: null,
      patch: { rating: 2, note: 'Extinguishers seen.' },
    });
    const last = entries(s.db).at(-1)!;
    expect(last).toMatchObject({ entity: 'assessment', action: 'save-rating' });
    const written = writtenOf(last)!;
    const digestOf = (table: 'ratings' | 'assessments', key: string[]) =>
      rowDigest(table, s.db.prepare(selectRowSql(table)).get(...key) as Record<string, unknown>);
    expect(written).toEqual({
      assessments: [[a.id, digestOf('assessments', [a.id])]],
      ratings: [[a.id, 'IF-03', '', digestOf('ratings', [a.id, 'IF-03', ''])]],
    });
    // The note itself is still not in the log (only its fingerprint and the row's digest).
    expect(last.payload).not.toContain('Extinguishers');
    expect(verifyAuditTrail(s.db).intact).toBe(true);
    s.close();
  });

  it('a deletion through the app is logged as such, and a record written after the last entry gets an entry of its own', () => {
    const s = openTestServices();
    const i = s.institutions.create(institutionInput());
    s.mutator.run((m) => {
      m.record({ entity: 'test', entityId: 'x', action: 'note', payload: {} });
      m.db.prepare("UPDATE institutions SET address = 'Mirpur' WHERE id = ?").run(i.id);
    });
    const [note, state] = entries(s.db).slice(-2);
    expect(note).toMatchObject({ entity: 'test' });
    expect(writtenOf(note!)).toBeUndefined();
    expect(state).toMatchObject({ entity: 'record-state', action: 'written' });
    expect(writtenOf(state!)?.institutions?.[0]?.[0]).toBe(i.id);
    s.mutator.run((m) => {
      m.db.prepare('DELETE FROM institutions WHERE id = ?').run(i.id);
      m.record({ entity: 'institution', entityId: i.id, action: 'delete', payload: {} });
    });
    expect(writtenOf(entries(s.db).at(-1)!)).toEqual({ institutions: [[i.id, null]] });
    expect(verifyAuditTrail(s.db)).toMatchObject({ intact: true, records: { problems: [] } });
    s.close();
  });

  it('never vouches for a write made outside a mutation, even on the same connection', () => {
    const s = openTestServices();
    const i = s.institutions.create(institutionInput());
    s.db.prepare("UPDATE institutions SET district = 'Khulna' WHERE id = ?").run(i.id);
    s.institutions.create(institutionInput({ nameEn: 'Another TTC' }));
    expect(verifyAuditTrail(s.db).records.problems).toEqual([expect.objectContaining({ key: [i.id], problem: 'changed' })]);
    s.close();
  });

  it('spreads thousands of written records over entries of at most 2,000, and a rolled-back mutation logs nothing', () => {
    const s = openTestServices();
    const before = entries(s.db).length;
    s.mutator.run((m) => {
      const insert = m.db.prepare(
        `INSERT INTO institutions (id, name_en, registration_body, type, division, district, created_at, created_by, updated_at, updated_by)
         VALUES (?, 'TTC', 'NSDA', 'technical-training-centre', 'dhaka', 'Dhaka', ?, 'me', ?, 'me')`,
      );
      for (let n = 0; n < 4500; n++) insert.run(`bulk-${n}`, m.at, m.at);
      m.record({ entity: 'test', entityId: 'bulk', action: 'load', payload: { n: 4500 } });
    });
    const added = entries(s.db).slice(before);
    expect(added.map((e) => `${e.entity}:${writtenOf(e)?.institutions?.length}`)).toEqual([
      'test:2000',
      'record-state:2000',
      'record-state:500',
    ]);
    expect(() =>
      s.mutator.run((m) => {
        m.db.prepare("UPDATE institutions SET district = 'Rajshahi'").run();
        m.record({ entity: 'test', entityId: 'x', action: 'fails', payload: {} });
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    expect(entries(s.db)).toHaveLength(before + 3);
    expect(verifyAuditTrail(s.db)).toMatchObject({ intact: true, records: { checked: 4500 } });
    s.close();
  });
});

describe('the head file', () => {
  it('holds the newest entry’s position and hash after every commit, for its owner only', () => {
    const dataDir = tempDir();
    const s = openTestServices({ dataDir });
    s.institutions.create(institutionInput());
    const last = s.db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM change_log ORDER BY seq DESC LIMIT 1').get()!;
    const file = changeLogHeadFileIn(dataDir);
    expect(readChangeLogHead(file)).toEqual({ count: last.seq, hash: last.hash });
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    // A mutation that fails leaves the head as it was.
    expect(() =>
      s.mutator.run(() => {
        throw new Error('no');
      }),
    ).toThrow('no');
    expect(readChangeLogHead(file)).toEqual({ count: last.seq, hash: last.hash });
    fs.writeFileSync(file, 'not a head');
    expect(readChangeLogHead(file)).toBe('unreadable');
    s.close();
  });

  it('is written when a data folder from before it is upgraded, so that from then on a missing one means it was removed', () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'tvet-inspector.db');
    const old = new Database(file);
    migrate(old, migrations.slice(0, 6), { backupDir: dataDir, databasePath: file });
    old
      .prepare(
        `INSERT INTO change_log (id, at, actor_id, actor_name, entity, entity_id, action, payload, prev_hash, hash)
         VALUES ('e1', 'x', 'a', 'A', 'settings', 'local', 'update', '{}', ?, ?)`,
      )
      .run('0'.repeat(64), 'b'.repeat(64));
    old.close();
    const s = openTestServices({ dataDir });
    expect(readChangeLogHead(changeLogHeadFileIn(dataDir))).toEqual({ count: 1, hash: 'b'.repeat(64) });
    s.close();
  });
});

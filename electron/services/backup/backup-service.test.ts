import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledFrameworksDir, testClock } from '../assessments/test-fixtures';
import { migrations } from '../db/migrations';
import { migrate } from '../db/migrate';
import { databasePathIn } from '../support/data-dir';
import { institutionInput, openTestServices } from '../test-support/services';
import { tempDir } from '../test-support/temp-dir';
import { startBackupSchedule } from './schedule';
import { readManifest } from './manifest';

const posix = process.platform !== 'win32';

function institutionsIn(dbFile: string): string[] {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return db.prepare<[], string>('SELECT name_en FROM institutions ORDER BY name_en').pluck().all();
  } finally {
    db.close();
  }
}

function walk(root: string): { rel: string; stat: fs.Stats }[] {
  return (fs.readdirSync(root, { recursive: true, encoding: 'utf8' }) as string[]).map((rel) => ({
    rel,
    stat: fs.lstatSync(path.join(root, rel)),
  }));
}

describe('backups of the data folder', () => {
  it('holds a consistent database copy, a manifest, and the evidence it refers to as hard links, all private to the owner', async () => {
    const clock = testClock('2025-03-10T08:15:00.123Z');
    const s = openTestServices({ bundledFrameworksDir, clock });
    try {
      s.settings.update({ userName: 'Farida Yasmin', organisation: 'NSDA', onboarded: true });
      await s.sample.create();
      const made = await s.backups.create('manual');
      // Saved after the backup: not in it.
      s.institutions.create(institutionInput({ nameEn: 'Made after the backup' }));

      expect(made).toMatchObject({ id: '20250310T081500123Z-manual', reason: 'manual', appVersion: '0.0.0-test', files: 2 });
      expect(made.schemaVersion).toBe(migrations.length);
      expect(s.backups.list().items.map((b) => b.id)).toEqual([made.id]);

      const dir = path.join(s.options.dataDir, 'backups', made.id);
      const manifest = readManifest(dir)!;
      expect(manifest.changeLog).toEqual(made.changeLog);
      const copy = path.join(dir, 'tvet-inspector.db');
      expect(institutionsIn(copy)).toEqual(['Demo Polytechnic Institute (sample)']);
      // One self-contained file: no write-ahead log beside it.
      expect(fs.readdirSync(dir).sort()).toEqual(['evidence', 'manifest.json', 'tvet-inspector.db']);

      for (const f of manifest.files) {
        const inBackup = fs.statSync(path.join(dir, f.path));
        const inStore = fs.statSync(path.join(s.options.dataDir, f.path));
        // The same file on disk (a daily backup does not copy every photo again).
        expect(inBackup.ino).toBe(inStore.ino);
        expect(inBackup.size).toBe(f.bytes);
      }
      if (posix) {
        for (const { rel, stat } of walk(path.join(s.options.dataDir, 'backups'))) {
          expect((stat.mode & 0o777).toString(8), rel).toBe(stat.isDirectory() ? '700' : '600');
        }
      }
    } finally {
      s.close();
    }
  }, 60_000);

  it('the scheduled backup is made at start, then only once the newest is a day old', async () => {
    const clock = testClock('2025-03-10T08:00:00.000Z');
    const s = openTestServices({ clock });
    try {
      const made: unknown[] = [];
      const stop = startBackupSchedule(async () => made.push(await s.backups.createIfDue()), { everyMs: 60_000 });
      stop();
      await expect.poll(() => made.length).toBe(1);
      expect(made[0]).toMatchObject({ reason: 'scheduled' });

      clock.set('2025-03-11T07:59:59.000Z');
      expect(await s.backups.createIfDue()).toBeNull();
      // A manual backup does not stand in for the daily one.
      await s.backups.create('manual');
      clock.set('2025-03-11T08:00:00.000Z');
      expect(await s.backups.createIfDue()).toMatchObject({ id: '20250311T080000000Z-scheduled' });
      expect(s.backups.list().items.map((b) => b.reason)).toEqual(['scheduled', 'manual', 'scheduled']);
    } finally {
      s.close();
    }
  });

  it('rotation keeps 7 daily and 4 weekly scheduled backups, 5 of each safety kind, and every manual one', async () => {
    const clock = testClock('2025-01-01T10:00:00.000Z');
    const s = openTestServices({ clock });
    try {
      await s.backups.create('manual');
      // Thirty days of scheduled backups (2 to 31 January), two on each day.
      for (let day = 0; day < 30; day++) {
        for (const hour of ['09', '18']) {
          clock.set(new Date(Date.UTC(2025, 0, 2 + day, Number(hour))).toISOString());
          await s.backups.create('scheduled');
        }
      }
      for (let i = 0; i < 7; i++) {
        clock.set(new Date(Date.UTC(2025, 1, 10, 19, i)).toISOString());
        await s.backups.create('before-import');
      }
      const items = s.backups.list().items;
      const scheduled = items.filter((b) => b.reason === 'scheduled').map((b) => b.createdAt.slice(0, 13));
      // The newest of each of the 7 newest days, and of each of the 4 newest ISO weeks: Friday 31 January's
      // week, then the Sundays closing the three weeks before it.
      expect(scheduled).toEqual([
        '2025-01-31T18',
        '2025-01-30T18',
        '2025-01-29T18',
        '2025-01-28T18',
        '2025-01-27T18',
        '2025-01-26T18',
        '2025-01-25T18',
        '2025-01-19T18',
        '2025-01-12T18',
      ]);
      expect(items.filter((b) => b.reason === 'before-import')).toHaveLength(5);
      expect(items.filter((b) => b.reason === 'manual')).toHaveLength(1);
      expect(fs.readdirSync(s.backups.folder)).toHaveLength(items.length);
    } finally {
      s.close();
    }
  }, 120_000);

  it('a package import that writes anything is preceded by a backup of the state it changes; one that changes nothing is not', async () => {
    const sender = openTestServices();
    const receiver = openTestServices();
    try {
      sender.institutions.create(institutionInput({ nameEn: 'Rangpur TTC' }));
      receiver.institutions.create(institutionInput({ nameEn: 'Already here' }));
      const identityId = sender.identities.createSelfSigned({
        name: 'Farida Yasmin',
        role: 'Lead inspector',
        organisation: 'NSDA',
        passphrase: 'trial passphrase',
      }).id;
      const exported = await sender.exchange.exports.run({
        scope: { kind: 'reference', division: null },
        identityId,
        passphrase: 'trial passphrase',
      });
      const first = receiver.exchange.staging.register(exported.path).uploadId;
      expect(await receiver.exchange.imports.apply(first, [])).toMatchObject({ status: 'imported' });
      const [backup, ...others] = receiver.backups.list().items;
      expect(others).toEqual([]);
      expect(backup?.reason).toBe('before-import');
      expect(institutionsIn(path.join(receiver.backups.folder, backup!.id, 'tvet-inspector.db'))).toEqual(['Already here']);

      const again = receiver.exchange.staging.register(exported.path).uploadId;
      expect(await receiver.exchange.imports.apply(again, [])).toMatchObject({ status: 'already-imported' });
      expect(receiver.backups.list().items).toHaveLength(1);
    } finally {
      sender.close();
      receiver.close();
    }
  }, 60_000);

  it('before a migration of an existing data folder, the folder is backed up whole; a new or current folder is not', () => {
    const dataDir = tempDir();
    const old = new Database(databasePathIn(dataDir));
    migrate(old, migrations.slice(0, migrations.length - 1), { backupDir: tempDir(), databasePath: databasePathIn(dataDir) });
    old
      .prepare(
        `INSERT INTO institutions (id, name_en, registration_body, type, division, district, created_at, created_by, updated_at, updated_by)
         VALUES ('i1', 'Khulna TTC', 'BTEB', 'technical-training-centre', 'khulna', 'Khulna', '2024-01-01', 'x', '2024-01-01', 'x')`,
      )
      .run();
    old.close();

    const s = openTestServices({ dataDir });
    try {
      const [backup, ...others] = s.backups.list().items;
      expect(others).toEqual([]);
      expect(backup).toMatchObject({ reason: 'before-migration', schemaVersion: migrations.length - 1 });
      expect(institutionsIn(path.join(s.backups.folder, backup!.id, 'tvet-inspector.db'))).toEqual(['Khulna TTC']);
    } finally {
      s.close();
    }
    // Opened again (nothing pending) and a new folder: no backup.
    openTestServices({ dataDir }).close();
    expect(fs.readdirSync(path.join(dataDir, 'backups'))).toHaveLength(1);
    const fresh = openTestServices();
    expect(fresh.backups.list().items).toEqual([]);
    fresh.close();
  });
});

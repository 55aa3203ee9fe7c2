import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { institutionInput, openTestServices } from '../../services/test-support/services';
import { tempDir } from '../../services/test-support/temp-dir';
import { runForTest } from '../run-for-test';

function names(dataDir: string): string[] {
  const s = openTestServices({ dataDir });
  try {
    return s.db.prepare<[], string>('SELECT name_en FROM institutions ORDER BY name_en').pluck().all();
  } finally {
    s.close();
  }
}

describe('backup command', () => {
  it('create, list, restore (backing up the current state first) and delete, with `audit verify` intact after the restore', async () => {
    const dataDir = tempDir();
    const s = openTestServices({ dataDir });
    s.institutions.create(institutionInput({ nameEn: 'In the backup' }));
    s.close();

    const empty = await runForTest(['backup', 'list', '--data-dir', dataDir]);
    expect(empty).toMatchObject({ code: 0 });
    expect(empty.out).toContain('No backups yet');

    const created = await runForTest(['backup', 'create', '--data-dir', dataDir, '--json']);
    expect(created.code).toBe(0);
    const backup = JSON.parse(created.out) as { id: string; reason: string };
    expect(backup.reason).toBe('manual');

    const later = openTestServices({ dataDir });
    later.institutions.create(institutionInput({ nameEn: 'Saved later' }));
    later.close();

    const listed = await runForTest(['backup', 'list', '--data-dir', dataDir]);
    expect(listed.code).toBe(0);
    expect(listed.out).toContain(backup.id);
    expect(listed.out).toContain('1 backup(s).');

    const restored = await runForTest(['backup', 'restore', backup.id, '--data-dir', dataDir]);
    expect(restored.code, restored.err).toBe(0);
    expect(restored.out).toContain(`Restored backup ${backup.id}`);
    expect(restored.out).toMatch(/backed up first as \d{8}T\d{9}Z-before-restore/);
    expect(names(dataDir)).toEqual(['In the backup']);
    const audit = await runForTest(['audit', 'verify', '--data-dir', dataDir]);
    expect(audit.code, audit.out).toBe(0);

    const all = JSON.parse((await runForTest(['backup', 'list', '--data-dir', dataDir, '--json'])).out) as {
      items: { id: string; reason: string }[];
    };
    expect(all.items.map((b) => b.reason)).toEqual(['before-restore', 'manual']);
    const deleted = await runForTest(['backup', 'delete', backup.id, '--data-dir', dataDir]);
    expect(deleted.code).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'backups', backup.id))).toBe(false);
    // The state from before the restore is still there to go back to.
    expect((await runForTest(['backup', 'restore', all.items[0]!.id, '--data-dir', dataDir])).code).toBe(0);
    expect(names(dataDir)).toEqual(['In the backup', 'Saved later']);
  }, 60_000);

  it('a damaged or unknown backup exits 1 with a clear message and changes nothing; a wrong call exits 2', async () => {
    const dataDir = tempDir();
    const s = openTestServices({ dataDir });
    s.institutions.create(institutionInput({ nameEn: 'Kept' }));
    const made = await s.backups.create('manual');
    s.institutions.create(institutionInput({ nameEn: 'Also kept' }));
    s.close();
    fs.writeFileSync(path.join(dataDir, 'backups', made.id, 'tvet-inspector.db'), 'not a database');

    const damaged = await runForTest(['backup', 'restore', made.id, '--data-dir', dataDir]);
    expect(damaged.code).toBe(1);
    expect(damaged.err).toContain('This backup’s copy of the database is damaged');
    expect(damaged.err).toContain('It was not restored and nothing was changed.');
    expect(names(dataDir)).toEqual(['Also kept', 'Kept']);
    expect(fs.readdirSync(path.join(dataDir, 'backups'))).toEqual([made.id]);

    const unknown = await runForTest(['backup', 'restore', '20990101T000000000Z-manual', '--data-dir', dataDir, '--json']);
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.out)).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'There is no backup 20990101T000000000Z-manual in the backups folder.' },
    });
    expect((await runForTest(['backup', 'restore', '--data-dir', dataDir])).code).toBe(2);
    expect((await runForTest(['backup', 'restore', '../elsewhere', '--data-dir', dataDir])).code).toBe(2);
    expect((await runForTest(['backup', 'rewind', '--data-dir', dataDir])).code).toBe(2);
  }, 60_000);
});

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupRefusalInEnglish } from '../../../shared/backup/messages';
import { runForTest } from '../../cli/run-for-test';
import type { AppServices } from '../app-services';
import { bundledFrameworksDir } from '../assessments/test-fixtures';
import { createDispatcher } from '../dispatcher';
import { createHandlers } from '../handlers';
import { institutionInput, openTestServices } from '../test-support/services';
import { tempDir } from '../test-support/temp-dir';

function savedNames(s: AppServices): string[] {
  return s.db.prepare<[], string>('SELECT name_en FROM institutions ORDER BY name_en').pluck().all();
}

/** Real small file systems (tmpfs) where this machine allows mounting them (root in a container, as in CI here). */
function mountTmpfs(sizeKb: number): string | null {
  const dir = tempDir();
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k,mode=0700`, 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    return null;
  }
}
function unmount(dir: string) {
  execFileSync('umount', [dir], { stdio: 'ignore' });
}
const canMount = (() => {
  const dir = mountTmpfs(64);
  if (dir === null) return false;
  unmount(dir);
  return true;
})();

describe('a full disk or a read-only data folder', () => {
  it('a save that fills the disk is refused as "disk full", and everything saved before it is still there', async () => {
    const dataDir = tempDir();
    const s = openTestServices({ dataDir });
    const dispatch = createDispatcher(createHandlers(s, 'browser'));
    // SQLite's own size limit, set to the pages in use: the next pages a save needs fail with SQLITE_FULL,
    // exactly as a full disk does.
    const pages = s.db.pragma('page_count', { simple: true }) as number;
    s.db.pragma(`max_page_count = ${pages + 2}`);
    const saved: string[] = [];
    let refused: unknown = null;
    for (let i = 0; i < 200 && refused === null; i++) {
      const name = `Institution ${String(i).padStart(3, '0')} ${'x'.repeat(100)}`;
      const r = await dispatch('institutions:create', institutionInput({ nameEn: name, address: 'y'.repeat(400) }));
      if (r.ok) saved.push(name);
      else refused = r.error;
    }
    expect(refused).toEqual({ code: 'io', message: 'backups.refused.diskFull' });
    expect(backupRefusalInEnglish('backups.refused.diskFull')).toBe(
      'The disk is full: nothing already saved was lost. Free some space on the disk and try again.',
    );
    expect(saved.length).toBeGreaterThan(0);
    s.close();

    const reopened = openTestServices({ dataDir });
    expect(savedNames(reopened)).toEqual(saved);
    reopened.close();
    const audit = await runForTest(['audit', 'verify', '--data-dir', dataDir]);
    expect(audit.code, audit.out).toBe(0);
  });

  it('a save into a database that cannot be written is refused as "read-only", and nothing saved is lost', async () => {
    const dataDir = tempDir();
    const s = openTestServices({ dataDir });
    const dispatch = createDispatcher(createHandlers(s, 'browser'));
    expect((await dispatch('institutions:create', institutionInput({ nameEn: 'Saved first' }))).ok).toBe(true);
    // SQLite refuses every write on this connection with SQLITE_READONLY, as it does for a read-only file.
    s.db.pragma('query_only = ON');
    const r = await dispatch('institutions:create', institutionInput({ nameEn: 'Refused' }));
    expect(r).toEqual({ ok: false, error: { code: 'io', message: 'backups.refused.readOnly' } });
    s.close();
    const reopened = openTestServices({ dataDir });
    expect(savedNames(reopened)).toEqual(['Saved first']);
    reopened.close();
  });

  describe.skipIf(!canMount)('on real small and read-only file systems (tmpfs)', () => {
    it('a backup on a full disk is refused with a clear message, leaves nothing half-written, and loses nothing', async () => {
      const mount = mountTmpfs(8192)!;
      try {
        const dataDir = path.join(mount, 'data');
        // With the bundled framework installed, as the command line installs it: opening writes nothing then.
        const s = openTestServices({ dataDir, bundledFrameworksDir });
        const dispatch = createDispatcher(createHandlers(s, 'browser'));
        try {
          expect((await dispatch('institutions:create', institutionInput({ nameEn: 'Saved before the disk filled' }))).ok).toBe(true);
          // Fill the disk, leaving less than a database copy needs.
          const free = Number(execFileSync('df', ['--output=avail', '-B1', mount]).toString().trim().split('\n')[1]);
          const filler = path.join(mount, 'filler');
          try {
            fs.writeFileSync(filler, Buffer.alloc(Math.max(0, free - 16 * 1024)));
          } catch {
            // written as far as it went
          }
          const made = await dispatch('backups:create', {});
          expect(made).toMatchObject({ ok: false, error: { code: 'io', message: 'backups.refused.diskFull' } });
          expect(fs.readdirSync(path.join(dataDir, 'backups'))).toEqual([]);
          const cli = await runForTest(['backup', 'create', '--data-dir', dataDir]);
          expect(cli.code).toBe(1);
          expect(cli.err).toContain('The disk is full: nothing already saved was lost.');
          fs.rmSync(filler);
        } finally {
          s.close();
        }
        const reopened = openTestServices({ dataDir });
        expect(savedNames(reopened)).toEqual(['Saved before the disk filled']);
        expect((await reopened.backups.create('manual')).reason).toBe('manual');
        reopened.close();
      } finally {
        unmount(mount);
      }
    });

    it('on a read-only disk a backup and a save are refused as "read-only", and the data can still be read', async () => {
      const mount = mountTmpfs(8192)!;
      try {
        const dataDir = path.join(mount, 'data');
        const s = openTestServices({ dataDir });
        s.institutions.create(institutionInput({ nameEn: 'Saved before the disk went read-only' }));
        s.close();
        execFileSync('mount', ['-o', 'remount,ro', mount]);
        const cli = await runForTest(['backup', 'create', '--data-dir', dataDir]);
        expect(cli.code).toBe(1);
        expect(cli.err).toContain('The data folder cannot be written to');
        const list = await runForTest(['institutions', 'list', '--data-dir', dataDir]);
        expect(list.code).toBe(1);
        expect(list.err).toContain('The data folder cannot be written to');
        execFileSync('mount', ['-o', 'remount,rw', mount]);
        const reopened = openTestServices({ dataDir });
        expect(savedNames(reopened)).toEqual(['Saved before the disk went read-only']);
        reopened.close();
      } finally {
        unmount(mount);
      }
    });
  });
});

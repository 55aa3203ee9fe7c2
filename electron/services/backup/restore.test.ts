import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupSummary, RestoreOutcome } from '../../../shared/backup/schema';
import type { Result } from '../../../shared/ipc/result';
import { runForTest } from '../../cli/run-for-test';
import { bundledFrameworksDir, testClock } from '../assessments/test-fixtures';
import { createDispatcher } from '../dispatcher';
import { institutionInput } from '../test-support/services';
import { tempDir } from '../test-support/temp-dir';
import { openTestServices } from '../test-support/services';
import { LiveServices } from './live-services';
import { readManifest } from './manifest';
import { putBackFiles, rewriteChangeLogHead, swapInDatabase } from './restore-files';

/** A host's view: the dispatcher over LiveServices, as the browser host and the desktop app build it. */
async function host() {
  const dataDir = tempDir();
  const clock = testClock('2025-03-10T08:00:00.000Z');
  const live = new LiveServices({ dataDir, host: 'browser', appVersion: '0.0.0-test', bundledFrameworksDir, clock }, 'browser');
  const dispatch = createDispatcher(live.handlers);
  const call = async <T>(channel: string, request: unknown) => (await dispatch(channel, request)) as Result<T>;
  await call('settings:update', { userName: 'Farida Yasmin', organisation: 'NSDA', onboarded: true });
  return { dataDir, clock, live, call };
}

function names(live: LiveServices): string[] {
  return live.current.institutions
    .list({ search: '', sort: 'name', includeArchived: false, limit: 200, offset: 0 })
    .items.map((i) => i.nameEn)
    .sort();
}

function auditVerify(dataDir: string) {
  return runForTest(['audit', 'verify', '--data-dir', dataDir, '--json']);
}

describe('restoring a backup through the running services', () => {
  it('backs up the current state first, restores database, evidence and head file, and `audit verify` passes both ways', async () => {
    const { dataDir, clock, live, call } = await host();
    try {
      const sample = await live.current.sample.create();
      const created = await call<BackupSummary>('backups:create', {});
      expect(created.ok).toBe(true);
      const backupId = created.ok ? created.value.id : '';

      clock.set('2025-03-11T09:00:00.000Z');
      live.current.institutions.create(institutionInput({ nameEn: 'Saved after the backup' }));
      // An evidence file lost from the store (deleted by hand): the restore puts it back.
      const evidence = readManifest(path.join(dataDir, 'backups', backupId))!.files[0]!;
      fs.rmSync(path.join(dataDir, evidence.path));
      expect(names(live)).toEqual(['Demo Polytechnic Institute (sample)', 'Saved after the backup']);

      const restored = await call<RestoreOutcome>('backups:restore', { backupId });
      expect(restored).toMatchObject({
        ok: true,
        value: { restored: { id: backupId }, safetyBackup: { reason: 'before-restore' }, filesPutBack: 1 },
      });
      if (!restored.ok) return;
      // The same dispatcher now reaches the reopened services.
      expect(names(live)).toEqual(['Demo Polytechnic Institute (sample)']);
      expect(fs.existsSync(path.join(dataDir, evidence.path))).toBe(true);
      expect((await live.current.evidence.verifyAll(sample.assessmentId)).problems).toEqual([]);
      const afterRestore = await auditVerify(dataDir);
      expect(afterRestore.code, afterRestore.out).toBe(0);
      // The restored log ends at the backup's head, plus the entry that records the restore.
      const log = live.current.db
        .prepare<[], { entity: string; action: string; seq: number }>(
          'SELECT entity, action, seq FROM change_log ORDER BY seq DESC LIMIT 1',
        )
        .get()!;
      expect(log).toEqual({ entity: 'backup', action: 'restored', seq: restored.value.restored.changeLog.count + 1 });

      // The state before the restore is a backup of its own: restoring it brings the later work back.
      const undo = await call<RestoreOutcome>('backups:restore', { backupId: restored.value.safetyBackup.id });
      expect(undo.ok).toBe(true);
      expect(names(live)).toEqual(['Demo Polytechnic Institute (sample)', 'Saved after the backup']);
      const afterUndo = await auditVerify(dataDir);
      expect(afterUndo.code, afterUndo.out).toBe(0);
    } finally {
      live.close();
    }
  }, 120_000);

  it('the head file is rewritten to the restored log: without that, `audit verify` would call the restored database an older copy put back', async () => {
    const dataDir = tempDir();
    const s = openTestServices({ dataDir });
    s.institutions.create(institutionInput({ nameEn: 'In the backup' }));
    const made = await s.backups.create('manual');
    s.institutions.create(institutionInput({ nameEn: 'Later' }));
    s.close();
    const dir = path.join(dataDir, 'backups', made.id);
    const manifest = readManifest(dir)!;

    swapInDatabase(dataDir, dir, manifest);
    putBackFiles(dataDir, dir, manifest);
    const stale = await auditVerify(dataDir);
    expect(stale.code).toBe(1);
    expect(JSON.parse(stale.out).heads).toMatchObject([{ source: 'head file', status: 'beyond-log' }]);

    rewriteChangeLogHead(dataDir, manifest.changeLog);
    const verified = await auditVerify(dataDir);
    expect(verified.code, verified.out).toBe(0);
  });

  it('refuses a damaged, missing or newer backup with a clear message and changes nothing', async () => {
    const { dataDir, live, call } = await host();
    try {
      live.current.institutions.create(institutionInput({ nameEn: 'Kept whatever happens' }));
      await live.current.sample.create();
      const made = await call<BackupSummary>('backups:create', {});
      const backupId = made.ok ? made.value.id : '';
      const dir = path.join(dataDir, 'backups', backupId);
      live.current.institutions.create(institutionInput({ nameEn: 'Saved after the backup' }));
      const before = { names: names(live), backups: fs.readdirSync(path.join(dataDir, 'backups')) };
      const refusal = async (id: string) => {
        const r = await call<RestoreOutcome>('backups:restore', { backupId: id });
        expect(names(live)).toEqual(before.names);
        expect(fs.readdirSync(path.join(dataDir, 'backups'))).toEqual(before.backups);
        return r.ok ? null : r.error;
      };

      // One evidence file replaced in the backup (not through its hard link, which would change the store too).
      const file = path.join(dir, readManifest(dir)!.files[0]!.path);
      const original = fs.readFileSync(file);
      fs.rmSync(file);
      fs.writeFileSync(file, Buffer.concat([original, Buffer.from('tampered')]));
      expect(await refusal(backupId)).toMatchObject({
        code: 'io',
        message: expect.stringMatching(/^backups\.refused\.damagedFile:file=evidence/),
      });
      fs.rmSync(file);
      fs.writeFileSync(file, original);

      // One byte of the database copy changed.
      const copy = path.join(dir, 'tvet-inspector.db');
      const bytes = fs.readFileSync(copy);
      const at = bytes.length - 100;
      bytes.writeUInt8(bytes.readUInt8(at) ^ 0xff, at);
      fs.writeFileSync(copy, bytes);
      expect(await refusal(backupId)).toEqual({ code: 'io', message: 'backups.refused.damagedDatabase' });
      bytes.writeUInt8(bytes.readUInt8(at) ^ 0xff, at);
      fs.writeFileSync(copy, bytes);

      const manifestFile = path.join(dir, 'manifest.json');
      const manifest = fs.readFileSync(manifestFile, 'utf8');
      fs.writeFileSync(manifestFile, manifest.replace(/"schemaVersion": \d+/, '"schemaVersion": 99'));
      expect(await refusal(backupId)).toMatchObject({
        code: 'conflict',
        message: expect.stringMatching(/^backups\.refused\.newer:found=99/),
      });
      fs.writeFileSync(manifestFile, '{ not json');
      expect(await refusal(backupId)).toEqual({ code: 'io', message: 'backups.refused.damagedManifest' });
      expect(await refusal('20990101T000000000Z-manual')).toEqual({
        code: 'not-found',
        message: 'backups.refused.notFound:id=20990101T000000000Z-manual',
      });
      // A path instead of an id never reaches the service.
      expect(await refusal('../../etc')).toMatchObject({ code: 'validation' });

      fs.writeFileSync(manifestFile, manifest);
      expect((await call('backups:restore', { backupId })).ok).toBe(true);
      expect(names(live)).toEqual(['Demo Polytechnic Institute (sample)', 'Kept whatever happens']);
    } finally {
      live.close();
    }
  }, 120_000);

  it('a restore waits for requests already running, and requests made meanwhile wait for it', async () => {
    const { live, call } = await host();
    try {
      live.current.institutions.create(institutionInput({ nameEn: 'Before' }));
      const made = await call<BackupSummary>('backups:create', {});
      live.current.institutions.create(institutionInput({ nameEn: 'After' }));
      const backupId = made.ok ? made.value.id : '';
      const restoring = call('backups:restore', { backupId });
      const listed = call<{ items: { nameEn: string }[] }>('institutions:list', {});
      const second = await call('backups:restore', { backupId });
      expect(second).toMatchObject({ ok: false, error: { code: 'locked', message: 'backups.refused.busy' } });
      expect((await restoring).ok).toBe(true);
      const list = await listed;
      expect(list.ok && list.value.items.map((i) => i.nameEn)).toEqual(['Before']);
    } finally {
      live.close();
    }
  }, 60_000);
});

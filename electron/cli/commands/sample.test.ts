import { describe, expect, it } from 'vitest';
import { bundledFrameworksDir } from '../../services/assessments/test-fixtures';
import { openTestServices } from '../../services/test-support/services';
import { tempDir } from '../../services/test-support/temp-dir';
import { runForTest } from '../run-for-test';

const run = runForTest;

interface Made {
  institutionId: string;
  assessmentId: string;
  created: boolean;
  toRate: number;
  institutionNameEn: string;
  profile: { userName: string; created: boolean };
}

describe('sample create on the command line', () => {
  it('without a profile: refused (1), saying how to make one, and nothing is made', async () => {
    const dataDir = tempDir();
    const refused = await run(['sample', 'create', '--data-dir', dataDir]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('This data folder has no user profile yet');
    expect(refused.err).toContain('--name "<your name>"');
    expect(refused.err).toContain('open the app once and complete the welcome');
    expect(JSON.parse((await run(['sample', 'create', '--json', '--data-dir', dataDir])).out)).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    const s = openTestServices({ dataDir, bundledFrameworksDir });
    expect(s.assessments.count({})).toBe(0);
    expect(s.settings.get()).toMatchObject({ onboarded: false, userName: '' });
    s.close();
  });

  it('--name makes the profile, then the sample; asking again returns the same ids and keeps the profile', async () => {
    const dataDir = tempDir();
    const first = await run([
      'sample',
      'create',
      '--name',
      'Course Trainer',
      '--organisation',
      'NSDA training unit',
      '--lang',
      'bn',
      '--json',
      '--data-dir',
      dataDir,
    ]);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    const made = JSON.parse(first.out) as Made;
    expect(made).toMatchObject({
      created: true,
      toRate: 4,
      institutionNameEn: 'Demo Polytechnic Institute (sample)',
      profile: { userName: 'Course Trainer', created: true },
    });

    const again = await run(['sample', 'create', '--data-dir', dataDir]);
    expect(again.code).toBe(0);
    expect(again.out).toContain('The guided sample assessment exists already');
    expect(again.out).toContain(`Institution: Demo Polytechnic Institute (sample)  ${made.institutionId}`);
    expect(again.out).toContain(`Assessment:  draft inspection  ${made.assessmentId}  (4 criteria left to rate)`);
    expect(again.out).toContain('"Guided sample" above the institutions list');

    // A different name on a folder that has a profile: the profile stays, and the user is told.
    const other = await run(['sample', 'create', '--name', 'Someone Else', '--json', '--data-dir', dataDir]);
    expect(other.code).toBe(0);
    expect(JSON.parse(other.out)).toEqual({ ...made, created: false, profile: { userName: 'Course Trainer', created: false } });
    expect(other.err).toContain('already has a profile (Course Trainer); it was kept');

    const s = openTestServices({ dataDir, bundledFrameworksDir });
    expect(s.settings.get()).toMatchObject({
      onboarded: true,
      userName: 'Course Trainer',
      organisation: 'NSDA training unit',
      language: 'bn',
      role: 'inspector',
    });
    expect(s.assessments.count({})).toBe(1);
    const { assessment } = s.assessments.get(made.assessmentId);
    expect(assessment).toMatchObject({
      kind: 'inspection',
      status: 'draft',
      institutionId: made.institutionId,
      createdBy: 'Course Trainer',
    });
    expect(assessment.team[0]).toEqual({ name: 'Course Trainer', role: 'lead-inspector' });
    s.close();

    // The sample is then what "assessments list" shows.
    const listed = JSON.parse((await run(['assessments', 'list', '--json', '--data-dir', dataDir])).out);
    expect(listed).toMatchObject({ total: 1, items: [{ id: made.assessmentId, answered: 99, total: 103 }] });
  }, 30_000);

  it('an existing profile is enough; bad input is a usage error (2) or refused (1)', async () => {
    const dataDir = tempDir();
    const s = openTestServices({ dataDir, bundledFrameworksDir });
    s.settings.update({ userName: 'Farhana Islam', organisation: 'BTEB', onboarded: true });
    s.close();
    const made = await run(['sample', 'create', '--data-dir', dataDir]);
    expect(made.code).toBe(0);
    expect(made.out).toContain('Made the guided sample assessment.');
    expect(made.out).not.toContain('Profile:');

    const fresh = tempDir();
    expect((await run(['sample', '--data-dir', fresh])).code).toBe(2);
    expect((await run(['sample', 'delete', '--data-dir', fresh])).code).toBe(2);
    expect((await run(['sample', 'create', 'now', '--data-dir', fresh])).code).toBe(2);
    expect((await run(['sample', 'create', '--force', '--data-dir', fresh])).code).toBe(2);
    const lang = await run(['sample', 'create', '--name', 'Trainer', '--lang', 'fr', '--data-dir', fresh]);
    expect(lang.code).toBe(2);
    expect(lang.err).toContain('--lang must be en or bn.');
    expect(lang.err).toContain('sample create [--name <your name>');
    const orgOnly = await run(['sample', 'create', '--organisation', 'NSDA', '--data-dir', fresh]);
    expect(orgOnly.code).toBe(2);
    expect(orgOnly.err).toContain('give --name too');
    const blank = await run(['sample', 'create', '--name', '  ', '--data-dir', fresh]);
    expect(blank.code).toBe(1);
    expect(blank.err).toContain('--name is not a usable profile entry');
  }, 30_000);
});

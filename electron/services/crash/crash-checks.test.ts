import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppServices } from '../app-services';
import { bundledFrameworksDir } from '../assessments/test-fixtures';
import { databasePathIn } from '../support/data-dir';
import { institutionInput, openTestServices } from '../test-support/services';
import { tempDir } from '../test-support/temp-dir';
import { checkAcknowledged, checkAfterKill } from './crash-checks';

let s: AppServices | undefined;
afterEach(() => s?.close());

// The crash test passes only if these checks can fail: acknowledged writes the data folder does not hold
// must each be named (a check that always passes once hid behind an unread count).
describe('the crash test’s check of acknowledged writes', () => {
  it('names an acknowledged signature and workflow step that the change log does not hold', () => {
    s = openTestServices();
    const missing = '0'.repeat(64);
    const problems = checkAcknowledged(s, [
      { write: { kind: 'sign', assessmentId: 'a-1' }, result: { sha256: missing } },
      { write: { kind: 'submit', assessmentId: 'a-1' }, result: {} },
      { write: { kind: 'import', fileName: 'x.tvetpkg' }, result: { packageId: 'p-1' } },
    ]);
    expect(problems).toHaveLength(4);
    expect(problems[0]).toContain('the signature is not in the change log');
    expect(problems[1]).toContain('the signed report is not kept');
    expect(problems[2]).toContain('fewer submit entries than were acknowledged');
    expect(problems[3]).toContain('not recorded as imported');
  });

  it('finds nothing to report when nothing was acknowledged', () => {
    s = openTestServices();
    expect(checkAcknowledged(s, [{ write: { kind: 'sign', assessmentId: 'a-1' }, result: null }])).toEqual([]);
  });
});

describe('the crash test’s audit check after a kill', () => {
  it('passes an intact data folder and names a change-log entry altered outside the app', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    s = openTestServices({ dataDir });
    s.institutions.create(institutionInput());
    s.close();
    s = undefined;
    expect((await checkAfterKill(dataDir, [], bundledFrameworksDir)).problems).toEqual([]);

    const db = new Database(databasePathIn(dataDir));
    db.exec('DROP TRIGGER change_log_no_update');
    db.prepare("UPDATE change_log SET payload = replace(payload, 'Dhaka', 'Dacca') WHERE entity = 'institution'").run();
    db.close();
    const { problems } = await checkAfterKill(dataDir, [], bundledFrameworksDir);
    expect(problems.join('\n')).toMatch(/^audit verify: .*"problem":"altered"/m);
    expect(problems.join('\n')).toContain('change_log_no_update');
  });
});

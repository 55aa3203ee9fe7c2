import { afterEach, describe, expect, it } from 'vitest';
import type { AppServices } from '../app-services';
import { openTestServices } from '../test-support/services';
import { checkAcknowledged } from './crash-checks';

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

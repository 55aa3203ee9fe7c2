import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ISSUE_BOUNDS, issuesFromZod } from './zod-issues';

const schema = z.strictObject({ name: z.string().min(1, 'validation.required'), rows: z.array(z.object({ score: z.number() })) });
const issuesOf = (value: unknown) => {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error('expected a refusal');
  return issuesFromZod(parsed.error);
};

describe('zod issues as the issues an error carries', () => {
  it('keeps the field path and the message key, so the form marks the right field', () => {
    expect(issuesOf({ name: '', rows: [{ score: 'high' }] })).toEqual([
      { path: ['name'], message: 'validation.required' },
      { path: ['rows', 0, 'score'], message: expect.any(String) },
    ]);
  });

  it('names only the first unknown key, shortened, never the whole list', () => {
    const long = 'x'.repeat(10_000);
    const [issue] = issuesOf({ name: 'ok', rows: [], [long]: 1, other: 2 });
    expect(issue).toEqual({ path: [`${'x'.repeat(ISSUE_BOUNDS.segmentLength)}…`], message: 'validation.invalid' });
  });

  it('says back at most a few issues', () => {
    const rows = Array.from({ length: 50 }, () => ({ score: 'high' }));
    expect(issuesOf({ name: 'ok', rows })).toHaveLength(ISSUE_BOUNDS.issues);
  });
});

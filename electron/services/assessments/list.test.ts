import { describe, expect, it } from 'vitest';
import type { AssessmentCreateInput } from '../../../shared/assessments/schema';
import { createDispatcher } from '../dispatcher';
import { createHandlers } from '../handlers';
import { setUp } from './test-fixtures';

describe('listing assessments', () => {
  it('comes a page at a time, newest first, with the total, and filters count what they match', async () => {
    const { s, input } = setUp();
    const self: Partial<AssessmentCreateInput> = { kind: 'self-assessment', team: [{ name: 'Nasima Begum', role: 'administrator' }] };
    const made = Array.from({ length: 5 }, (_, i) => s.assessments.create(input(i % 2 === 0 ? {} : self)));
    const dispatch = createDispatcher(createHandlers(s, 'browser'));
    const ids = (r: unknown) => (r as { ok: true; value: { items: { id: string }[] } }).value.items.map((a) => a.id);

    const first = await dispatch('assessments:list', { limit: 2 });
    expect(first).toMatchObject({ ok: true, value: { total: 5 } });
    const second = await dispatch('assessments:list', { limit: 2, offset: 2 });
    const rest = await dispatch('assessments:list', { limit: 2, offset: 4 });
    // Pages join up with nothing repeated or skipped, newest first.
    expect([...ids(first), ...ids(second), ...ids(rest)]).toEqual(
      [...made]
        .sort((a, b) => (a.createdAt === b.createdAt ? b.id.localeCompare(a.id) : b.createdAt.localeCompare(a.createdAt)))
        .map((a) => a.id),
    );
    expect(await dispatch('assessments:list', { kind: 'inspection', limit: 1 })).toMatchObject({ ok: true, value: { total: 3 } });
    // Without a limit the first 200 come back.
    expect(ids(await dispatch('assessments:list', {}))).toHaveLength(5);
    s.close();
  });
});

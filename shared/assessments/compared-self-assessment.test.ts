import { describe, expect, it } from 'vitest';
import { selfAssessmentToCompare, selfAssessmentToOffer, type ComparableAssessment } from './compared-self-assessment';

type Item = ComparableAssessment & { id: string };
const item = (id: string, kind: Item['kind'], status: Item['status'], updatedAt: string): Item => ({ id, kind, status, updatedAt });

describe('the self-assessment an inspection is compared with', () => {
  it('never takes a draft, even the newest: it is not yet the institution’s statement', () => {
    const items = [
      item('draft-new', 'self-assessment', 'draft', '2026-03-01T00:00:00Z'),
      item('submitted-old', 'self-assessment', 'submitted', '2025-11-01T00:00:00Z'),
    ];
    expect(selfAssessmentToCompare(items)?.id).toBe('submitted-old');
  });

  it('takes the latest finalised one before any submitted one', () => {
    const items = [
      item('submitted-new', 'self-assessment', 'submitted', '2026-02-01T00:00:00Z'),
      item('finalised-old', 'self-assessment', 'finalised', '2025-06-01T00:00:00Z'),
      item('finalised-newer', 'self-assessment', 'finalised', '2025-09-01T00:00:00Z'),
    ];
    expect(selfAssessmentToCompare(items)?.id).toBe('finalised-newer');
  });

  it('takes the latest submitted one when none is finalised', () => {
    const items = [
      item('submitted-old', 'self-assessment', 'submitted', '2025-01-01T00:00:00Z'),
      item('submitted-new', 'self-assessment', 'submitted', '2025-05-01T00:00:00Z'),
    ];
    expect(selfAssessmentToCompare(items)?.id).toBe('submitted-new');
  });

  it('ignores inspections and follow-ups, and finds nothing when the institution has only drafts', () => {
    const items = [
      item('inspection', 'inspection', 'finalised', '2026-01-01T00:00:00Z'),
      item('follow-up', 'follow-up', 'submitted', '2026-02-01T00:00:00Z'),
      item('draft', 'self-assessment', 'draft', '2026-03-01T00:00:00Z'),
    ];
    expect(selfAssessmentToCompare(items)).toBeUndefined();
    expect(selfAssessmentToCompare([])).toBeUndefined();
  });
});

describe('the self-assessment the gap view starts with', () => {
  it('is the compared one whenever there is one', () => {
    const items = [
      item('draft-new', 'self-assessment', 'draft', '2026-03-01T00:00:00Z'),
      item('submitted', 'self-assessment', 'submitted', '2025-11-01T00:00:00Z'),
    ];
    expect(selfAssessmentToOffer(items)?.id).toBe('submitted');
  });

  it('is the newest draft when the institution has nothing else, so the user still sees a comparison to choose from', () => {
    const items = [
      item('draft-old', 'self-assessment', 'draft', '2025-03-01T00:00:00Z'),
      item('draft-new', 'self-assessment', 'draft', '2026-03-01T00:00:00Z'),
      item('inspection', 'inspection', 'draft', '2026-04-01T00:00:00Z'),
    ];
    expect(selfAssessmentToOffer(items)?.id).toBe('draft-new');
  });
});

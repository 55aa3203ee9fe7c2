import { describe, expect, it } from 'vitest';
import { assessmentsContract } from '../../../../../shared/assessments/contract';
import { detailsFormSchema, detailsOf } from './details-form';

const id = '7d1c4c7e-0d1f-4b53-9d7b-3f3a2c1b0a99';
const valid = {
  team: [
    { name: '  Rahima Akter ', role: 'lead-inspector' as const },
    { name: 'Tanvir Hasan', role: 'inspector' as const },
  ],
  plannedStart: '2026-03-09',
  plannedEnd: '2026-03-11',
  siteVisitDate: '2026-03-10',
};

const problems = (values: unknown) => {
  const r = detailsFormSchema.safeParse(values);
  return r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message]);
};

describe('the assessment details form', () => {
  it('sends what the update-details channel accepts, names trimmed', () => {
    const out = detailsFormSchema.parse(valid);
    expect(out.team[0]!.name).toBe('Rahima Akter');
    expect(assessmentsContract['assessments:update-details'].request.safeParse({ id, revision: 3, ...out }).success).toBe(true);
  });

  it('refuses an end before the start on the end date, and allows dates not yet planned', () => {
    expect(problems({ ...valid, plannedEnd: '2026-03-08' })).toEqual([['plannedEnd', 'validation.endBeforeStart']]);
    expect(problems({ ...valid, plannedStart: '', plannedEnd: '', siteVisitDate: '' })).toEqual([]);
    expect(problems({ ...valid, plannedStart: '', plannedEnd: '2026-03-08' })).toEqual([]);
  });

  it('names the field of a blank member, a missing team and a malformed date', () => {
    expect(problems({ ...valid, team: [{ name: ' ', role: 'lead-inspector' }] })).toEqual([['team.0.name', 'validation.required']]);
    expect(problems({ ...valid, team: [] })).toEqual([['team', 'validation.teamRequired']]);
    expect(problems({ ...valid, siteVisitDate: '10/03/2026' })).toEqual([['siteVisitDate', 'validation.date']]);
  });

  it('starts from what is stored', () => {
    expect(detailsOf({ ...valid, team: [{ name: 'Rahima Akter', role: 'lead-inspector' }] })).toEqual({
      ...valid,
      team: [{ name: 'Rahima Akter', role: 'lead-inspector' }],
    });
  });
});

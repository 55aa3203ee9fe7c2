import { describe, expect, it } from 'vitest';
import { PROPOSED_ACCREDITATION_CYCLE } from './proposed-rules';
import { addMonths, appealDeadline, cycleAtFinalisation, daysBetween, dueState, overdueSince } from './validity';

const rule = PROPOSED_ACCREDITATION_CYCLE;

describe('accreditation cycle date maths', () => {
  it('adds months by the calendar, ending short months on their last day', () => {
    expect(addMonths('2026-03-10', 24)).toBe('2028-03-10');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29'); // leap year
    expect(addMonths('2026-08-31', 12)).toBe('2027-08-31');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });

  it('keeps 29 February valid for 24 months by ending on 28 February two years on (no leap day then)', () => {
    expect(addMonths('2028-02-29', 24)).toBe('2030-02-28');
    expect(addMonths('2028-02-29', 48)).toBe('2032-02-29');
  });

  it('counts days across month ends and leap days', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2027-02-28', '2027-03-01')).toBe(1);
    expect(daysBetween('2026-05-01', '2026-04-30')).toBe(-1);
  });

  it('gives 24 months to a recommended result and 12 to one with conditions, the next inspection due when validity ends', () => {
    const base = { finalisedOn: '2026-01-31', rule, findingDueDays: [], longestActionDays: 90 };
    expect(cycleAtFinalisation({ ...base, decision: 'recommended' })).toEqual({
      validityMonths: 24,
      alignedUntil: '2028-01-31',
      nextDue: '2028-01-31',
    });
    expect(cycleAtFinalisation({ ...base, decision: 'recommended-with-conditions' })).toEqual({
      validityMonths: 12,
      alignedUntil: '2027-01-31',
      nextDue: '2027-01-31',
    });
  });

  it('gives no validity to deferred or not recommended: the next inspection is due when the corrective-action period ends', () => {
    const base = { finalisedOn: '2026-03-10', rule, longestActionDays: 90 };
    expect(cycleAtFinalisation({ ...base, decision: 'deferred', findingDueDays: [30, 60, 60] })).toEqual({
      validityMonths: 0,
      alignedUntil: '',
      nextDue: '2026-05-09',
    });
    expect(cycleAtFinalisation({ ...base, decision: 'not-recommended', findingDueDays: [] }).nextDue).toBe('2026-06-08');
  });

  it('takes the framework’s own periods over the proposal', () => {
    const own = { validityMonths: { recommended: 36, 'recommended-with-conditions': 6 }, appealDays: 14, proposal: false };
    const base = { finalisedOn: '2026-03-10', rule: own, findingDueDays: [], longestActionDays: 90 };
    expect(cycleAtFinalisation({ ...base, decision: 'recommended' }).alignedUntil).toBe('2029-03-10');
    expect(cycleAtFinalisation({ ...base, decision: 'recommended-with-conditions' }).alignedUntil).toBe('2026-09-10');
  });

  it('calls a due date overdue from the day after, and due soon within 90 days', () => {
    expect(dueState('2026-06-30', '2026-06-30')).toBe('due-soon');
    expect(dueState('2026-06-30', '2026-07-01')).toBe('overdue');
    expect(overdueSince('2026-06-30')).toBe('2026-07-01');
    expect(dueState('2026-06-30', '2026-04-01')).toBe('due-soon');
    expect(dueState('2026-06-30', '2026-03-31')).toBe('current');
  });

  it('ends the appeal period the given number of days after finalisation', () => {
    expect(appealDeadline('2026-02-10', 30)).toBe('2026-03-12');
    expect(appealDeadline('2028-02-10', 30)).toBe('2028-03-11');
  });

  it('refuses what is not a calendar date', () => {
    expect(() => addMonths('10/03/2026', 1)).toThrow('Not a calendar date');
  });
});

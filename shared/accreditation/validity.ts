import type { AccreditationCycleRule } from '../framework/schema';
import type { InstitutionDecision } from '../scoring/result';

/**
 * The accreditation cycle around a finalised inspection, as calendar dates (YYYY-MM-DD) with no time zone:
 * a validity of 24 months from 31 January ends on the last day of January two years on, and one month
 * from 31 January ends on 28 (or 29) February, never in March.
 */

/** A calendar date plus whole months; a day past the end of the target month becomes its last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  return iso(year, month, Math.min(d, daysInMonth(year, month)));
}

/** A calendar date plus whole days (negative: earlier). */
export function addDaysTo(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [a, b] = [parts(from), parts(to)];
  return Math.round((Date.UTC(b[0], b[1] - 1, b[2]) - Date.UTC(a[0], a[1] - 1, a[2])) / 86_400_000);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** What a finalised inspection carries: stored at finalisation so a later framework change cannot move it. */
export interface AccreditationCycle {
  /** Months the outcome stays valid; 0 when it gives no validity (deferred, not recommended). */
  validityMonths: number;
  /** Last day the institution is aligned with the framework on this inspection; '' when it gives no validity. */
  alignedUntil: string;
  /** The date the next inspection is due. */
  nextDue: string;
}

export interface CycleInput {
  decision: InstitutionDecision;
  /** The finalisation date (the day the result is issued). */
  finalisedOn: string;
  rule: AccreditationCycleRule;
  /**
   * The corrective-action periods (days) of the findings raised, and the framework's longest period for
   * when there are none: a deferred or not-recommended institution is inspected again when its
   * corrective-action period ends.
   */
  findingDueDays: readonly number[];
  longestActionDays: number;
}

/**
 * Recommended: valid `validityMonths.recommended` months from finalisation, the next inspection due the
 * day validity ends; with conditions likewise with its shorter period. Deferred and not recommended give
 * no validity: the next inspection (a follow-up) is due when the corrective-action period ends, that is
 * the latest due date of the actions raised (the framework's longest period when none was raised).
 */
export function cycleAtFinalisation(input: CycleInput): AccreditationCycle {
  const { decision, finalisedOn, rule } = input;
  if (decision === 'recommended' || decision === 'recommended-with-conditions') {
    const validityMonths = rule.validityMonths[decision];
    const alignedUntil = addMonths(finalisedOn, validityMonths);
    return { validityMonths, alignedUntil, nextDue: alignedUntil };
  }
  const days = input.findingDueDays.length > 0 ? Math.max(...input.findingDueDays) : input.longestActionDays;
  return { validityMonths: 0, alignedUntil: '', nextDue: addDaysTo(finalisedOn, days) };
}

/** Where an institution stands on a given day: the window "due soon" is `soonDays` (90) before the due date. */
export type DueState = 'current' | 'due-soon' | 'overdue';

export const dueSoonDays = 90;

export function dueState(nextDue: string, today: string, soonDays: number = dueSoonDays): DueState {
  const left = daysBetween(today, nextDue);
  if (left < 0) return 'overdue';
  return left <= soonDays ? 'due-soon' : 'current';
}

/** The first day an inspection is overdue: the day after it was due. */
export function overdueSince(nextDue: string): string {
  return addDaysTo(nextDue, 1);
}

/** The last day an appeal may be lodged: `appealDays` after the finalisation date. */
export function appealDeadline(finalisedOn: string, appealDays: number): string {
  return addDaysTo(finalisedOn, appealDays);
}

function parts(date: string): [number, number, number] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`Not a calendar date: ${date}`);
  return date.split('-').map(Number) as [number, number, number];
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

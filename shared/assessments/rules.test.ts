import { describe, expect, it } from 'vitest';
import defaultFramework from '../../resources/frameworks/bd-eu-tvet-1.0.0.json';
import type { Framework } from '../framework/schema';
import { testFramework } from '../framework/test-fixture';
import { dataValueIssues, keepValidDataValues } from './data-values';
import { evidenceKind, isCriticalUnit, maturityOffered, ratingFromMaturity, ratingRuleIssues, submissionBlockers } from './rules';
import type { ProgrammeSnapshot } from './schema';
import { scopeOf, unitFacts } from './scope';

const critical = { critical: true, outcome: false };
const ordinary = { critical: false, outcome: false };
const codes = (issues: ReturnType<typeof ratingRuleIssues>) => issues.map((i) => `${i.severity}:${i.code}`);

const snapshot = (id: string, overrides: Partial<ProgrammeSnapshot> = {}): ProgrammeSnapshot => ({
  id,
  titleEn: id,
  titleBn: '',
  sector: 'construction',
  mobilityTrack: false,
  activities: [],
  destinationCountry: '',
  targetLanguage: '',
  targetCefr: '',
  ...overrides,
});

describe('rating rules shown while rating', () => {
  it('needs a written reason for N/A and never allows it where the criterion is critical', () => {
    expect(codes(ratingRuleIssues({ rating: 'na', naReason: '', evidenceSeen: [] }, ordinary))).toEqual(['error:naReasonRequired']);
    expect(codes(ratingRuleIssues({ rating: 'na', naReason: '  ', evidenceSeen: [] }, critical))).toEqual([
      'error:naNotAllowed',
      'error:naReasonRequired',
    ]);
    expect(ratingRuleIssues({ rating: 'na', naReason: 'No workshop in this programme.', evidenceSeen: [] }, ordinary)).toEqual([]);
    expect(ratingRuleIssues({ rating: 'na', naReason: 'x', evidenceSeen: [] }, critical)[0]).toEqual({
      code: 'naNotAllowed',
      severity: 'error',
      message: 'assessments.rules.naNotAllowed',
      field: 'rating',
    });
  });

  it('warns when “Met” on a critical criterion rests on neither observation nor records', () => {
    expect(codes(ratingRuleIssues({ rating: 3, naReason: '', evidenceSeen: ['DOC', 'INT-M'] }, critical))).toEqual([
      'warning:criticalMetNeedsObsOrRec',
    ]);
    expect(ratingRuleIssues({ rating: 3, naReason: '', evidenceSeen: ['DOC', 'OBS'] }, critical)).toEqual([]);
    expect(ratingRuleIssues({ rating: 3, naReason: '', evidenceSeen: ['REC', 'INT-T'] }, critical)).toEqual([]);
    expect(ratingRuleIssues({ rating: 2, naReason: '', evidenceSeen: ['DOC'] }, critical)).toEqual([]);
  });

  it('warns that interviews alone cap the rating at 2, counting all interviews as one kind of evidence', () => {
    expect(codes(ratingRuleIssues({ rating: 3, naReason: '', evidenceSeen: ['INT-M', 'INT-L'] }, ordinary))).toEqual([
      'warning:interviewOnlyCapsAtTwo',
    ]);
    expect(ratingRuleIssues({ rating: 2, naReason: '', evidenceSeen: ['INT-M'] }, ordinary)).toEqual([]);
    expect(evidenceKind('INT-E')).toBe('INT');
    expect(evidenceKind('OBS')).toBe('OBS');
  });

  it('warns when “Met” rests on fewer than two kinds of evidence', () => {
    expect(codes(ratingRuleIssues({ rating: 3, naReason: '', evidenceSeen: ['DOC'] }, ordinary))).toEqual([
      'warning:metNeedsTwoEvidenceTypes',
    ]);
    expect(codes(ratingRuleIssues({ rating: 3, naReason: '', evidenceSeen: [] }, ordinary))).toEqual(['warning:metNeedsTwoEvidenceTypes']);
    expect(ratingRuleIssues({ rating: 3, naReason: '', evidenceSeen: ['DOC', 'INT-M'] }, ordinary)).toEqual([]);
    // Outcome criteria are rated from their data, and unrated units have nothing to check.
    expect(ratingRuleIssues({ rating: 3, naReason: '', evidenceSeen: [] }, { critical: false, outcome: true })).toEqual([]);
    expect(ratingRuleIssues({ rating: null, naReason: '', evidenceSeen: [] }, critical)).toEqual([]);
  });

  it('resolves conditional criticality for a unit from the programme snapshots', () => {
    const fw = testFramework();
    const gq03 = fw.groups[0]!.criteria[2]!; // critical when mobility track
    const programmes = [snapshot('local'), snapshot('abroad', { mobilityTrack: true, destinationCountry: 'Japan' })];
    expect(isCriticalUnit(fw, gq03, programmes, 'local')).toBe(false);
    expect(isCriticalUnit(fw, gq03, programmes, 'abroad')).toBe(true);
    // At institution level a condition holds when it holds for any programme in scope.
    expect(isCriticalUnit(fw, gq03, programmes, null)).toBe(true);
    expect(isCriticalUnit(fw, gq03, [programmes[0]!], null)).toBe(false);
    expect(unitFacts(programmes, 'missing')).toBeUndefined();
    expect(scopeOf(programmes).programmes[1]).toEqual({
      id: 'abroad',
      title: 'abroad',
      facts: { sector: 'construction', mobilityTrack: true, activities: [] },
    });
  });

  it('offers the maturity lens only in self-assessments, for the groups the framework names', () => {
    const fw = defaultFramework as unknown as Framework;
    expect(maturityOffered(fw, 'QC', 'self-assessment')).toBe(true);
    expect(maturityOffered(fw, 'QC', 'inspection')).toBe(false);
    expect(maturityOffered(fw, 'GQ', 'self-assessment')).toBe(false);
    expect(maturityOffered(testFramework(), 'GQ', 'self-assessment')).toBe(false);
    expect([0, 1, 2, 3, 4].map((m) => ratingFromMaturity(fw, m))).toEqual([0, 1, 2, 3, 3]);
  });
});

describe('what blocks a submission', () => {
  it('lists unanswered units, N/A without a reason and N/A where it is not allowed, in framework order', () => {
    const fw = testFramework();
    const scope = scopeOf([snapshot('p', { mobilityTrack: true, destinationCountry: 'Japan' })]);
    const blockers = submissionBlockers(fw, scope, [
      { criterionId: 'GQ-01', programmeId: null, rating: 3, data: {}, naReason: '' },
      { criterionId: 'GQ-02', programmeId: null, rating: 'na', data: {}, naReason: '' },
      { criterionId: 'GQ-03', programmeId: null, rating: 'na', data: {}, naReason: 'Critical here: not allowed' },
      { criterionId: 'OI-01', programmeId: 'p', rating: 2, data: {}, naReason: '' },
      { criterionId: 'OI-02', programmeId: 'p', rating: 1, data: {}, naReason: '' },
      { criterionId: 'OI-03', programmeId: 'p', rating: null, data: { cohort_entrants: 5 }, naReason: '' },
      { criterionId: 'CON-01', programmeId: 'p', rating: 3, data: {}, naReason: '' },
      { criterionId: 'CON-02', programmeId: 'p', rating: 'na', data: {}, naReason: 'Not taught in this cohort.' },
    ]);
    expect(blockers).toEqual([
      { criterionId: 'GQ-02', programmeId: null, code: 'naReasonRequired' },
      { criterionId: 'GQ-03', programmeId: null, code: 'naNotAllowed' },
      { criterionId: 'OI-05', programmeId: 'p', code: 'unanswered' },
    ]);
  });
});

describe('typed data values', () => {
  const oi03 = testFramework().groups[1]!.criteria[2]!;

  it('accepts declared fields in range, and null for “no data kept”', () => {
    expect(dataValueIssues(oi03, { cohort_entrants: 40, cohort_completers: null })).toEqual([]);
  });

  it('refuses unknown fields, typed derived rates, fractions, text and numbers out of range', () => {
    expect(
      dataValueIssues(oi03, {
        colour: 'red',
        completion_rate_pct: 95,
        cohort_entrants: 10.5,
        cohort_completers: -1,
      }),
    ).toEqual([
      { path: ['colour'], message: 'assessments.errors.unknownDataField' },
      { path: ['completion_rate_pct'], message: 'assessments.errors.derivedDataField' },
      { path: ['cohort_entrants'], message: 'validation.integer' },
      { path: ['cohort_completers'], message: 'validation.range:0:' },
    ]);
    expect(dataValueIssues(oi03, { cohort_entrants: '40' })).toEqual([{ path: ['cohort_entrants'], message: 'validation.number' }]);
    expect(keepValidDataValues(oi03, { cohort_entrants: 40, completion_rate_pct: 99, __proto__x: 1 })).toEqual({ cohort_entrants: 40 });
  });
});

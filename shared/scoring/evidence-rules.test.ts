import { describe, expect, it } from 'vitest';
import { testFramework } from '../framework/test-fixture';
import { submissionBlockers } from '../assessments/rules';
import { applyEvidenceRules, interviewOnly, unitEvidence } from './evidence-rules';
import type { RatingEntry } from './inputs';
import { scoreAssessment } from './score-assessment';
import { answerAll, twoProgrammes } from './test-helpers';

const framework = testFramework();

/** Every unit answered (3, green data) with OBS+REC seen, except the entries given. */
function entries(evidence: Record<string, string[]>, ratings: Record<string, 3 | 2 | 1 | 0> = {}): RatingEntry[] {
  return answerAll(framework, twoProgrammes, ratings).map((e) => ({
    ...e,
    evidence: evidence[`${e.criterionId}@${e.programmeId ?? ''}`] ?? ['OBS', 'REC'],
  }));
}

const item = (result: ReturnType<typeof scoreAssessment>, criterionId: string, programmeId: string | null) =>
  result.items.find((i) => i.criterionId === criterionId && i.programmeId === programmeId)!;

describe('evidence rules (§7.1) in the authoritative scoring', () => {
  it('interview-only evidence: a typed 3 counts as 2 in the item, the group percentage and the findings', () => {
    const result = scoreAssessment(framework, twoProgrammes, entries({ 'GQ-02@': ['INT-M', 'INT-T'] }));
    expect(item(result, 'GQ-02', null)).toMatchObject({ rating: 2, typed: 3, capped: 'interview-only' });
    // GQ: 3·3 + 2·2 + 2·3 = 19 of 21, not 21 of 21.
    expect(result.groups.find((g) => g.groupId === 'GQ')).toMatchObject({ earned: 19, possible: 21 });
    // A 2 is an observation (opportunity to improve), which the findings carry at the rating that counts.
    expect(result.findings.filter((f) => f.criterionId === 'GQ-02')).toEqual([
      expect.objectContaining({ class: 'observation', rating: 2 }),
    ]);
  });

  it('a document beside the interview lifts the cap; ratings of 2 or less are never changed', () => {
    const withDoc = scoreAssessment(framework, twoProgrammes, entries({ 'GQ-02@': ['INT-M', 'DOC'] }));
    expect(item(withDoc, 'GQ-02', null)).toMatchObject({ rating: 3 });
    expect(item(withDoc, 'GQ-02', null)).not.toHaveProperty('capped');
    const two = scoreAssessment(framework, twoProgrammes, entries({ 'GQ-02@': ['INT-M'] }, { 'GQ-02': 1 }));
    expect(item(two, 'GQ-02', null)).toMatchObject({ rating: 1 });
    expect(item(two, 'GQ-02', null)).not.toHaveProperty('typed');
  });

  it('entries without evidence are scored as typed, so results recorded before the rules recompute unchanged', () => {
    const plain = answerAll(framework, twoProgrammes);
    const withEvidence = entries({});
    // Nothing capped and nothing flagged: the two results are identical, field for field.
    expect(scoreAssessment(framework, twoProgrammes, withEvidence)).toEqual(scoreAssessment(framework, twoProgrammes, plain));
  });

  it('flags a critical "Met" without observation or record evidence, and only that', () => {
    const result = scoreAssessment(framework, twoProgrammes, entries({ 'GQ-01@': ['DOC', 'INT-M'], 'GQ-02@': ['DOC', 'INT-M'] }));
    expect(item(result, 'GQ-01', null)).toMatchObject({ rating: 3, criticalMetWithoutObsOrRec: true });
    // GQ-02 is not critical: no flag.
    expect(item(result, 'GQ-02', null)).not.toHaveProperty('criticalMetWithoutObsOrRec');
    expect(applyEvidenceRules(3, ['OBS'], true)).toEqual({ rating: 3 });
    expect(applyEvidenceRules(2, ['INT-M'], true)).toEqual({ rating: 2 });
    expect(applyEvidenceRules(3, ['INT-M'], true)).toEqual({ rating: 2, capped: 'interview-only', criticalMetWithoutObsOrRec: true });
  });

  it('is deterministic: entries in any order give the same result', () => {
    const list = entries({ 'GQ-02@': ['INT-M'], 'GQ-01@': ['DOC'] });
    expect(scoreAssessment(framework, twoProgrammes, [...list].reverse())).toEqual(scoreAssessment(framework, twoProgrammes, list));
  });

  it('evidence seen is the ticked types and the attached files’ types together', () => {
    expect(unitEvidence(['INT-M'], ['DOC'])).toEqual(['DOC', 'INT-M']);
    expect(interviewOnly(unitEvidence(['INT-M'], undefined))).toBe(true);
    expect(interviewOnly(unitEvidence(['INT-M'], ['PHOTO']))).toBe(false);
    expect(interviewOnly([])).toBe(false);
  });
});

describe('submission: a critical "Met" without observation or record needs an override reason', () => {
  const rows = (overrideReason: string) =>
    answerAll(framework, twoProgrammes).map((e) => ({
      ...e,
      data: e.data ?? {},
      naReason: '',
      evidenceSeen: e.criterionId === 'GQ-01' ? ['DOC', 'INT-M'] : ['OBS', 'REC'],
      overrideReason: e.criterionId === 'GQ-01' ? overrideReason : '',
    }));

  it('blocks an inspection until the reason is written', () => {
    expect(submissionBlockers(framework, twoProgrammes, rows(''), 'inspection')).toEqual([
      { criterionId: 'GQ-01', programmeId: null, code: 'criticalMetNeedsReason' },
    ]);
    expect(submissionBlockers(framework, twoProgrammes, rows('   '), 'follow-up')).toHaveLength(1);
    expect(submissionBlockers(framework, twoProgrammes, rows('Register seen in the office; no copy allowed.'), 'inspection')).toEqual([]);
  });

  it('does not block a self-assessment', () => {
    expect(submissionBlockers(framework, twoProgrammes, rows(''), 'self-assessment')).toEqual([]);
  });
});

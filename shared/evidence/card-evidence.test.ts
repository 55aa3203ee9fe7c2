import { describe, expect, it } from 'vitest';
import { ratingRuleIssues } from '../assessments/rules';
import { cardEvidence } from './card-evidence';

const framework = ['DOC', 'REC', 'OBS', 'INT-M', 'INT-T', 'DATA', 'PHOTO'];

describe('evidence seen and attachments as one list on a card', () => {
  it('counts an attached file as its type seen, next to the ticks', () => {
    const ev = cardEvidence(framework, ['DOC', 'REC', 'DATA'], ['REC'], [{ evidenceType: 'DOC' }, { evidenceType: 'DOC' }]);
    expect(ev.expectedSeen).toEqual(['DOC', 'REC']);
    expect(ev.expectedTotal).toBe(3);
    expect(ev.files).toBe(2);
    expect(ev.seen).toEqual(['DOC', 'REC']);
    expect(ev.types.slice(0, 3)).toEqual([
      { code: 'DOC', expected: true, ticked: false, files: 2, seen: true },
      { code: 'REC', expected: true, ticked: true, files: 0, seen: true },
      { code: 'DATA', expected: true, ticked: false, files: 0, seen: false },
    ]);
    expect(ev.types.map((t) => t.code)).toEqual(['DOC', 'REC', 'DATA', 'OBS', 'INT-M', 'INT-T', 'PHOTO']);
  });

  it('says a photo on a criterion that does not expect photos is evidence seen, not an expected type', () => {
    const ev = cardEvidence(framework, ['DOC', 'REC', 'DATA'], [], [{ evidenceType: 'PHOTO' }]);
    expect(ev.files).toBe(1);
    expect(ev.expectedSeen).toEqual([]);
    expect(ev.unexpectedAttached).toEqual(['PHOTO']);
    expect(ev.seen).toEqual(['PHOTO']);
    // A photo is not taken for an observation: the critical "Met" rule still asks for OBS or REC.
    const issues = ratingRuleIssues({ rating: 3, naReason: '', evidenceSeen: ev.seen }, { critical: true, outcome: false });
    expect(issues.map((i) => i.code)).toContain('criticalMetNeedsObsOrRec');
  });

  it('lets attached records satisfy the rules as a tick would', () => {
    const ev = cardEvidence(framework, ['OBS', 'DOC'], ['DOC'], [{ evidenceType: 'REC' }]);
    expect(ev.seen).toEqual(['DOC', 'REC']);
    expect(ratingRuleIssues({ rating: 3, naReason: '', evidenceSeen: ev.seen }, { critical: true, outcome: false })).toEqual([]);
  });

  it('keeps a type the framework no longer lists at the end rather than losing it', () => {
    const ev = cardEvidence(['DOC'], ['DOC'], ['OLD'], []);
    expect(ev.types.map((t) => t.code)).toEqual(['DOC', 'OLD']);
    expect(ev.seen).toEqual(['OLD']);
  });
});

import { describe, expect, it } from 'vitest';
import bundled from '../../resources/frameworks/bd-eu-tvet-1.0.0.json';
import { frameworkSchema } from '../framework/schema';
import type { Criterion } from '../framework/schema';
import { makeCriterion, text } from '../framework/test-fixture';
import { ratingFromFigures } from '../scoring';
import { effectiveData, programmeSource } from './effective-data';

const shipped = frameworkSchema.parse(bundled);
const ls03 = shipped.groups.flatMap((g) => g.criteria).find((c) => c.id === 'LS-03')!;
const germanB1 = { destinationCountry: 'Germany', targetLanguage: 'German', targetCefr: 'B1' as const };
const notMobility = { destinationCountry: '', targetLanguage: '', targetCefr: '' as const };

describe('data taken from the assessed programme (one truth per fact)', () => {
  it('fills LS-03’s language and CEFR level of the shipped 1.0.0 from the programme, over anything typed before', () => {
    const stored = { language: 'de', cefr_target: 'A2', language_track_learners: 30, certified_at_target: 20 };
    const shown = effectiveData(shipped, ls03, stored, germanB1);
    expect(shown.data).toEqual({ language: 'German', cefr_target: 'B1', language_track_learners: 30, certified_at_target: 20 });
    expect([...shown.fromProgramme]).toEqual([
      ['language', 'targetLanguage'],
      ['cefr_target', 'targetCefr'],
    ]);
    // The stored values are not changed: the programme's facts are shown, not written back.
    expect(stored.language).toBe('de');
  });

  it('leaves the fields typed where the programme records nothing, and at institution level', () => {
    const stored = { language: 'it' };
    expect(effectiveData(shipped, ls03, stored, notMobility)).toEqual({ data: stored, fromProgramme: new Map() });
    expect(effectiveData(shipped, ls03, stored, null).fromProgramme.size).toBe(0);
  });

  it('takes a later framework’s own `fromProgramme`, and only on typed code or text fields', () => {
    const later = { id: 'bd-eu-tvet', version: '1.1.0' };
    const criterion: Criterion = makeCriterion('LS-09', {
      dataFields: [
        { id: 'destination', label: text('Destination'), unit: 'text', fromProgramme: 'destinationCountry' },
        { id: 'learners', label: text('Learners'), unit: 'count', fromProgramme: 'targetLanguage' },
        { id: 'language', label: text('Language'), unit: 'code' },
      ],
    });
    expect(effectiveData(later, criterion, {}, germanB1).data).toEqual({ destination: 'Germany' });
    expect(programmeSource(later, 'LS-09', criterion.dataFields![1]!)).toBeNull();
    // The 1.0.0 table belongs to that published version only: 1.1.0's LS-03 says so itself or asks.
    expect(programmeSource(later, 'LS-03', ls03.dataFields![0]!)).toBeNull();
    expect(programmeSource(shipped, 'LS-03', ls03.dataFields![0]!)).toBe('targetLanguage');
  });

  it('is never read by scoring: the programme’s language alone does not answer LS-03', () => {
    // Shown on the card, the unit is still unanswered until its figures are recorded.
    const stored = {};
    expect(effectiveData(shipped, ls03, stored, germanB1).data).not.toEqual({});
    expect(ratingFromFigures(ls03, null, stored, shipped.rules).status).toBe('unanswered');
  });
});

import { describe, expect, it } from 'vitest';
import { testFramework } from '../framework/test-fixture';
import { applicableItems, institutionFacts } from './applicable-items';
import { p1, p2, twoProgrammes } from './test-helpers';

const framework = testFramework();

function units(scope = twoProgrammes): string[] {
  return applicableItems(framework, scope).map(
    (i) => `${i.criterionId}@${i.programmeId ?? 'institution'}${i.applicable ? '' : ' (n/a)'}${i.critical ? ' critical' : ''}`,
  );
}

describe('applicableItems', () => {
  it('lists institution criteria once, programme criteria per programme, the sector module per programme of that sector', () => {
    expect(units()).toEqual([
      'GQ-01@institution critical',
      'GQ-02@institution',
      'GQ-03@institution critical',
      'OI-01@p1 critical',
      'OI-01@p2 critical',
      'OI-02@p1 critical',
      'OI-02@p2',
      'OI-03@p1',
      'OI-03@p2',
      'OI-05@p1',
      'OI-05@p2',
      'CON-01@p1 critical',
      'CON-01@p2 critical',
      'CON-02@p1',
      'CON-02@p2',
      'CON-03@p1 critical',
      'CON-03@p2 (n/a)',
    ]);
  });

  it('gives a programme of another sector no sector module', () => {
    const ict = { id: 'p3', facts: { sector: 'ict' as const, mobilityTrack: false, activities: [] } };
    expect(units({ programmes: [ict] }).filter((u) => u.startsWith('CON'))).toEqual([]);
  });

  it('judges institution-level conditions on the institution as a whole', () => {
    expect(units({ programmes: [p2] })).toContain('GQ-03@institution');
    expect(units({ programmes: [p2, p1] })).toContain('GQ-03@institution critical');
    expect(units({ programmes: [] })).toEqual(['GQ-01@institution critical', 'GQ-02@institution', 'GQ-03@institution']);
  });

  it('counts a programme listed twice once', () => {
    expect(units({ programmes: [p1, p1] })).toEqual(units({ programmes: [p1] }));
  });

  it('carries weight, group and safety for each unit', () => {
    const con03 = applicableItems(framework, twoProgrammes).find((i) => i.criterionId === 'CON-03' && i.programmeId === 'p1');
    expect(con03).toEqual({
      criterionId: 'CON-03',
      groupId: 'CON',
      groupKind: 'sector',
      programmeId: 'p1',
      weight: 2,
      critical: true,
      safety: true,
      applicable: true,
    });
  });
});

describe('institutionFacts', () => {
  it('unites flags and activities of all programmes', () => {
    expect(institutionFacts([p1.facts, p2.facts, { sector: 'care', mobilityTrack: false, activities: ['patient-handling'] }])).toEqual({
      sector: 'other',
      mobilityTrack: true,
      activities: ['patient-handling', 'welding-cutting'],
    });
  });
});

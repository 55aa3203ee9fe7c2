import type { Criterion, Framework, FrameworkGroup, LocalizedText } from './schema';

/** Localized text for fixtures; the Bangla is a marked placeholder so no missing-bangla warning fires. */
export function text(en: string, bn = `${en} (bn)`): LocalizedText {
  return { en, bn };
}

/** A criterion with plain defaults; pass what the test cares about. */
export function makeCriterion(id: string, overrides: Partial<Criterion> = {}): Criterion {
  return {
    id,
    title: text(`Title ${id}`),
    guidance: text(`Guidance ${id}`),
    evidence: ['DOC'],
    critical: { mode: 'never' },
    weight: 1,
    level: 'institution',
    basis: 'test',
    ...overrides,
  };
}

export function makeGroup(id: string, criteria: Criterion[], overrides: Partial<FrameworkGroup> = {}): FrameworkGroup {
  return { id, kind: 'core', title: text(`Group ${id}`), description: text(`About ${id}`), basis: 'test', criteria, ...overrides };
}

/**
 * A small valid framework for tests across `shared/`. Each call returns a fresh object, so tests may
 * mutate it.
 *
 * GQ  core, institution level: GQ-01 (w3, always critical), GQ-02 (w2), GQ-03 (w2, critical when the
 *     programme is a mobility track — at institution level: when any programme in scope is).
 * OI  core, programme level: OI-01 (w3, always critical), OI-02 (w1, critical for mobility tracks),
 *     OI-03 (w2, completion outcome: rate derived from entrants/completers, cohort = entrants),
 *     OI-05 (w2, placement outcome with cohort and tracer response rate).
 * CON sector module (construction): CON-01 (w3, always critical, safety), CON-02 (w2),
 *     CON-03 (w2, safety, applies and is critical only where welding is taught).
 * Rules as in docs/framework-format.md, pointed at these ids (GQ-02 stands in for QC-06).
 */
export function testFramework(): Framework {
  return {
    format: 'tvet-inspector/framework@1',
    id: 'test-framework',
    version: '1.0.0',
    title: text('Test framework', 'পরীক্ষা কাঠামো'),
    description: text('For tests'),
    publisher: text('Tests'),
    scale: {
      ratings: [
        { value: 3, code: 'met', label: text('Met'), meaning: text('Fully in place') },
        { value: 2, code: 'largely-met', label: text('Largely met'), meaning: text('Minor gaps') },
        { value: 1, code: 'partially-met', label: text('Partially met'), meaning: text('Significant gaps') },
        { value: 0, code: 'not-met', label: text('Not met'), meaning: text('Absent') },
      ],
      notApplicable: { label: text('N/A'), meaning: text('Does not apply') },
    },
    evidenceTypes: [
      { code: 'DOC', label: text('Document review') },
      { code: 'REC', label: text('Records sample') },
      { code: 'OBS', label: text('Observation') },
      { code: 'DATA', label: text('Numeric data') },
    ],
    conditions: [
      { id: 'mobility-track', kind: 'programme-flag', flag: 'mobilityTrack', label: text('Mobility track') },
      { id: 'teaches-welding', kind: 'programme-activity', activity: 'welding-cutting', label: text('Teaches welding') },
    ],
    eqavet: {
      phases: [{ id: 'planning', label: text('Planning'), criteria: ['GQ-01'] }],
      indicators: [{ number: 4, name: 'Completion rate in VET programmes', label: text('Completion'), criteria: ['OI-03'] }],
    },
    rules: {
      recommended: { minOverallPct: 75, minGroupPct: 60, maxMajor: 2, criterionMinimums: [{ criterion: 'OI-01', minRating: 2 }] },
      conditional: { minOverallPct: 60, minGroupPct: 50, maxMajor: 6 },
      mobilityReady: {
        minSectorPct: 70,
        minSectorCriticalRating: 2,
        noOpenMajorInGroups: ['GQ', 'OI'],
        criterionMinimums: [
          { criterion: 'GQ-03', minRating: 3 },
          { criterion: 'OI-02', minRating: 2 },
        ],
      },
      correctiveActionDays: { critical: 30, major: 90, minor: 365 },
      minCohort: 10,
      minTracerResponsePct: 50,
      redOutcomeActionCohort: 20,
      redOutcomeActionCriterion: 'GQ-02',
    },
    groups: [
      makeGroup('GQ', [
        makeCriterion('GQ-01', { critical: { mode: 'always' }, weight: 3, evidence: ['DOC', 'REC'] }),
        makeCriterion('GQ-02', { weight: 2 }),
        makeCriterion('GQ-03', { critical: { mode: 'when', condition: 'mobility-track' }, weight: 2 }),
      ]),
      makeGroup('OI', [
        makeCriterion('OI-01', { critical: { mode: 'always' }, weight: 3, level: 'programme', evidence: ['REC'] }),
        makeCriterion('OI-02', { critical: { mode: 'when', condition: 'mobility-track' }, weight: 1, level: 'programme' }),
        makeCriterion('OI-03', {
          weight: 2,
          level: 'programme',
          evidence: ['DATA'],
          dataFields: [
            { id: 'cohort_entrants', label: text('Entrants'), unit: 'count', min: 0, integer: true },
            { id: 'cohort_completers', label: text('Completers'), unit: 'count', min: 0, integer: true },
            {
              id: 'completion_rate_pct',
              label: text('Completion rate'),
              unit: '%',
              min: 0,
              max: 100,
              derived: { op: 'ratioPct', numerator: 'cohort_completers', denominator: 'cohort_entrants' },
            },
          ],
          outcome: { field: 'completion_rate_pct', direction: 'higherIsBetter', green: 80, amber: 60, cohortField: 'cohort_entrants' },
        }),
        makeCriterion('OI-05', {
          weight: 2,
          level: 'programme',
          evidence: ['DATA'],
          dataFields: [
            { id: 'completers_traced', label: text('Completers traced'), unit: 'count', min: 0, integer: true },
            { id: 'tracer_response_rate_pct', label: text('Tracer response rate'), unit: '%', min: 0, max: 100 },
            { id: 'placed_6m_pct', label: text('Placed at 6 months'), unit: '%', min: 0, max: 100 },
          ],
          outcome: {
            field: 'placed_6m_pct',
            direction: 'higherIsBetter',
            green: 60,
            amber: 40,
            cohortField: 'completers_traced',
            responseRateField: 'tracer_response_rate_pct',
          },
        }),
      ]),
      makeGroup(
        'CON',
        [
          makeCriterion('CON-01', { critical: { mode: 'always' }, weight: 3, level: 'programme', safety: true, evidence: ['OBS'] }),
          makeCriterion('CON-02', { weight: 2, level: 'programme' }),
          makeCriterion('CON-03', {
            critical: { mode: 'when', condition: 'teaches-welding' },
            appliesWhen: 'teaches-welding',
            weight: 2,
            level: 'programme',
            safety: true,
            evidence: ['OBS', 'DOC'],
          }),
        ],
        { kind: 'sector', sector: 'construction' },
      ),
    ],
  };
}

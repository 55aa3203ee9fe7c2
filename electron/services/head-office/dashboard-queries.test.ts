import { describe, expect, it } from 'vitest';
import { noFilters, type DashboardFilters } from '../../../shared/head-office/schema';
import { bundledFrameworksDir, testClock } from '../assessments/test-fixtures';
import { openTestServices } from '../test-support/services';
import { ids, seedCountry } from './test-country';

/** The small country of test-country.ts, on a real SQLite file, on 1 September 2025. */
function country() {
  const s = openTestServices({ bundledFrameworksDir, clock: testClock('2025-09-01T12:00:00.000Z') });
  seedCountry(s);
  return s;
}

const filters = (f: Partial<DashboardFilters> = {}): DashboardFilters => ({ ...noFilters, ...f });

describe('head-office dashboard queries', () => {
  it('offers the districts that have institutions and the range of finalisation dates', () => {
    const s = country();
    expect(s.headOffice.options()).toEqual({
      districts: [
        { division: 'dhaka', district: 'Dhaka', institutions: 1 },
        { division: 'dhaka', district: 'Gazipur', institutions: 1 },
        { division: 'khulna', district: 'Khulna', institutions: 1 },
        { division: 'rangpur', district: 'Rangpur', institutions: 1 },
        { division: 'sylhet', district: 'Sylhet', institutions: 1 },
      ],
      firstFinalisedOn: '2024-05-10',
      lastFinalisedOn: '2025-09-01',
      institutions: 5,
      finalisedAssessments: 8,
    });
    s.close();
  });

  it('maps the training offer from the registry: archived programmes and institutions left out', () => {
    const s = country();
    const offer = s.headOffice.offer(filters());
    expect(offer.totals).toEqual({ institutions: 5, programmes: 6, intake: 295, mobilityProgrammes: 4, mobilityIntake: 150 });
    expect(offer.bySector).toEqual([
      { sector: 'care', institutions: 2, programmes: 2, intake: 75, mobilityProgrammes: 1 },
      { sector: 'construction', institutions: 2, programmes: 2, intake: 100, mobilityProgrammes: 2 },
      { sector: 'ict', institutions: 1, programmes: 1, intake: 120, mobilityProgrammes: 0 },
      { sector: 'tourism', institutions: 1, programmes: 1, intake: 0, mobilityProgrammes: 1 },
    ]);
    expect(offer.byOccupation).toEqual([
      { iscoCode: '5322', occupation: 'Care worker', programmes: 2, institutions: 2, intake: 75 },
      { iscoCode: '7212', occupation: 'Welder', programmes: 2, institutions: 2, intake: 100 },
      { iscoCode: '2512', occupation: 'Software developer', programmes: 1, institutions: 1, intake: 120 },
      { iscoCode: '5131', occupation: 'Waiter', programmes: 1, institutions: 1, intake: 0 },
    ]);
    expect(offer.occupations).toBe(4);
    expect(offer.byLevel).toEqual([
      { bnqfLevel: 3, eqfLevel: 3, programmes: 3, intake: 100 },
      { bnqfLevel: 4, eqfLevel: 4, programmes: 2, intake: 75 },
      { bnqfLevel: 5, eqfLevel: 5, programmes: 1, intake: 120 },
    ]);
    expect(offer.byArea).toEqual([
      { division: 'dhaka', district: 'Dhaka', institutions: 1, programmes: 2, intake: 180, mobilityProgrammes: 1 },
      { division: 'dhaka', district: 'Gazipur', institutions: 1, programmes: 1, intake: 40, mobilityProgrammes: 1 },
      { division: 'khulna', district: 'Khulna', institutions: 1, programmes: 1, intake: 50, mobilityProgrammes: 1 },
      { division: 'rangpur', district: 'Rangpur', institutions: 1, programmes: 1, intake: 0, mobilityProgrammes: 1 },
      { division: 'sylhet', district: 'Sylhet', institutions: 1, programmes: 1, intake: 25, mobilityProgrammes: 0 },
    ]);
    expect(offer.mobility).toEqual([
      { destinationCountry: 'Romania', targetLanguage: 'Romanian', targetCefr: 'A2', programmes: 2, institutions: 2, intake: 100 },
      { destinationCountry: 'Germany', targetLanguage: 'German', targetCefr: 'B1', programmes: 1, institutions: 1, intake: 50 },
      { destinationCountry: 'Italy', targetLanguage: 'Italian', targetCefr: 'A2', programmes: 1, institutions: 1, intake: 0 },
    ]);
    // Filters narrow it; period and kind do not apply to the registry.
    expect(s.headOffice.offer(filters({ division: 'dhaka' })).totals).toEqual({
      institutions: 2,
      programmes: 3,
      intake: 220,
      mobilityProgrammes: 2,
      mobilityIntake: 100,
    });
    expect(s.headOffice.offer(filters({ sector: 'construction', from: '2030-01-01', kind: 'self-assessment' })).totals).toEqual({
      institutions: 2,
      programmes: 2,
      intake: 100,
      mobilityProgrammes: 2,
      mobilityIntake: 100,
    });
    expect(s.headOffice.offer(filters({ institutionType: 'ngo-training-centre' })).bySector).toEqual([
      { sector: 'tourism', institutions: 1, programmes: 1, intake: 0, mobilityProgrammes: 1 },
    ]);
    s.close();
  });

  it('counts each institution once by its latest inspection or follow-up, deferred as not aligned', () => {
    const s = country();
    const o = s.headOffice.outcomes(filters());
    expect(o.totals).toEqual({ institutions: 5, aligned: 1, conditional: 2, notAligned: 2, deferred: 1 });
    expect(o.byDivision).toEqual([
      { division: 'dhaka', institutions: 2, aligned: 0, conditional: 1, notAligned: 1, deferred: 0 },
      { division: 'khulna', institutions: 1, aligned: 1, conditional: 0, notAligned: 0, deferred: 0 },
      { division: 'rangpur', institutions: 1, aligned: 0, conditional: 0, notAligned: 1, deferred: 1 },
      { division: 'sylhet', institutions: 1, aligned: 0, conditional: 1, notAligned: 0, deferred: 0 },
    ]);
    expect(o.byDistrict.map((r) => [r.district, r.aligned, r.conditional, r.notAligned])).toEqual([
      ['Dhaka', 0, 1, 0],
      ['Gazipur', 0, 0, 1],
      ['Khulna', 1, 0, 0],
      ['Rangpur', 0, 0, 1],
      ['Sylhet', 0, 1, 0],
    ]);
    expect(o.bySector).toEqual([
      { sector: 'care', institutions: 2, aligned: 1, conditional: 1, notAligned: 0, deferred: 0 },
      { sector: 'construction', institutions: 2, aligned: 0, conditional: 1, notAligned: 1, deferred: 0 },
      { sector: 'ict', institutions: 1, aligned: 0, conditional: 1, notAligned: 0, deferred: 0 },
      { sector: 'tourism', institutions: 1, aligned: 0, conditional: 0, notAligned: 1, deferred: 1 },
    ]);
    expect(o.distribution.filter((b) => b.institutions > 0)).toEqual([
      { from: 40, to: 50, institutions: 1, aligned: 0, conditional: 0, notAligned: 1 },
      { from: 50, to: 60, institutions: 1, aligned: 0, conditional: 0, notAligned: 1 },
      { from: 60, to: 70, institutions: 1, aligned: 0, conditional: 1, notAligned: 0 },
      { from: 70, to: 80, institutions: 1, aligned: 0, conditional: 1, notAligned: 0 },
      { from: 90, to: 100, institutions: 1, aligned: 1, conditional: 0, notAligned: 0 },
    ]);
    expect(o.distribution).toHaveLength(10);
    expect(o.trend).toEqual([
      { period: '2024-Q2', assessments: 1, averagePct: 55, aligned: 0, conditional: 0, notAligned: 1 },
      { period: '2024-Q4', assessments: 1, averagePct: 88, aligned: 1, conditional: 0, notAligned: 0 },
      { period: '2025-Q1', assessments: 2, averagePct: 56.5, aligned: 0, conditional: 1, notAligned: 1 },
      { period: '2025-Q2', assessments: 1, averagePct: 72.5, aligned: 0, conditional: 1, notAligned: 0 },
      { period: '2025-Q3', assessments: 2, averagePct: 74.5, aligned: 1, conditional: 0, notAligned: 1 },
    ]);
    expect(o.institutionTrends.map((r) => [r.nameEn, r.assessments, r.firstPct, r.latestPct, r.changePp, r.latestOutcome])).toEqual([
      ['Khulna TTC', 2, 88, 91, 3, 'aligned'],
      ['Dhaka Polytechnic', 2, 55, 72.5, 17.5, 'conditional'],
      ['Gazipur TTC', 1, 48, 48, null, 'not-aligned'],
      [expect.stringMatching(/^=HYPERLINK/), 1, 58, 58, null, 'not-aligned'],
      ['Sylhet Care Institute', 1, 65, 65, null, 'conditional'],
    ]);
    expect(o.institutionTrends[1]).toMatchObject({ firstOn: '2024-05-10', latestOn: '2025-06-15', division: 'dhaka', district: 'Dhaka' });
    expect(o.institutionTrendsTotal).toBe(5);
    s.close();
  });

  it('narrows outcomes by kind, period, sector and place, and gives one institution’s trend', () => {
    const s = country();
    expect(s.headOffice.outcomes(filters({ kind: 'self-assessment' })).totals).toEqual({
      institutions: 1,
      aligned: 1,
      conditional: 0,
      notAligned: 0,
      deferred: 0,
    });
    // The latest within the period: Dhaka Polytechnic's 2025 inspection, not its later self-assessment.
    const h1 = s.headOffice.outcomes(filters({ from: '2025-01-01', to: '2025-06-30' }));
    expect(h1.totals).toEqual({ institutions: 3, aligned: 0, conditional: 2, notAligned: 1, deferred: 0 });
    const before2025 = s.headOffice.outcomes(filters({ to: '2024-12-31' }));
    expect(before2025.totals).toEqual({ institutions: 2, aligned: 1, conditional: 0, notAligned: 1, deferred: 1 });
    expect(s.headOffice.outcomes(filters({ kind: 'follow-up' })).totals.aligned).toBe(1);
    const care = s.headOffice.outcomes(filters({ sector: 'care' }));
    expect(care.totals).toEqual({ institutions: 2, aligned: 1, conditional: 1, notAligned: 0, deferred: 0 });
    expect(care.bySector.map((r) => r.sector)).toEqual(['care']);
    expect(s.headOffice.outcomes(filters({ district: 'Gazipur' })).totals).toMatchObject({ institutions: 1, notAligned: 1 });
    expect(s.headOffice.outcomes(filters({ institutionType: 'technical-training-centre' })).totals).toMatchObject({ institutions: 2 });

    const trend = s.headOffice.institutionTrend(ids.dhakaPoly, filters());
    expect(trend).toMatchObject({ nameEn: 'Dhaka Polytechnic', nameBn: 'ঢাকা পলিটেকনিক' });
    expect(trend.points.map((p) => [p.finalisedOn, p.kind, p.overallPct, p.decision, p.outcome])).toEqual([
      ['2024-05-10', 'inspection', 55, 'deferred', 'not-aligned'],
      ['2025-06-15', 'inspection', 72.5, 'recommended-with-conditions', 'conditional'],
    ]);
    // The superseded revision never shows.
    expect(s.headOffice.institutionTrend(ids.khulna, filters()).points.map((p) => p.assessmentId)).toEqual([ids.c1, ids.c2]);
    s.close();
  });

  it('lists the criteria most often not met, overall and by sector, with titles from the framework', () => {
    const s = country();
    const imp = s.headOffice.improvement(filters());
    expect(imp.assessedInstitutions).toBe(5);
    expect(imp.criteriaTotal).toBe(8);
    expect(imp.criteria.map((r) => [r.criterionId, r.institutions, r.sharePct, r.critical, r.major, r.minor])).toEqual([
      ['GQ-02', 4, 80, 0, 2, 2],
      ['LS-03', 3, 60, 0, 3, 0],
      ['CARE-03', 1, 20, 0, 1, 0],
      ['CON-01', 1, 20, 1, 0, 0],
      ['IF-03', 1, 20, 1, 0, 0],
      ['LS-04', 1, 20, 0, 0, 1],
      ['LS-07', 1, 20, 0, 0, 1],
      ['MR-05', 1, 20, 0, 0, 1],
    ]);
    expect(imp.criteria[1]).toMatchObject({ groupId: 'LS', titleEn: 'Language training towards a declared CEFR level' });
    expect(imp.criteria[1]!.titleBn).toMatch(/CEFR/);
    expect(imp.bySector.map((r) => [r.sector, r.rank, r.criterionId, r.institutions, r.sharePct])).toEqual([
      ['care', 1, 'CARE-03', 1, 50],
      ['care', 2, 'GQ-02', 1, 50],
      ['construction', 1, 'GQ-02', 2, 100],
      ['construction', 2, 'LS-03', 2, 100],
      ['construction', 3, 'CON-01', 1, 50],
      ['construction', 4, 'IF-03', 1, 50],
      ['construction', 5, 'LS-07', 1, 50],
      ['ict', 1, 'GQ-02', 1, 100],
      ['ict', 2, 'LS-07', 1, 100],
      ['tourism', 1, 'GQ-02', 1, 100],
      ['tourism', 2, 'LS-03', 1, 100],
      ['tourism', 3, 'LS-04', 1, 100],
    ]);
    // Within a sector, a programme-level finding counts only for that sector's programmes.
    const ict = s.headOffice.improvement(filters({ sector: 'ict' }));
    expect(ict.assessedInstitutions).toBe(1);
    expect(ict.criteria.map((r) => [r.criterionId, r.institutions])).toEqual([
      ['GQ-02', 1],
      ['LS-07', 1],
    ]);
    const construction = s.headOffice.improvement(filters({ sector: 'construction' }));
    expect(construction.criteria.map((r) => [r.criterionId, r.institutions])).toEqual([
      ['GQ-02', 2],
      ['LS-03', 2],
      ['CON-01', 1],
      ['IF-03', 1],
      ['LS-07', 1],
      ['MR-05', 1],
    ]);
    s.close();
  });

  it('counts open and past-due corrective actions by institution and severity, as of today', () => {
    const s = country();
    const { actions } = s.headOffice.actions(filters());
    expect(actions).toMatchObject({ asOf: '2025-09-01', open: 9, overdue: 5, institutions: 3 });
    expect(actions.bySeverity).toEqual([
      { findingClass: 'critical', open: 2, overdue: 2 },
      { findingClass: 'major', open: 4, overdue: 3 },
      { findingClass: 'minor', open: 3, overdue: 0 },
    ]);
    expect(
      actions.rows.map((r) => [
        r.nameEn,
        r.criticalOpen,
        r.criticalOverdue,
        r.majorOpen,
        r.majorOverdue,
        r.minorOpen,
        r.minorOverdue,
        r.open,
        r.overdue,
        r.oldestDue,
      ]),
    ).toEqual([
      ['Gazipur TTC', 2, 2, 1, 1, 1, 0, 4, 3, '2025-03-22'],
      ['Dhaka Polytechnic', 0, 0, 2, 1, 2, 0, 4, 1, '2024-08-08'],
      ['Sylhet Care Institute', 0, 0, 1, 1, 0, 0, 1, 1, '2025-06-13'],
    ]);
    // The period selects the assessment that raised the action.
    const since2025 = s.headOffice.actions(filters({ from: '2025-01-01' })).actions;
    expect(since2025).toMatchObject({ open: 8, overdue: 4 });
    expect(s.headOffice.actions(filters({ kind: 'self-assessment' })).actions).toMatchObject({ open: 0, overdue: 0, rows: [] });
    s.close();
  });

  it('lists the stop-use notices of institutions’ latest assessments', () => {
    const s = country();
    const imp = s.headOffice.actions(filters());
    expect(imp.stopUseTotal).toBe(2);
    expect(imp.stopUse.map((r) => [r.nameEn, r.criterionId, r.programmeTitleEn, r.finalisedOn])).toEqual([
      ['Gazipur TTC', 'CON-01', 'Welding', '2025-02-20'],
      ['Gazipur TTC', 'IF-03', '', '2025-02-20'],
    ]);
    expect(imp.stopUse[1]).toMatchObject({ programmeId: '', titleEn: 'Occupational safety and health in workshops' });
    expect(s.headOffice.actions(filters({ sector: 'care' })).stopUse).toEqual([]);
    s.close();
  });

  it('finds the additional training needs of mobility tracks, by destination and target level', () => {
    const s = country();
    const needs = s.headOffice.trainingNeeds(filters());
    expect(needs).toMatchObject({ mobilityProgrammes: 4, mobilityReady: 1, withNeeds: 3, programmesTotal: 3 });
    // By destination, language and level; within them language first, then soft skills, then destination preparation.
    expect(needs.groups).toEqual([
      {
        destinationCountry: 'Italy',
        targetLanguage: 'Italian',
        targetCefr: 'A2',
        area: 'language',
        programmes: 1,
        institutions: 1,
        intake: 0,
      },
      {
        destinationCountry: 'Italy',
        targetLanguage: 'Italian',
        targetCefr: 'A2',
        area: 'soft-skills',
        programmes: 1,
        institutions: 1,
        intake: 0,
      },
      {
        destinationCountry: 'Romania',
        targetLanguage: 'Romanian',
        targetCefr: 'A2',
        area: 'language',
        programmes: 2,
        institutions: 2,
        intake: 100,
      },
      {
        destinationCountry: 'Romania',
        targetLanguage: 'Romanian',
        targetCefr: 'A2',
        area: 'destination',
        programmes: 2,
        institutions: 2,
        intake: 100,
      },
    ]);
    expect(
      needs.programmes.map((p) => [
        p.nameEn.slice(0, 10),
        p.programmeTitleEn,
        p.destinationCountry,
        p.intake,
        p.areas,
        p.criteria,
        p.mobilityReady,
      ]),
    ).toEqual([
      ['=HYPERLINK', 'Hotel service', 'Italy', null, ['language', 'soft-skills'], ['LS-03', 'LS-04'], false],
      ['Dhaka Poly', 'Welding', 'Romania', 60, ['language', 'destination'], ['LS-03', 'LS-07'], false],
      ['Gazipur TT', 'Welding', 'Romania', 40, ['language', 'destination'], ['LS-03', 'MR-05'], false],
    ]);
    expect(s.headOffice.trainingNeeds(filters({ sector: 'care' }))).toMatchObject({
      mobilityProgrammes: 1,
      mobilityReady: 1,
      withNeeds: 0,
      groups: [],
    });
    expect(s.headOffice.trainingNeeds(filters({ division: 'dhaka' })).groups.map((g) => [g.area, g.programmes])).toEqual([
      ['language', 2],
      ['destination', 2],
    ]);
    s.close();
  });

  it('answers an empty database with zeros, not errors', () => {
    const s = openTestServices({ bundledFrameworksDir });
    expect(s.headOffice.outcomes(filters()).totals).toEqual({ institutions: 0, aligned: 0, conditional: 0, notAligned: 0, deferred: 0 });
    expect(s.headOffice.improvement(filters())).toMatchObject({ assessedInstitutions: 0, criteria: [] });
    expect(s.headOffice.actions(filters())).toMatchObject({ actions: { open: 0, overdue: 0, rows: [] }, stopUse: [] });
    expect(s.headOffice.trainingNeeds(filters())).toMatchObject({ mobilityProgrammes: 0, mobilityReady: 0, withNeeds: 0 });
    expect(s.headOffice.offer(filters()).totals).toEqual({
      institutions: 0,
      programmes: 0,
      intake: 0,
      mobilityProgrammes: 0,
      mobilityIntake: 0,
    });
    expect(s.headOffice.options()).toMatchObject({ firstFinalisedOn: null, finalisedAssessments: 0 });
    s.close();
  });
});

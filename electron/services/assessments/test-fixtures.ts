import path from 'node:path';
import type { AssessmentCreateInput, Rating, RatingPatch } from '../../../shared/assessments/schema';
import { scopeOf } from '../../../shared/assessments/scope';
import type { Criterion } from '../../../shared/framework/schema';
import { applicableItems, type ApplicableItem, type DataValues } from '../../../shared/scoring';
import type { AppServices } from '../app-services';
import type { Clock } from '../support/clock';
import { institutionInput, openTestServices, programmeInput } from '../test-support/services';

export const bundledFrameworksDir = path.resolve(import.meta.dirname, '..', '..', '..', 'resources', 'frameworks');

/** A clock the test moves by hand; midday UTC is the same calendar day in every time zone from −11 to +11. */
export function testClock(start = '2025-03-10T12:00:00.000Z'): Clock & { set(iso: string): void } {
  let now = start;
  return { now: () => now, set: (iso) => (now = iso) };
}

/**
 * Services with the default framework, and an institution with two care programmes: one on a mobility
 * track to Germany (conditional criticality holds there), one not. With both in scope the default
 * framework has exactly 106 units to rate: 42 institution-level, 2 × 24 programme-level, 2 × 8 care.
 */
export function setUp(options: { dataDir?: string; clock?: Clock } = {}) {
  const s = openTestServices({ bundledFrameworksDir, ...options });
  const institution = s.institutions.create(institutionInput({ headName: 'Md. Abdur Rahman', sectors: ['care'] }));
  const care = s.institutions.createProgramme(
    institution.id,
    programmeInput({ titleEn: 'Caregiving (local)', sector: 'care', occupation: 'Care worker', iscoCode: '5322' }),
  );
  const mobility = s.institutions.createProgramme(
    institution.id,
    programmeInput({
      titleEn: 'Caregiving for Germany',
      sector: 'care',
      occupation: 'Care worker',
      iscoCode: '5322',
      mobilityTrack: true,
      destinationCountry: 'Germany',
      targetLanguage: 'German',
      targetCefr: 'B1',
    }),
  );
  const version = s.frameworks.list().find((v) => v.frameworkId === 'bd-eu-tvet' && v.version === '1.0.0')!;
  const input = (overrides: Partial<AssessmentCreateInput> = {}): AssessmentCreateInput => ({
    kind: 'inspection',
    institutionId: institution.id,
    programmeIds: [care.id, mobility.id],
    frameworkVersionId: version.id,
    team: [
      { name: 'Farida Yasmin', role: 'lead-inspector' },
      { name: 'Tanvir Hasan', role: 'inspector' },
    ],
    plannedStart: '2025-03-01',
    plannedEnd: '2025-03-05',
    siteVisitDate: '2025-03-03',
    followsAssessmentId: null,
    ...overrides,
  });
  return { s, institution, care, mobility, version, input };
}

/** Outcome data that lights green for every outcome criterion of the default framework. */
export const greenData: Record<string, DataValues> = {
  'LS-03': { language: 'German', cefr_target: 'B1', language_track_learners: 30, certified_at_target: 24 },
  'IL-03': { wbl_cohort_learners: 40, learners_with_wbl: 30, wbl_hours_per_learner: 200 },
  'OI-03': { cohort_entrants: 50, cohort_completers: 45, cohort_dropouts: 5 },
  'OI-05': { tracer_cohort_completers: 45, completers_traced_6m: 36, employed_or_study_6m: 27 },
  'OI-06': { tracer_response_rate_pct: 80, employed_graduates_traced: 27, employed_in_matching_isco: 22 },
  'OI-07': { cohort_entrants: 50, cohort_completers: 45, disadv_entrants: 12, disadv_completers: 11 },
  // Framework 1.1.0: the language certification figures (LS-03's in 1.0.0), for mobility tracks only.
  'OI-09': { language_track_learners: 30, language_test_takers: 30, certified_at_target: 24 },
};

export type UnitAnswer = RatingPatch | undefined;

/**
 * Rates every applicable unit through autosave, as an inspector would: "Met" with documents and
 * observation, outcome criteria by their (green) data; `answer` may override a unit.
 */
export function rateAll(
  s: AppServices,
  assessmentId: string,
  answer: (unit: ApplicableItem, criterion: Criterion) => UnitAnswer = () => undefined,
) {
  const { assessment } = s.assessments.get(assessmentId);
  const framework = s.frameworks.get(assessment.frameworkVersionId).framework;
  const criteria = new Map(framework.groups.flatMap((g) => g.criteria.map((c) => [c.id, c] as const)));
  const units = applicableItems(framework, scopeOf(assessment.programmes)).filter((u) => u.applicable);
  const saved: Rating[] = [];
  for (const unit of units) {
    const criterion = criteria.get(unit.criterionId)!;
    const patch: RatingPatch = answer(unit, criterion) ?? defaultAnswer(criterion);
    saved.push(s.ratings.save({ assessmentId, criterionId: unit.criterionId, programmeId: unit.programmeId, patch }));
  }
  return { units, saved };
}

function defaultAnswer(criterion: Criterion): RatingPatch {
  // Only a criterion that asks for figures gets them (1.1.0 rates LS-03 by key and asks its figures under OI-09).
  const data = (criterion.dataFields ?? []).length > 0 ? greenData[criterion.id] : undefined;
  return data !== undefined ? { data, evidenceSeen: ['DATA', 'REC'] } : { rating: 3, evidenceSeen: ['DOC', 'OBS'] };
}

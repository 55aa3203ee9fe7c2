import { scopeOf } from '../../shared/assessments/scope';
import type { RatingPatch } from '../../shared/assessments/schema';
import type { RequestOf, ResponseOf } from '../../shared/ipc/contract';
import type { Criterion } from '../../shared/framework/schema';
import { applicableItems, noFiguresKept, scoredFromFigures } from '../../shared/scoring';
import { must } from './api';
import type { BrowserHost } from './browser-host';

// Seeding through the API: institutions, programmes, assessments and ratings made the way the screens make them.

/** Figures the outcome criteria need before an assessment can be submitted. */
const figures: Record<string, RatingPatch['data']> = {
  'OI-03': { cohort_entrants: 60, cohort_completers: 51, cohort_dropouts: 9 },
  // Framework 1.0.0 scores LS-03 from these figures; 1.1.0 rates LS-03 by key and asks them under OI-09.
  'LS-03': { language: 'Romanian', cefr_target: 'A2', language_track_learners: 30, certified_at_target: 24 },
  'OI-09': { language_track_learners: 30, language_test_takers: 30, certified_at_target: 24 },
};

/** Met, with the figures where a criterion asks for them. */
export const metWithFigures = (criterionId: string): RatingPatch => ({
  rating: 3,
  ...(figures[criterionId] ? { data: figures[criterionId] } : {}),
});

/** Rates every applicable unit through the API (`rating(criterionId)` decides; default Met), so it can be submitted. */
export async function rateAll(
  host: BrowserHost,
  assessmentId: string,
  rating: (criterionId: string) => RatingPatch = metWithFigures,
): Promise<void> {
  const { assessment } = await must(host, 'assessments:get', { id: assessmentId });
  const { framework } = await must(host, 'frameworks:get', { id: assessment.frameworkVersionId });
  const units = applicableItems(framework, scopeOf(assessment.programmes)).filter((u) => u.applicable);
  const criteria = new Map(framework.groups.flatMap((g) => g.criteria.map((c) => [c.id, c] as const)));
  await Promise.all(
    units.map((u) =>
      must(host, 'assessments:save-rating', {
        assessmentId,
        criterionId: u.criterionId,
        programmeId: u.programmeId,
        patch: figuresInsteadOfKey(criteria.get(u.criterionId), { evidenceSeen: ['DOC', 'REC'], ...rating(u.criterionId) }),
      }),
    ),
  );
}

/**
 * A criterion scored from its figures takes no rating key (the services refuse one): its figures, or
 * "no figures kept" where none are given. Both score exactly as the key with those figures used to.
 */
function figuresInsteadOfKey(criterion: Criterion | undefined, patch: RatingPatch): RatingPatch {
  if (criterion !== undefined && patch.data && !criterion.dataFields?.length) {
    // The same figures serve every framework version: a criterion that asks for none gets none.
    const { data: _none, ...keyOnly } = patch;
    patch = keyOnly;
  }
  if (criterion === undefined || !scoredFromFigures(criterion) || typeof patch.rating !== 'number') return patch;
  const { rating: _key, ...rest } = patch;
  return { ...rest, data: rest.data ?? noFiguresKept(criterion) };
}

export interface Seeded {
  institutionId: string;
  programmeId: string;
  frameworkVersionId: string;
}

/**
 * An institution with one construction programme (welding, mobility track to Romania), through the API.
 * `institution` replaces any of the registry details (a Bangla name, another division…).
 */
export async function seedInstitution(
  host: BrowserHost,
  nameEn = 'Khulna Technical Training Centre',
  institution: Partial<RequestOf<'institutions:create'>> = {},
): Promise<Seeded> {
  const created = await must(host, 'institutions:create', {
    nameEn,
    nameBn: 'খুলনা কারিগরি প্রশিক্ষণ কেন্দ্র',
    registrationBody: 'NSDA',
    registrationNumber: 'NSDA-TTC-0042',
    type: 'technical-training-centre',
    division: 'khulna',
    district: 'Khulna',
    headName: 'Md. Abdul Karim',
    sectors: ['construction'],
    ...institution,
  });
  const programme = await must(host, 'programmes:create', {
    institutionId: created.id,
    input: {
      titleEn: 'Welding (mobility track)',
      titleBn: 'ওয়েল্ডিং (মোবিলিটি ট্র্যাক)',
      sector: 'construction',
      occupation: 'Welder',
      iscoCode: '7212',
      bnqfLevel: '3',
      eqfLevel: '3',
      durationMonths: '',
      annualIntake: '60',
      mobilityTrack: true,
      destinationCountry: 'Romania',
      targetLanguage: 'Romanian',
      targetCefr: 'A2',
      activities: ['welding-cutting'],
    },
  });
  const frameworks = await must(host, 'frameworks:list', {});
  // 1.0.0, which the specs' counts and figures were written for; the app itself starts new assessments
  // on the newest bundled version (1.1.0), and specs about 1.1.0 pick it explicitly.
  const framework = frameworks.items.find((f) => f.frameworkId === 'bd-eu-tvet' && f.version === '1.0.0') ?? frameworks.items[0];
  if (!framework) throw new Error('No framework installed');
  return { institutionId: created.id, programmeId: programme.id, frameworkVersionId: framework.id };
}

export async function startAssessment(
  host: BrowserHost,
  seeded: Seeded,
  kind: 'self-assessment' | 'inspection' = 'inspection',
): Promise<ResponseOf<'assessments:create'>> {
  return must(host, 'assessments:create', {
    kind,
    institutionId: seeded.institutionId,
    programmeIds: [seeded.programmeId],
    frameworkVersionId: seeded.frameworkVersionId,
    team:
      kind === 'self-assessment'
        ? [{ name: 'Nasima Begum', role: 'administrator' }]
        : [
            { name: 'Rahima Akter', role: 'lead-inspector' },
            { name: 'Tanvir Hasan', role: 'inspector' },
          ],
    plannedStart: '2026-03-09',
    plannedEnd: '2026-03-11',
    siteVisitDate: kind === 'self-assessment' ? '2026-02-15' : '2026-03-10',
    followsAssessmentId: null,
  });
}

import type { RatingPatch } from '../../../shared/assessments/schema';
import type { AppServices } from '../app-services';
import { bundledFrameworksDir, greenData, rateAll } from '../assessments/test-fixtures';
import type { Clock } from '../support/clock';
import { institutionInput, openTestServices, programmeInput } from '../test-support/services';
import { actingAs, submitAndFinalise } from '../test-support/reviewer';

export const scriptNote = 'Labour-market survey of 2024 seen. <script>alert("report")</script> & “quotes”';
export const banglaNote = 'ফি-র তালিকা নোটিশ বোর্ডে আছে, তবে সর্বশেষ নিরীক্ষিত হিসাব ২০২৩ সালের।';

/**
 * A fictional institution with a welding programme on a mobility track to Romania and a local care
 * programme (105 units of audit), a finalised self-assessment, and an inspection that tells a realistic
 * story: mostly met, a major non-conformity on the welding-safety criterion and one on welfare
 * facilities (so "Recommended with conditions"), a minor one, observations, an N/A with its reason,
 * an amber completion rate, a cohort too small to score, and two evidence files.
 */
export async function reportScenario(
  options: {
    dataDir?: string;
    clock?: Clock;
    /** More evidence for the inspection while it is still a draft (photos, for the photo report tests). */
    attachMore?: (s: AppServices, inspectionId: string, programmes: { weldingId: string; careId: string }) => Promise<void>;
  } = {},
) {
  const s = openTestServices({ bundledFrameworksDir, dataDir: options.dataDir, clock: options.clock });
  s.settings.update({ userName: 'Farida Yasmin', organisation: 'NSDA Accreditation Unit', onboarded: true });
  const institution = s.institutions.create(
    institutionInput({
      nameEn: 'Chattogram Technical Training Centre',
      nameBn: 'চট্টগ্রাম কারিগরি প্রশিক্ষণ কেন্দ্র',
      registrationBody: 'NSDA',
      registrationNumber: 'NSDA-TTC-0117',
      type: 'technical-training-centre',
      division: 'chattogram',
      district: 'Chattogram',
      headName: 'Md. Abdul Karim',
      sectors: ['construction', 'care'],
    }),
  );
  const welding = s.institutions.createProgramme(
    institution.id,
    programmeInput({
      titleEn: 'Welding and steel fixing (mobility track)',
      titleBn: 'ওয়েল্ডিং ও স্টিল ফিক্সিং (মোবিলিটি ট্র্যাক)',
      sector: 'construction',
      occupation: 'Welder',
      iscoCode: '7212',
      bnqfLevel: 3,
      eqfLevel: 3,
      durationMonths: 6,
      annualIntake: 60,
      mobilityTrack: true,
      destinationCountry: 'Romania',
      targetLanguage: 'Romanian',
      targetCefr: 'A2',
      activities: ['welding-cutting'],
    }),
  );
  const care = s.institutions.createProgramme(
    institution.id,
    programmeInput({
      titleEn: 'Caregiving',
      titleBn: 'সেবা ও পরিচর্যা',
      sector: 'care',
      occupation: 'Care worker',
      iscoCode: '5322',
      bnqfLevel: 2,
      eqfLevel: 2,
      durationMonths: 4,
      annualIntake: 40,
    }),
  );
  const version = s.frameworks.list().find((v) => v.frameworkId === 'bd-eu-tvet' && v.version === '1.0.0')!;
  const base = {
    institutionId: institution.id,
    programmeIds: [welding.id, care.id],
    frameworkVersionId: version.id,
    followsAssessmentId: null,
  };

  const self = s.assessments.create({
    ...base,
    kind: 'self-assessment',
    team: [{ name: 'Nasima Begum', role: 'administrator' }],
    plannedStart: '2025-02-01',
    plannedEnd: '2025-02-10',
    siteVisitDate: '2025-02-05',
  });
  rateAll(s, self.id, (unit) => (unit.criterionId === 'IF-05' ? { rating: 2, evidenceSeen: ['DOC'] } : undefined));
  finalise(s, self.id);

  const inspection = s.assessments.create({
    ...base,
    kind: 'inspection',
    team: [
      { name: 'Farida Yasmin', role: 'lead-inspector' },
      { name: 'Tanvir Hasan', role: 'inspector' },
      { name: 'Rupa Chowdhury', role: 'observer' },
    ],
    plannedStart: '2025-03-09',
    plannedEnd: '2025-03-11',
    siteVisitDate: '2025-03-10',
  });
  const { units } = rateAll(s, inspection.id, (unit) => inspectionAnswer(unit.criterionId, unit.programmeId === welding.id));
  await attach(s, inspection.id, 'fire-drill-register-2025.csv', 'date,participants\n2025-01-12,142\n2025-02-16,151\n', 'REC', [
    { criterionId: 'IF-05', programmeId: null },
    { criterionId: 'GQ-04', programmeId: null },
  ]);
  await attach(
    s,
    inspection.id,
    'welding-bay-walk-through.txt',
    'Fume extraction fan: not running.\nFace shields: 4 for 12 learners.\n',
    'OBS',
    [{ criterionId: 'CON-03', programmeId: welding.id }],
  );
  await options.attachMore?.(s, inspection.id, { weldingId: welding.id, careId: care.id });
  // Tanvir submits; Farida, the lead inspector whose profile this is, reviews and signs (four eyes).
  const submitted = actingAs(s, { userName: 'Tanvir Hasan', role: 'inspector' }, () =>
    s.workflow.submit(inspection.id, s.assessments.get(inspection.id).assessment.revision),
  );
  return { s, institution, welding, care, self, inspection: submitted, units };
}

function inspectionAnswer(criterionId: string, welding: boolean): RatingPatch | undefined {
  switch (criterionId) {
    case 'GQ-04':
      return { rating: 2, note: banglaNote, evidenceSeen: ['DOC', 'INT-M'] };
    case 'QC-03':
      return { rating: 2, note: 'The staff-development budget was half spent by March.', evidenceSeen: ['DOC', 'REC'] };
    case 'TA-04':
      return { rating: 1, note: 'Two of the five welding trainers have no individual development plan.', evidenceSeen: ['REC'] };
    case 'IF-05':
      return {
        rating: 0,
        note: 'No accessible toilet; no ramp at the workshop entrance.\nThe drinking-water filter has not been serviced this year.',
        evidenceSeen: ['OBS', 'PHOTO'],
      };
    case 'IL-02':
      return { rating: 2, note: scriptNote, evidenceSeen: ['DOC', 'INT-E'] };
    case 'AS-05':
      return { rating: 'na', naReason: 'Initial programmes only: nobody is admitted through prior learning.' };
    case 'CON-03':
      return {
        rating: 1,
        note: 'Fume extraction in the welding bay does not work; two learners welded without face shields during the visit.',
        evidenceSeen: ['OBS', 'INT-L'],
      };
    case 'LS-03':
      return welding
        ? {
            data: { language: 'Romanian', cefr_target: 'A2', language_track_learners: 30, certified_at_target: 24 },
            evidenceSeen: ['DATA'],
          }
        : { data: greenData['LS-03']!, evidenceSeen: ['DATA', 'REC'] };
    case 'OI-03':
      return welding ? { data: { cohort_entrants: 50, cohort_completers: 35, cohort_dropouts: 15 }, evidenceSeen: ['DATA'] } : undefined;
    case 'OI-05':
      return welding
        ? undefined
        : { data: { tracer_cohort_completers: 8, completers_traced_6m: 7, employed_or_study_6m: 5 }, evidenceSeen: ['DATA'] };
    default:
      return undefined;
  }
}

async function attach(
  s: AppServices,
  assessmentId: string,
  name: string,
  content: string,
  evidenceType: string,
  links: { criterionId: string; programmeId: string | null }[],
) {
  await s.evidence.attach({
    assessmentId,
    links,
    evidenceType,
    caption: `Seen on the site visit: ${name}`,
    files: [{ name, contentBase64: Buffer.from(content).toString('base64') }],
  });
}

/** Submits as the current user and finalises as a reviewer (four eyes does not apply to self-assessments, but a reviewer may finalise them too). */
export function finalise(s: AppServices, id: string) {
  return submitAndFinalise(s, id);
}

import type { AssessmentCycle } from '../../../shared/accreditation/schema';
import type { AccreditationService } from '../accreditation/accreditation-service';
import { selfAssessmentToCompare } from '../../../shared/assessments/compared-self-assessment';
import type { GapReport } from '../../../shared/assessments/gap';
import type { Assessment, CorrectiveAction, FindingAction, Rating } from '../../../shared/assessments/schema';
import { unitKey } from '../../../shared/assessments/scope';
import type { Framework } from '../../../shared/framework/schema';
import type { Institution, Programme } from '../../../shared/institutions/schema';
import type { ReportEvidenceFile } from '../../../shared/reports/schema';
import type { ScoreResult } from '../../../shared/scoring';
import type { Language } from '../../../shared/settings/schema';
import type { Identity } from '../../../shared/signing/schema';
import type { AssessmentRecords } from '../assessments/assessment-records';
import { countedGap } from '../assessments/counted-gap';
import type { CorrectiveActionService } from '../assessments/corrective-action-service';
import type { FrameworkService } from '../frameworks/framework-service';
import type { InstitutionService } from '../institutions/institution-service';
import type { ReportPhoto } from './report-photos';

/** Who signs, as the signature page shows them; `signedAt` is null in a preview. */
export interface ReportSigner {
  name: string;
  role: string;
  organisation: string;
  fingerprintSha256: string;
  issuer: string;
  selfSigned: boolean;
  signedAt: string | null;
}

/** The self-assessment the inspection is compared with (domain notes §7.2). */
export interface ReportGap {
  self: Assessment;
  report: GapReport;
}

/**
 * Files attached as evidence to an assessment. The evidence feature plugs in here; until it exists the
 * report's evidence index says that no files are attached.
 */
export type ReportEvidenceSource = (assessmentId: string) => ReportEvidenceFile[];

/** Everything one report shows, gathered once; the templates only read it. */
export interface ReportData {
  language: Language;
  /** Numbers in Bengali digits (০–৯): the user's digit setting, for a Bangla report. */
  bengaliDigits: boolean;
  assessment: Assessment;
  /** The institution as the registry holds it now (for registration and location); null if it is gone. */
  institution: Institution | null;
  /** Registry details of the programmes in scope (occupation, levels), by id; the snapshot rules the rest. */
  programmeDetails: ReadonlyMap<string, Programme>;
  framework: Framework;
  score: ScoreResult;
  ratings: ReadonlyMap<string, Rating>;
  actions: ReadonlyMap<string, CorrectiveAction>;
  /** The non-conformities with the corrective actions written for them (what a draft's report prints). */
  findingActions: ReadonlyMap<string, FindingAction>;
  gap: ReportGap | null;
  evidence: ReportEvidenceFile[];
  /** The images of the photos among the evidence, by SHA-256 (empty until the report service adds them). */
  photos: ReadonlyMap<string, ReportPhoto>;
  signer: ReportSigner | null;
  /** The organisation issuing the report (the signer's, else the user's profile). */
  issuer: string;
  /** A draft, or a result with units still unanswered. */
  provisional: boolean;
  /** Rendered for the in-app preview (never printed). */
  preview: boolean;
  /** The change log's size and newest hash when the report was signed; null in a preview. */
  changeLog: { count: number; hash: string } | null;
  /** Validity, next due date and countersignature (electron/services/accreditation); null without that service. */
  accreditation: AssessmentCycle | null;
}

export interface ReportSources {
  assessments: AssessmentRecords;
  correctiveActions: CorrectiveActionService;
  frameworks: FrameworkService;
  institutions: InstitutionService;
  evidence: ReportEvidenceSource;
  /** The accreditation cycle of an assessment (left out by callers that do not print it). */
  accreditation?: Pick<AccreditationService, 'forAssessment'>;
}

export interface CollectOptions {
  language: Language;
  /** Ignored: a Bangla report always writes numbers in Bengali digits, an English one in Western digits. */
  bengaliDigits?: boolean;
  signer: ReportSigner | null;
  issuer: string;
  preview: boolean;
  changeLog?: { count: number; hash: string } | null;
}

export function collectReportData(sources: ReportSources, assessmentId: string, o: CollectOptions): ReportData {
  const { assessment, ratings } = sources.assessments.get(assessmentId);
  const framework = sources.frameworks.get(assessment.frameworkVersionId).framework;
  const score = sources.assessments.score(assessmentId);
  const detail = findInstitution(sources.institutions, assessment.institutionId);
  const actions = sources.correctiveActions.list({ assessmentId });
  return {
    language: o.language,
    bengaliDigits: o.language === 'bn',
    assessment,
    institution: detail?.institution ?? null,
    programmeDetails: new Map((detail?.programmes ?? []).map((p) => [p.id, p])),
    framework,
    score,
    ratings: new Map(ratings.map((r) => [unitKey(r.criterionId, r.programmeId), r])),
    actions: new Map(actions.map((a) => [unitKey(a.criterionId, a.programmeId), a])),
    findingActions: new Map(sources.correctiveActions.findings(assessmentId).map((a) => [unitKey(a.criterionId, a.programmeId), a])),
    gap: assessment.kind === 'self-assessment' ? null : gapFor(sources, assessment, framework, score),
    evidence: sources.evidence(assessmentId),
    photos: new Map(),
    signer: o.signer,
    issuer: o.signer?.organisation || o.issuer,
    provisional: assessment.status === 'draft' || !score.complete,
    preview: o.preview,
    changeLog: o.changeLog ?? null,
    accreditation: sources.accreditation?.forAssessment(assessmentId) ?? null,
  };
}

export function signerOf(identity: Identity, signedAt: string | null): ReportSigner {
  return {
    name: identity.name,
    role: identity.role,
    organisation: identity.organisation,
    fingerprintSha256: identity.fingerprintSha256,
    issuer: identity.issuer,
    selfSigned: identity.selfSigned,
    signedAt,
  };
}

function findInstitution(institutions: InstitutionService, id: string) {
  try {
    return institutions.get(id);
  } catch {
    return null;
  }
}

/**
 * The institution's own view to compare with, chosen by the one rule (shared/assessments/compared-self-assessment),
 * compared on the ratings that count on each side, as the gap view compares them (counted-gap.ts).
 */
function gapFor(sources: ReportSources, inspection: Assessment, framework: Framework, score: ScoreResult): ReportGap | null {
  const chosen = selfAssessmentToCompare(sources.assessments.list({ institutionId: inspection.institutionId, kind: 'self-assessment' }));
  if (chosen === undefined) return null;
  const report = countedGap(
    {
      assessment: (id) => (id === inspection.id ? inspection : sources.assessments.get(id).assessment),
      // The inspection as this report scores it (computed once, above).
      score: (id) => (id === inspection.id ? score : sources.assessments.score(id)),
      framework: (versionId) => (versionId === inspection.frameworkVersionId ? framework : sources.frameworks.get(versionId).framework),
    },
    chosen.id,
    inspection.id,
  );
  return { self: sources.assessments.get(chosen.id).assessment, report };
}

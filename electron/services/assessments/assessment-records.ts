import type {
  Assessment,
  AssessmentCreateInput,
  AssessmentKind,
  AssessmentSummary,
  ProgrammeSnapshot,
  Rating,
} from '../../../shared/assessments/schema';
import { scopeOf, snapshotProgramme } from '../../../shared/assessments/scope';
import { AppError, type Issue } from '../../../shared/ipc/result';
import type { ScoreResult } from '../../../shared/scoring';
import { kindsFor } from '../../../shared/settings/roles';
import type { Mutator } from '../db/mutator';
import type { FrameworkService, LoadedFramework } from '../frameworks/framework-service';
import type { InstitutionRepository } from '../institutions/institution-repository';
import type { ProgrammeRepository } from '../institutions/programme-repository';
import { newId } from '../support/ids';
import { assertDraft, assessmentNotFound, invalid, kindNotForRole, staleAssessment } from './assessment-errors';
import type { AssessmentRepository, ListFilter, ListPage } from './assessment-repository';
import { carryRating } from './carry-rating';
import { scoreAsRecorded } from './score-as-recorded';
import type { RatingRepository } from './rating-repository';
import { countAnswered, type UnitIndexCache } from './unit-index';

export type AssessmentDetails = Pick<Assessment, 'team' | 'plannedStart' | 'plannedEnd' | 'siteVisitDate'>;

/** Starting, reading and describing assessments. */
export class AssessmentRecords {
  constructor(
    private readonly assessments: AssessmentRepository,
    private readonly ratings: RatingRepository,
    private readonly institutions: InstitutionRepository,
    private readonly programmes: ProgrammeRepository,
    private readonly frameworks: FrameworkService,
    private readonly units: UnitIndexCache,
    private readonly mutator: Mutator,
  ) {}

  /** Summaries with progress (answered / total units) and the stored score; one query, no framework work. */
  list(filter: ListFilter, page?: ListPage): AssessmentSummary[] {
    return this.assessments.list(filter, page);
  }

  count(filter: ListFilter): number {
    return this.assessments.count(filter);
  }

  get(id: string): { assessment: Assessment; ratings: Rating[] } {
    return { assessment: this.require(id), ratings: this.ratings.list(id) };
  }

  require(id: string): Assessment {
    const found = this.assessments.get(id);
    if (found === undefined) throw assessmentNotFound();
    return found;
  }

  /**
   * The full result computed now from the stored ratings and the pinned framework (what reports show),
   * with the §7.1 evidence rules; a submitted or finalised one as it was recorded (scoreAsRecorded).
   */
  score(id: string): ScoreResult {
    const a = this.require(id);
    return scoreAsRecorded(
      this.frameworks.get(a.frameworkVersionId).framework,
      scopeOf(a.programmes),
      this.ratings.list(id),
      this.ratings.attachedTypes(id),
      this.assessments.recordedResultHash(id),
    );
  }

  create(input: AssessmentCreateInput): Assessment {
    const id = newId();
    return this.mutator.run((m) => {
      // Who may start what comes before what is wrong with the form: a second try would be refused too.
      if (!kindsFor(m.actor.role).includes(input.kind)) throw kindNotForRole(input.kind, m.actor.role);
      const issues: Issue[] = [...teamIssues(input.kind, input.team)];
      const institution = this.institutions.get(input.institutionId);
      if (institution === undefined) issues.push({ path: ['institutionId'], message: 'assessments.errors.institutionNotFound' });
      else if (institution.archived) issues.push({ path: ['institutionId'], message: 'assessments.errors.institutionArchived' });
      const snapshots = this.snapshots(input, issues);
      const loaded = findFramework(this.frameworks, input.frameworkVersionId);
      if (loaded === undefined) issues.push({ path: ['frameworkVersionId'], message: 'assessments.errors.frameworkNotFound' });
      const previous = this.previousFor(input, issues);
      if (issues.length > 0 || loaded === undefined) throw invalid('The assessment cannot be started.', issues);

      const programmesJson = JSON.stringify(snapshots);
      const index = this.units.for(loaded.summary.id, programmesJson);
      this.assessments.insert(
        {
          id,
          kind: input.kind,
          institutionId: input.institutionId,
          frameworkVersionId: loaded.summary.id,
          frameworkId: loaded.summary.frameworkId,
          frameworkVersion: loaded.summary.version,
          frameworkContentHash: loaded.summary.contentHash,
          programmes: snapshots,
          team: input.team,
          plannedStart: input.plannedStart,
          plannedEnd: input.plannedEnd,
          siteVisitDate: input.siteVisitDate,
          followsAssessmentId: input.followsAssessmentId,
          revisionNumber: 1,
          previousRevisionId: null,
          reopenReason: '',
          unitsTotal: index.total,
        },
        m.at,
        m.actor.name,
      );
      // A follow-up starts from the findings it verifies: the previous ratings and notes, for units
      // that still exist in this framework version and scope.
      let prefilled = 0;
      if (previous !== undefined) {
        for (const r of this.ratings.list(previous.id)) {
          const carried = carryRating(r, index, input.kind);
          if (carried === undefined) continue;
          this.ratings.upsert(id, carried, m.at, m.actor.name);
          prefilled += 1;
        }
        this.assessments.setAnswered(id, countAnswered(index, this.ratings.list(id)));
      }
      m.record({
        entity: 'assessment',
        entityId: id,
        action: 'create',
        payload: { ...input, frameworkContentHash: loaded.summary.contentHash, prefilled },
      });
      return this.require(id);
    });
  }

  updateDetails(id: string, revision: number, details: AssessmentDetails): Assessment {
    return this.mutator.run((m) => {
      const a = this.require(id);
      assertDraft(a.status);
      if (a.revision !== revision) throw staleAssessment();
      const issues = teamIssues(a.kind, details.team);
      if (details.plannedStart !== '' && details.plannedEnd !== '' && details.plannedEnd < details.plannedStart) {
        issues.push({ path: ['plannedEnd'], message: 'validation.endBeforeStart' });
      }
      if (issues.length > 0) throw invalid('The details were not saved.', issues);
      if (!this.assessments.updateDetails(id, revision, details, m.at, m.actor.name)) throw staleAssessment();
      m.record({ entity: 'assessment', entityId: id, action: 'update-details', payload: details });
      return this.require(id);
    });
  }

  private snapshots(input: AssessmentCreateInput, issues: Issue[]): ProgrammeSnapshot[] {
    if (input.programmeIds.length === 0) issues.push({ path: ['programmeIds'], message: 'assessments.errors.programmeRequired' });
    const seen = new Set<string>();
    const snapshots: ProgrammeSnapshot[] = [];
    input.programmeIds.forEach((programmeId, i) => {
      const programme = this.programmes.get(programmeId);
      let problem: string | null = null;
      if (seen.has(programmeId)) problem = 'assessments.errors.duplicateProgramme';
      else if (programme === undefined || programme.institutionId !== input.institutionId)
        problem = 'assessments.errors.programmeNotOfInstitution';
      else if (programme.archived) problem = 'assessments.errors.programmeArchived';
      seen.add(programmeId);
      if (problem !== null) issues.push({ path: ['programmeIds', i], message: problem });
      else if (programme !== undefined) snapshots.push(snapshotProgramme(programme));
    });
    return snapshots;
  }

  private previousFor(input: AssessmentCreateInput, issues: Issue[]): Assessment | undefined {
    if (input.followsAssessmentId === null) return undefined;
    const path = ['followsAssessmentId'];
    if (input.kind !== 'follow-up') {
      issues.push({ path, message: 'assessments.errors.followsOnlyForFollowUp' });
      return undefined;
    }
    const previous = this.assessments.get(input.followsAssessmentId);
    if (previous === undefined) issues.push({ path, message: 'assessments.errors.previousNotFound' });
    else if (previous.institutionId !== input.institutionId) issues.push({ path, message: 'assessments.errors.previousOtherInstitution' });
    else if (previous.status !== 'finalised') issues.push({ path, message: 'assessments.errors.previousNotFinalised' });
    else return previous;
    return undefined;
  }
}

/**
 * Inspections are led by a lead inspector; a self-assessment is the institution's own work, so its team
 * is its administrators (observers may join) and never inspectors.
 */
export function teamIssues(kind: AssessmentKind, team: Assessment['team']): Issue[] {
  if (kind === 'self-assessment') {
    const ok = team.some((m) => m.role === 'administrator') && team.every((m) => m.role === 'administrator' || m.role === 'observer');
    return ok ? [] : [{ path: ['team'], message: 'assessments.errors.selfAssessmentTeam' }];
  }
  return team.some((m) => m.role === 'lead-inspector') ? [] : [{ path: ['team'], message: 'assessments.errors.leadInspectorRequired' }];
}

export function findFramework(frameworks: FrameworkService, id: string): LoadedFramework | undefined {
  try {
    return frameworks.get(id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not-found') return undefined;
    throw error;
  }
}

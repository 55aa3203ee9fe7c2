import { createHash } from 'node:crypto';
import { blockersOf } from '../../../shared/assessments/rules';
import type { Assessment, AssessmentStatus, StoredScore } from '../../../shared/assessments/schema';
import { ratingEntriesOf, scopeOf } from '../../../shared/assessments/scope';
import { scoreFingerprint } from './score-as-recorded';
import { AppError } from '../../../shared/ipc/result';
import { scoreAssessment, type ScoreResult } from '../../../shared/scoring';
import { finaliseRefusal } from '../../../shared/settings/roles';
import { canonicalJson } from '../../../shared/util/canonical-json';
import type { MutationContext, Mutator } from '../db/mutator';
import type { FrameworkService, LoadedFramework } from '../frameworks/framework-service';
import { recordAssessmentFacts } from '../head-office/record-facts';
import type { InstitutionRepository } from '../institutions/institution-repository';
import { newId } from '../support/ids';
import { finaliseRefused, finalisedLocked, invalid, staleAssessment } from './assessment-errors';
import type { AssessmentRecords } from './assessment-records';
import type { AssessmentRepository } from './assessment-repository';
import { raiseCorrectiveActions } from './raise-corrective-actions';
import type { CorrectiveActionRepository } from './corrective-action-repository';
import type { RatingRepository } from './rating-repository';
import { countAnswered, type UnitIndexCache } from './unit-index';

type ReopenHook = (m: MutationContext, fromAssessmentId: string, toAssessmentId: string) => void;
type FinaliseHook = (m: MutationContext, assessment: Assessment, result: ScoreResult) => void;

/**
 * draft → submitted → finalised, back to draft from submitted, and reopening a finalised assessment as
 * a new revision. Every transition names the row revision it was decided on; a stale one is refused.
 */
export class AssessmentWorkflow {
  private readonly reopenHooks: ReopenHook[] = [];
  private readonly finaliseHooks: FinaliseHook[] = [];

  private readonly verified = new Set<string>();

  constructor(
    private readonly records: AssessmentRecords,
    private readonly assessments: AssessmentRepository,
    private readonly ratings: RatingRepository,
    private readonly actions: CorrectiveActionRepository,
    private readonly institutions: InstitutionRepository,
    private readonly frameworks: FrameworkService,
    private readonly units: UnitIndexCache,
    private readonly mutator: Mutator,
  ) {}

  /**
   * Other records that belong to a revision (evidence) and must follow it into the reopened one; run
   * inside the reopen transaction so the new revision is complete or does not exist.
   */
  whenReopening(hook: ReopenHook): void {
    this.reopenHooks.push(hook);
  }

  /**
   * Rules of other domains over a finalisation (the accreditation cycle: a countersignature for a negative
   * outcome, validity and due dates). Run inside the finalise transaction, after the four-eyes check and
   * before the row is locked: one may refuse (throw), or write to the still-submitted row.
   */
  whenFinalising(hook: FinaliseHook): void {
    this.finaliseHooks.push(hook);
  }

  /** Refused with one issue per unit still to do: unanswered, N/A without a reason, N/A not allowed. */
  submit(id: string, revision: number): Assessment {
    return this.mutator.run((m) => {
      const a = this.records.require(id);
      requireStep(a, revision, 'draft');
      const result = this.completeResult(a, true);
      if (!this.assessments.submit(id, revision, storedScore(result, m.at), resultHash(result), m.at, m.actor.name))
        throw staleAssessment();
      m.record({ entity: 'assessment', entityId: id, action: 'submit', payload: { decision: result.outcome.decision } });
      return this.records.require(id);
    });
  }

  /** A reviewer sends the assessment back; the reason goes into the change log. */
  returnToDraft(id: string, revision: number, reason: string): Assessment {
    return this.mutator.run((m) => {
      const a = this.records.require(id);
      requireStep(a, revision, 'submitted');
      if (!this.assessments.returnToDraft(id, revision, m.at, m.actor.name)) throw staleAssessment();
      m.record({ entity: 'assessment', entityId: id, action: 'return-to-draft', payload: { reason } });
      return this.records.require(id);
    });
  }

  /**
   * Four eyes first: the person who submitted an inspection does not finalise it (finaliseRefusal).
   * Computes the authoritative score from the stored ratings and the pinned framework (its content
   * checked against the hash pinned at the start), stores it, raises the corrective actions and locks
   * the assessment: from here the database refuses every change to it.
   */
  finalise(id: string, revision: number): Assessment {
    return this.mutator.run((m) => {
      const a = this.records.require(id);
      requireStep(a, revision, 'submitted');
      const refusal = finaliseRefusal(m.actor, a);
      if (refusal !== null) throw finaliseRefused(refusal);
      const result = this.completeResult(a);
      for (const hook of this.finaliseHooks) hook(m, a, result);
      const institution = this.institutions.get(a.institutionId);
      if (a.kind !== 'self-assessment') {
        raiseCorrectiveActions({
          assessment: a,
          result,
          framework: this.frameworks.get(a.frameworkVersionId).framework,
          owner: institution?.headName ?? '',
          actions: this.actions,
          m,
        });
      }
      const fingerprint = resultHash(result);
      if (!this.assessments.finalise(id, revision, storedScore(result, m.at), fingerprint, m.at, m.actor.name)) throw staleAssessment();
      // Head office's summary (outcome, findings, mobility readiness) commits with the finalisation.
      recordAssessmentFacts(m.db, this.frameworks.get(a.frameworkVersionId).framework, id, m.at);
      m.record({
        entity: 'assessment',
        entityId: id,
        action: 'finalise',
        payload: { decision: result.outcome.decision, overallPct: result.overall.pctRounded, resultHash: fingerprint },
      });
      return this.records.require(id);
    });
  }

  /** A new draft (revision n+1) copied from a finalised assessment, which stays readable and locked. */
  reopen(id: string, reason: string): Assessment {
    const newIdValue = newId();
    return this.mutator.run((m) => {
      const a = this.records.require(id);
      if (a.status !== 'finalised') throw new AppError('conflict', 'Only a finalised assessment can be reopened.');
      if (this.assessments.successor(id) !== undefined) {
        throw new AppError(
          'conflict',
          `This assessment was already reopened as revision ${a.revisionNumber + 1}; open that revision instead.`,
        );
      }
      const index = this.units.for(a.frameworkVersionId, JSON.stringify(a.programmes));
      this.assessments.insert(
        {
          id: newIdValue,
          kind: a.kind,
          institutionId: a.institutionId,
          frameworkVersionId: a.frameworkVersionId,
          frameworkId: a.frameworkId,
          frameworkVersion: a.frameworkVersion,
          frameworkContentHash: a.frameworkContentHash,
          programmes: a.programmes,
          team: a.team,
          plannedStart: a.plannedStart,
          plannedEnd: a.plannedEnd,
          siteVisitDate: a.siteVisitDate,
          followsAssessmentId: a.followsAssessmentId,
          revisionNumber: a.revisionNumber + 1,
          previousRevisionId: a.id,
          reopenReason: reason,
          unitsTotal: index.total,
        },
        m.at,
        m.actor.name,
      );
      this.ratings.copy(id, newIdValue);
      this.assessments.setAnswered(newIdValue, countAnswered(index, this.ratings.list(newIdValue)));
      m.record({ entity: 'assessment', entityId: newIdValue, action: 'reopen', payload: { previousRevisionId: id, reason } });
      for (const hook of this.reopenHooks) hook(m, id, newIdValue);
      return this.records.require(newIdValue);
    });
  }

  /** The score of a complete assessment, or a refusal listing every unit still to do. */
  private completeResult(a: Assessment, submitting = false): ScoreResult {
    const loaded = this.frameworks.get(a.frameworkVersionId);
    this.checkPinnedContent(a, loaded);
    const ratings = this.ratings.list(a.id);
    // The §7.1 evidence rules apply: evidence seen is what was ticked and what is attached to each unit.
    const result = scoreAssessment(loaded.framework, scopeOf(a.programmes), ratingEntriesOf(ratings, this.ratings.attachedTypes(a.id)));
    // Override reasons are the submitter's to write (§7.1); a reviewer finalising cannot add them.
    const blockers = blockersOf(result, ratings, submitting ? a.kind : undefined);
    if (blockers.length > 0) {
      throw invalid(
        `${blockers.length} ${blockers.length === 1 ? 'unit is' : 'units are'} not ready: every applicable criterion needs a rating, every N/A a reason, and every critical "Met" without observation or record evidence an override reason.`,
        blockers.map((b) => ({
          path: b.programmeId === null ? ['ratings', b.criterionId] : ['ratings', b.criterionId, b.programmeId],
          message: `assessments.rules.${b.code}`,
        })),
      );
    }
    return result;
  }

  /**
   * Versions are immutable (a trigger guards them), but a score is a legal record: before scoring, check
   * that the content it is computed from hashes to what the assessment pinned. The same canonical JSON
   * and SHA-256 as frameworkContentHash, with Node's native hash; once per version per process.
   */
  private checkPinnedContent(a: Assessment, loaded: LoadedFramework): void {
    const key = `${loaded.summary.id}\u0000${a.frameworkContentHash}`;
    if (this.verified.has(key)) return;
    const actual = createHash('sha256').update(canonicalJson(loaded.framework)).digest('hex');
    if (loaded.summary.contentHash !== a.frameworkContentHash || actual !== a.frameworkContentHash) {
      throw new AppError('conflict', 'The framework version no longer matches the content this assessment was started with.');
    }
    this.verified.add(key);
  }
}

function requireStep(a: Assessment, revision: number, status: AssessmentStatus): void {
  if (a.status === 'finalised') throw finalisedLocked();
  if (a.revision !== revision) throw staleAssessment();
  if (a.status !== status) throw new AppError('conflict', `This assessment is ${a.status}; it must be ${status} for this step.`);
}

/**
 * What lists and trends show. The percentage is the framework's display figure (rounded down to one
 * decimal), so a stored 74.9 never reads as meeting a 75 % threshold the full value misses.
 */
export function storedScore(result: ScoreResult, at: string): StoredScore {
  return { overallPct: result.overall.pctRounded, decision: result.outcome.decision, complete: result.complete, computedAt: at };
}

/** A fingerprint of the whole result: recomputing years later must give the same one. */
export function resultHash(result: ScoreResult): string {
  return scoreFingerprint(result);
}

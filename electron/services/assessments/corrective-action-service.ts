import type {
  ActionCriterion,
  CorrectiveAction,
  CorrectiveActionUpdate,
  FindingAction,
  FindingActionText,
} from '../../../shared/assessments/schema';
import { unitKey } from '../../../shared/assessments/scope';
import { AppError } from '../../../shared/ipc/result';
import type { ScoreResult } from '../../../shared/scoring';
import type { Mutator } from '../db/mutator';
import type { FrameworkService } from '../frameworks/framework-service';
import { assertDraft, assessmentNotFound, finalisedLocked, invalid } from './assessment-errors';
import type { AssessmentRepository } from './assessment-repository';
import type { ActionFilter, CorrectiveActionRepository, StoredAction } from './corrective-action-repository';

export interface VerifyRequest {
  id: string;
  revision: number;
  followUpAssessmentId: string;
  closed: boolean;
  note: string;
}

export interface WriteActionRequest {
  assessmentId: string;
  criterionId: string;
  programmeId: string | null;
  text: FindingActionText;
  /** The parts as the form found them; anything else stored now means someone else wrote meanwhile. */
  previous: { actionRequired: string; closingEvidence: string };
}

/**
 * Corrective actions. While an inspection is a draft or under review, the inspector writes for each
 * non-conformity the required action and the evidence that will close it; finalising raises one action
 * per non-conformity with those words, which the lock then freezes with the record. The institution and
 * inspectors keep the rest up to date (owner, due date, progress, response); only a follow-up assessment
 * closes one, and a verified-closed action is never edited again (the database refuses it too).
 */
export class CorrectiveActionService {
  private readonly criteriaByVersion = new Map<string, Map<string, ActionCriterion>>();

  constructor(
    private readonly actions: CorrectiveActionRepository,
    private readonly assessments: AssessmentRepository,
    private readonly frameworks: FrameworkService,
    /** The score computed now from an assessment's stored ratings. */
    private readonly scoreOf: (assessmentId: string) => ScoreResult,
    private readonly mutator: Mutator,
  ) {}

  list(filter: ActionFilter): CorrectiveAction[] {
    return this.actions.list(filter).map((a) => this.withCriterion(a));
  }

  /** The non-conformities of an assessment scored now, each with the parts written for it (none for a self-assessment). */
  findings(assessmentId: string): FindingAction[] {
    const head = this.assessments.head(assessmentId);
    if (head === undefined) throw assessmentNotFound();
    if (head.kind === 'self-assessment') return [];
    const texts = new Map(this.actions.unitTexts(assessmentId).map((u) => [unitKey(u.criterionId, u.programmeId), u]));
    const criteria = this.criteria(head.framework_version_id);
    return this.scoreOf(assessmentId)
      .findings.filter((f) => f.class !== 'observation' && f.dueDays !== null)
      .map((f) => {
        const text = texts.get(unitKey(f.criterionId, f.programmeId));
        return {
          criterionId: f.criterionId,
          programmeId: f.programmeId,
          findingClass: f.class as FindingAction['findingClass'],
          dueDays: f.dueDays,
          findingNote: text?.note ?? '',
          actionRequired: text?.actionRequired ?? '',
          closingEvidence: text?.closingEvidence ?? '',
          criterion: criteria.get(f.criterionId) ?? null,
        };
      });
  }

  /**
   * The inspector writes a finding's required action and closing evidence. Refused once the assessment is
   * finalised (the words are then part of the issued record: the institution keeps owner, due date and
   * status up to date instead), for a unit that is not a non-conformity now, and when someone else saved
   * other words since the form was opened.
   */
  write(req: WriteActionRequest): FindingAction {
    return this.mutator.run((m) => {
      const head = this.assessments.head(req.assessmentId);
      if (head === undefined) throw assessmentNotFound();
      if (head.status === 'finalised') throw finalisedLocked();
      const key = unitKey(req.criterionId, req.programmeId);
      const finding =
        head.kind === 'self-assessment'
          ? undefined
          : this.findings(req.assessmentId).find((f) => unitKey(f.criterionId, f.programmeId) === key);
      if (finding === undefined) {
        throw invalid('Corrective actions are written for the non-conformities of an inspection or follow-up.', [
          { path: ['criterionId'], message: 'assessments.errors.notANonConformity' },
        ]);
      }
      if (finding.actionRequired !== req.previous.actionRequired || finding.closingEvidence !== req.previous.closingEvidence) {
        throw new AppError(
          'conflict',
          'Someone else wrote this corrective action since you opened it. Reload to see their words, then try again.',
        );
      }
      if (!this.actions.writeText(req.assessmentId, req.criterionId, req.programmeId, req.text)) throw assessmentNotFound();
      m.record({
        entity: 'assessment',
        entityId: req.assessmentId,
        action: 'write-corrective-action',
        payload: { criterionId: req.criterionId, programmeId: req.programmeId, ...req.text },
      });
      return { ...finding, ...req.text };
    });
  }

  update(id: string, revision: number, update: CorrectiveActionUpdate): CorrectiveAction {
    return this.mutator.run((m) => {
      const action = this.requireOpen(id);
      if (update.status === 'verified-closed') {
        throw invalid('Only a follow-up assessment can verify and close an action.', [
          { path: ['update', 'status'], message: 'assessments.errors.verifyInFollowUp' },
        ]);
      }
      if (action.revision !== revision || !this.actions.update(id, revision, update, m.at, m.actor.name)) throw stale();
      m.record({ entity: 'corrective-action', entityId: id, action: 'update', payload: update });
      return this.withCriterion(this.actions.get(id)!);
    });
  }

  /**
   * Closed: the follow-up saw evidence that the action is done ('verified-closed', with the note, the
   * follow-up and the time). Not closed: the action stays open with the note; an action the institution
   * had marked completed goes back to in-progress, since its completion was not accepted.
   */
  verify(req: VerifyRequest): CorrectiveAction {
    return this.mutator.run((m) => {
      const action = this.requireOpen(req.id);
      const followUp = this.assessments.head(req.followUpAssessmentId);
      if (followUp === undefined || followUp.kind !== 'follow-up' || followUp.institution_id !== action.institutionId) {
        throw invalid('Choose a follow-up assessment of this institution.', [
          { path: ['followUpAssessmentId'], message: 'assessments.errors.notFollowUp' },
        ]);
      }
      assertDraft(followUp.status);
      if (req.closed && req.note.trim() === '') {
        throw invalid('Describe the evidence that shows the action is done.', [
          { path: ['note'], message: 'assessments.errors.closingNeedsNote' },
        ]);
      }
      const verdict = req.closed
        ? { status: 'verified-closed' as const, note: req.note, verifiedIn: followUp.id, verifiedAt: m.at }
        : {
            status: action.status === 'completed' ? ('in-progress' as const) : action.status,
            note: req.note,
            verifiedIn: null,
            verifiedAt: null,
          };
      if (action.revision !== req.revision || !this.actions.verify(req.id, req.revision, verdict, m.at, m.actor.name)) throw stale();
      m.record({
        entity: 'corrective-action',
        entityId: req.id,
        action: req.closed ? 'verify-closed' : 'verify-open',
        payload: { followUpAssessmentId: followUp.id, note: req.note },
      });
      return this.withCriterion(this.actions.get(req.id)!);
    });
  }

  /** Adds the criterion, in both languages, from the action's pinned framework version. */
  private withCriterion(stored: StoredAction): CorrectiveAction {
    const { frameworkVersionId, ...action } = stored;
    return { ...action, criterion: this.criteria(frameworkVersionId).get(action.criterionId) ?? null };
  }

  /** Each criterion of a framework version with the words an action needs (the framework service caches versions). */
  private criteria(frameworkVersionId: string): Map<string, ActionCriterion> {
    let found = this.criteriaByVersion.get(frameworkVersionId);
    if (found === undefined) {
      const { framework } = this.frameworks.get(frameworkVersionId);
      const kinds = new Map(framework.evidenceTypes.map((e) => [e.code, { en: e.label.en, bn: e.label.bn }]));
      found = new Map(
        framework.groups.flatMap((g) =>
          g.criteria.map((c) => [
            c.id,
            {
              title: { en: c.title.en, bn: c.title.bn },
              evidence: c.evidence.flatMap((code) => (kinds.has(code) ? [kinds.get(code)!] : [])),
            },
          ]),
        ),
      );
      this.criteriaByVersion.set(frameworkVersionId, found);
    }
    return found;
  }

  private requireOpen(id: string): StoredAction {
    const action = this.actions.get(id);
    if (action === undefined) throw new AppError('not-found', 'No corrective action has this id.');
    if (action.status === 'verified-closed')
      throw new AppError('locked', 'This action was verified and closed by a follow-up; it cannot change.');
    return action;
  }
}

function stale(): AppError {
  return new AppError(
    'conflict',
    'This action was changed elsewhere since you opened it. Reload to see the latest version, then try again.',
  );
}

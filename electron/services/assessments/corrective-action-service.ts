import type { CorrectiveAction, CorrectiveActionUpdate } from '../../../shared/assessments/schema';
import { AppError } from '../../../shared/ipc/result';
import type { Mutator } from '../db/mutator';
import { assertDraft, invalid } from './assessment-errors';
import type { AssessmentRepository } from './assessment-repository';
import type { ActionFilter, CorrectiveActionRepository } from './corrective-action-repository';

export interface VerifyRequest {
  id: string;
  revision: number;
  followUpAssessmentId: string;
  closed: boolean;
  note: string;
}

/**
 * Corrective actions raised when an inspection is finalised. The institution and inspectors keep them
 * up to date (owner, due date, progress, response); only a follow-up assessment closes one, and a
 * verified-closed action is never edited again (the database refuses it too).
 */
export class CorrectiveActionService {
  constructor(
    private readonly actions: CorrectiveActionRepository,
    private readonly assessments: AssessmentRepository,
    private readonly mutator: Mutator,
  ) {}

  list(filter: ActionFilter): CorrectiveAction[] {
    return this.actions.list(filter);
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
      return this.actions.get(id)!;
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
      return this.actions.get(req.id)!;
    });
  }

  private requireOpen(id: string): CorrectiveAction {
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

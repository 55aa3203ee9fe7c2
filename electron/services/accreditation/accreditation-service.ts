import { accreditationCycleOf } from '../../../shared/accreditation/proposed-rules';
import type {
  Appeal,
  AssessmentCycle,
  Countersignature,
  Cycle,
  DecideAppealInput,
  InstitutionStanding,
  LodgeAppealInput,
} from '../../../shared/accreditation/schema';
import {
  appealDeadline,
  cycleAtFinalisation,
  dueState,
  overdueSince,
  type AccreditationCycle,
} from '../../../shared/accreditation/validity';
import type { Assessment, StoredScore } from '../../../shared/assessments/schema';
import type { FrameworkRules } from '../../../shared/framework/schema';
import { AppError } from '../../../shared/ipc/result';
import type { ScoreResult } from '../../../shared/scoring';
import { samePerson } from '../../../shared/settings/roles';
import type { UserRole } from '../../../shared/settings/schema';
import { localDate } from '../assessments/dates';
import type { MutationContext, Mutator } from '../db/mutator';
import type { FrameworkService } from '../frameworks/framework-service';
import type { Clock } from '../support/clock';
import { newId } from '../support/ids';
import type { AccreditationRepository, AppealRow, CycleRow } from './accreditation-repository';

/**
 * The accreditation cycle around an inspection (domain-notes §7.4):
 *
 * - at finalisation an inspection or follow-up is stamped with its validity and the date its next
 *   inspection is due, from the pinned framework's rules (or the project's proposal);
 * - a not-recommended inspection is finalised only after a second reviewer, neither its lead inspector
 *   nor whoever submitted it, has countersigned it;
 * - within the appeal period the institution's appeal is recorded, and later its decision.
 *
 * Every change goes through the Mutator (one change-log entry each); the database locks the stamps with
 * the finalised row (003) and refuses to change a decided appeal or delete any (010).
 */
export class AccreditationService {
  constructor(
    private readonly repo: AccreditationRepository,
    private readonly frameworks: FrameworkService,
    private readonly mutator: Mutator,
    private readonly clock: Clock,
  ) {}

  /** Today on this machine's calendar (the clock tests pin). */
  today(): string {
    return localDate(this.clock.now());
  }

  /**
   * Run inside the finalise transaction, after the four-eyes check and before the row is locked: refuses
   * a not-recommended inspection that no second reviewer has countersigned, then stamps the dates.
   */
  beforeFinalise(m: MutationContext, a: Assessment, result: ScoreResult): void {
    if (a.kind === 'self-assessment') return;
    const row = this.requireRow(a.id);
    if (result.outcome.decision === 'not-recommended' && currentCountersignature(row) === null) {
      throw new AppError(
        'forbidden',
        'A "not recommended" outcome needs a countersignature before it is finalised: a second reviewer, neither the lead inspector nor the person who submitted it, must countersign it first.',
        [{ path: [], message: 'accreditation.refusals.countersignRequired' }],
      );
    }
    const rules = this.frameworks.get(a.frameworkVersionId).framework.rules;
    const cycle = cycleAtFinalisation({
      decision: result.outcome.decision,
      finalisedOn: localDate(m.at),
      rule: accreditationCycleOf(rules),
      findingDueDays: result.findings.flatMap((f) => (f.dueDays === null ? [] : [f.dueDays])),
      longestActionDays: longestActionDays(rules),
    });
    this.repo.stamp(a.id, cycle);
    m.record({ entity: 'assessment', entityId: a.id, action: 'accreditation-cycle', payload: { ...cycle } });
  }

  forAssessment(assessmentId: string): AssessmentCycle {
    const row = this.requireRow(assessmentId);
    const today = this.today();
    const cycle = row.status === 'finalised' && row.kind !== 'self-assessment' ? this.cycleOf(row, today) : null;
    const countersignature = row.status === 'finalised' ? storedCountersignature(row) : currentCountersignature(row);
    const rules = this.rulesOf(row);
    const window =
      cycle === null
        ? null
        : (() => {
            const rule = accreditationCycleOf(rules);
            const deadline = appealDeadline(cycle.finalisedOn, rule.appealDays);
            return { appealDays: rule.appealDays, deadline, open: today <= deadline, proposal: rule.proposal };
          })();
    return {
      assessmentId,
      kind: row.kind,
      cycle,
      countersignRequired: row.status === 'submitted' && needsCountersignature(row) && countersignature === null,
      countersignature,
      appealWindow: window,
      appeals: this.repo.appeals(assessmentId).map(appealOf),
    };
  }

  /**
   * A second reviewer countersigns a submitted not-recommended inspection: the acting person (the
   * profile's name and role), never the lead inspector nor whoever submitted it, nor an institution's
   * administrator. Returning it to draft and submitting again asks for a new countersignature.
   */
  countersign(input: { assessmentId: string; revision: number; comment: string }): AssessmentCycle {
    this.mutator.run((m) => {
      const row = this.requireRow(input.assessmentId);
      if (row.status !== 'submitted')
        throw new AppError('conflict', `This assessment is ${row.status}; only a submitted inspection is countersigned.`);
      if (!needsCountersignature(row))
        throw new AppError('conflict', 'Only an inspection or follow-up whose outcome is "not recommended" is countersigned.');
      if (currentCountersignature(row) !== null) throw new AppError('conflict', 'This submission is already countersigned.');
      if (row.revision !== input.revision) throw stale();
      const refusal = countersignRefusal(m.actor, row);
      if (refusal !== null) throw refusal;
      const c = { name: m.actor.name, role: m.actor.role, at: m.at, comment: input.comment.trim() };
      if (!this.repo.countersign(row.id, input.revision, c)) throw stale();
      m.record({ entity: 'assessment', entityId: row.id, action: 'countersign', payload: c });
    });
    return this.forAssessment(input.assessmentId);
  }

  /**
   * Records an appeal received within the framework's appeal period after finalisation. The date that
   * counts is the day the appeal was received (it may be keyed in a day or two later); one appeal is open
   * per finalised revision at a time.
   */
  lodgeAppeal(input: LodgeAppealInput): Appeal {
    const id = newId();
    this.mutator.run((m) => {
      const row = this.requireRow(input.assessmentId);
      if (row.status !== 'finalised' || row.kind === 'self-assessment')
        throw new AppError('conflict', 'Only a finalised inspection or follow-up can be appealed.');
      const finalisedOn = localDate(row.finalised_at!);
      const { appealDays } = accreditationCycleOf(this.rulesOf(row));
      const deadline = appealDeadline(finalisedOn, appealDays);
      const today = localDate(m.at);
      if (input.receivedOn > today)
        throw dateIssue('receivedOn', 'The appeal cannot be received after today.', 'accreditation.refusals.futureDate');
      if (input.receivedOn < finalisedOn)
        throw dateIssue(
          'receivedOn',
          `The inspection was finalised on ${finalisedOn}; an appeal is received after that.`,
          'accreditation.refusals.beforeFinalised',
        );
      if (input.receivedOn > deadline) {
        throw new AppError(
          'conflict',
          `The appeal period ended on ${deadline} (${appealDays} days after finalisation on ${finalisedOn}); an appeal received on ${input.receivedOn} cannot be lodged. Nothing was changed.`,
          [{ path: ['receivedOn'], message: 'accreditation.refusals.periodEnded' }],
        );
      }
      const open = this.repo.openAppeal(row.id);
      if (open !== undefined)
        throw new AppError(
          'conflict',
          `An appeal against this inspection (received ${open.received_on}) is still open; record its decision before lodging another.`,
          [{ path: [], message: 'accreditation.refusals.alreadyOpen' }],
        );
      const appeal = {
        id,
        assessmentId: row.id,
        institutionId: row.institution_id,
        receivedOn: input.receivedOn,
        grounds: input.grounds,
        lodgedBy: input.lodgedBy,
      };
      this.repo.insertAppeal(appeal, m.at, m.actor.name);
      m.record({ entity: 'appeal', entityId: id, action: 'lodge', payload: appeal });
    });
    return appealOf(this.repo.appeal(id)!);
  }

  /**
   * The decision on an open appeal, by the acting person (never the appealed inspection's lead
   * inspector, submitter or finaliser). The finalised assessment itself is not edited: an upheld or
   * partly upheld appeal leads to a new revision through the existing reopen, which names the appeal.
   */
  decideAppeal(input: DecideAppealInput): Appeal {
    this.mutator.run((m) => {
      const appeal = this.repo.appeal(input.appealId);
      if (appeal === undefined) throw new AppError('not-found', 'No appeal has this id.');
      if (appeal.decision !== '')
        throw new AppError('conflict', `This appeal was already decided (${appeal.decision}); a decision is final.`);
      if (appeal.revision !== input.revision) throw stale();
      if (input.decidedOn < appeal.received_on)
        throw dateIssue(
          'decidedOn',
          `The appeal was received on ${appeal.received_on}; it is decided on or after that day.`,
          'accreditation.refusals.beforeReceived',
        );
      if (input.decidedOn > localDate(m.at))
        throw dateIssue('decidedOn', 'A decision cannot be dated after today.', 'accreditation.refusals.futureDate');
      const row = this.requireRow(appeal.assessment_id);
      const refusal = independentRefusal(m.actor, row, true);
      if (refusal !== null) throw refusal;
      const decision = { decision: input.decision, decidedBy: m.actor.name, decidedOn: input.decidedOn, outcomeNote: input.outcomeNote };
      if (!this.repo.decide(appeal.id, input.revision, decision, m.at)) throw stale();
      m.record({ entity: 'appeal', entityId: appeal.id, action: 'decide', payload: decision });
    });
    return appealOf(this.repo.appeal(input.appealId)!);
  }

  institution(institutionId: string): { today: string; cycle: Cycle | null; appeals: Appeal[] } {
    const today = this.today();
    const row = this.repo.latestFinalised(institutionId);
    return {
      today,
      cycle: row === undefined ? null : this.cycleOf(row, today),
      appeals: this.repo.institutionAppeals(institutionId).map(appealOf),
    };
  }

  standings(): { today: string; items: InstitutionStanding[] } {
    const today = this.today();
    return {
      today,
      items: this.repo.latestFinalisedAll().map((row) => ({ institutionId: row.institution_id, cycle: this.cycleOf(row, today) })),
    };
  }

  /** The stamped dates, or for rows finalised before they were stored, the same rule applied now. */
  private cycleOf(row: CycleRow, today: string): Cycle {
    const score = JSON.parse(row.score!) as StoredScore;
    const finalisedOn = localDate(row.finalised_at!);
    const rules = this.rulesOf(row);
    const rule = accreditationCycleOf(rules);
    let stamped: AccreditationCycle;
    const derived = row.next_due === '';
    if (derived) {
      const days = rules.correctiveActionDays;
      stamped = cycleAtFinalisation({
        decision: score.decision,
        finalisedOn,
        rule,
        findingDueDays: this.repo.actionClasses(row.id).map((c) => days[c as keyof typeof days]),
        longestActionDays: longestActionDays(rules),
      });
    } else {
      stamped = { validityMonths: row.validity_months, alignedUntil: row.aligned_until, nextDue: row.next_due };
    }
    const state = dueState(stamped.nextDue, today);
    return {
      assessmentId: row.id,
      decision: score.decision,
      finalisedOn,
      ...stamped,
      dueState: state,
      overdueSince: state === 'overdue' ? overdueSince(stamped.nextDue) : '',
      derived,
      proposal: rule.proposal,
    };
  }

  private rulesOf(row: CycleRow): FrameworkRules {
    return this.frameworks.get(row.framework_version_id).framework.rules;
  }

  private requireRow(id: string): CycleRow {
    const row = this.repo.assessment(id);
    if (row === undefined) throw new AppError('not-found', 'No assessment has this id.');
    return row;
  }
}

function longestActionDays(rules: FrameworkRules): number {
  const d = rules.correctiveActionDays;
  return Math.max(d.critical, d.major, d.minor);
}

function needsCountersignature(row: CycleRow): boolean {
  if (row.kind === 'self-assessment' || row.score === null) return false;
  return (JSON.parse(row.score) as StoredScore).decision === 'not-recommended';
}

function storedCountersignature(row: CycleRow): Countersignature | null {
  if (row.countersigned_at === '') return null;
  return {
    name: row.countersigned_by,
    role: row.countersigned_role as UserRole,
    at: row.countersigned_at,
    comment: row.countersign_comment,
  };
}

/** A countersignature counts for the submission it was given on: submitting again asks for a new one. */
function currentCountersignature(row: CycleRow): Countersignature | null {
  const c = storedCountersignature(row);
  if (c === null || row.submitted_at === null || c.at < row.submitted_at) return null;
  return c;
}

function leadInspectors(row: CycleRow): string[] {
  return (JSON.parse(row.team) as { name: string; role: string }[]).filter((t) => t.role === 'lead-inspector').map((t) => t.name);
}

function countersignRefusal(person: { name: string; role: UserRole }, row: CycleRow): AppError | null {
  return independentRefusal(person, row, false);
}

/** The second reviewer (and whoever decides an appeal) is independent of the inspection they review. */
function independentRefusal(person: { name: string; role: UserRole }, row: CycleRow, appeal: boolean): AppError | null {
  const what = appeal ? 'decide an appeal against this inspection' : 'countersign this inspection';
  if (person.role === 'institution-administrator')
    return new AppError('forbidden', `An institution administrator cannot ${what}; an inspector or head office does.`, [
      { path: [], message: 'accreditation.refusals.notForRole' },
    ]);
  if (leadInspectors(row).some((name) => samePerson(person.name, name)))
    return new AppError('forbidden', `You are this inspection's lead inspector; a different reviewer must ${what}.`, [
      { path: [], message: 'accreditation.refusals.leadInspector' },
    ]);
  if (samePerson(person.name, row.submitted_by))
    return new AppError('forbidden', `You submitted this inspection; a different reviewer must ${what}.`, [
      { path: [], message: 'accreditation.refusals.submitter' },
    ]);
  if (appeal && samePerson(person.name, row.finalised_by))
    return new AppError('forbidden', `You finalised this inspection; a different reviewer must ${what}.`, [
      { path: [], message: 'accreditation.refusals.finaliser' },
    ]);
  return null;
}

function appealOf(r: AppealRow): Appeal {
  return {
    id: r.id,
    assessmentId: r.assessment_id,
    institutionId: r.institution_id,
    receivedOn: r.received_on,
    grounds: r.grounds,
    lodgedBy: r.lodged_by,
    decision: r.decision,
    decidedBy: r.decided_by,
    decidedOn: r.decided_on,
    outcomeNote: r.outcome_note,
    revision: r.revision,
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}

function stale(): AppError {
  return new AppError(
    'conflict',
    'This record was changed elsewhere since you opened it. Reload to see the latest version, then try again.',
  );
}

function dateIssue(field: string, message: string, key: string): AppError {
  return new AppError('validation', message, [{ path: [field], message: key }]);
}

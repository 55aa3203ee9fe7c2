import type { Assessment } from '../../../shared/assessments/schema';
import { unitKey } from '../../../shared/assessments/scope';
import type { Framework } from '../../../shared/framework';
import type { ScoreResult } from '../../../shared/scoring';
import type { MutationContext } from '../db/mutator';
import { newId } from '../support/ids';
import type { CorrectiveActionRepository, StoredAction } from './corrective-action-repository';
import { addDays, localDate } from './dates';

interface RaiseInput {
  assessment: Assessment;
  result: ScoreResult;
  framework: Framework;
  /** The institution's head: the default owner of every action. */
  owner: string;
  actions: CorrectiveActionRepository;
  m: MutationContext;
}

/**
 * One corrective action per non-conformity (critical, major, minor; observations need none), due
 * rules.correctiveActionDays after the finalisation date. The finalisation date, not the site visit, is
 * the base: the institution learns its findings when the result is issued, and counting from the visit
 * would eat the time a slow review takes (or hand out actions already overdue).
 *
 * A reopened revision takes over the open actions of the revision it replaces: an action whose finding
 * is still there moves to the new revision with its owner, response and status (and its due date, unless
 * the finding's class changed); an action whose finding is gone is withdrawn. Verified and closed actions
 * stay with the revision that raised them. So the institution never sees the same finding twice.
 *
 * What the institution is to do, and the evidence that will close the action, are the inspector's words on
 * the finding's rating (written before finalising, frozen with it): an action reads them there, so a
 * carried-over action reads what the new revision says. `description` keeps the criterion's English title
 * only for apps older than schema 8, which print it; nothing here shows it any more.
 */
export function raiseCorrectiveActions({ assessment: a, result, framework, owner, actions, m }: RaiseInput): void {
  const base = localDate(m.at);
  const previous = new Map<string, StoredAction>();
  if (a.previousRevisionId !== null) {
    for (const action of actions.list({ assessmentId: a.previousRevisionId, openOnly: true })) {
      previous.set(unitKey(action.criterionId, action.programmeId), action);
    }
  }
  const titles = new Map(a.programmes.map((p) => [p.id, p.titleEn]));
  const criterionTitles = new Map(framework.groups.flatMap((g) => g.criteria.map((c) => [c.id, c.title.en] as const)));

  for (const finding of result.findings) {
    if (finding.class === 'observation' || finding.dueDays === null) continue;
    const findingClass = finding.class;
    const dueDate = addDays(base, finding.dueDays);
    const key = unitKey(finding.criterionId, finding.programmeId);
    const carried = previous.get(key);
    if (carried !== undefined) {
      previous.delete(key);
      const keptDue = carried.findingClass === findingClass ? carried.dueDate : dueDate;
      actions.carryOver(carried.id, { assessmentId: a.id, findingClass, dueDate: keptDue }, m.at, m.actor.name);
      m.record({
        entity: 'corrective-action',
        entityId: carried.id,
        action: 'carry-over',
        payload: { assessmentId: a.id, findingClass, dueDate: keptDue },
      });
      continue;
    }
    const title = criterionTitles.get(finding.criterionId) ?? finding.criterionId;
    const programme = finding.programmeId === null ? undefined : titles.get(finding.programmeId);
    const id = newId();
    const insert = {
      id,
      assessmentId: a.id,
      institutionId: a.institutionId,
      criterionId: finding.criterionId,
      programmeId: finding.programmeId,
      findingClass,
      description: programme === undefined ? title : `${title} (${programme})`,
      owner,
      dueDate,
    };
    actions.insert(insert, m.at, m.actor.name);
    m.record({ entity: 'corrective-action', entityId: id, action: 'create', payload: insert });
  }

  for (const stale of previous.values()) {
    actions.withdraw(stale.id);
    m.record({ entity: 'corrective-action', entityId: stale.id, action: 'withdraw', payload: { replacedBy: a.id } });
  }
}

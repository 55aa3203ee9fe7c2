import type { Criterion, Framework, FrameworkGroup } from '../framework/schema';
import type { ProgrammeFacts } from '../framework/programme-facts';
import { appliesTo, isCriticalFor } from '../framework/lookup';
import type { AssessmentScope } from './inputs';

/** One unit of audit: a criterion at institution level (programmeId null) or for one programme. */
export interface ApplicableItem {
  criterionId: string;
  groupId: string;
  groupKind: FrameworkGroup['kind'];
  programmeId: string | null;
  weight: number;
  /** Critical for this unit: conditional criteria are critical only where their condition holds. */
  critical: boolean;
  safety: boolean;
  /** False when the criterion's `appliesWhen` condition does not hold: N/A without a written reason. */
  applicable: boolean;
}

/**
 * The units to rate, in a stable order (framework order, then scope order of programmes):
 * - institution-level core criteria once, with programmeId null;
 * - programme-level core criteria once per programme in scope;
 * - a sector module's criteria once per programme of that sector, and for no other programme.
 *
 * Institution-level criteria have no programme of their own; their conditions are judged on the
 * institution as a whole, i.e. a condition holds if it holds for any programme in scope (an
 * institution that runs a mobility track must meet the mobility-critical institution criteria).
 * Programmes repeated in the scope are counted once (the first wins).
 */
export function applicableItems(framework: Framework, scope: AssessmentScope): ApplicableItem[] {
  const programmes = uniqueProgrammes(scope);
  const institution = institutionFacts(programmes.map((p) => p.facts));
  const items: ApplicableItem[] = [];

  const add = (group: FrameworkGroup, criterion: Criterion, programmeId: string | null, facts: ProgrammeFacts): void => {
    items.push({
      criterionId: criterion.id,
      groupId: group.id,
      groupKind: group.kind,
      programmeId,
      weight: criterion.weight,
      critical: isCriticalFor(criterion, facts, framework.conditions),
      safety: criterion.safety === true,
      applicable: appliesTo(criterion, facts, framework.conditions),
    });
  };

  for (const group of framework.groups) {
    for (const criterion of group.criteria) {
      if (group.kind === 'sector') {
        for (const p of programmes) if (p.facts.sector === group.sector) add(group, criterion, p.id, p.facts);
      } else if (criterion.level === 'institution') {
        add(group, criterion, null, institution);
      } else {
        for (const p of programmes) add(group, criterion, p.id, p.facts);
      }
    }
  }
  return items;
}

export function uniqueProgrammes(scope: AssessmentScope): AssessmentScope['programmes'] {
  const seen = new Set<string>();
  return scope.programmes.filter((p) => {
    if (seen.has(p.id)) return false;
    seen.add(p.id);
    return true;
  });
}

/** The institution as a whole: a flag or activity holds if any programme in scope has it. */
export function institutionFacts(programmes: readonly ProgrammeFacts[]): ProgrammeFacts {
  return {
    sector: 'other',
    mobilityTrack: programmes.some((p) => p.mobilityTrack),
    activities: [...new Set(programmes.flatMap((p) => p.activities))].sort(),
  };
}

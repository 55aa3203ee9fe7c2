import type { ProgrammeSnapshot } from '../../../../../shared/assessments/schema';
import type { Criterion, Framework, FrameworkGroup } from '../../../../../shared/framework/schema';
import { unitKey } from '../../../../../shared/assessments/scope';
import { applicableItems } from '../../../../../shared/scoring';
import type { AssessmentScope } from '../../../../../shared/scoring';

export { unitKey };

/** One unit of audit as the workspace shows it: a criterion at the institution or for one programme. */
export interface Unit {
  key: string;
  criterion: Criterion;
  group: FrameworkGroup;
  programmeId: string | null;
  programme: ProgrammeSnapshot | null;
  /** Critical for this unit (conditional criticality resolved for its programme). */
  critical: boolean;
  /** False when the criterion's appliesWhen condition does not hold: nothing to rate. */
  applicable: boolean;
  sectionId: string;
  /** Position in the workspace order (sections in order, then units in order). */
  index: number;
}

/** A navigator entry: one group at institution level, or one group for one programme. */
export interface Section {
  id: string;
  group: FrameworkGroup;
  programme: ProgrammeSnapshot | null;
  units: Unit[];
}

export interface WorkspaceModel {
  units: Unit[];
  sections: Section[];
  unitByKey: Map<string, Unit>;
  sectionById: Map<string, Section>;
  /** Criterion id → criterion, for lookups from scoring results. */
  criteria: Map<string, Criterion>;
}

export const sectionKey = (groupId: string, programmeId: string | null): string => `${groupId}@${programmeId ?? ''}`;
/** A DOM id for a unit (keys hold '@', which is awkward in selectors). */
export const unitDomId = (unit: Pick<Unit, 'criterion' | 'programmeId'>): string =>
  `unit-${unit.criterion.id}-${unit.programmeId ?? 'institution'}`;

/**
 * Units in the order an inspector walks through them: the institution-level part of each core group
 * first, then for each programme in scope its programme-level core groups and its sector module. The
 * units themselves come from the scoring code (`applicableItems`), so the workspace and the score can
 * never disagree about what is to be rated.
 */
export function buildModel(framework: Framework, scope: AssessmentScope, programmes: readonly ProgrammeSnapshot[]): WorkspaceModel {
  const criteria = new Map<string, Criterion>();
  const groups = new Map<string, FrameworkGroup>();
  for (const g of framework.groups) {
    groups.set(g.id, g);
    for (const c of g.criteria) criteria.set(c.id, c);
  }
  const programmeById = new Map(programmes.map((p) => [p.id, p]));

  const bySection = new Map<string, Section>();
  for (const item of applicableItems(framework, scope)) {
    const id = sectionKey(item.groupId, item.programmeId);
    let section = bySection.get(id);
    if (section === undefined) {
      section = {
        id,
        group: groups.get(item.groupId)!,
        programme: item.programmeId === null ? null : (programmeById.get(item.programmeId) ?? null),
        units: [],
      };
      bySection.set(id, section);
    }
    section.units.push({
      key: unitKey(item.criterionId, item.programmeId),
      criterion: criteria.get(item.criterionId)!,
      group: section.group,
      programmeId: item.programmeId,
      programme: section.programme,
      critical: item.critical,
      applicable: item.applicable,
      sectionId: id,
      index: 0,
    });
  }

  const groupOrder = new Map(framework.groups.map((g, i) => [g.id, i]));
  const programmeOrder = new Map(programmes.map((p, i) => [p.id, i]));
  const rank = (s: Section): [number, number, number] => [
    s.programme === null ? -1 : (programmeOrder.get(s.programme.id) ?? 0),
    s.group.kind === 'core' ? 0 : 1,
    groupOrder.get(s.group.id) ?? 0,
  ];
  const sections = [...bySection.values()].sort((a, b) => {
    const [a1, a2, a3] = rank(a);
    const [b1, b2, b3] = rank(b);
    return a1 - b1 || a2 - b2 || a3 - b3;
  });

  const units: Unit[] = [];
  for (const s of sections)
    for (const u of s.units) {
      u.index = units.length;
      units.push(u);
    }
  return {
    units,
    sections,
    unitByKey: new Map(units.map((u) => [u.key, u])),
    sectionById: new Map(sections.map((s) => [s.id, s])),
    criteria,
  };
}

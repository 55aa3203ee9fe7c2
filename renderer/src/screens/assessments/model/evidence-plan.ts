import type { ProgrammeSnapshot } from '../../../../../shared/assessments/schema';
import type { Criterion, DataField, Framework, LocalizedText } from '../../../../../shared/framework/schema';
import { applicableItems } from '../../../../../shared/scoring';
import type { AssessmentScope } from '../../../../../shared/scoring';

export type PlanBlockId = 'documents' | 'records' | 'data' | 'people' | 'observe' | 'other';

export interface PlanItem {
  criterion: Criterion;
  /** Where it applies: null for the institution as a whole, else programme ids in scope order. */
  programmeIds: (string | null)[];
  /** Critical for at least one of those units: the inspector must see this evidence. */
  critical: boolean;
  /** Figures to have ready (typed data fields; computed ones are left out). */
  dataFields: DataField[];
}

export interface PlanList {
  code: string;
  label: LocalizedText;
  items: PlanItem[];
}

export interface PlanBlock {
  id: PlanBlockId;
  lists: PlanList[];
}

/** Which part of the list an evidence code belongs to; interviews (INT-*) are people to meet. */
function blockOf(code: string): PlanBlockId {
  if (code === 'DOC') return 'documents';
  if (code === 'REC') return 'records';
  if (code === 'DATA') return 'data';
  if (code === 'OBS') return 'observe';
  if (code.startsWith('INT')) return 'people';
  return 'other';
}

const blockOrder: PlanBlockId[] = ['documents', 'records', 'data', 'people', 'observe', 'other'];

/**
 * The evidence the institution should have ready, from the framework and the programmes in scope:
 * for each evidence type the criteria that expect it, each listed once with where it applies. Units
 * whose condition does not hold are left out (nothing to show for them).
 */
export function evidencePlan(framework: Framework, scope: AssessmentScope, programmes: readonly ProgrammeSnapshot[]): PlanBlock[] {
  const criteria = new Map(framework.groups.flatMap((g) => g.criteria.map((c) => [c.id, c] as const)));
  const order = new Map(programmes.map((p, i) => [p.id, i]));
  const lists = new Map<string, Map<string, PlanItem>>();
  for (const unit of applicableItems(framework, scope)) {
    if (!unit.applicable) continue;
    const criterion = criteria.get(unit.criterionId)!;
    for (const code of criterion.evidence) {
      let list = lists.get(code);
      if (list === undefined) lists.set(code, (list = new Map()));
      let item = list.get(criterion.id);
      if (item === undefined) {
        item = {
          criterion,
          programmeIds: [],
          critical: false,
          dataFields: (criterion.dataFields ?? []).filter((f) => f.derived === undefined),
        };
        list.set(criterion.id, item);
      }
      if (!item.programmeIds.includes(unit.programmeId)) item.programmeIds.push(unit.programmeId);
      item.critical ||= unit.critical;
    }
  }
  const blocks = new Map<PlanBlockId, PlanList[]>();
  for (const type of framework.evidenceTypes) {
    const items = lists.get(type.code);
    if (items === undefined || items.size === 0) continue;
    for (const item of items.values())
      item.programmeIds.sort((a, b) => (a === null ? -1 : (order.get(a) ?? 0)) - (b === null ? -1 : (order.get(b) ?? 0)));
    const block = blockOf(type.code);
    blocks.set(block, [...(blocks.get(block) ?? []), { code: type.code, label: type.label, items: [...items.values()] }]);
  }
  return blockOrder.filter((id) => blocks.has(id)).map((id) => ({ id, lists: blocks.get(id)! }));
}

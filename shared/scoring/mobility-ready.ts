import type { FrameworkRules } from '../framework/schema';
import { criterionMinimumFailures } from './criterion-minimums';
import type { Percentage } from './percentage';
import type { Finding, InstitutionDecision, MobilityReadiness, Reason, ScoredItem } from './result';

export interface MobilityInput {
  programmeId: string;
  decision: InstitutionDecision;
  findings: readonly Finding[];
  /** The programme's sector module, or null when the framework has none for its sector. */
  sectorGroupId: string | null;
  sectorModule: Percentage | null;
  /** This programme's units in its sector module. */
  sectorItems: readonly ScoredItem[];
  itemsByCriterion: ReadonlyMap<string, readonly ScoredItem[]>;
}

/**
 * The "mobility-ready" flag of domain notes §7.4 for one mobility-track programme. All must hold:
 * - the institution outcome is at least "recommended with conditions";
 * - no open major (or critical) finding in rules.mobilityReady.noOpenMajorInGroups that affects the
 *   programme: its own units and institution-level ones;
 * - the sector module at or above rules.mobilityReady.minSectorPct, with every unit critical for the
 *   programme rated at least minSectorCriticalRating. A programme whose sector has no module cannot
 *   show this, so it is not ready;
 * - the criterion minimums (language results, fair recruitment, ESCO mapping in the default framework).
 * Every failing condition is listed, so the report can say all that is missing at once.
 */
export function mobilityReadiness(input: MobilityInput, rules: FrameworkRules): MobilityReadiness {
  const rule = rules.mobilityReady;
  const reasons: Reason[] = [];

  if (input.decision !== 'recommended' && input.decision !== 'recommended-with-conditions') {
    reasons.push({ code: 'institution-outcome', params: { decision: input.decision } });
  }

  const watchedGroups = new Set(rule.noOpenMajorInGroups);
  for (const f of input.findings) {
    if ((f.class !== 'major' && f.class !== 'critical') || !watchedGroups.has(f.groupId)) continue;
    if (f.programmeId !== null && f.programmeId !== input.programmeId) continue;
    reasons.push({ code: 'open-major', params: { criterionId: f.criterionId, programmeId: f.programmeId, class: f.class } });
  }

  if (input.sectorGroupId === null || input.sectorModule === null) {
    reasons.push({ code: 'no-sector-module', params: {} });
  } else {
    const pct = input.sectorModule.pct;
    if (pct === null || pct < rule.minSectorPct) {
      reasons.push({ code: 'sector-below', params: { groupId: input.sectorGroupId, required: rule.minSectorPct, actual: pct } });
    }
    for (const item of input.sectorItems) {
      if (!item.critical || item.status === 'na' || item.status === 'condition-not-met') continue;
      if (item.rating !== null && item.rating >= rule.minSectorCriticalRating) continue;
      reasons.push({
        code: 'sector-critical-below',
        params: { criterionId: item.criterionId, required: rule.minSectorCriticalRating, actual: item.rating },
      });
    }
  }

  reasons.push(...criterionMinimumFailures(rule.criterionMinimums, input.itemsByCriterion, input.programmeId));
  return { ready: reasons.length === 0, reasons };
}

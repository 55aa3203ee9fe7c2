import type { ScoreResult } from '../../../../../shared/scoring';
import type { WorkspaceModel } from './units';

export interface SectionStat {
  answered: number;
  total: number;
  /** Weighted % of this section's rated units (same formula as group %); null when nothing is rated. */
  pct: number | null;
  /** Units whose rating implies a non-conformity (critical, major or minor). */
  nonConformities: number;
}

/** Progress and live % per navigator section, from one scoring result. */
export function sectionStats(model: WorkspaceModel, score: ScoreResult): Map<string, SectionStat> {
  const stats = new Map<string, SectionStat & { earned: number; possible: number }>();
  for (const s of model.sections) stats.set(s.id, { answered: 0, total: 0, pct: null, nonConformities: 0, earned: 0, possible: 0 });
  for (const item of score.items) {
    const unit = model.unitByKey.get(`${item.criterionId}@${item.programmeId ?? ''}`);
    const stat = unit === undefined ? undefined : stats.get(unit.sectionId);
    if (stat === undefined || item.status === 'condition-not-met') continue;
    stat.total += 1;
    if (item.status !== 'unanswered') stat.answered += 1;
    if (item.status === 'rated' && item.rating !== null) {
      stat.earned += item.weight * item.rating;
      stat.possible += item.weight * 3;
      if (item.rating <= 1) stat.nonConformities += 1;
    }
  }
  for (const stat of stats.values()) stat.pct = stat.possible === 0 ? null : (100 * stat.earned) / stat.possible;
  return stats;
}

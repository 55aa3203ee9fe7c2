import { useMemo } from 'react';
import { blockersOf } from '../../../../../shared/assessments/rules';
import type { AssessmentKind } from '../../../../../shared/assessments/schema';
import { itemsForUnit } from '../../../../../shared/evidence/coverage';
import { useEvidence } from '../evidence/evidence-store';
import type { LiveScore } from '../model/live-score';
import type { MissingItem } from './MissingView';
import { useScore } from './use-live-score';

/**
 * What is still to do before submitting: the services' own submission checks (on the live score, which
 * counts attached files as evidence seen, so an override reason is asked for exactly where the services
 * will ask), and rated criteria with no evidence seen or attached.
 */
export function useMissingItems(
  live: LiveScore,
  assessmentId: string,
  kind: AssessmentKind,
): { items: MissingItem[]; answered: number; total: number } {
  const score = useScore(live);
  const evidence = useEvidence(assessmentId);
  const items = useMemo(() => {
    const { store, model } = live;
    const found: MissingItem[] = blockersOf(score, store.rows(), kind);
    for (const u of model.units) {
      const link = { criterionId: u.criterion.id, programmeId: u.programmeId };
      const noneSeen = store.get(u.key).evidenceSeen.length === 0 && itemsForUnit(evidence.items, link).length === 0;
      if (live.scored(u.key)?.status === 'rated' && noneSeen && u.criterion.outcome === undefined) {
        found.push({ criterionId: u.criterion.id, programmeId: u.programmeId, code: 'noEvidence' });
      }
    }
    return found;
    // The score moves with every rating; evidence ticks do not move it but are read from the store.
  }, [live, score, evidence.items, kind]);
  return { items, answered: score.counts.answered, total: score.counts.total };
}

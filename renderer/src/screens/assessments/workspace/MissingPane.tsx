import type { AssessmentKind, ProgrammeSnapshot } from '../../../../../shared/assessments/schema';
import type { LiveScore } from '../model/live-score';
import { MissingView } from './MissingView';
import { useMissingItems } from './use-missing-items';

interface MissingPaneProps {
  live: LiveScore;
  assessmentId: string;
  kind: AssessmentKind;
  programmes: readonly ProgrammeSnapshot[];
  onJump: (unitKey: string) => void;
}

/** The missing-items view of the open assessment, following the live score. */
export function MissingPane({ live, assessmentId, kind, programmes, onJump }: MissingPaneProps) {
  const { items, answered, total } = useMissingItems(live, assessmentId, kind);
  return (
    <MissingView model={live.model} kind={kind} items={items} answered={answered} total={total} programmes={programmes} onJump={onJump} />
  );
}

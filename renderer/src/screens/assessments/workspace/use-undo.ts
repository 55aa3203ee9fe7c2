import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentStatus, RatingPatch } from '../../../../../shared/assessments/schema';
import { currentLanguage } from '../../../i18n';
import type { RatingStore } from '../model/rating-store';
import type { SaveQueue } from '../model/save-queue';
import { UndoHistory } from '../model/undo-history';
import type { Unit, WorkspaceModel } from '../model/units';
import { undoMessage, undoUnitName } from './SaveStatus';
import type { UndoControls } from '../model/undo-context';

interface UndoOptions {
  store: RatingStore;
  queue: SaveQueue;
  model: WorkspaceModel;
  /** Name the programme beside the criterion id (the assessment covers several). */
  severalProgrammes: boolean;
  readOnly: boolean;
  status: AssessmentStatus;
  /** Stores a change and queues it for autosave: the path every change takes. */
  apply: (key: string, patch: RatingPatch, delayMs: number) => void;
  /** Brings a unit into view and gives it focus. */
  reveal: (unit: Unit) => void;
}

export interface Undo {
  history: UndoHistory;
  controls: UndoControls;
  /** Polite news for the workspace's status region; `n` makes a repeated message new. */
  news: { text: string; n: number };
  run: (command: 'undo' | 'redo') => void;
}

/**
 * Undo and redo of the open assessment. A step is applied through the same save path as any change
 * (autosave, the local journal, the change log), its criterion comes into view with focus, and what
 * was restored is said politely. Nothing can be undone once the assessment has left draft.
 */
export function useUndo(options: UndoOptions): Undo {
  const { t } = useTranslation();
  const [history] = useState(() => new UndoHistory());
  const [news, setNews] = useState({ text: '', n: 0 });
  const latest = useRef(options);
  latest.current = options;
  const { model, severalProgrammes, readOnly, status } = options;
  const language = currentLanguage();

  const describe = useCallback<UndoControls['describe']>(
    (event) => undoMessage(t, event, undoUnitName(model, event.step.key, severalProgrammes, language)),
    [t, model, severalProgrammes, language],
  );

  const run = useCallback(
    (command: 'undo' | 'redo') => {
      const { store, queue, readOnly: locked, apply, reveal } = latest.current;
      const tell = (text: string) => setNews((a) => ({ text, n: a.n + 1 }));
      if (locked || queue.getState().kind === 'locked') return tell(t('assessments.undo.unavailable'));
      const current = (key: string) => store.get(key);
      const result = command === 'undo' ? history.undo(current) : history.redo(current);
      if (result === null) return tell(t(command === 'undo' ? 'assessments.undo.nothingToUndo' : 'assessments.undo.nothingToRedo'));
      const unit = latest.current.model.unitByKey.get(result.step.key);
      if (unit === undefined) return;
      apply(unit.key, result.patch, 0);
      reveal(unit);
      tell(describe(history.getSnapshot().last!));
    },
    [history, t, describe],
  );

  // Leaving draft ends undo; a return to draft starts a fresh history.
  useEffect(() => history.clear(), [history, status]);

  const controls = useMemo(() => ({ history, enabled: !readOnly, run, describe }), [history, readOnly, run, describe]);
  return { history, controls, news, run };
}

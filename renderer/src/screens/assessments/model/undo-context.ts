import { createContext } from 'react';
import type { UndoEvent, UndoHistory } from './undo-history';

/** What the workspace gives the undo line beside the save indicator. */
export interface UndoControls {
  history: UndoHistory;
  /** False once the assessment is no longer a draft. */
  enabled: boolean;
  run: (command: 'undo' | 'redo') => void;
  describe: (event: UndoEvent) => string;
}

export const UndoContext = createContext<UndoControls | null>(null);

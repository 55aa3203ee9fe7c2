/** What the workspace says once after a move: kept for this window only, read once, then gone. */
export interface MovedNote {
  version: string;
  carried: number;
  dropped: number;
  /** Criterion ids to look at again after the move (framework-moves.ts notes); absent when none. */
  check?: string[];
}

const keyOf = (assessmentId: string) => `tvet-inspector.framework-moved.${assessmentId}`;

export function leaveMovedNote(assessmentId: string, note: MovedNote): void {
  try {
    sessionStorage.setItem(keyOf(assessmentId), JSON.stringify(note));
  } catch {
    // Storage unavailable: the header still shows the new version; only the one-time note is lost.
  }
}

export function readMovedNote(assessmentId: string): MovedNote | null {
  try {
    const raw = sessionStorage.getItem(keyOf(assessmentId));
    if (raw === null) return null;
    const note = JSON.parse(raw) as Partial<MovedNote> | null;
    const count = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;
    const check = note?.check === undefined || (Array.isArray(note.check) && note.check.every((id) => typeof id === 'string'));
    return note !== null && typeof note.version === 'string' && count(note.carried) && count(note.dropped) && check
      ? (note as MovedNote)
      : null;
  } catch {
    return null;
  }
}

export function clearMovedNote(assessmentId: string): void {
  try {
    sessionStorage.removeItem(keyOf(assessmentId));
  } catch {
    // Nothing to clear.
  }
}

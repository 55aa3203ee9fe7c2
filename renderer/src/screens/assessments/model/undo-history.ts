import type { RatingPatch } from '../../../../../shared/assessments/schema';
import type { UnitState } from './rating-store';

/**
 * What one step of the history changes: a rating (with the maturity level that goes with it), or one
 * text or data field of a unit, edited and left.
 */
export type UndoField = 'rating' | 'naReason' | 'note' | 'data';

export interface UndoStep {
  key: string;
  field: UndoField;
  /** The patch that puts the unit back as it was before the change. */
  before: RatingPatch;
  /** The patch that makes the change again. */
  after: RatingPatch;
}

/** The last thing the history saw, for the status line and the announcement. */
export interface UndoEvent {
  kind: 'change' | 'undo' | 'redo';
  step: UndoStep;
}

export interface UndoSnapshot {
  canUndo: boolean;
  canRedo: boolean;
  last: UndoEvent | null;
}

/** The part of a unit's state one kind of step restores. */
export function fieldPatch(state: UnitState, field: UndoField): RatingPatch {
  switch (field) {
    case 'rating':
      // The services clear a maturity level that no longer matches the rating, so both travel together.
      return { rating: state.rating, maturity: state.maturity };
    case 'naReason':
      return { naReason: state.naReason };
    case 'note':
      return { note: state.note };
    case 'data':
      return { data: state.data };
  }
}

/** The value a step sets for its field (the rating, or the text), for messages. */
export function patchValue(patch: RatingPatch, field: UndoField): unknown {
  return field === 'rating' ? patch.rating : patch[field];
}

const textFields: readonly UndoField[] = ['naReason', 'note', 'data'];

/** Key order does not make two data entries different. */
function same(a: unknown, b: unknown): boolean {
  return stable(a) === stable(b);
}

function stable(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(',')}}`;
}

/** A step from the unit's state before and after a change; null when the field did not change. */
export function stepFor(key: string, field: UndoField, before: UnitState, after: UnitState): UndoStep | null {
  const from = fieldPatch(before, field);
  const to = fieldPatch(after, field);
  return same(from, to) ? null : { key, field, before: from, after: to };
}

/**
 * The undo history of one open assessment: linear, newest last, at most `limit` steps. A rating is one
 * step as it is chosen; typing is one step per field, from its first keystroke until the field is left
 * (`beginEdit` / `endEdit`), so undo never replays a note letter by letter. Undo and redo only say which
 * patch to apply; the workspace applies it through the same autosave path as any change.
 */
export class UndoHistory {
  private readonly done: UndoStep[] = [];
  private readonly undone: UndoStep[] = [];
  /** The state of units being typed in, as it was before the first keystroke. */
  private readonly editing = new Map<string, UnitState>();
  private snapshot: UndoSnapshot = { canUndo: false, canRedo: false, last: null };
  private readonly listeners = new Set<() => void>();

  constructor(private readonly limit = 100) {}

  /** Records a change made by the user; a new change ends any redo. */
  record(step: UndoStep | null): void {
    if (step === null) return;
    this.done.push(step);
    if (this.done.length > this.limit) this.done.splice(0, this.done.length - this.limit);
    this.undone.length = 0;
    this.publish({ kind: 'change', step });
  }

  /** Typing has started (or goes on) in a unit's text or data field; the state before it is kept once. */
  beginEdit(key: string, state: UnitState): void {
    if (!this.editing.has(key)) this.editing.set(key, state);
  }

  /** The field was left: whatever changed since `beginEdit` becomes one step per field. */
  endEdit(key: string, state: UnitState): void {
    const before = this.editing.get(key);
    if (before === undefined) return;
    this.editing.delete(key);
    for (const field of textFields) this.record(stepFor(key, field, before, state));
  }

  /**
   * Takes the newest step off and returns the patch that reverses it. `current` reads a unit as it is
   * now, so a redo puts back exactly what was there when undo was pressed (an N/A reason typed since
   * the rating, say) rather than what was there when the change was first made.
   */
  undo(current: (key: string) => UnitState): { step: UndoStep; patch: RatingPatch } | null {
    this.settleEdits(current);
    const step = this.done.pop();
    if (step === undefined) return null;
    const redo: UndoStep = { ...step, after: fieldPatch(current(step.key), step.field) };
    this.undone.push(redo);
    this.publish({ kind: 'undo', step: redo });
    return { step: redo, patch: step.before };
  }

  /** Makes the most recently undone step again; the opposite of `undo`. */
  redo(current: (key: string) => UnitState): { step: UndoStep; patch: RatingPatch } | null {
    this.settleEdits(current);
    const step = this.undone.pop();
    if (step === undefined) return null;
    const again: UndoStep = { ...step, before: fieldPatch(current(step.key), step.field) };
    this.done.push(again);
    this.publish({ kind: 'redo', step: again });
    return { step: again, patch: step.after };
  }

  /** Forgets everything (the assessment left draft: nothing may be undone any more). */
  clear(): void {
    this.done.length = 0;
    this.undone.length = 0;
    this.editing.clear();
    this.snapshot = { canUndo: false, canRedo: false, last: null };
    for (const listener of this.listeners) listener();
  }

  getSnapshot = (): UndoSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Typing not yet ended by leaving its field counts as made before an undo or redo. */
  private settleEdits(current: (key: string) => UnitState): void {
    for (const key of [...this.editing.keys()]) this.endEdit(key, current(key));
  }

  private publish(last: UndoEvent): void {
    this.snapshot = { canUndo: this.done.length > 0, canRedo: this.undone.length > 0, last };
    for (const listener of this.listeners) listener();
  }
}

import { describe, expect, it } from 'vitest';
import type { RatingPatch } from '../../../../../shared/assessments/schema';
import { emptyUnit, type UnitState } from './rating-store';
import { stepFor, UndoHistory } from './undo-history';

/** A tiny stand-in for the rating store: units by key, patched the way the workspace patches them. */
function units() {
  const map = new Map<string, UnitState>();
  const get = (key: string) => map.get(key) ?? emptyUnit;
  const apply = (key: string, patch: RatingPatch) => map.set(key, { ...get(key), ...(patch as Partial<UnitState>) });
  return { get, apply };
}

/** Rates as the workspace does: note the state, change it, record the step. */
function rate(history: UndoHistory, u: ReturnType<typeof units>, key: string, patch: RatingPatch) {
  const before = u.get(key);
  u.apply(key, patch);
  history.record(stepFor(key, 'rating', before, u.get(key)));
}

describe('undo history of an assessment', () => {
  it('undoes a rating change back to the previous rating, and redo makes it again', () => {
    const h = new UndoHistory();
    const u = units();
    rate(h, u, 'GQ-03@', { rating: 3 });
    rate(h, u, 'GQ-03@', { rating: 1 });
    expect(h.getSnapshot()).toMatchObject({ canUndo: true, canRedo: false, last: { kind: 'change', step: { after: { rating: 1 } } } });

    const undone = h.undo(u.get)!;
    expect(undone.patch).toEqual({ rating: 3, maturity: null });
    u.apply('GQ-03@', undone.patch);
    expect(h.getSnapshot()).toMatchObject({
      canUndo: true,
      canRedo: true,
      last: { kind: 'undo', step: { key: 'GQ-03@', before: { rating: 3 } } },
    });

    const redone = h.redo(u.get)!;
    expect(redone.patch).toEqual({ rating: 1, maturity: null });
    u.apply('GQ-03@', redone.patch);
    expect(u.get('GQ-03@').rating).toBe(1);
    expect(h.redo(u.get)).toBeNull();
  });

  it('walks back through several units in the order they were rated, down to unrated', () => {
    const h = new UndoHistory();
    const u = units();
    rate(h, u, 'A@', { rating: 2 });
    rate(h, u, 'B@p1', { rating: 'na' });
    const first = h.undo(u.get)!;
    expect(first.step.key).toBe('B@p1');
    u.apply('B@p1', first.patch);
    const second = h.undo(u.get)!;
    expect(second).toMatchObject({ step: { key: 'A@' }, patch: { rating: null } });
    expect(h.undo(u.get)).toBeNull();
    expect(h.getSnapshot().canUndo).toBe(false);
  });

  it('a new change after an undo ends the redo', () => {
    const h = new UndoHistory();
    const u = units();
    rate(h, u, 'A@', { rating: 3 });
    rate(h, u, 'A@', { rating: 2 });
    u.apply('A@', h.undo(u.get)!.patch);
    rate(h, u, 'A@', { rating: 0 });
    expect(h.getSnapshot().canRedo).toBe(false);
    expect(h.undo(u.get)!.patch.rating).toBe(3);
  });

  it('choosing the rating a unit already has is not a step', () => {
    const h = new UndoHistory();
    const u = units();
    rate(h, u, 'A@', { rating: 3 });
    rate(h, u, 'A@', { rating: 3 });
    u.apply('A@', h.undo(u.get)!.patch);
    expect(h.getSnapshot().canUndo).toBe(false);
  });

  it('restores the maturity level with the rating it mapped to', () => {
    const h = new UndoHistory();
    const u = units();
    rate(h, u, 'A@', { rating: 2, maturity: 2 });
    rate(h, u, 'A@', { rating: 3, maturity: null });
    expect(h.undo(u.get)!.patch).toEqual({ rating: 2, maturity: 2 });
  });

  it('redo of an N/A puts back the reason typed after it, not the empty reason it started with', () => {
    const h = new UndoHistory();
    const u = units();
    rate(h, u, 'A@', { rating: 3 });
    rate(h, u, 'A@', { rating: 'na' });
    h.beginEdit('A@', u.get('A@'));
    u.apply('A@', { naReason: 'No workshop' });
    h.endEdit('A@', u.get('A@'));
    // Undo the reason, then the N/A; redo both.
    u.apply('A@', h.undo(u.get)!.patch);
    expect(u.get('A@').naReason).toBe('');
    u.apply('A@', h.undo(u.get)!.patch);
    expect(u.get('A@').rating).toBe(3);
    u.apply('A@', h.redo(u.get)!.patch);
    u.apply('A@', h.redo(u.get)!.patch);
    expect(u.get('A@')).toMatchObject({ rating: 'na', naReason: 'No workshop' });
  });

  it('typing is one step per field from the first keystroke until the field is left', () => {
    const h = new UndoHistory();
    const u = units();
    u.apply('A@', { note: 'Seen' });
    h.beginEdit('A@', u.get('A@'));
    u.apply('A@', { note: 'Seen:' });
    h.beginEdit('A@', u.get('A@'));
    u.apply('A@', { note: 'Seen: licence' });
    h.endEdit('A@', u.get('A@'));
    expect(h.getSnapshot().last).toMatchObject({
      kind: 'change',
      step: { field: 'note', before: { note: 'Seen' }, after: { note: 'Seen: licence' } },
    });
    expect(h.undo(u.get)!.patch).toEqual({ note: 'Seen' });
    expect(h.undo(u.get)).toBeNull();
  });

  it('a field left unchanged, or data typed in another key order, is no step', () => {
    const h = new UndoHistory();
    const u = units();
    u.apply('A@', { data: { a: 1, b: 2 } });
    h.beginEdit('A@', u.get('A@'));
    u.apply('A@', { data: { b: 2, a: 1 } });
    h.endEdit('A@', u.get('A@'));
    h.endEdit('B@', u.get('B@'));
    expect(h.getSnapshot().canUndo).toBe(false);
  });

  it('typing not yet left is settled first, so undo takes back the typing before the rating', () => {
    const h = new UndoHistory();
    const u = units();
    rate(h, u, 'A@', { rating: 3 });
    h.beginEdit('A@', u.get('A@'));
    u.apply('A@', { note: 'half typed' });
    expect(h.undo(u.get)!.patch).toEqual({ note: '' });
  });

  it('keeps at most the newest steps', () => {
    const h = new UndoHistory(3);
    const u = units();
    for (const rating of [0, 1, 2, 3, 0] as const) rate(h, u, 'A@', { rating });
    let count = 0;
    while (h.undo(u.get) !== null) count += 1;
    expect(count).toBe(3);
  });

  it('clear forgets everything and tells the screen', () => {
    const h = new UndoHistory();
    const u = units();
    let told = 0;
    h.subscribe(() => (told += 1));
    rate(h, u, 'A@', { rating: 3 });
    h.clear();
    expect(told).toBe(2);
    expect(h.getSnapshot()).toEqual({ canUndo: false, canRedo: false, last: null });
    expect(h.undo(u.get)).toBeNull();
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BUSY_DELAY_MS, BusyTracker } from './use-busy';

describe('progress of a slow operation', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows nothing for an operation quicker than the delay, so it never flashes', () => {
    const busy = new BusyTracker();
    const token = busy.start('Checking files…');
    expect(busy.getSnapshot()).toMatchObject({ running: true, shown: false });
    vi.advanceTimersByTime(BUSY_DELAY_MS - 1);
    busy.finish(token);
    vi.advanceTimersByTime(BUSY_DELAY_MS);
    expect(busy.getSnapshot()).toMatchObject({ running: false, shown: false, finished: false });
  });

  it('shows the progress once the operation has run past the delay, and says it finished', () => {
    const busy = new BusyTracker();
    const seen: boolean[] = [];
    busy.subscribe(() => seen.push(busy.getSnapshot().shown));
    const token = busy.start('Printing and signing…');
    vi.advanceTimersByTime(BUSY_DELAY_MS);
    expect(busy.getSnapshot()).toMatchObject({ running: true, shown: true, label: 'Printing and signing…', done: null, total: null });
    busy.finish(token);
    expect(busy.getSnapshot()).toMatchObject({ running: false, shown: false, finished: true });
    expect(seen).toEqual([false, true, false]);
  });

  it('counts the work done when it is known, and the label follows it', () => {
    const busy = new BusyTracker();
    const token = busy.start('Attaching files…');
    busy.report(token, 1, 3, 'Attaching 2 of 3: photo.jpg');
    vi.advanceTimersByTime(BUSY_DELAY_MS);
    expect(busy.getSnapshot()).toMatchObject({ shown: true, done: 1, total: 3, label: 'Attaching 2 of 3: photo.jpg' });
    // Finished, it is the operation as a whole that is said to have finished.
    busy.finish(token);
    expect(busy.getSnapshot()).toMatchObject({ finished: true, label: 'Attaching files…' });
  });

  it('a newer operation supersedes an older one: the older one can neither report nor end it', () => {
    const busy = new BusyTracker();
    const older = busy.start('Preparing the preview (English)…');
    vi.advanceTimersByTime(BUSY_DELAY_MS / 2);
    const newer = busy.start('Preparing the preview (Bangla)…');
    busy.report(older, 5, 10);
    busy.finish(older);
    expect(busy.getSnapshot()).toMatchObject({ running: true, shown: false, done: null, label: 'Preparing the preview (Bangla)…' });
    // The delay starts again with the newer operation.
    vi.advanceTimersByTime(BUSY_DELAY_MS / 2);
    expect(busy.getSnapshot().shown).toBe(false);
    vi.advanceTimersByTime(BUSY_DELAY_MS / 2);
    expect(busy.getSnapshot().shown).toBe(true);
    busy.finish(newer);
    expect(busy.getSnapshot().running).toBe(false);
  });

  it('no timer fires after the screen has gone', () => {
    const busy = new BusyTracker();
    busy.start('Importing…');
    busy.dispose();
    vi.advanceTimersByTime(BUSY_DELAY_MS * 2);
    expect(busy.getSnapshot().shown).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });
});

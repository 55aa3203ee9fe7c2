import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RatingPatch } from '../../../../../shared/assessments/schema';
import type { Result } from '../../../../../shared/ipc/result';
import { SaveQueue } from './save-queue';

interface Call {
  key: string;
  patch: RatingPatch;
  resolve: (r: Result<unknown>) => void;
}

function setup() {
  const calls: Call[] = [];
  const journal: Map<string, RatingPatch>[] = [];
  const queue = new SaveQueue((key, patch) => new Promise((resolve) => calls.push({ key, patch, resolve })), {
    write: (entries) => journal.push(new Map(entries)),
  });
  return { calls, journal, queue };
}

const ok: Result<unknown> = { ok: true, value: {} };
// Lets the promise callbacks of resolved saves run (timers are fake, microtasks are not).
const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('autosave queue', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  it('debounces typing into one save and reports the truth while it is unsaved', async () => {
    const { calls, queue } = setup();
    queue.enqueue('A@', { note: 'W' }, 400);
    queue.enqueue('A@', { note: 'We' }, 400);
    queue.enqueue('A@', { note: 'Weld' }, 400);
    expect(queue.getState().kind).toBe('saving');
    expect(calls).toHaveLength(0);
    vi.advanceTimersByTime(400);
    expect(calls.map((c) => c.patch)).toEqual([{ note: 'Weld' }]);
    calls[0]!.resolve(ok);
    await settle();
    expect(queue.getState().kind).toBe('saved');
  });

  it('never lets a slow save land after a newer one for the same unit', async () => {
    const { calls, queue } = setup();
    queue.enqueue('A@', { rating: 1 }, 0);
    queue.enqueue('A@', { rating: 3 }, 0);
    queue.enqueue('A@', { note: 'x' }, 0);
    // Only the first is in flight; the rest wait for it and go together, in order.
    expect(calls).toHaveLength(1);
    calls[0]!.resolve(ok);
    await settle();
    expect(calls).toHaveLength(2);
    expect(calls[1]!.patch).toEqual({ rating: 3, note: 'x' });
    calls[1]!.resolve(ok);
    await settle();
    expect(queue.getState().kind).toBe('saved');
  });

  it('keeps a failed change, retries it, and lets newer typing win', async () => {
    const { calls, journal, queue } = setup();
    queue.enqueue('A@', { note: 'first' }, 0);
    queue.enqueue('A@', { note: 'second' }, 400);
    calls[0]!.resolve({ ok: false, error: { code: 'internal', message: 'network' } });
    await settle();
    expect(queue.getState().kind).toBe('retrying');
    expect(journal.at(-1)!.get('A@')).toEqual({ note: 'second' });
    vi.advanceTimersByTime(500);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.patch).toEqual({ note: 'second' });
    calls[1]!.resolve(ok);
    await settle();
    expect(queue.getState().kind).toBe('saved');
    expect(journal.at(-1)!.size).toBe(0);
  });

  it('stops saving once the assessment is locked', async () => {
    const { calls, queue } = setup();
    queue.enqueue('A@', { rating: 2 }, 0);
    calls[0]!.resolve({ ok: false, error: { code: 'locked', message: 'finalised' } });
    await settle();
    expect(queue.getState().kind).toBe('locked');
    queue.enqueue('A@', { rating: 3 }, 0);
    expect(calls).toHaveLength(1);
  });

  it('holds a refused change until the unit changes again', async () => {
    const { calls, queue } = setup();
    queue.enqueue('A@', { naReason: 'x'.repeat(3000) }, 0);
    calls[0]!.resolve({ ok: false, error: { code: 'validation', message: 'bad', issues: [] } });
    await settle();
    expect(queue.getState().kind).toBe('refused');
    queue.flushAll();
    expect(calls).toHaveLength(1);
    queue.enqueue('A@', { naReason: 'short' }, 0);
    expect(calls[1]!.patch).toEqual({ naReason: 'short' });
  });

  it('leaves the journal, sending a choice and the indicator for later when told to, and does it all on flushAll', async () => {
    const calls: Call[] = [];
    const journal: Map<string, RatingPatch>[] = [];
    const later: (() => void)[] = [];
    const queue = new SaveQueue(
      (key, patch) => new Promise((resolve) => calls.push({ key, patch, resolve })),
      { write: (entries) => journal.push(new Map(entries)) },
      (run) => later.push(run),
    );
    let told = 0;
    queue.subscribe(() => told++);
    queue.enqueue('A@', { rating: 2 }, 0);
    queue.enqueue('B@', { note: 'W' }, 400);
    queue.enqueue('B@', { note: 'We' }, 400);
    // Nothing but the change itself happened in the click's or keystroke's frame; one catch-up is due.
    expect([calls.length, journal.length, told, later.length]).toEqual([0, 0, 0, 1]);
    expect(queue.hasUnsaved).toBe(true);
    later.shift()!();
    expect(calls.map((c) => c.patch)).toEqual([{ rating: 2 }]);
    expect(journal.at(-1)).toEqual(
      new Map([
        ['A@', { rating: 2 }],
        ['B@', { note: 'We' }],
      ]),
    );
    expect(queue.getState().kind).toBe('saving');
    vi.advanceTimersByTime(400);
    expect(calls.map((c) => c.patch)).toEqual([{ rating: 2 }, { note: 'We' }]);
    // Leaving the window does everything at once, without waiting for a frame.
    queue.enqueue('C@', { rating: 3 }, 0);
    queue.flushAll();
    expect(calls.at(-1)!.patch).toEqual({ rating: 3 });
    expect(journal.at(-1)!.get('C@')).toEqual({ rating: 3 });
    for (const c of calls) c.resolve(ok);
    await settle();
    expect(queue.getState().kind).toBe('saved');
  });
});

import { describe, expect, it } from 'vitest';
import { ok, type AppErrorData, type Result } from '../../../shared/ipc/result';
import { LoadTracker, toAppError } from './load-tracker';

/** A load whose answer the test gives when it chooses, to play out slow and quick answers. */
function deferred<T>() {
  let answer!: (r: Result<T>) => void;
  let fail!: (e: unknown) => void;
  const promise = new Promise<Result<T>>((resolve, reject) => {
    answer = resolve;
    fail = reject;
  });
  return { load: () => promise, answer, fail, promise };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('one screen loading what it shows', () => {
  it('shows loading, then the value the services answered', async () => {
    const tracker = new LoadTracker<string>();
    const d = deferred<string>();
    void tracker.start(d.load);
    expect(tracker.getSnapshot()).toEqual({ value: null, error: null, loading: true });
    d.answer(ok('Dhaka Polytechnic'));
    await settle();
    expect(tracker.getSnapshot()).toEqual({ value: 'Dhaka Polytechnic', error: null, loading: false });
  });

  it('a slow answer to an older request never overwrites the newer one', async () => {
    const tracker = new LoadTracker<string>();
    const older = deferred<string>();
    const newer = deferred<string>();
    void tracker.start(older.load);
    void tracker.start(newer.load);
    newer.answer(ok('Bangla preview'));
    await settle();
    older.answer(ok('English preview'));
    await settle();
    expect(tracker.getSnapshot()).toEqual({ value: 'Bangla preview', error: null, loading: false });
  });

  it('an answer that comes after the screen has gone changes nothing and tells nobody', async () => {
    const tracker = new LoadTracker<string>();
    const d = deferred<string>();
    const heard: unknown[] = [];
    tracker.subscribe(() => heard.push(tracker.getSnapshot()));
    void tracker.start(d.load);
    tracker.cancel();
    const before = heard.length;
    d.answer(ok('too late'));
    await settle();
    expect(heard.length).toBe(before);
    expect(tracker.getSnapshot().value).toBeNull();
  });

  it('a refusal comes as the app error data, with its code and field issues', async () => {
    const tracker = new LoadTracker<string>();
    const refusal: AppErrorData = { code: 'not-found', message: 'errors.notFound', issues: [{ path: ['id'], message: 'x' }] };
    await tracker.start(() => Promise.resolve({ ok: false, error: refusal }));
    expect(tracker.getSnapshot()).toEqual({ value: null, error: refusal, loading: false });
  });

  it('a load that throws is an error on screen, not an unhandled rejection', async () => {
    const tracker = new LoadTracker<string>();
    await tracker.start(() => {
      throw new Error('disk gone');
    });
    expect(tracker.getSnapshot().error).toEqual({ code: 'internal', message: 'disk gone' });
    const d = deferred<string>();
    const done = tracker.start(d.load);
    // As model/framework-cache.ts's FrameworkLoadError: the services' refusal rides in `error`.
    d.fail(Object.assign(new Error('framework missing'), { error: { code: 'not-found', message: 'framework missing' } }));
    await done;
    expect(tracker.getSnapshot().error).toEqual({ code: 'not-found', message: 'framework missing' });
  });

  it('a reload keeps the value on screen until the fresh one comes; a new subject clears it', async () => {
    const tracker = new LoadTracker<number>();
    await tracker.start(() => Promise.resolve(ok(1)));
    const fresh = deferred<number>();
    void tracker.start(fresh.load, true);
    expect(tracker.getSnapshot()).toEqual({ value: 1, error: null, loading: true });
    fresh.answer(ok(2));
    await settle();
    expect(tracker.getSnapshot().value).toBe(2);
    void tracker.start(deferred<number>().load);
    expect(tracker.getSnapshot()).toEqual({ value: null, error: null, loading: true });
  });

  it('nothing to load clears the screen and drops an answer still on its way', async () => {
    const tracker = new LoadTracker<string>();
    const d = deferred<string>();
    void tracker.start(d.load);
    tracker.clear();
    d.answer(ok('old institution'));
    await settle();
    expect(tracker.getSnapshot()).toEqual({ value: null, error: null, loading: false });
  });

  it('the screen may replace the value after an action, or show an action refusal in the same place', async () => {
    const tracker = new LoadTracker<string[]>();
    await tracker.start(() => Promise.resolve(ok(['a'])));
    tracker.setValue((items) => [...(items ?? []), 'b']);
    expect(tracker.getSnapshot().value).toEqual(['a', 'b']);
    tracker.setError({ code: 'conflict', message: 'changed elsewhere' });
    expect(tracker.getSnapshot()).toMatchObject({ value: ['a', 'b'], error: { code: 'conflict' } });
  });
});

describe('errors as the app error data', () => {
  it('keeps a service error as it is and turns anything else into an internal error', () => {
    expect(toAppError({ code: 'locked', message: 'finalised' })).toEqual({ code: 'locked', message: 'finalised' });
    expect(toAppError('boom')).toEqual({ code: 'internal', message: 'boom' });
    expect(toAppError(new TypeError('x is undefined'))).toEqual({ code: 'internal', message: 'x is undefined' });
  });
});

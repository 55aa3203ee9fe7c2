import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/ipc/result';
import { createDispatcher } from './dispatcher';
import { createHandlers, type Handlers } from './handlers';
import { institutionInput, openTestServices } from './test-support/services';

describe('dispatcher', () => {
  it('validates requests against the contract and returns field paths for the form', async () => {
    const services = openTestServices();
    const dispatch = createDispatcher(createHandlers(services, 'browser'));
    const result = await dispatch('institutions:create', { ...institutionInput(), nameEn: '', contactEmail: 'nope', bogus: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('validation');
    expect(result.error.issues).toEqual(
      expect.arrayContaining([
        { path: ['nameEn'], message: 'validation.required' },
        { path: ['contactEmail'], message: 'validation.email' },
      ]),
    );
    expect(services.institutions.list({ search: '', sort: 'name', includeArchived: true, limit: 10, offset: 0 }).total).toBe(0);
    services.close();
  });

  it('refuses unknown channels and hostile payloads as data, never as a crash', async () => {
    const services = openTestServices();
    const dispatch = createDispatcher(createHandlers(services, 'browser'));
    for (const [channel, request] of [
      ['fs:read', { path: '/etc/passwd' }],
      ['__proto__', {}],
      ['institutions:get', { id: "1' OR '1'='1" }],
      ['institutions:list', { limit: 1e12 }],
      ['institutions:create', 'a string'],
      ['institutions:create', { ...institutionInput(), nameEn: 'x'.repeat(10_000) }],
      [42, null],
    ] as const) {
      const result = await dispatch(channel, request);
      expect(result, String(channel)).toMatchObject({ ok: false, error: { code: 'validation' } });
    }
    services.close();
  });

  it('passes service errors through as data and hides unexpected ones behind a generic message', async () => {
    const services = openTestServices();
    const logged: unknown[] = [];
    const handlers = createHandlers(services, 'browser');
    const failing: Handlers = {
      ...handlers,
      'institutions:get': () => {
        throw new AppError('not-found', 'No institution has this id.');
      },
      'institutions:list': () => {
        throw new Error('secret stack detail');
      },
    };
    const dispatch = createDispatcher(failing, { logError: (_c, e) => logged.push(e) });
    expect(await dispatch('institutions:get', { id: '00000000-0000-4000-8000-000000000000' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'No institution has this id.' },
    });
    const internal = await dispatch('institutions:list', {});
    expect(internal).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Something went wrong inside the app. Nothing was changed.' },
    });
    expect(JSON.stringify(internal)).not.toContain('secret');
    expect(logged).toHaveLength(1);
    services.close();
  });

  it('checks responses too, so a service bug cannot send malformed data to the renderer', async () => {
    const services = openTestServices();
    const handlers = createHandlers(services, 'browser');
    const dispatch = createDispatcher({ ...handlers, 'settings:get': () => ({ language: 'fr' }) as never });
    expect(await dispatch('settings:get', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    services.close();
  });
});

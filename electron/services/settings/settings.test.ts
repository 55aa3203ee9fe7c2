import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../dispatcher';
import { createHandlers } from '../handlers';
import { openTestServices } from '../test-support/services';

describe('settings channel', () => {
  it('changes only what a request names: switching language keeps the profile', async () => {
    const services = openTestServices();
    const dispatch = createDispatcher(createHandlers(services, 'browser'));
    await dispatch('settings:update', { userName: 'Rahima Khatun', role: 'inspector', organisation: 'NSDA', onboarded: true });
    const switched = await dispatch('settings:update', { language: 'bn' });
    expect(switched).toMatchObject({ ok: true, value: { language: 'bn', userName: 'Rahima Khatun', organisation: 'NSDA' } });
    expect(services.settings.get().organisation).toBe('NSDA');
    // An explicit empty organisation still clears it.
    expect(await dispatch('settings:update', { organisation: '  ' })).toMatchObject({ ok: true, value: { organisation: '' } });
    services.close();
  });
});

describe('the profile', () => {
  it('records each change of name, role and organisation as old → new, under the person who made it', async () => {
    const services = openTestServices();
    const dispatch = createDispatcher(createHandlers(services, 'browser'));
    await dispatch('settings:update', { userName: 'Rahima Khatun', role: 'inspector', organisation: 'NSDA', onboarded: true });
    const changed = await dispatch('settings:update', { userName: 'Shirin Akhter', role: 'head-office', organisation: 'NSDA HQ' });
    expect(changed).toMatchObject({ ok: true, value: { userName: 'Shirin Akhter', role: 'head-office', organisation: 'NSDA HQ' } });
    // A change of language only names no profile change.
    await dispatch('settings:update', { language: 'bn' });

    const rows = services.db
      .prepare("SELECT actor_name, payload FROM change_log WHERE entity = 'settings' AND entity_id = 'local' ORDER BY seq")
      .all() as { actor_name: string; payload: string }[];
    const logged = rows.map((r) => ({ actor: r.actor_name, profile: (JSON.parse(r.payload) as { profile: unknown }).profile }));
    expect(logged.slice(1)).toEqual([
      {
        actor: 'Rahima Khatun',
        profile: {
          userName: { from: 'Rahima Khatun', to: 'Shirin Akhter' },
          role: { from: 'inspector', to: 'head-office' },
          organisation: { from: 'NSDA', to: 'NSDA HQ' },
        },
      },
      { actor: 'Shirin Akhter', profile: {} },
    ]);
    // From now on, changes are recorded under the new name and role.
    expect(services.settings.actor()).toMatchObject({ name: 'Shirin Akhter', role: 'head-office' });
    services.close();
  });
});

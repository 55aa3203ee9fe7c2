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

import { describe, expect, it } from 'vitest';
import type { headOfficeContract } from '../../../shared/head-office/contract';
import { noFilters } from '../../../shared/head-office/schema';
import { bundledFrameworksDir, testClock } from '../assessments/test-fixtures';
import { createDispatcher } from '../dispatcher';
import { createHandlers } from '../handlers';
import { openTestServices } from '../test-support/services';
import { ids, seedCountry } from './test-country';

/** Requests a hostile or broken renderer might send, per channel; each must come back as a validation error. */
const hostile: Record<keyof typeof headOfficeContract, unknown[]> = {
  'head-office:options': [{ all: true }],
  'head-office:offer': [{}, { filters: { ...noFilters, sector: 'space' } }, { filters: { ...noFilters, district: 'x'.repeat(101) } }],
  'head-office:outcomes': [
    { filters: { ...noFilters, from: '2025-06-01', to: '2025-01-01' } },
    { filters: { ...noFilters, from: '1/1/2025' } },
  ],
  'head-office:improvement': [{ filters: { ...noFilters, kind: 'audit' } }, { filters: { ...noFilters, extra: 1 } }],
  'head-office:actions': [{ filters: { ...noFilters, division: "dhaka' OR 1=1 --" } }],
  'head-office:training-needs': [{ filters: { ...noFilters, institutionType: 'school' } }],
  'head-office:institution-trend': [{ institutionId: '../x', filters: noFilters }],
  'head-office:export': [
    { filters: noFilters, table: 'institutions; DROP TABLE', format: 'csv', language: 'en' },
    { filters: noFilters, table: 'offer-sector', format: 'xls', language: 'en' },
    { filters: noFilters, table: 'offer-sector', format: 'csv', language: 'fr' },
  ],
};

describe('head-office channels', () => {
  it('refuse malformed and hostile requests before any service sees them', async () => {
    const s = openTestServices({ bundledFrameworksDir });
    const dispatch = createDispatcher(createHandlers(s, 'browser'));
    for (const [channel, requests] of Object.entries(hostile)) {
      for (const request of requests) {
        const r = await dispatch(channel, request);
        expect(r.ok, `${channel} ${JSON.stringify(request)}`).toBe(false);
        if (!r.ok) expect(r.error.code).toBe('validation');
      }
    }
    s.close();
  });

  it('answer every section through the contract, with the responses it promises', async () => {
    const s = openTestServices({ bundledFrameworksDir, clock: testClock('2025-09-01T12:00:00.000Z') });
    seedCountry(s);
    const dispatch = createDispatcher(createHandlers(s, 'browser'));
    const filters = { filters: { division: 'dhaka' } };
    expect(await dispatch('head-office:options', {})).toMatchObject({ ok: true, value: { institutions: 5 } });
    expect(await dispatch('head-office:offer', filters)).toMatchObject({ ok: true, value: { totals: { institutions: 2 } } });
    expect(await dispatch('head-office:outcomes', filters)).toMatchObject({ ok: true, value: { totals: { institutions: 2 } } });
    expect(await dispatch('head-office:improvement', filters)).toMatchObject({ ok: true, value: { assessedInstitutions: 2 } });
    expect(await dispatch('head-office:actions', filters)).toMatchObject({ ok: true, value: { actions: { institutions: 2 } } });
    expect(await dispatch('head-office:training-needs', filters)).toMatchObject({ ok: true, value: { withNeeds: 2 } });
    expect(await dispatch('head-office:institution-trend', { institutionId: ids.gazipur, filters: noFilters })).toMatchObject({
      ok: true,
      value: { nameEn: 'Gazipur TTC', points: [{ assessmentId: ids.b1 }] },
    });
    const file = await dispatch('head-office:export', { filters: noFilters, table: 'stop-use', format: 'xlsx', language: 'bn' });
    expect(file).toMatchObject({ ok: true, value: { rows: 2, mediaType: expect.stringContaining('spreadsheetml') } });
    expect(
      await dispatch('head-office:institution-trend', { institutionId: '00000000-0000-4000-8000-00000000ffff', filters: noFilters }),
    ).toMatchObject({ ok: false, error: { code: 'not-found' } });
    s.close();
  });
});

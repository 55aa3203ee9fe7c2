import { describe, expect, it } from 'vitest';
import { FILE_LIMITS } from '../../../shared/framework/sheet-layout';
import { testFramework } from '../../../shared/framework/test-fixture';
import { createDispatcher } from '../dispatcher';
import { createHandlers } from '../handlers';
import { openTestServices } from '../test-support/services';
import { bytesOf, cellOf, workbookOf } from './test-workbooks';

function setup() {
  const services = openTestServices();
  return { services, dispatch: createDispatcher(createHandlers(services, 'browser')) };
}

describe('framework file channels', () => {
  it('take files as base64 content and refuse anything else before a service sees it', async () => {
    const { services, dispatch } = setup();
    for (const request of [
      { fileName: 'a.json', path: '/etc/passwd' },
      { fileName: 'a.json', contentBase64: 'not base64!' },
      { fileName: '', contentBase64: '' },
      { fileName: 'a.json', contentBase64: 'A'.repeat(Math.ceil(FILE_LIMITS.bytes / 3) * 4 + 4) },
    ]) {
      const result = await dispatch('frameworks:check-file', request);
      expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
    }
    services.close();
  });

  it('check, import (refused with places, then accepted), export and compare', async () => {
    const { services, dispatch } = setup();
    const workbook = workbookOf(testFramework());
    const weight = cellOf(workbook, 'criteria', 'GQ-02', 'weight');
    weight.value = 4;
    const bad = { fileName: 'bad.xlsx', contentBase64: (await bytesOf(workbook)).toString('base64') };

    const check = await dispatch('frameworks:check-file', bad);
    expect(check).toMatchObject({
      ok: true,
      value: { format: 'xlsx', ok: false, preview: null, errors: [{ sheet: 'criteria', row: Number(weight.row), column: 'weight' }] },
    });
    const refused = await dispatch('frameworks:import-file', bad);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'validation', issues: [{ message: expect.stringContaining('column weight') }] },
    });
    expect(services.frameworks.list()).toHaveLength(0);

    const good = { fileName: 'good.json', contentBase64: Buffer.from(JSON.stringify(testFramework())).toString('base64') };
    const imported = await dispatch('frameworks:import-file', good);
    expect(imported).toMatchObject({ ok: true, value: { status: 'imported', summary: { source: 'import:json' } } });
    const id = (imported as { value: { summary: { id: string } } }).value.summary.id;

    const exported = await dispatch('frameworks:export', { id, format: 'csv' });
    expect(exported).toMatchObject({ ok: true, value: { fileName: 'test-framework-1.0.0.csv', mediaType: 'text/csv' } });
    const csv = Buffer.from((exported as { value: { contentBase64: string } }).value.contentBase64, 'base64').toString('utf8');
    expect(csv).toMatch(/^\uFEFF#sheet:criteria/);

    const compared = await dispatch('frameworks:compare', { olderId: id, newerId: id });
    expect(compared).toMatchObject({ ok: true, value: { criteria: [], unchanged: 10 } });
    expect(await dispatch('frameworks:export', { id, format: 'pdf' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    services.close();
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { frameworkContentHash } from '../../../shared/framework';
import { testFramework } from '../../../shared/framework/test-fixture';
import { AppError } from '../../../shared/ipc/result';
import { openTestServices } from '../test-support/services';
import { bytesOf, cellOf, workbookOf } from './test-workbooks';

const bundled = path.resolve(import.meta.dirname, '..', '..', '..', 'resources', 'frameworks');

describe('framework library: files', () => {
  it('imports nothing from a spreadsheet with one bad row, then imports the fixed one', async () => {
    const s = openTestServices();
    const workbook = workbookOf(testFramework());
    const level = cellOf(workbook, 'criteria', 'CON-02', 'level');
    level.value = 'college';

    const check = await s.frameworks.checkFile('standards.xlsx', await bytesOf(workbook));
    expect(check).toMatchObject({ ok: false, preview: null });
    expect(check.errors).toEqual([
      expect.objectContaining({ sheet: 'criteria', row: Number(level.row), column: 'level', value: 'college' }),
    ]);
    await expect(s.frameworks.importFile('standards.xlsx', await bytesOf(workbook))).rejects.toSatisfy(
      (e: unknown) =>
        e instanceof AppError && e.code === 'validation' && /sheet criteria, row \d+, column level/.test(e.issues?.[0]?.message ?? ''),
    );
    expect(s.frameworks.list()).toEqual([]);

    level.value = 'programme';
    const fixed = await bytesOf(workbook);
    expect((await s.frameworks.checkFile('standards.xlsx', fixed)).preview).toMatchObject({
      frameworkId: 'test-framework',
      criteria: 10,
      existing: 'new',
    });
    const outcome = await s.frameworks.importFile('standards.xlsx', fixed);
    expect(outcome.status).toBe('imported');
    expect(outcome.summary).toMatchObject({ source: 'import:xlsx', criteria: 10, contentHash: frameworkContentHash(testFramework()) });
    expect(s.frameworks.get(outcome.summary.id).framework.groups[2]!.criteria[1]!.level).toBe('programme');
    s.close();
  });

  it('previews an import as new, unchanged or in conflict with a stored version', async () => {
    const s = openTestServices();
    const fw = testFramework();
    const stored = s.frameworks.importFramework(fw, 'import:json').summary;
    const same = await s.frameworks.checkFile('same.csv', (await s.frameworks.exportVersion(stored.id, 'csv')).bytes);
    expect(same.preview).toMatchObject({ existing: 'same', existingId: stored.id });
    expect((await s.frameworks.importFile('same.csv', (await s.frameworks.exportVersion(stored.id, 'csv')).bytes)).status).toBe(
      'unchanged',
    );

    fw.groups[0]!.criteria[0]!.title.en = 'Reworded';
    const conflict = await s.frameworks.checkFile('changed.json', Buffer.from(JSON.stringify(fw)));
    expect(conflict).toMatchObject({ ok: true, preview: { existing: 'conflict' } });
    await expect(s.frameworks.importFile('changed.json', Buffer.from(JSON.stringify(fw)))).rejects.toMatchObject({ code: 'conflict' });
    expect(s.frameworks.list()).toHaveLength(1);
    s.close();
  });

  it('records the file name of an import in the change log', async () => {
    const s = openTestServices();
    await s.frameworks.importFile('standards-2025.json', Buffer.from(JSON.stringify(testFramework())));
    const entry = s.db.prepare("SELECT payload FROM change_log WHERE entity = 'framework-version'").get() as { payload: string };
    expect(JSON.parse(entry.payload)).toMatchObject({ source: 'import:json', fileName: 'standards-2025.json' });
    s.close();
  });

  it('exports any stored version in each format and compares two versions side by side', async () => {
    const s = openTestServices({ bundledFrameworksDir: bundled });
    // 1.1.0 is bundled too: the hand-made next version is 1.9.0.
    const v1 = s.frameworks.list().find((v) => v.version === '1.0.0');
    const next = structuredClone(s.frameworks.get(v1!.id).framework);
    next.version = '1.9.0';
    const gq = next.groups[0]!;
    gq.criteria[0]!.title.en = 'Legal status, registration and scope';
    gq.criteria[1]!.weight = gq.criteria[1]!.weight === 3 ? 2 : 3;
    const removed = gq.criteria.splice(2, 1)[0]!;
    for (const list of [...next.eqavet.phases, ...next.eqavet.indicators]) list.criteria = list.criteria.filter((id) => id !== removed.id);
    gq.criteria.push({ ...gq.criteria[0]!, id: 'GQ-99', title: { en: 'New criterion', bn: 'নতুন মানদণ্ড' } });
    const v2 = s.frameworks.importFramework(next, 'import:json').summary;

    for (const format of ['json', 'xlsx', 'csv'] as const) {
      const file = await s.frameworks.exportVersion(v2.id, format);
      expect(file.fileName).toBe(`bd-eu-tvet-1.9.0.${format}`);
      expect((await s.frameworks.checkFile(file.fileName, file.bytes)).preview).toMatchObject({ existing: 'same', existingId: v2.id });
    }

    const comparison = s.frameworks.compare(v1!.id, v2.id);
    expect(comparison.diff).toEqual({
      added: ['GQ-99'],
      removed: [removed.id],
      reworded: [gq.criteria[0]!.id],
      changed: [gq.criteria[1]!.id],
    });
    expect(comparison.criteria.map((c) => [c.id, c.changes])).toEqual([
      [gq.criteria[0]!.id, ['reworded']],
      [gq.criteria[1]!.id, ['changed']],
      ['GQ-99', ['added']],
      [removed.id, ['removed']],
    ]);
    const reworded = comparison.criteria[0]!;
    expect(reworded.older?.criterion.title.en).not.toBe(reworded.newer?.criterion.title.en);
    expect(comparison.unchanged).toBe(103);
    expect(comparison.older.summary.version).toBe('1.0.0');
    expect(comparison.newer.conditions.map((c) => c.id)).toContain('mobility-track');
    await expect(s.frameworks.exportVersion('00000000-0000-4000-8000-000000000000', 'json')).rejects.toMatchObject({ code: 'not-found' });
    s.close();
  });
});

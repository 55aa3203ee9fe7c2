import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { frameworkContentHash, validateFramework, type Framework } from '../../../shared/framework';
import { FILE_LIMITS } from '../../../shared/framework/sheet-layout';
import { testFramework } from '../../../shared/framework/test-fixture';
import { checkFrameworkFile, frameworkToFile } from './framework-files';
import { bytesOf, cellOf, workbookOf, zipOf } from './test-workbooks';

const defaultFile = path.resolve(import.meta.dirname, '..', '..', '..', 'resources', 'frameworks', 'bd-eu-tvet-1.0.0.json');

function defaultFramework(): Framework {
  const result = validateFramework(JSON.parse(fs.readFileSync(defaultFile, 'utf8')));
  if (!result.ok) throw new Error('the default framework must be valid');
  return result.framework;
}

async function roundTrip(framework: Framework, format: 'json' | 'xlsx' | 'csv'): Promise<Framework> {
  const file = await frameworkToFile(framework, format);
  const check = await checkFrameworkFile(file.fileName, file.bytes);
  expect(check.errors).toEqual([]);
  return check.framework!;
}

describe('export and import of the default framework', () => {
  const framework = defaultFramework();
  const hash = frameworkContentHash(framework);

  it('JSON → XLSX → JSON keeps the content hash', async () => {
    const back = await roundTrip(framework, 'xlsx');
    expect(frameworkContentHash(back)).toBe(hash);
    const json = await frameworkToFile(back, 'json');
    expect(json.bytes.toString('utf8')).toBe((await frameworkToFile(framework, 'json')).bytes.toString('utf8'));
  });

  it('JSON → CSV → JSON keeps the content hash', async () => {
    expect(frameworkContentHash(await roundTrip(framework, 'csv'))).toBe(hash);
  });

  it('JSON → JSON keeps the content hash, and the file reads like the bundled one', async () => {
    expect(frameworkContentHash(await roundTrip(framework, 'json'))).toBe(hash);
    const file = await frameworkToFile(framework, 'json');
    expect(file.fileName).toBe('bd-eu-tvet-1.0.0.json');
    expect(Object.keys(JSON.parse(file.bytes.toString('utf8')) as object).slice(0, 3)).toEqual(['format', 'id', 'version']);
  });

  it('names files and media types by format', async () => {
    const xlsx = await frameworkToFile(framework, 'xlsx');
    expect(xlsx).toMatchObject({ fileName: 'bd-eu-tvet-1.0.0.xlsx', mediaType: expect.stringContaining('spreadsheetml') });
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });
});

describe('XLSX import', () => {
  it('accepts a workbook written by another program', async () => {
    const check = await checkFrameworkFile('standards.xlsx', await bytesOf(workbookOf(testFramework())));
    expect(check).toMatchObject({ format: 'xlsx', ok: true, errors: [], warnings: [] });
    expect(frameworkContentHash(check.framework!)).toBe(frameworkContentHash(testFramework()));
  });

  it('names sheet, row, column and cell of a bad row, and imports nothing from it', async () => {
    const workbook = workbookOf(testFramework());
    const cell = cellOf(workbook, 'criteria', 'OI-01', 'weight');
    cell.value = 5;
    const check = await checkFrameworkFile('standards.xlsx', await bytesOf(workbook));
    expect(check.ok).toBe(false);
    expect(check.framework).toBeUndefined();
    expect(check.errors).toEqual([
      expect.objectContaining({
        sheet: 'criteria',
        row: Number(cell.row),
        column: 'weight',
        cell: cell.address,
        code: 'invalid-value',
        value: '5',
      }),
    ]);
  });

  it('uses the stored value of a formula with a warning, and refuses a formula without one', async () => {
    const workbook = workbookOf(testFramework());
    const weight = cellOf(workbook, 'criteria', 'GQ-02', 'weight');
    weight.value = { formula: '1+1', result: 2 };
    let check = await checkFrameworkFile('f.xlsx', await bytesOf(workbook));
    expect(check.ok).toBe(true);
    expect(check.warnings).toEqual([
      expect.objectContaining({ code: 'formula-value', sheet: 'criteria', cell: weight.address, value: '=1+1' }),
    ]);

    weight.value = { formula: 'SUM(A1:A2)' } as never;
    check = await checkFrameworkFile('f.xlsx', await bytesOf(workbook));
    expect(check.errors).toEqual([expect.objectContaining({ code: 'formula-without-value', sheet: 'criteria', cell: weight.address })]);
  });

  it('reads rich text and links as their text, and refuses dates and error cells', async () => {
    const workbook = workbookOf(testFramework());
    cellOf(workbook, 'criteria', 'GQ-01', 'title_en').value = { richText: [{ text: 'Title ' }, { text: 'GQ-01', font: { bold: true } }] };
    cellOf(workbook, 'criteria', 'GQ-02', 'basis').value = { text: 'test', hyperlink: 'https://example.org' };
    let check = await checkFrameworkFile('f.xlsx', await bytesOf(workbook));
    expect(check.errors).toEqual([]);
    expect(frameworkContentHash(check.framework!)).toBe(frameworkContentHash(testFramework()));

    const date = cellOf(workbook, 'criteria', 'GQ-03', 'basis');
    date.value = new Date(Date.UTC(2024, 0, 1));
    const error = cellOf(workbook, 'criteria', 'OI-01', 'basis');
    error.value = { error: '#REF!' };
    check = await checkFrameworkFile('f.xlsx', await bytesOf(workbook));
    expect(check.errors.map((e) => [e.code, e.cell])).toEqual([
      ['date-cell', date.address],
      ['cell-error', error.address],
    ]);
  });

  it('keeps text exactly: line breaks, control characters, _x escapes, markup and Bangla', async () => {
    const fw = testFramework();
    fw.groups[0]!.criteria[0]!.guidance.en = 'Line one\r\nLine two\tTabbed\u0001 and _x000D_ literally';
    fw.groups[0]!.criteria[1]!.title.en = '<img src=x onerror=alert(1)>';
    fw.groups[0]!.criteria[2]!.title.bn = 'প্রতিষ্ঠানের আইনগত মর্যাদা';
    const back = await roundTrip(fw, 'xlsx');
    expect(back.groups[0]!.criteria[0]!.guidance.en).toBe(fw.groups[0]!.criteria[0]!.guidance.en);
    expect(frameworkContentHash(back)).toBe(frameworkContentHash(fw));
    expect(frameworkContentHash(await roundTrip(fw, 'csv'))).toBe(frameworkContentHash(fw));
  });

  it(`refuses more than ${FILE_LIMITS.rows} rows`, async () => {
    const workbook = workbookOf(testFramework());
    const sheet = workbook.getWorksheet('criteria')!;
    for (let i = 0; i < FILE_LIMITS.rows; i++) sheet.addRow(['GQ', `GQ-${i}`]);
    const check = await checkFrameworkFile('big.xlsx', await bytesOf(workbook));
    expect(check.errors).toEqual([expect.objectContaining({ code: 'too-many-rows' })]);
  });

  it('refuses a zip bomb before unpacking it', async () => {
    const bomb = zipOf([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(80 * 1024 * 1024, 0x20) },
    ]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const check = await checkFrameworkFile('bomb.xlsx', bomb);
    expect(check.errors).toEqual([expect.objectContaining({ code: 'xlsx-too-large' })]);
  });

  it('refuses workbooks with macros, broken archives, and files that are not what their name says', async () => {
    const macros = zipOf([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/vbaProject.bin', data: Buffer.from('Attribute VB_Name') },
    ]);
    expect((await checkFrameworkFile('m.xlsx', macros)).errors).toEqual([expect.objectContaining({ code: 'xlsx-macros' })]);
    expect((await checkFrameworkFile('m.xlsm', macros)).errors).toEqual([expect.objectContaining({ code: 'unsupported-file' })]);
    const truncated = (await bytesOf(workbookOf(testFramework()))).subarray(0, 3000);
    expect((await checkFrameworkFile('t.xlsx', truncated)).errors).toEqual([expect.objectContaining({ code: 'not-xlsx' })]);
    expect((await checkFrameworkFile('t.xlsx', Buffer.from('{"format":1}'))).errors).toEqual([
      expect.objectContaining({ code: 'not-xlsx' }),
    ]);
    expect((await checkFrameworkFile('t.csv', macros)).errors).toEqual([expect.objectContaining({ code: 'not-text' })]);
    expect((await checkFrameworkFile('t.exe', Buffer.from('MZ'))).errors).toEqual([expect.objectContaining({ code: 'unsupported-file' })]);
  });
});

describe('untrusted files of any format', () => {
  it(`refuses a file over ${FILE_LIMITS.bytes / 1024 / 1024} MB and an empty file`, async () => {
    for (const name of ['a.json', 'a.csv', 'a.xlsx']) {
      expect((await checkFrameworkFile(name, Buffer.alloc(FILE_LIMITS.bytes + 1, 0x20))).errors).toEqual([
        expect.objectContaining({ code: 'file-too-large' }),
      ]);
      expect((await checkFrameworkFile(name, Buffer.alloc(0))).errors).toEqual([expect.objectContaining({ code: 'empty-file' })]);
    }
  });

  it('refuses deeply nested JSON without crashing', async () => {
    const deep = Buffer.from(`${'['.repeat(200_000)}${']'.repeat(200_000)}`);
    const check = await checkFrameworkFile('deep.json', deep);
    expect(check.ok).toBe(false);
    const nestedCell = testFramework();
    const file = await frameworkToFile(nestedCell, 'csv');
    const text = file.bytes.toString('utf8').replace(',never,,2,institution,test,,,', `,never,,2,institution,test,,${'['.repeat(5000)},`);
    const csv = await checkFrameworkFile('deep.csv', Buffer.from(text));
    expect(csv.ok).toBe(false);
  });

  it('refuses JSON that is not JSON, has wrong types, or is not UTF-8; accepts a byte-order mark', async () => {
    expect((await checkFrameworkFile('x.json', Buffer.from('{"id": '))).errors).toEqual([
      expect.objectContaining({ code: 'invalid-json' }),
    ]);
    const wrong = testFramework() as unknown as { groups: { criteria: { evidence: unknown }[] }[] };
    wrong.groups[0]!.criteria[0]!.evidence = 'DOC';
    expect((await checkFrameworkFile('x.json', Buffer.from(JSON.stringify(wrong)))).errors).toEqual([
      expect.objectContaining({ code: 'invalid-type', path: ['groups', 0, 'criteria', 0, 'evidence'], value: 'DOC' }),
    ]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(testFramework()), 'utf16le')]);
    expect((await checkFrameworkFile('x.csv', utf16)).errors).toEqual([expect.objectContaining({ code: 'not-utf8' })]);
    expect((await checkFrameworkFile('x.json', Buffer.from([0x7b, 0xc3, 0x28]))).errors).toEqual([
      expect.objectContaining({ code: 'not-utf8' }),
    ]);
    const bom = Buffer.from(`\uFEFF${JSON.stringify(testFramework())}`, 'utf8');
    expect((await checkFrameworkFile('x.json', bom)).ok).toBe(true);
  });

  it('keeps markup in text as text', async () => {
    const fw = testFramework();
    fw.title.en = '<script>alert(1)</script>';
    const check = await checkFrameworkFile('x.json', Buffer.from(JSON.stringify(fw)));
    expect(check.framework?.title.en).toBe('<script>alert(1)</script>');
  });
});

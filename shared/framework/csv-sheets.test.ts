import { describe, expect, it } from 'vitest';
import { checkSheets, refused } from './check-file';
import { frameworkContentHash } from './content-hash';
import { csvToTables, tablesToCsv } from './csv-sheets';
import { frameworkToSheets } from './framework-to-sheets';
import { FILE_LIMITS } from './sheet-layout';
import { testFramework } from './test-fixture';

function csvOf(framework = testFramework()): string {
  return tablesToCsv(frameworkToSheets(framework));
}

function importCsv(text: string) {
  const read = csvToTables(text);
  return read.errors.length > 0 ? refused('csv', read.errors, read.warnings) : checkSheets('csv', read.tables, read);
}

describe('CSV form of a framework', () => {
  it('writes UTF-8 with a byte-order mark, CRLF line ends and one #sheet marker per sheet', () => {
    const csv = csvOf();
    expect(csv.startsWith('\uFEFF#sheet:criteria\r\ngroup_id,criterion_id,title_en')).toBe(true);
    expect(csv.match(/^\uFEFF?#sheet:/gm)).toHaveLength(9);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('round-trips to the same content hash, with quotes, commas, line breaks and Bangla in text', () => {
    const fw = testFramework();
    fw.groups[0]!.criteria[0]!.guidance = { en: 'Check "the register", then\r\nthe minutes; and\nsign', bn: 'নিবন্ধন, "কার্যবিবরণী" দেখুন' };
    fw.groups[0]!.criteria[1]!.title.en = '=HYPERLINK("http://evil")';
    fw.groups[0]!.criteria[2]!.title.en = "'=already quoted";
    fw.groups[1]!.criteria[0]!.basis = '-5 is not a formula here';
    const result = importCsv(csvOf(fw));
    expect(result.errors).toEqual([]);
    expect(frameworkContentHash(result.framework!)).toBe(frameworkContentHash(fw));
  });

  it('neutralises text that a spreadsheet would run as a formula', () => {
    const fw = testFramework();
    fw.groups[0]!.criteria[1]!.title.en = '=1+1';
    expect(csvOf(fw)).toContain(",'=1+1,");
  });

  it('reads a file without a byte-order mark, with LF line ends, and with Excel padding', () => {
    const text = csvOf()
      .replace(/^\uFEFF/, '')
      .replace(/\r\n/g, '\n');
    const padded = text.replace(/^#sheet:(\w+)$/gm, '#sheet:$1,,,,').replace(/\n\n/g, '\n,,,,,\n');
    expect(importCsv(text).ok).toBe(true);
    expect(importCsv(padded).ok).toBe(true);
  });

  it('reads a semicolon-separated file as Excel writes it in some locales', () => {
    const tables = frameworkToSheets(testFramework());
    const semicolons = tablesToCsv(tables)
      .split('\r\n')
      .map((line) => line.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, ';'))
      .join('\r\n');
    const result = importCsv(semicolons);
    expect(result.errors).toEqual([]);
    expect(frameworkContentHash(result.framework!)).toBe(frameworkContentHash(testFramework()));
  });

  it('names the row and column of a bad cell, counting rows as a spreadsheet shows them', () => {
    const lines = csvOf().split('\r\n');
    // Row 4 is GQ-02 (marker row 1, header row 2). Its weight goes from 2 to 5.
    expect(lines[3]).toMatch(/^GQ,GQ-02,/);
    lines[3] = lines[3]!.replace(/,2,institution,/, ',5,institution,');
    const result = importCsv(lines.join('\r\n'));
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([
      expect.objectContaining({ sheet: 'criteria', row: 4, column: 'weight', cell: 'L4', code: 'invalid-value', value: '5' }),
    ]);
  });

  it('keeps counting rows across a quoted cell that spans lines', () => {
    const fw = testFramework();
    fw.groups[0]!.criteria[0]!.guidance.en = 'line one\nline two\nline three';
    const lines = csvOf(fw).split('\r\n');
    const gq02 = lines.findIndex((l) => l.startsWith('GQ,GQ-02,'));
    lines[gq02] = lines[gq02]!.replace(',institution,', ',college,');
    const result = importCsv(lines.join('\r\n'));
    expect(result.errors).toEqual([expect.objectContaining({ sheet: 'criteria', row: 4, column: 'level' })]);
  });

  it('refuses a file that does not start with a sheet marker, and an unclosed quote', () => {
    expect(importCsv('group_id,criterion_id\r\nGQ,GQ-01\r\n').errors).toEqual([
      expect.objectContaining({ code: 'csv-no-sheet-marker', row: 1 }),
    ]);
    expect(importCsv('#sheet:criteria\r\ngroup_id\r\n"GQ\r\n').errors).toEqual([
      expect.objectContaining({ code: 'csv-unclosed-quote', row: 3 }),
    ]);
  });

  it(`refuses more than ${FILE_LIMITS.rows} rows, an over-long cell and a runaway row`, () => {
    const many = `#sheet:criteria\r\n${'x\r\n'.repeat(FILE_LIMITS.rows + 1)}`;
    expect(csvToTables(many).errors).toEqual([expect.objectContaining({ code: 'too-many-rows' })]);
    const long = `#sheet:criteria\r\ngroup_id\r\n"${'x'.repeat(FILE_LIMITS.cellChars + 1)}"\r\n`;
    expect(csvToTables(long).errors).toEqual([expect.objectContaining({ code: 'cell-too-long', row: 3 })]);
    const wide = `#sheet:criteria\r\n${','.repeat(100_000)}x\r\n`;
    expect(csvToTables(wide).errors).toEqual([expect.objectContaining({ code: 'too-many-columns', row: 2 })]);
  });
});

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { noFilters, tableIds } from '../../../shared/head-office/schema';
import { bundledFrameworksDir, testClock } from '../assessments/test-fixtures';
import { openTestServices } from '../test-support/services';
import { ids, maliciousName, seedCountry } from './test-country';

function country() {
  const s = openTestServices({ bundledFrameworksDir, clock: testClock('2025-09-01T12:00:00.000Z') });
  seedCountry(s);
  return s;
}

async function workbookOf(base64: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ExcelJS.Buffer);
  return wb;
}

describe('head-office exports', () => {
  it('writes a table as CSV with the screen’s columns, a BOM for Excel, and a malicious name neutralised', async () => {
    const s = country();
    const file = await s.headOffice.export({ filters: noFilters, table: 'institution-trends', format: 'csv', language: 'en' });
    expect(file).toMatchObject({
      fileName: 'head-office-institution-trends-2025-09-01.csv',
      mediaType: 'text/csv; charset=utf-8',
      rows: 5,
    });
    const text = Buffer.from(file.contentBase64, 'base64').toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Institution,District,Assessments,First finalised,First score (%),Latest finalised,Latest score (%),Change (points),Latest outcome',
    );
    expect(lines[1]).toBe('Khulna TTC,Khulna,2,2024-11-01,88,2025-08-01,91,3,Aligned');
    // The name that would run as a formula starts with an apostrophe, and its quotes are escaped.
    expect(lines[4]).toBe(`"'${maliciousName.replace(/"/g, '""')}",Rangpur,1,2025-07-07,58,2025-07-07,58,,Not aligned`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
    s.close();
  });

  it('writes XLSX cells as strings and numbers, never formulas, with Bangla headers and a sheet of the filters', async () => {
    const s = country();
    const file = await s.headOffice.export({
      filters: { ...noFilters, division: 'rangpur' },
      table: 'training-needs-programmes',
      format: 'xlsx',
      language: 'bn',
    });
    expect(file).toMatchObject({ fileName: 'head-office-training-needs-programmes-2025-09-01.xlsx', rows: 1 });
    const wb = await workbookOf(file.contentBase64);
    const sheet = wb.worksheets[0]!;
    expect(sheet.name).toBe('প্রশিক্ষণ-চাহিদাসম্পন্ন মোবিলিটি ট্র্যাক প্রোগ্রাম'.slice(0, 31));
    expect(sheet.getRow(1).getCell(1).value).toBe('প্রতিষ্ঠান');
    const name = sheet.getRow(2).getCell(1);
    expect(name.type).toBe(ExcelJS.ValueType.String);
    expect(name.value).toBe(`'${maliciousName}`);
    expect(sheet.getRow(2).getCell(7).value).toBe('ভাষা (লক্ষ্য CEFR স্তর); সফট স্কিল');
    expect(sheet.getRow(2).getCell(9).value).toBe('না');
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        expect([ExcelJS.ValueType.String, ExcelJS.ValueType.Number]).toContain(cell.type);
      }),
    );
    const about = wb.worksheets[1]!;
    expect(about.name).toBe('ফিল্টার');
    expect(about.getRow(3).values).toEqual([undefined, 'বিভাগ', 'রংপুর']);

    const counts = await workbookOf(
      (await s.headOffice.export({ filters: noFilters, table: 'outcomes-division', format: 'xlsx', language: 'en' })).contentBase64,
    );
    const dhaka = counts.worksheets[0]!.getRow(2);
    expect(dhaka.values).toEqual([undefined, 'Dhaka', 2, 0, 1, 1, 0]);
    expect(dhaka.getCell(2).type).toBe(ExcelJS.ValueType.Number);
    s.close();
  });

  it('exports every table of the dashboard, whole', async () => {
    const s = country();
    for (const table of tableIds) {
      const institutionId = table === 'institution-trend' ? ids.dhakaPoly : undefined;
      const file = await s.headOffice.export({ filters: noFilters, table, format: 'csv', language: 'en', institutionId });
      const lines = Buffer.from(file.contentBase64, 'base64').toString('utf8').trim().split('\r\n');
      expect(lines.length, table).toBe(file.rows + 1);
    }
    // One institution's trend needs the institution.
    await expect(s.headOffice.export({ filters: noFilters, table: 'institution-trend', format: 'csv', language: 'en' })).rejects.toThrow(
      /Choose the institution/,
    );
    // The screen shows at most 5 criteria per sector; the export has them all (construction has 6).
    const bySector = await s.headOffice.export({ filters: noFilters, table: 'criteria-not-met-sector', format: 'csv', language: 'en' });
    expect(bySector.rows).toBe(13);
    s.close();
  });
});

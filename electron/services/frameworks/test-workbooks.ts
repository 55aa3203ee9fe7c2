import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { frameworkToSheets } from '../../../shared/framework/framework-to-sheets';
import type { Cell } from '../../../shared/framework/located-problem';
import type { Framework } from '../../../shared/framework/schema';

/**
 * Test helpers: workbooks built the way a person's spreadsheet program would (plain exceljs, not our
 * writer), so the reader is tested against files it did not produce itself.
 */
export function workbookOf(framework: Framework): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  for (const table of frameworkToSheets(framework)) {
    const sheet = workbook.addWorksheet(table.name);
    for (const row of table.rows) sheet.addRow(row.cells);
  }
  return workbook;
}

/** The row of a criterion (or key) in a sheet, and the column number of a header name. */
export function cellOf(workbook: ExcelJS.Workbook, sheetName: string, rowKey: string, column: string): ExcelJS.Cell {
  const sheet = workbook.getWorksheet(sheetName)!;
  let columnNumber = 0;
  sheet.getRow(1).eachCell((cell, n) => {
    if (cell.value === column) columnNumber = n;
  });
  let rowNumber = 0;
  sheet.eachRow((row, n) => {
    if (rowNumber === 0 && (row.values as Cell[]).includes(rowKey)) rowNumber = n;
  });
  if (columnNumber === 0 || rowNumber === 0) throw new Error(`No cell ${sheetName}/${rowKey}/${column}`);
  return sheet.getCell(rowNumber, columnNumber);
}

export async function bytesOf(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A minimal ZIP archive writer, for hostile archives that no spreadsheet program would write. */
export function zipOf(entries: { name: string; data: Buffer; store?: boolean }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const body = entry.store ? entry.data : zlib.deflateRawSync(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.store ? 0 : 8, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.store ? 0 : 8, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

import { catalogues } from '../../../shared/i18n';
import type { Catalogue } from '../../../shared/i18n/en';
import type { DashboardFilters, ExportFormat, TableId } from '../../../shared/head-office/schema';
import { tableSpecs, type Cell, type TableSpec } from '../../../shared/head-office/tables';
import type { Language } from '../../../shared/settings/schema';
import { spreadsheetMediaTypes, tableToCsv, tablesToXlsxFile, type SheetTable, type SheetValue } from './spreadsheet-files';

export interface ExportedTable {
  fileName: string;
  mediaType: string;
  bytes: Buffer;
}

/**
 * One dashboard table as a file, with the columns of the table on screen (shared/head-office/tables),
 * headers and labels in the chosen language, numbers as numbers. The XLSX also says what the table was
 * filtered on, so a file passed around later still tells what it counts.
 */
export async function exportTable(
  table: TableId,
  rows: readonly unknown[],
  format: ExportFormat,
  language: Language,
  filters: DashboardFilters,
  exportedAt: string,
): Promise<ExportedTable> {
  const c = catalogues[language];
  // The spec and the rows come from the same tableSources entry; the table id ties them together.
  const spec = tableSpecs[table] as unknown as TableSpec<unknown>;
  const sheet: SheetTable = {
    name: c.headOffice.table[spec.caption as keyof Catalogue['headOffice']['table']],
    header: spec.columns.map((col) => c.headOffice.col[col.header as keyof Catalogue['headOffice']['col']]),
    rows: rows.map((row) => spec.columns.map((col) => cellValue(col.cell(row), c, language))),
  };
  const stamp = exportedAt.slice(0, 10);
  const fileName = `head-office-${table}-${stamp}.${format}`;
  if (format === 'csv') return { fileName, mediaType: spreadsheetMediaTypes.csv, bytes: tableToCsv(sheet) };
  const about: SheetTable = {
    name: c.headOffice.export.filtersSheet,
    header: [c.headOffice.export.filter, c.headOffice.export.value],
    rows: [...filterRows(filters, c), [c.headOffice.export.exportedAt, exportedAt]],
  };
  return { fileName, mediaType: spreadsheetMediaTypes.xlsx, bytes: await tablesToXlsxFile([sheet, about]) };
}

function cellValue(cell: Cell, c: Catalogue, language: Language): SheetValue {
  switch (cell.t) {
    case 'text':
    case 'digits':
      return cell.v;
    case 'names':
      return language === 'bn' && cell.bn.trim() !== '' ? cell.bn : cell.en;
    case 'label':
      return lookup(c, cell.key);
    case 'labels':
      return cell.keys.map((k) => lookup(c, k)).join('; ');
    case 'count':
    case 'pct':
    case 'pp':
      return cell.v;
  }
}

function lookup(c: Catalogue, key: string): string {
  const found = key
    .split('.')
    .reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), c);
  return typeof found === 'string' ? found : key;
}

function filterRows(f: DashboardFilters, c: Catalogue): SheetValue[][] {
  const all = c.headOffice.filters.all;
  return [
    [c.headOffice.filters.sector, f.sector === null ? all : c.sector[f.sector]],
    [c.headOffice.filters.division, f.division === null ? all : c.division[f.division]],
    [c.headOffice.filters.district, f.district ?? all],
    [c.headOffice.filters.type, f.institutionType === null ? all : c.institutionType[f.institutionType]],
    [c.headOffice.filters.from, f.from === '' ? all : f.from],
    [c.headOffice.filters.to, f.to === '' ? all : f.to],
    [c.headOffice.filters.kind, c.headOffice.filters.kinds[f.kind]],
  ];
}

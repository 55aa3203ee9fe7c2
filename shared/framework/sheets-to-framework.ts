import { clipValue, type Cell, type LocatedProblem, type SheetRow, type SheetTable } from './located-problem';
import { PlaceIndex, type Place } from './place-index';
import { cellText, isBlank, parseCell } from './sheet-cells';
import {
  columnLetter,
  criteriaSheet,
  FILE_LIMITS,
  keyValueHeader,
  optionalSheets,
  sheetNames,
  sheetSpecs,
  type ColumnSpec,
  type JsonPath,
  type KeyValueSheet,
  type SheetName,
  type SheetSpec,
  type TableSheet,
} from './sheet-layout';

/** The framework JSON built from a spreadsheet, with the place of every value and the sheet-level problems. */
export interface SheetMapping {
  input: Record<string, unknown>;
  places: PlaceIndex;
  errors: LocatedProblem[];
  warnings: LocatedProblem[];
  /** The sheets themselves are unusable (missing sheet or column): the framework was not built. */
  fatal: boolean;
}

type Json = Record<string, unknown>;

interface Sheet {
  spec: SheetSpec;
  table: SheetTable;
  /** Column name → index in the row's cells. */
  columns: Map<string, number>;
  data: SheetRow[];
}

/**
 * Builds framework JSON from the sheets of a spreadsheet (XLSX or CSV) without judging it: the
 * framework validator does that afterwards, and the PlaceIndex turns its JSON paths back into cells.
 * Only what the validator cannot see is reported here: missing sheets and columns, unknown columns and
 * keys, cells that are not valid JSON, criteria that name a group the groups sheet does not have.
 */
export function sheetsToFramework(tables: SheetTable[]): SheetMapping {
  const m: SheetMapping = { input: {}, places: new PlaceIndex(), errors: [], warnings: [], fatal: false };
  const sheets = readSheets(tables, m);
  if (m.fatal) return m;

  const root = m.input;
  const sheetPlace = (name: SheetName): Place => ({ sheet: name });
  m.places.set(['scale'], sheetPlace('scale'));
  m.places.set(['evidenceTypes'], sheetPlace('evidence_types'));
  m.places.set(['conditions'], sheetPlace('conditions'));
  m.places.set(['eqavet'], sheetPlace('eqavet_phases'));
  m.places.set(['eqavet', 'phases'], sheetPlace('eqavet_phases'));
  m.places.set(['eqavet', 'indicators'], sheetPlace('eqavet_indicators'));
  m.places.set(['rules'], sheetPlace('rules'));
  m.places.set(['groups'], sheetPlace('groups'));

  root.scale = readScale(sheets.get('scale'), m);
  readKeyValues(sheets.get('framework'), root, m);
  root.evidenceTypes = rowObjects(sheets.get('evidence_types'), ['evidenceTypes'], m);
  root.conditions = rowObjects(sheets.get('conditions'), ['conditions'], m);
  root.eqavet = {
    phases: rowObjects(sheets.get('eqavet_phases'), ['eqavet', 'phases'], m),
    indicators: rowObjects(sheets.get('eqavet_indicators'), ['eqavet', 'indicators'], m),
  };
  const rules: Json = {};
  readKeyValues(sheets.get('rules'), rules, m);
  if (rules.rules !== undefined) root.rules = rules.rules;
  root.groups = readGroupsAndCriteria(sheets.get('groups'), sheets.get('criteria'), m);
  return m;
}

function readSheets(tables: SheetTable[], m: SheetMapping): Map<SheetName, Sheet> {
  const sheets = new Map<SheetName, Sheet>();
  const rowCount = tables.reduce((n, t) => n + t.rows.length, 0);
  if (rowCount > FILE_LIMITS.rows) {
    fail(m, 'too-many-rows', `The file has ${rowCount} rows; at most ${FILE_LIMITS.rows} are allowed.`, {});
    return sheets;
  }
  for (const table of tables) {
    const name = normalizeName(table.name) as SheetName;
    if (!(sheetNames as readonly string[]).includes(name)) {
      m.warnings.push({
        path: [],
        code: 'unknown-sheet',
        message: `Sheet "${clip(table.name)}" is not part of the framework format and was ignored.`,
        sheet: table.name,
      });
      continue;
    }
    if (sheets.has(name)) {
      fail(m, 'duplicate-sheet', `Sheet "${name}" appears twice.`, { sheet: table.name });
      continue;
    }
    const sheet = readHeader(sheetSpecs[name], table, m);
    if (sheet) sheets.set(name, sheet);
  }
  for (const name of sheetNames) {
    if (!sheets.has(name) && !optionalSheets.has(name) && !m.errors.some((p) => p.sheet === name)) {
      fail(m, 'missing-sheet', `The sheet "${name}" is missing.`, { sheet: name });
    }
  }
  return sheets;
}

/** Checks the header row against the sheet's columns; any mismatch is fatal, since no cell could be trusted. */
function readHeader(spec: SheetSpec, table: SheetTable, m: SheetMapping): Sheet | null {
  const [header, ...data] = table.rows;
  const allowed = spec.shape === 'table' ? spec.columns.map((c) => c.name) : [...keyValueHeader];
  const required = spec.shape === 'table' ? spec.columns.filter((c) => c.required).map((c) => c.name) : [...keyValueHeader];
  const columns = new Map<string, number>();
  const before = m.errors.length;
  (header?.cells ?? []).forEach((cell, index) => {
    const name = normalizeName(cellText(cell));
    if (name === '') return;
    const place = { sheet: spec.name, row: header!.row, column: name, cell: `${columnLetter(index)}${header!.row}` };
    if (!allowed.includes(name)) fail(m, 'unknown-column', `The column "${clip(name)}" is not part of this sheet.`, place);
    else if (columns.has(name)) fail(m, 'duplicate-column', `The column "${name}" appears twice.`, place);
    else columns.set(name, index);
  });
  for (const name of required) {
    if (!columns.has(name))
      fail(m, 'missing-column', `The column "${name}" is missing.`, { sheet: spec.name, row: header?.row ?? 1, column: name });
  }
  if (m.errors.length > before) return null;
  const used = new Set(columns.values());
  const rows = data.filter((r) => r.cells.some((c) => !isBlank(c)));
  // A note typed beside the table would otherwise be dropped without a word.
  for (const r of rows) {
    r.cells.forEach((cell, index) => {
      if (!used.has(index) && !isBlank(cell)) {
        m.errors.push({
          path: [],
          code: 'cell-outside-columns',
          message: 'This cell is in a column without a name in the header row.',
          sheet: spec.name,
          row: r.row,
          cell: `${columnLetter(index)}${r.row}`,
          value: clipValue(cell),
        });
      }
    });
  }
  return { spec, table, columns, data: rows };
}

/** One object per data row of a table sheet, recording the place of each of its values. */
function rowObject(sheet: Sheet, row: SheetRow, base: JsonPath, m: SheetMapping): Json {
  const spec = sheet.spec as TableSheet;
  const object: Json = {};
  m.places.set(base, { sheet: spec.name, row: row.row });
  for (const column of spec.columns) {
    if (column.path.length === 0) continue; // a column that places the row (group_id, kind), not a value
    const index = sheet.columns.get(column.name);
    const cell: Cell = index === undefined ? '' : (row.cells[index] ?? '');
    const place: Place = { sheet: spec.name, row: row.row, column: column.name };
    if (index !== undefined) place.cell = `${columnLetter(index)}${row.row}`;
    const shown = clipValue(cell);
    if (shown) place.value = shown;
    if (column.kind === 'json') place.json = true;
    m.places.set([...base, ...column.path], place);
    for (let n = 1; n < column.path.length; n++) m.places.setDefault([...base, ...column.path.slice(0, n)], place);
    assign(object, column, cell, place, m);
  }
  return object;
}

function assign(target: Json, column: ColumnSpec, cell: Cell, place: Place, m: SheetMapping): void {
  if (isBlank(cell)) {
    if ('empty' in column) setAt(target, column.path, structuredClone(column.empty));
    return;
  }
  const parsed = parseCell(column.kind, cell);
  if (parsed.ok) setAt(target, column.path, parsed.value);
  else m.errors.push({ path: [], code: parsed.code, message: parsed.message, ...placeFields(place) });
}

function rowObjects(sheet: Sheet | undefined, base: JsonPath, m: SheetMapping): Json[] {
  return (sheet?.data ?? []).map((row, i) => rowObject(sheet!, row, [...base, i], m));
}

function readScale(sheet: Sheet | undefined, m: SheetMapping): Json {
  const scale: Json = { ratings: [] };
  const maturity: Json[] = [];
  const kindIndex = sheet?.columns.get('kind');
  for (const row of sheet?.data ?? []) {
    const kindCell = kindIndex === undefined ? '' : (row.cells[kindIndex] ?? '');
    const kind = cellText(kindCell).trim().toLowerCase();
    const ratings = scale.ratings as Json[];
    if (kind === 'rating') ratings.push(rowObject(sheet!, row, ['scale', 'ratings', ratings.length], m));
    else if (kind === 'maturity') maturity.push(rowObject(sheet!, row, ['scale', 'maturity', maturity.length], m));
    else if (kind === 'not-applicable' && scale.notApplicable === undefined)
      scale.notApplicable = rowObject(sheet!, row, ['scale', 'notApplicable'], m);
    else {
      const duplicate = kind === 'not-applicable';
      m.errors.push({
        path: [],
        code: duplicate ? 'duplicate-row' : 'invalid-value',
        message: duplicate ? 'The scale has only one not-applicable row.' : 'Must be one of: rating, not-applicable, maturity.',
        sheet: 'scale',
        row: row.row,
        column: 'kind',
        cell: `${columnLetter(kindIndex ?? 0)}${row.row}`,
        value: clipValue(kindCell),
      });
    }
  }
  if (maturity.length > 0) scale.maturity = maturity;
  return scale;
}

/** A key/value sheet: each known key's value lands at its path under `target`. */
function readKeyValues(sheet: Sheet | undefined, target: Json, m: SheetMapping): void {
  if (!sheet) return;
  const spec = sheet.spec as KeyValueSheet;
  const keyIndex = sheet.columns.get('key')!;
  const valueIndex = sheet.columns.get('value')!;
  const seen = new Set<string>();
  for (const row of sheet.data) {
    const keyCell = row.cells[keyIndex] ?? '';
    const key = cellText(keyCell).trim();
    const column = spec.keys.find((k) => k.name.toLowerCase() === key.toLowerCase());
    const keyPlace = {
      sheet: spec.name,
      row: row.row,
      column: 'key',
      cell: `${columnLetter(keyIndex)}${row.row}`,
      value: clipValue(keyCell),
    };
    if (!column) {
      const code = key === '' ? 'required' : 'unknown-key';
      m.errors.push({
        path: [],
        code,
        message: key === '' ? 'This row has a value but no key.' : `Unknown key "${clip(key)}".`,
        ...keyPlace,
      });
      continue;
    }
    if (seen.has(column.name)) {
      m.errors.push({ path: column.path, code: 'duplicate-key', message: `The key "${column.name}" appears twice.`, ...keyPlace });
      continue;
    }
    seen.add(column.name);
    const cell = row.cells[valueIndex] ?? '';
    const place: Place = {
      sheet: spec.name,
      row: row.row,
      column: 'value',
      cell: `${columnLetter(valueIndex)}${row.row}`,
      key: column.name,
    };
    const shown = clipValue(cell);
    if (shown) place.value = shown;
    m.places.set(column.path, place);
    for (let n = 1; n < column.path.length; n++) m.places.setDefault(column.path.slice(0, n), place);
    assign(target, column, cell, place, m);
  }
  // A key that is not there at all is reported at the sheet, naming the key.
  for (const column of spec.keys) m.places.setDefault(column.path, { sheet: spec.name, key: column.name });
}

function readGroupsAndCriteria(groupsSheet: Sheet | undefined, criteria: Sheet | undefined, m: SheetMapping): Json[] {
  const groups: Json[] = [];
  const byId = new Map<string, Json[]>();
  const groupIndex = new Map<string, number>();
  for (const row of groupsSheet?.data ?? []) {
    const gi = groups.length;
    const group = rowObject(groupsSheet!, row, ['groups', gi], m);
    const list: Json[] = [];
    group.criteria = list;
    m.places.set(['groups', gi, 'criteria'], { sheet: 'groups', row: row.row });
    groups.push(group);
    const id = typeof group.id === 'string' ? group.id.trim() : '';
    if (id !== '' && !byId.has(id)) {
      byId.set(id, list);
      groupIndex.set(id, gi);
    }
  }
  const groupColumn = criteria?.columns.get('group_id') ?? 0;
  for (const row of criteria?.data ?? []) {
    const cell = row.cells[groupColumn] ?? '';
    const id = cellText(cell).trim();
    const list = byId.get(id);
    if (!list) {
      m.errors.push({
        path: [],
        code: id === '' ? 'required' : 'unknown-group',
        message: id === '' ? 'Each criterion names its group.' : `Group "${clip(id)}" is not in the groups sheet.`,
        sheet: criteriaSheet.name,
        row: row.row,
        column: 'group_id',
        cell: `${columnLetter(groupColumn)}${row.row}`,
        value: clipValue(cell),
      });
      continue;
    }
    list.push(rowObject(criteria!, row, ['groups', groupIndex.get(id)!, 'criteria', list.length], m));
  }
  return groups;
}

function setAt(target: Json, path: JsonPath, value: unknown): void {
  let node: Json = target;
  path.forEach((part, i) => {
    if (i === path.length - 1) {
      node[part] = value;
      return;
    }
    const next = node[part];
    if (next === null || typeof next !== 'object') node[part] = {};
    node = node[part] as Json;
  });
}

function fail(m: SheetMapping, code: string, message: string, place: Partial<LocatedProblem>): void {
  m.errors.push({ path: [], code, message, ...place });
  m.fatal = true;
}

function placeFields(place: Place): Partial<LocatedProblem> {
  const { json: _json, ...fields } = place;
  return fields;
}

/** Sheet and column names are matched leniently: "Evidence types" finds `evidence_types`. */
function normalizeName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

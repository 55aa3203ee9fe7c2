import { describe, expect, it } from 'vitest';
import { PROPOSED_ACCREDITATION_CYCLE, PROPOSED_SAMPLING } from '../accreditation/proposed-rules';
import { checkSheets } from './check-file';
import { frameworkContentHash } from './content-hash';
import { frameworkToSheets } from './framework-to-sheets';
import type { Cell, SheetTable } from './located-problem';
import { rulesSheet } from './sheet-layout';
import { testFramework } from './test-fixture';

/** The fixture's sheets, with a way to change one cell by sheet, criterion/key and column name. */
function sheets() {
  const tables = frameworkToSheets(testFramework());
  const table = (name: string) => tables.find((t) => t.name === name)!;
  const set = (name: string, rowKey: string, column: string, value: Cell) => {
    const t = table(name);
    const c = t.rows[0]!.cells.indexOf(column);
    const row = t.rows.find((r) => r.cells.includes(rowKey))!;
    row.cells[c] = value;
    return row.row;
  };
  return { tables, table, set };
}

const check = (tables: SheetTable[]) => checkSheets('xlsx', tables);

describe('spreadsheet → framework', () => {
  it('accepts the sheets of a valid framework and gives the same content hash', () => {
    const result = check(sheets().tables);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(frameworkContentHash(result.framework!)).toBe(frameworkContentHash(testFramework()));
  });

  it('names sheet, row, column and cell of a weight out of range', () => {
    const s = sheets();
    const row = s.set('criteria', 'OI-02', 'weight', 7);
    const result = check(s.tables);
    expect(result.ok).toBe(false);
    expect(result.framework).toBeUndefined();
    expect(result.errors).toEqual([
      {
        path: ['groups', 1, 'criteria', 1, 'weight'],
        code: 'invalid-value',
        message: expect.any(String),
        sheet: 'criteria',
        row,
        column: 'weight',
        cell: `L${row}`,
        value: '7',
      },
    ]);
  });

  it('reports a duplicate criterion id at the second row', () => {
    const s = sheets();
    const row = s.set('criteria', 'GQ-03', 'criterion_id', 'GQ-02');
    expect(check(s.tables).errors).toContainEqual(
      expect.objectContaining({ code: 'duplicate-id', sheet: 'criteria', row, column: 'criterion_id', value: 'GQ-02' }),
    );
  });

  it('reports a criterion whose group is not on the groups sheet', () => {
    const s = sheets();
    const row = s.set('criteria', 'CON-02', 'group_id', 'XYZ');
    expect(check(s.tables).errors).toContainEqual(
      expect.objectContaining({ code: 'unknown-group', sheet: 'criteria', row, column: 'group_id', cell: `A${row}`, value: 'XYZ' }),
    );
  });

  it('reports a condition that refers to nothing, in the critical and applies_when columns', () => {
    const s = sheets();
    const row = s.set('criteria', 'GQ-03', 'critical', 'when:night-shift');
    const row2 = s.set('criteria', 'CON-03', 'applies_when', 'teaches-juggling');
    const errors = check(s.tables).errors;
    expect(errors).toContainEqual(expect.objectContaining({ code: 'unknown-condition', row, column: 'critical' }));
    expect(errors).toContainEqual(expect.objectContaining({ code: 'unknown-condition', row: row2, column: 'applies_when' }));
  });

  it('warns about missing Bangla at the _bn cell and still accepts the file', () => {
    const s = sheets();
    const row = s.set('criteria', 'GQ-01', 'guidance_bn', '');
    const keyRow = s.set('framework', 'title_bn', 'value', '');
    const result = check(s.tables);
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([
      expect.objectContaining({ code: 'missing-bangla', sheet: 'criteria', row, column: 'guidance_bn' }),
      expect.objectContaining({ code: 'missing-bangla', sheet: 'framework', row: keyRow, column: 'value', key: 'title_bn' }),
    ]);
  });

  it('reports wrong types where they were typed', () => {
    const s = sheets();
    const weightRow = s.set('criteria', 'GQ-02', 'weight', 'heavy');
    const ruleRow = s.set('rules', 'minCohort', 'value', 'ten');
    const safetyRow = s.set('criteria', 'CON-01', 'safety', 'perhaps');
    const errors = check(s.tables).errors;
    expect(errors).toContainEqual(expect.objectContaining({ code: 'invalid-value', row: weightRow, column: 'weight', value: 'heavy' }));
    expect(errors).toContainEqual(expect.objectContaining({ code: 'invalid-type', sheet: 'rules', row: ruleRow, key: 'minCohort' }));
    expect(errors).toContainEqual(expect.objectContaining({ code: 'invalid-type', row: safetyRow, column: 'safety' }));
  });

  it('names the place inside a JSON cell, and a cell that is not JSON', () => {
    const s = sheets();
    const criteria = s.table('criteria');
    const column = criteria.rows[0]!.cells.indexOf('data_fields');
    const oi03 = criteria.rows.find((r) => r.cells.includes('OI-03'))!;
    const fields = JSON.parse(String(oi03.cells[column])) as { max?: number }[];
    fields[0]!.max = -1; // below its minimum of 0
    oi03.cells[column] = JSON.stringify(fields);
    const fieldsRow = oi03.row;
    const outcomeRow = s.set('criteria', 'OI-05', 'outcome', '{"field": "placed_6m_pct",');
    const errors = check(s.tables).errors;
    expect(errors).toContainEqual(
      expect.objectContaining({ code: 'invalid-range', row: fieldsRow, column: 'data_fields', within: '[0].max' }),
    );
    expect(errors).toContainEqual(expect.objectContaining({ code: 'invalid-json', row: outcomeRow, column: 'outcome' }));
  });

  it('accepts Bengali digits, "yes" and spaces around values', () => {
    const s = sheets();
    s.set('criteria', 'GQ-02', 'weight', '২');
    s.set('criteria', 'CON-01', 'safety', 'YES');
    s.set('criteria', 'GQ-01', 'critical', ' Always ');
    const result = check(s.tables);
    expect(result.errors).toEqual([]);
    expect(frameworkContentHash(result.framework!)).toBe(frameworkContentHash(testFramework()));
  });

  it('refuses a missing sheet, a missing or unknown column and an unknown key, naming each', () => {
    const s = sheets();
    const withoutRules = s.tables.filter((t) => t.name !== 'rules');
    expect(check(withoutRules).errors).toEqual([expect.objectContaining({ code: 'missing-sheet', sheet: 'rules' })]);

    const t = sheets();
    const header = t.table('criteria').rows[0]!.cells;
    header[header.indexOf('weight')] = 'weigth';
    expect(check(t.tables).errors).toEqual([
      expect.objectContaining({ code: 'missing-column', sheet: 'criteria', column: 'weight' }),
      expect.objectContaining({ code: 'unknown-column', sheet: 'criteria', row: 1, cell: 'L1', column: 'weigth' }),
    ]);

    const k = sheets();
    k.table('rules').rows.push({ row: 99, cells: ['minCohortt', 5] });
    expect(check(k.tables).errors).toEqual([
      expect.objectContaining({ code: 'unknown-key', sheet: 'rules', row: 99, value: 'minCohortt' }),
    ]);
  });

  it('reports a note typed outside the columns, and ignores unknown sheets with a warning', () => {
    const s = sheets();
    s.table('criteria').rows[2]!.cells[30] = 'see minutes';
    s.tables.push({ name: 'Notes', rows: [{ row: 1, cells: ['anything'] }] });
    const result = check(s.tables);
    expect(result.errors).toEqual([expect.objectContaining({ code: 'cell-outside-columns', sheet: 'criteria', row: 3, cell: 'AE3' })]);
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'unknown-sheet', sheet: 'Notes' })]);
  });

  it('reports a missing framework key at the sheet, naming the key', () => {
    const s = sheets();
    const fw = s.table('framework');
    fw.rows = fw.rows.filter((r) => r.cells[0] !== 'version');
    expect(check(s.tables).errors).toEqual([
      expect.objectContaining({ code: 'required', sheet: 'framework', key: 'version', path: ['version'] }),
    ]);
  });

  it('lists every rules key the schema has', () => {
    const flatten = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        v !== null && typeof v === 'object' && !Array.isArray(v) ? flatten(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
      );
    // With the optional blocks too (the fixture has neither, like framework 1.0.0).
    const rules = { ...testFramework().rules, accreditationCycle: PROPOSED_ACCREDITATION_CYCLE, sampling: PROPOSED_SAMPLING };
    expect(rulesSheet.keys.map((k) => k.name).sort()).toEqual(flatten(rules).sort());
  });
});

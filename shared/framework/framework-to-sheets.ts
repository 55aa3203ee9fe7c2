import type { Cell, SheetTable } from './located-problem';
import type { Framework } from './schema';
import { formatCell } from './sheet-cells';
import { keyValueHeader, sheetNames, sheetSpecs, type JsonPath, type KeyValueSheet, type TableSheet } from './sheet-layout';

/**
 * The spreadsheet form of a (valid) framework: the inverse of sheetsToFramework, so that exporting and
 * importing again gives the same content hash. Every sheet is written, even an empty one, so the file
 * doubles as a template with every column in place.
 */
export function frameworkToSheets(framework: Framework): SheetTable[] {
  return sheetNames.map((name) => {
    const spec = sheetSpecs[name];
    const rows: Cell[][] = spec.shape === 'table' ? tableRows(spec, framework) : keyValueRows(spec, framework);
    return { name, rows: rows.map((cells, i) => ({ row: i + 1, cells })) };
  });
}

function tableRows(spec: TableSheet, framework: Framework): Cell[][] {
  const header = spec.columns.map((c) => c.name);
  const row = (object: unknown, placing: string) =>
    spec.columns.map((c) => (c.path.length === 0 ? placing : formatCell(c.kind, getAt(object, c.path))));
  switch (spec.name) {
    case 'criteria':
      return [header, ...framework.groups.flatMap((g) => g.criteria.map((c) => row(c, g.id)))];
    case 'groups':
      return [header, ...framework.groups.map((g) => row(g, ''))];
    case 'scale':
      return [
        header,
        ...framework.scale.ratings.map((r) => row(r, 'rating')),
        row(framework.scale.notApplicable, 'not-applicable'),
        ...(framework.scale.maturity ?? []).map((r) => row(r, 'maturity')),
      ];
    case 'evidence_types':
      return [header, ...framework.evidenceTypes.map((e) => row(e, ''))];
    case 'conditions':
      return [header, ...framework.conditions.map((c) => row(c, ''))];
    case 'eqavet_phases':
      return [header, ...framework.eqavet.phases.map((p) => row(p, ''))];
    case 'eqavet_indicators':
      return [header, ...framework.eqavet.indicators.map((p) => row(p, ''))];
    default:
      return [header];
  }
}

function keyValueRows(spec: KeyValueSheet, framework: Framework): Cell[][] {
  const rows: Cell[][] = [[...keyValueHeader]];
  for (const key of spec.keys) {
    const value = getAt(framework, key.path);
    if (value !== undefined) rows.push([key.name, formatCell(key.kind, value)]);
  }
  return rows;
}

function getAt(object: unknown, path: JsonPath): unknown {
  let node = object;
  for (const part of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[part];
  }
  return node;
}

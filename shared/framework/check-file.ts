import type { Framework } from './schema';
import { MAX_PROBLEMS, validateFramework } from './validate';
import type { LocatedProblem, SheetTable } from './located-problem';
import { locateInJson } from './place-index';
import { sheetsToFramework } from './sheets-to-framework';
import { sheetNames } from './sheet-layout';

export const fileFormats = ['json', 'xlsx', 'csv'] as const;
export type FileFormat = (typeof fileFormats)[number];

/** What checking a framework file found: the framework when it has no errors, and every problem with its place. */
export interface FileCheck {
  format: FileFormat;
  ok: boolean;
  framework?: Framework;
  errors: LocatedProblem[];
  warnings: LocatedProblem[];
}

/** Warnings are capped too: a framework with no Bangla at all would otherwise list every text. */
export const MAX_WARNINGS = 500;

export function checkJsonText(text: string): FileCheck {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message : 'too deeply nested';
    return refused('json', [{ path: [], code: 'invalid-json', message: `The file is not valid JSON: ${detail.slice(0, 200)}` }]);
  }
  const result = validateFramework(input);
  const errors = result.ok ? [] : result.errors.map((p) => locateInJson(p, input));
  const warnings = result.warnings.map((p) => locateInJson(p, input));
  return finish('json', result.ok ? result.framework : undefined, errors, warnings);
}

/**
 * Checks the sheets of an XLSX or CSV file. Problems the readers found (formulas, unreadable cells) come
 * first and count like any other: a file with any error imports nothing.
 */
export function checkSheets(
  format: 'xlsx' | 'csv',
  tables: SheetTable[],
  readProblems: { errors: LocatedProblem[]; warnings: LocatedProblem[] } = { errors: [], warnings: [] },
): FileCheck {
  const mapping = sheetsToFramework(tables);
  const errors = [...readProblems.errors, ...mapping.errors];
  const warnings = [...readProblems.warnings, ...mapping.warnings];
  if (mapping.fatal) return finish(format, undefined, errors, warnings);
  const result = validateFramework(mapping.input);
  // A cell already reported as unreadable (a formula without a value, bad JSON) is not reported again
  // as "required" or "wrong type": one problem per cell is what the person has to fix.
  const reported = new Set(errors.filter((p) => p.cell !== undefined).map((p) => `${p.sheet}!${p.cell}`));
  if (!result.ok) {
    errors.push(
      ...result.errors
        .map((p) => mapping.places.locate(p, mapping.input))
        .filter((p) => p.cell === undefined || !reported.has(`${p.sheet}!${p.cell}`)),
    );
  }
  warnings.push(...result.warnings.map((p) => mapping.places.locate(p, mapping.input)));
  return finish(format, result.ok ? result.framework : undefined, errors, warnings);
}

export function refused(format: FileFormat, errors: LocatedProblem[], warnings: LocatedProblem[] = []): FileCheck {
  return finish(format, undefined, errors, warnings);
}

function finish(format: FileFormat, framework: Framework | undefined, errors: LocatedProblem[], warnings: LocatedProblem[]): FileCheck {
  const ok = errors.length === 0 && framework !== undefined;
  const check: FileCheck = {
    format,
    ok,
    errors: cap(sortByPlace(errors), MAX_PROBLEMS, 'problems'),
    warnings: cap(sortByPlace(warnings), MAX_WARNINGS, 'warnings'),
  };
  if (ok) check.framework = framework;
  return check;
}

/** Spreadsheet problems in reading order: sheet by sheet, row by row, left to right. */
function sortByPlace(problems: LocatedProblem[]): LocatedProblem[] {
  const sheetRank = (p: LocatedProblem) => {
    if (p.code === 'too-many-problems') return sheetNames.length + 1;
    if (p.sheet === undefined) return -1;
    const i = (sheetNames as readonly string[]).indexOf(p.sheet);
    return i === -1 ? sheetNames.length : i;
  };
  const columnRank = (p: LocatedProblem) => {
    const letters = /^[A-Z]+/.exec(p.cell ?? '')?.[0] ?? '';
    return letters.length * 1000 + letters.split('').reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  };
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => sheetRank(a.p) - sheetRank(b.p) || (a.p.row ?? 0) - (b.p.row ?? 0) || columnRank(a.p) - columnRank(b.p) || a.i - b.i)
    .map(({ p }) => p);
}

function cap(problems: LocatedProblem[], max: number, what: string): LocatedProblem[] {
  const listed = problems.filter((p) => p.code !== 'too-many-problems');
  if (listed.length <= max) return problems;
  return [
    ...listed.slice(0, max),
    { path: [], code: 'too-many-problems', message: `${listed.length - max} more ${what} were not listed.` },
  ];
}

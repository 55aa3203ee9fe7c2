import type { Problem } from './problem';

/**
 * A problem in a framework file, with its place: the JSON path for JSON files, and sheet, row and
 * column (plus the A1 cell) for spreadsheets. `path` is always the JSON path the problem concerns, when
 * there is one, so tools can rely on it for either kind of file. `value` is the offending text, clipped,
 * so a person can spot it without opening the file.
 */
export interface LocatedProblem extends Problem {
  sheet?: string;
  /** Row number as a spreadsheet program shows it (1-based; for CSV, the record number). */
  row?: number;
  /** Column name from the header row, e.g. `weight`. */
  column?: string;
  /** A1-style reference, e.g. `K7`. */
  cell?: string;
  /** For key/value sheets (`framework`, `rules`): the key the problem concerns. */
  key?: string;
  /** A place inside a JSON cell, e.g. `[1].min`. */
  within?: string;
  value?: string;
}

/** One cell value as the readers hand it over: text, a number or a boolean; empty cells are "". */
export type Cell = string | number | boolean;

export interface SheetRow {
  row: number;
  cells: Cell[];
}

/** A sheet as read from XLSX or from a section of CSV: its non-blank rows, header first. */
export interface SheetTable {
  name: string;
  rows: SheetRow[];
}

export function clipValue(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'object') return undefined;
  const text = String(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** `groups[0].criteria[3].weight`, the way a person reads a JSON path. */
export function formatJsonPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  return out;
}

/** The place of a problem in English, for the command line and logs. */
export function formatPlace(p: LocatedProblem): string {
  if (p.sheet === undefined) return p.path.length > 0 ? formatJsonPath(p.path) : '(whole file)';
  const parts = [`sheet ${p.sheet}`];
  if (p.row !== undefined) parts.push(`row ${p.row}`);
  if (p.column !== undefined) parts.push(`column ${p.column}${p.cell ? ` (${p.cell})` : ''}`);
  if (p.key !== undefined) parts.push(`key ${p.key}`);
  if (p.within !== undefined) parts.push(`at ${p.within}`);
  return parts.join(', ');
}

export function formatProblem(p: LocatedProblem): string {
  return `${formatPlace(p)}: ${p.message} [${p.code}]${p.value !== undefined && p.value !== '' ? ` (value: ${p.value})` : ''}`;
}

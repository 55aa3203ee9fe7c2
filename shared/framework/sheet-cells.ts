import { toWesternDigits } from '../validation/digits';
import type { Cell } from './located-problem';
import type { CellKind } from './sheet-layout';

export type CellParse = { ok: true; value: unknown } | { ok: false; code: string; message: string };

const numberPattern = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

export function isBlank(cell: Cell | undefined): boolean {
  return cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

export function cellText(cell: Cell | undefined): string {
  if (cell === undefined) return '';
  return typeof cell === 'string' ? cell : String(cell);
}

/**
 * Turns one non-blank cell into the JSON value its column expects. Whatever does not fit is passed on
 * unchanged (a word where a number belongs stays a string), so the framework validator reports it with
 * its usual code ("expected number") and the place of this cell.
 */
export function parseCell(kind: CellKind, cell: Cell): CellParse {
  switch (kind) {
    case 'text':
      // Spaces around a cell's text are almost always accidental, and the format never needs them.
      return { ok: true, value: cellText(cell).trim() };
    case 'number':
      return { ok: true, value: parseNumber(cell) };
    case 'list':
      return { ok: true, value: splitList(cellText(cell)) };
    case 'bool':
      return { ok: true, value: parseBool(cell) };
    case 'critical':
      return { ok: true, value: parseCritical(cellText(cell)) };
    case 'minimums':
      return {
        ok: true,
        value: splitList(cellText(cell)).map((item) => {
          const match = /^([^:=]*)[:=](.*)$/.exec(item);
          return match ? { criterion: match[1]!.trim(), minRating: parseNumber(match[2]!.trim()) } : { criterion: item };
        }),
      };
    case 'json':
      return parseJson(cell);
  }
}

/** The cell a value is written to; the inverse of parseCell for every valid framework. */
export function formatCell(kind: CellKind, value: unknown): Cell {
  if (value === undefined || value === null) return '';
  switch (kind) {
    case 'text':
      return String(value);
    case 'number':
      return value as number;
    case 'list':
      return (value as string[]).join(', ');
    case 'bool':
      return value === true ? 'true' : 'false';
    case 'critical': {
      const rule = value as { mode: string; condition?: string };
      return rule.mode === 'when' ? `when:${rule.condition ?? ''}` : rule.mode;
    }
    case 'minimums':
      return (value as { criterion: string; minRating: number }[]).map((m) => `${m.criterion}:${m.minRating}`).join(', ');
    case 'json':
      return JSON.stringify(value);
  }
}

function parseNumber(cell: Cell): unknown {
  if (typeof cell !== 'string') return cell;
  const normalized = toWesternDigits(cell).trim();
  return numberPattern.test(normalized) ? Number(normalized) : cell;
}

function parseBool(cell: Cell): unknown {
  if (typeof cell === 'boolean') return cell;
  const text = cellText(cell).trim().toLowerCase();
  if (text === 'true' || text === 'yes' || text === '1') return true;
  if (text === 'false' || text === 'no' || text === '0') return false;
  return cell;
}

function parseCritical(text: string): unknown {
  const trimmed = text.trim();
  const when = /^when\s*:?\s*(.*)$/i.exec(trimmed);
  if (when) return when[1] ? { mode: 'when', condition: when[1].trim() } : { mode: 'when' };
  return { mode: trimmed.toLowerCase() };
}

function splitList(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function parseJson(cell: Cell): CellParse {
  if (typeof cell !== 'string') return { ok: true, value: cell };
  try {
    return { ok: true, value: JSON.parse(cell) as unknown };
  } catch (error) {
    // Deeply nested text can exhaust the stack; either way the cell is not usable JSON.
    const detail = error instanceof SyntaxError ? error.message : 'too deeply nested';
    return { ok: false, code: 'invalid-json', message: `This cell is not valid JSON: ${detail.slice(0, 160)}` };
  }
}

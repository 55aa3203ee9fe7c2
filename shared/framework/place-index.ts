import { clipValue, formatJsonPath, type LocatedProblem } from './located-problem';
import type { Problem } from './problem';
import type { JsonPath } from './sheet-layout';

export interface Place {
  sheet: string;
  row?: number;
  column?: string;
  cell?: string;
  key?: string;
  value?: string;
  /** The cell holds JSON: a deeper path is reported as a place inside it. */
  json?: boolean;
}

/**
 * Remembers which spreadsheet cell each JSON path came from, so a problem the framework validator finds
 * at `groups[2].criteria[4].weight` is reported at "sheet criteria, row 17, column weight (K17)". A
 * path without its own entry takes the place of its longest recorded prefix: a problem deep inside a
 * JSON cell names that cell, and a missing value names the row or sheet it should have been in.
 */
export class PlaceIndex {
  private readonly places = new Map<string, Place>();

  set(path: JsonPath, place: Place): void {
    this.places.set(key(path), place);
  }

  /** Records a place only where none is known yet (e.g. the first column of a localized pair). */
  setDefault(path: JsonPath, place: Place): void {
    const k = key(path);
    if (!this.places.has(k)) this.places.set(k, place);
  }

  locate(problem: Problem, input: unknown): LocatedProblem {
    const value = clipValue(valueAt(input, problem.path));
    for (let length = problem.path.length; length >= 0; length--) {
      const place = this.places.get(key(problem.path.slice(0, length)));
      if (place === undefined) continue;
      const rest = problem.path.slice(length);
      const located: LocatedProblem = { ...problem, sheet: place.sheet };
      if (place.row !== undefined) located.row = place.row;
      if (place.column !== undefined) located.column = place.column;
      if (place.cell !== undefined) located.cell = place.cell;
      if (place.key !== undefined) located.key = place.key;
      if (place.json === true && rest.length > 0) located.within = formatJsonPath(rest);
      const shown = value ?? (rest.length === 0 ? place.value : undefined);
      if (shown !== undefined) located.value = shown;
      return located;
    }
    return withValue(problem, value);
  }
}

/** A JSON-file problem: its place is its path; the offending value is added when it is a plain value. */
export function locateInJson(problem: Problem, input: unknown): LocatedProblem {
  return withValue(problem, clipValue(valueAt(input, problem.path)));
}

function withValue(problem: Problem, value: string | undefined): LocatedProblem {
  return value === undefined ? { ...problem } : { ...problem, value };
}

function key(path: JsonPath): string {
  return JSON.stringify(path);
}

function valueAt(input: unknown, path: JsonPath): unknown {
  let node = input;
  for (const part of path) {
    if (node === null || typeof node !== 'object') return undefined;
    // Own properties only: a path segment such as "__proto__" must not reach the prototype.
    if (!Object.prototype.hasOwnProperty.call(node, part)) return undefined;
    node = (node as Record<string | number, unknown>)[part];
  }
  return node;
}

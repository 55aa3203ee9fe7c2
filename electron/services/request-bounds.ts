import type { Issue } from '../../shared/ipc/result';
import { boundedPath } from '../../shared/ipc/zod-issues';

/**
 * What any request may look like before its schema is even consulted. Schemas bound each field, but
 * parsing has to walk a value to find out what it is: a rating whose `data` held three million keys kept
 * the services busy for 13 seconds before its "at most 50" refinement ran. These bounds are checked
 * first, in one pass that stops at the first problem, and are far above any real request: the biggest
 * (a conflict choice per unit, 20,000 of them) has about 140,000 values and is three levels deep.
 */
export const REQUEST_BOUNDS = {
  /** Objects and arrays inside one another. */
  depth: 24,
  /** Every value in the request (objects, arrays, strings, numbers…). */
  values: 250_000,
  /** Keys of one object: records (data values, by field id) hold at most 50. */
  keysPerObject: 1_000,
  /** Characters of one key. */
  keyLength: 256,
} as const;

// Control characters never belong in anything a person typed; tab, line feed and carriage return do.
const controlChars = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// Keys that mean something to JavaScript objects themselves: no field of the contract is called so.
const reservedKeys = ['__proto__', 'constructor', 'prototype'] as const;

interface Frame {
  value: unknown;
  key: string | number | null;
  parent: Frame | null;
  depth: number;
}

/**
 * The first way the request breaks the bounds, as a validation issue with its (shortened) path; null
 * when it is plain JSON data within them. Iterative: deep nesting cannot exhaust the stack.
 */
export function requestShapeIssue(request: unknown): Issue | null {
  const stack: Frame[] = [{ value: request, key: null, parent: null, depth: 0 }];
  let values = 0;
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { value } = frame;
    values += 1;
    if (values > REQUEST_BOUNDS.values) return issueAt(frame, 'validation.tooLong');
    switch (typeof value) {
      case 'undefined':
      case 'boolean':
        continue;
      case 'number':
        if (!Number.isFinite(value)) return issueAt(frame, 'validation.number');
        continue;
      case 'string':
        if (controlChars.test(value)) return issueAt(frame, 'validation.controlChars');
        continue;
      case 'object':
        break;
      default:
        return issueAt(frame, 'validation.invalid');
    }
    if (value === null) continue;
    if (frame.depth >= REQUEST_BOUNDS.depth) return issueAt(frame, 'validation.tooLong');
    if (Array.isArray(value)) {
      if (values + value.length > REQUEST_BOUNDS.values) return issueAt(frame, 'validation.tooLong');
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], key: i, parent: frame, depth: frame.depth + 1 });
      continue;
    }
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return issueAt(frame, 'validation.invalid');
    for (const reserved of reservedKeys) {
      if (Object.prototype.hasOwnProperty.call(value, reserved))
        return issueAt({ value: null, key: reserved, parent: frame, depth: 0 }, 'validation.invalid');
    }
    let keys = 0;
    const children: Frame[] = [];
    for (const key in value) {
      if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
      keys += 1;
      if (keys > REQUEST_BOUNDS.keysPerObject || values + keys > REQUEST_BOUNDS.values) return issueAt(frame, 'validation.tooLong');
      if (key.length > REQUEST_BOUNDS.keyLength || controlChars.test(key)) return issueAt(frame, 'validation.invalid');
      children.push({ value: (value as Record<string, unknown>)[key], key, parent: frame, depth: frame.depth + 1 });
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return null;
}

function issueAt(frame: Frame, message: string): Issue {
  const path: (string | number)[] = [];
  for (let f: Frame | null = frame; f !== null && f.key !== null; f = f.parent) path.push(f.key);
  return { path: boundedPath(path.reverse()), message };
}

/**
 * The same bounds on a JSON text before it is parsed (the browser host's request bodies): parsing a
 * body of millions of keys costs seconds by itself, and this scan costs a fraction of that. It counts
 * structure only (nesting, keys per object, values); everything else is checked on the parsed value.
 * `extraDepth` allows for the envelope around the request ({ channel, request }).
 */
export function jsonTextIssue(text: string, extraDepth = 0): Issue | null {
  const open: number[] = []; // per open container: its entries so far, negated for arrays
  let values = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1;
      else if (c === 0x22) inString = false;
      continue;
    }
    switch (c) {
      case 0x22: // "
        inString = true;
        break;
      case 0x7b: // {
      case 0x5b: // [
        values += 1;
        if (open.length >= REQUEST_BOUNDS.depth + extraDepth) return { path: [], message: 'validation.tooLong' };
        open.push(c === 0x7b ? 1 : -1);
        break;
      case 0x7d: // }
      case 0x5d: // ]
        open.pop();
        break;
      case 0x2c: {
        // , : one more entry in the innermost container
        values += 1;
        const top = open.length - 1;
        if (top < 0) break;
        open[top]! += open[top]! > 0 ? 1 : -1;
        if (open[top]! > REQUEST_BOUNDS.keysPerObject) return { path: [], message: 'validation.tooLong' };
        break;
      }
    }
    if (values > REQUEST_BOUNDS.values) return { path: [], message: 'validation.tooLong' };
  }
  return null;
}

/**
 * Canonical JSON: object keys sorted (by UTF-16 code units, as Array.prototype.sort does) at every
 * level, arrays kept in order, no whitespace. For plain JSON data it gives the same text as
 * `JSON.stringify` with sorted keys, so hashes are stable across machines and app versions.
 *
 * Unlike JSON.stringify it refuses what would hash ambiguously — NaN/Infinity (which stringify turns
 * into null), functions, symbols, bigints, cycles — because a silently altered value would make two
 * different frameworks share one hash. Object properties whose value is undefined are left out, as
 * JSON.stringify does, because zod leaves absent optional keys that way.
 */
export function canonicalJson(value: unknown): string {
  return write(value, new Set());
}

const MAX_DEPTH = 100;

function write(value: unknown, ancestors: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonicalJson: numbers must be finite.');
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} is not JSON data.`);
  }
  const object = value as object;
  if (!Array.isArray(object) && !isPlainObject(object)) {
    throw new TypeError('canonicalJson: only plain objects and arrays are JSON data.');
  }
  if (ancestors.has(object)) throw new TypeError('canonicalJson: the value contains a cycle.');
  if (ancestors.size >= MAX_DEPTH) throw new TypeError('canonicalJson: the value is nested too deeply.');
  ancestors.add(object);
  let text: string;
  if (Array.isArray(object)) {
    text = `[${object.map((item) => (item === undefined ? 'null' : write(item, ancestors))).join(',')}]`;
  } else {
    const record = object as Record<string, unknown>;
    const parts: string[] = [];
    for (const key of Object.keys(record).sort()) {
      const child = record[key];
      if (child === undefined) continue;
      parts.push(`${JSON.stringify(key)}:${write(child, ancestors)}`);
    }
    text = `{${parts.join(',')}}`;
  }
  ancestors.delete(object);
  return text;
}

function isPlainObject(object: object): boolean {
  const proto: unknown = Object.getPrototypeOf(object);
  return proto === Object.prototype || proto === null;
}

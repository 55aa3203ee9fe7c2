import { describe, expect, it } from 'vitest';
import { canonicalJson, frameworkContentHash } from './content-hash';
import { testFramework } from './test-fixture';
import type { Framework } from './schema';

/** Rebuilds every object with its keys in reverse order, as a different JSON writer might. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reverseKeys(v)]),
    );
  }
  return value;
}

describe('canonicalJson', () => {
  it('sorts keys recursively, keeps array order and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [3, { d: 'x', c: null }], e: true })).toBe('{"a":[3,{"c":null,"d":"x"}],"b":1,"e":true}');
  });

  it('leaves out undefined properties like JSON.stringify', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });

  it('escapes strings like JSON.stringify and keeps Bangla as is', () => {
    expect(canonicalJson({ t: 'a"b\n\u09a8' })).toBe(JSON.stringify({ t: 'a"b\n\u09a8' }));
  });

  it('refuses values that would hash ambiguously', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ a: Infinity })).toThrow(TypeError);
    expect(() => canonicalJson({ a: () => 1 })).toThrow(TypeError);
    expect(() => canonicalJson({ a: new Date(0) })).toThrow(TypeError);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(TypeError);
  });

  it('allows the same object twice when it is not a cycle', () => {
    const shared = { x: 1 };
    expect(canonicalJson([shared, shared])).toBe('[{"x":1},{"x":1}]');
  });
});

describe('frameworkContentHash', () => {
  it('is 64 lowercase hex digits', () => {
    expect(frameworkContentHash(testFramework())).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is stable under key reordering', () => {
    const framework = testFramework();
    expect(frameworkContentHash(reverseKeys(framework) as Framework)).toBe(frameworkContentHash(framework));
  });

  it('changes when a weight changes', () => {
    const framework = testFramework();
    const before = frameworkContentHash(framework);
    framework.groups[0]!.criteria[1]!.weight = 3;
    expect(frameworkContentHash(framework)).not.toBe(before);
  });

  it('changes when criteria are reordered (order is meaningful)', () => {
    const framework = testFramework();
    const before = frameworkContentHash(framework);
    framework.groups[0]!.criteria.reverse();
    expect(frameworkContentHash(framework)).not.toBe(before);
  });
});

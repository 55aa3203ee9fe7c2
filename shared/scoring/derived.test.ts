import { describe, expect, it } from 'vitest';
import type { DataField } from '../framework/schema';
import { computeDerived } from './derived';

const label = { en: 'x', bn: 'x' };
const count = (id: string): DataField => ({ id, label, unit: 'count', min: 0, integer: true });
const pct = (id: string, derived?: DataField['derived']): DataField => ({
  id,
  label,
  unit: '%',
  min: 0,
  max: 100,
  ...(derived ? { derived } : {}),
});

const completion: DataField[] = [
  count('entrants'),
  count('completers'),
  pct('rate', { op: 'ratioPct', numerator: 'completers', denominator: 'entrants' }),
];

describe('computeDerived', () => {
  it('computes a completion rate exactly (48 of 60 is 80, not 79.99…)', () => {
    expect(computeDerived(completion, { entrants: 60, completers: 48 })).toEqual({ entrants: 60, completers: 48, rate: 80 });
  });

  it('gives null for a zero or missing denominator and a missing numerator', () => {
    expect(computeDerived(completion, { entrants: 0, completers: 0 }).rate).toBeNull();
    expect(computeDerived(completion, { completers: 5 }).rate).toBeNull();
    expect(computeDerived(completion, { entrants: 5, completers: null }).rate).toBeNull();
    expect(computeDerived(completion, undefined)).toEqual({ entrants: null, completers: null, rate: null });
  });

  it('never takes a derived value from the input', () => {
    expect(computeDerived(completion, { entrants: 10, completers: 5, rate: 99 }).rate).toBe(50);
  });

  it('treats unverifiable input as missing: out of range, fractional counts, text in a number field', () => {
    expect(computeDerived(completion, { entrants: -1, completers: 0 }).entrants).toBeNull();
    expect(computeDerived(completion, { entrants: 10.5, completers: 0 }).entrants).toBeNull();
    expect(computeDerived(completion, { entrants: '10', completers: 0 }).entrants).toBeNull();
    // More completers than entrants: a rate above the field's maximum of 100 is not credible.
    expect(computeDerived(completion, { entrants: 10, completers: 12 }).rate).toBeNull();
  });

  it('computes differences in percentage points, also from derived fields', () => {
    const fields: DataField[] = [
      ...completion,
      count('disadv_entrants'),
      count('disadv_completers'),
      pct('disadv_rate', { op: 'ratioPct', numerator: 'disadv_completers', denominator: 'disadv_entrants' }),
      { id: 'gap', label, unit: 'pp', derived: { op: 'differencePp', a: 'rate', b: 'disadv_rate' } },
    ];
    const values = computeDerived(fields, { entrants: 100, completers: 80, disadv_entrants: 20, disadv_completers: 14 });
    expect(values.disadv_rate).toBe(70);
    expect(values.gap).toBe(10);
  });

  it('keeps text for code and text fields and drops undeclared keys', () => {
    const fields: DataField[] = [{ id: 'language', label, unit: 'code' }];
    expect(computeDerived(fields, { language: 'de', other: 5 })).toEqual({ language: 'de' });
    expect(computeDerived(fields, { language: '  ' })).toEqual({ language: null });
  });

  it('survives a derived cycle in an unvalidated framework', () => {
    const fields: DataField[] = [
      { id: 'a', label, unit: 'pp', derived: { op: 'differencePp', a: 'b', b: 'b' } },
      { id: 'b', label, unit: 'pp', derived: { op: 'differencePp', a: 'a', b: 'a' } },
    ];
    expect(computeDerived(fields, {})).toEqual({ a: null, b: null });
  });
});

import type { DataField } from '../framework/schema';
import type { DataValues } from './inputs';

const textUnits = new Set<DataField['unit']>(['code', 'text']);

/**
 * The effective values of a criterion's data fields: typed values checked against the field's
 * declaration, derived values computed. Derived fields are never taken from input ("computed, never
 * typed"), so a stale or forged completion rate cannot override the counts it comes from.
 *
 * A typed number outside the field's min/max, a fraction in an integer field, or text in a numeric
 * field counts as missing (null): unverifiable data is treated like absent data (domain notes §7.4).
 * A ratio with a zero or missing denominator is null. Undeclared keys are dropped.
 */
export function computeDerived(fields: readonly DataField[], data: DataValues | undefined): Record<string, number | string | null> {
  const byId = new Map(fields.map((field) => [field.id, field]));
  const values: Record<string, number | string | null> = {};
  const inProgress = new Set<string>();

  const valueOf = (id: string): number | string | null => {
    if (Object.hasOwn(values, id)) return values[id] ?? null;
    const field = byId.get(id);
    if (field === undefined || inProgress.has(id)) return null; // unknown field or a cycle: no value
    inProgress.add(id);
    const value = field.derived === undefined ? typedValue(field, data) : withinBounds(field, derivedValue(field.derived));
    inProgress.delete(id);
    values[id] = value;
    return value;
  };

  const numberOf = (id: string): number | null => {
    const value = valueOf(id);
    return typeof value === 'number' ? value : null;
  };

  const derivedValue = (derived: NonNullable<DataField['derived']>): number | null => {
    if (derived.op === 'ratioPct') {
      const n = numberOf(derived.numerator);
      const d = numberOf(derived.denominator);
      // 100·n/d rather than 100·(n/d): one rounding step, so 48 of 60 is exactly 80.
      return n === null || d === null || d === 0 ? null : (100 * n) / d;
    }
    const a = numberOf(derived.a);
    const b = numberOf(derived.b);
    return a === null || b === null ? null : a - b;
  };

  for (const field of fields) valueOf(field.id);
  return values;
}

function typedValue(field: DataField, data: DataValues | undefined): number | string | null {
  if (data === undefined || !Object.hasOwn(data, field.id)) return null;
  const raw = data[field.id];
  if (textUnits.has(field.unit)) return typeof raw === 'string' && raw.trim() !== '' ? raw : null;
  return typeof raw === 'number' ? withinBounds(field, raw) : null;
}

function withinBounds(field: DataField, value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  if (field.integer === true && !Number.isInteger(value)) return null;
  if (field.min !== undefined && value < field.min) return null;
  if (field.max !== undefined && value > field.max) return null;
  return value;
}

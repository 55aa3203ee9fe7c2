import type { Criterion, DataField } from '../framework/schema';
import type { DataValues } from '../scoring/inputs';

export interface DataValueIssue {
  /** The data field id. */
  path: [string];
  /** A catalogue key (`assessments.errors.*` or `validation.*`, possibly with `:min:max` parameters). */
  message: string;
}

const textUnits = new Set<DataField['unit']>(['code', 'text']);

/**
 * Checks typed data for a criterion's data fields before it is stored. Only declared fields may be
 * typed; derived fields (rates the app computes) are never typed, so a stale or forged rate cannot
 * override the counts it comes from. Numbers must be finite, within the field's range and whole where
 * the field says so; code and text fields take text. Null is always allowed: it records "no data kept",
 * which scores as missing (domain notes §7.4).
 */
export function dataValueIssues(criterion: Pick<Criterion, 'dataFields'>, data: DataValues): DataValueIssue[] {
  const fields = new Map((criterion.dataFields ?? []).map((f) => [f.id, f]));
  const issues: DataValueIssue[] = [];
  for (const [key, value] of Object.entries(data)) {
    const field = fields.get(key);
    const problem = field === undefined ? 'assessments.errors.unknownDataField' : valueProblem(field, value);
    if (problem !== null) issues.push({ path: [key], message: problem });
  }
  return issues;
}

function valueProblem(field: DataField, value: number | string | null): string | null {
  if (field.derived !== undefined) return 'assessments.errors.derivedDataField';
  if (value === null) return null;
  if (textUnits.has(field.unit)) return typeof value === 'string' ? null : 'assessments.errors.dataNotText';
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'validation.number';
  if (field.integer === true && !Number.isInteger(value)) return 'validation.integer';
  const min = field.min ?? -Infinity;
  const max = field.max ?? Infinity;
  if (value < min || value > max) return `validation.range:${field.min ?? ''}:${field.max ?? ''}`;
  return null;
}

/** Keeps only the values a criterion still declares and accepts (used when ratings move between versions). */
export function keepValidDataValues(criterion: Pick<Criterion, 'dataFields'>, data: DataValues): DataValues {
  const bad = new Set(dataValueIssues(criterion, data).map((i) => i.path[0]));
  const kept: DataValues = {};
  for (const [key, value] of Object.entries(data)) if (!bad.has(key)) kept[key] = value;
  return kept;
}

import { z } from 'zod';

/**
 * The longest text each field of a form's schema accepts, read from the schema itself so the input's
 * `maxLength` and the "n / limit" counter can never disagree with what the services enforce.
 */
export function textLimits(schema: { shape: Record<string, z.ZodType> }): Record<string, number> {
  const limits: Record<string, number> = {};
  for (const [name, field] of Object.entries(schema.shape)) {
    const inner = field instanceof z.ZodDefault ? field.unwrap() : field;
    if (inner instanceof z.ZodString && typeof inner.maxLength === 'number') limits[name] = inner.maxLength;
  }
  return limits;
}

import type { z } from 'zod';

type ObjectLike = { shape: Record<string, z.ZodType> };

/** Whether a schema is an object schema (a refined object keeps its shape in zod 4). */
export const hasShape = (schema: unknown): schema is ObjectLike =>
  typeof schema === 'object' && schema !== null && typeof (schema as { shape?: unknown }).shape === 'object';

/** The top-level fields of a contract schema: where the services' issues may be placed. */
export function schemaFieldNames(schema: z.ZodType): string[] {
  return hasShape(schema) ? Object.keys(schema.shape) : [];
}

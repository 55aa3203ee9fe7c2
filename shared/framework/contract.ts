import { z } from 'zod';
import { criterionSchema, frameworkSchema, conditionSchema, evidenceTypeSchema, localizedTextSchema } from '../framework/schema';
import { changeKinds } from './compare';
import { fileFormats } from './check-file';
import { FILE_LIMITS } from './sheet-layout';

export const frameworkVersionSummarySchema = z.object({
  id: z.uuid(),
  frameworkId: z.string(),
  version: z.string(),
  titleEn: z.string(),
  titleBn: z.string(),
  contentHash: z.string(),
  criteria: z.number().int(),
  source: z.string(),
  importedAt: z.string(),
  importedBy: z.string(),
});
export type FrameworkVersionSummary = z.infer<typeof frameworkVersionSummarySchema>;

export const fileFormatSchema = z.enum(fileFormats);

/** Base64 of at most FILE_LIMITS.bytes bytes. */
const maxBase64 = Math.ceil(FILE_LIMITS.bytes / 3) * 4;

/**
 * A file chosen by the person, as content: the renderer reads it with the File API, so the services
 * never open a path the renderer picked. The name only tells the format (.json, .xlsx, .csv).
 */
export const frameworkFileSchema = z
  .object({
    fileName: z.string().trim().min(1, { error: 'validation.required' }).max(255, { error: 'validation.tooLong' }),
    contentBase64: z
      .string()
      .max(maxBase64, { error: 'frameworks.problem.file-too-large' })
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'frameworks.problem.not-base64' }),
  })
  .strict();
export type FrameworkFileInput = z.infer<typeof frameworkFileSchema>;

export const locatedProblemSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  code: z.string(),
  message: z.string(),
  sheet: z.string().optional(),
  row: z.number().int().optional(),
  column: z.string().optional(),
  cell: z.string().optional(),
  key: z.string().optional(),
  within: z.string().optional(),
  value: z.string().optional(),
});

/** What importing the checked file would do: a new version, nothing (same content), or a refusal. */
export const importPreviewSchema = z.object({
  frameworkId: z.string(),
  version: z.string(),
  titleEn: z.string(),
  titleBn: z.string(),
  groups: z.number().int(),
  criteria: z.number().int(),
  contentHash: z.string(),
  existing: z.enum(['new', 'same', 'conflict']),
  existingId: z.uuid().optional(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const fileCheckResultSchema = z.object({
  format: fileFormatSchema,
  ok: z.boolean(),
  errors: z.array(locatedProblemSchema),
  warnings: z.array(locatedProblemSchema),
  preview: importPreviewSchema.nullable(),
});
export type FileCheckResult = z.infer<typeof fileCheckResultSchema>;

const criterionSideSchema = z.object({ groupId: z.string(), groupTitle: localizedTextSchema, criterion: criterionSchema });

const compareSideSchema = z.object({
  summary: frameworkVersionSummarySchema,
  conditions: z.array(conditionSchema),
  evidenceTypes: z.array(evidenceTypeSchema),
});

export const comparisonSchema = z.object({
  older: compareSideSchema,
  newer: compareSideSchema,
  diff: z.object({ added: z.array(z.string()), removed: z.array(z.string()), reworded: z.array(z.string()), changed: z.array(z.string()) }),
  criteria: z.array(
    z.object({
      id: z.string(),
      changes: z.array(z.enum(changeKinds)),
      older: criterionSideSchema.nullable(),
      newer: criterionSideSchema.nullable(),
    }),
  ),
  unchanged: z.number().int(),
});
export type Comparison = z.infer<typeof comparisonSchema>;

/** Channels of the framework library. */
export const frameworksContract = {
  'frameworks:list': {
    request: z.object({}).strict(),
    response: z.object({ items: z.array(frameworkVersionSummarySchema) }),
  },
  'frameworks:get': {
    request: z.object({ id: z.uuid() }).strict(),
    response: z.object({ summary: frameworkVersionSummarySchema, framework: frameworkSchema }),
  },
  /** Checks a file without importing it: every problem with its place, and what an import would do. */
  'frameworks:check-file': {
    request: frameworkFileSchema,
    response: fileCheckResultSchema,
  },
  /** Imports a file as a new immutable version; a file with any error imports nothing (error `validation`). */
  'frameworks:import-file': {
    request: frameworkFileSchema,
    response: z.object({
      status: z.enum(['imported', 'unchanged']),
      summary: frameworkVersionSummarySchema,
      warnings: z.array(locatedProblemSchema),
    }),
  },
  /** A stored version as a file for the renderer to save (Blob + download). */
  'frameworks:export': {
    request: z.object({ id: z.uuid(), format: fileFormatSchema }).strict(),
    response: z.object({ fileName: z.string(), mediaType: z.string(), contentBase64: z.string() }),
  },
  /** Two versions side by side: the diff and both texts of every criterion it names. */
  'frameworks:compare': {
    request: z.object({ olderId: z.uuid(), newerId: z.uuid() }).strict(),
    response: comparisonSchema,
  },
} as const;

import { z } from 'zod';
import { idSchema } from '../institutions/schema';
import { languages } from '../settings/schema';

/** A report is written in one language, chosen at export; framework text falls back to English. */
export const reportLanguageSchema = z.enum(languages);

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, { error: 'validation.invalid' });

/**
 * One evidence file as the report lists it: its index reference (E1, E2, …), the units of audit it
 * supports and its SHA-256, so a reader holding the file can prove it is the one the inspector saw.
 */
export const reportEvidenceFileSchema = z.object({
  ref: z.string(),
  sha256: sha256Schema,
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int().nonnegative(),
  /** A framework evidence code (DOC, OBS, PHOTO, …). */
  evidenceType: z.string(),
  caption: z.string(),
  /** When a photo was taken, from its EXIF (local time, no zone); null when unknown and `attachedAt` stands. */
  takenAt: z.string().nullable(),
  attachedAt: z.string(),
  /** The units it supports; none for evidence of the assessment as a whole. */
  links: z.array(z.object({ criterionId: z.string(), programmeId: idSchema.nullable() })),
});
export type ReportEvidenceFile = z.infer<typeof reportEvidenceFileSchema>;

/** What the change log keeps of a signed report (entity 'report', entity id = the file's SHA-256). */
export const signedReportSchema = z.object({
  sha256: sha256Schema,
  assessmentId: idSchema,
  language: reportLanguageSchema,
  signerFingerprint: z.string(),
  signedAt: z.string(),
  signedBy: z.string(),
  /** The stored copy under `<dataDir>/reports/` still exists and hashes to `sha256`. */
  stored: z.boolean(),
  fileName: z.string(),
});
export type SignedReport = z.infer<typeof signedReportSchema>;

/**
 * The report for the in-app preview: the document's body markup (escaped by React on the services side)
 * and its stylesheet, kept apart because the renderer's CSP refuses inline <style> in a srcdoc frame;
 * the renderer adopts the stylesheet into the sandboxed frame instead.
 */
export const reportPreviewSchema = z.object({
  title: z.string(),
  language: reportLanguageSchema,
  bodyHtml: z.string(),
  css: z.string(),
  /** A draft's (or an incomplete assessment's) result is provisional and cannot be signed. */
  provisional: z.boolean(),
  canSign: z.boolean(),
});
export type ReportPreview = z.infer<typeof reportPreviewSchema>;

export const signReportRequestSchema = z
  .object({
    assessmentId: idSchema,
    language: reportLanguageSchema,
    identityId: z.uuid({ error: 'validation.required' }),
    passphrase: z.string().min(1, { error: 'validation.required' }).max(1024, { error: 'validation.tooLong' }),
    /** Ignored (kept so older callers still validate): a Bangla report always uses Bengali digits. */
    bengaliDigits: z.boolean().optional(),
  })
  .strict();
export type SignReportRequest = z.infer<typeof signReportRequestSchema>;

export const signedReportFileSchema = signedReportSchema.extend({
  pdfBase64: z.string(),
  pages: z.number().int().positive(),
});
export type SignedReportFile = z.infer<typeof signedReportFileSchema>;

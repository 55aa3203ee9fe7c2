import { z } from 'zod';
import { criterionIdPattern, evidenceCodePattern } from '../framework/schema';
import { idSchema } from '../institutions/schema';
import { optionalText } from '../validation/fields';
import { evidenceMediaTypeList } from './media-types';

const MiB = 1024 * 1024;

/**
 * Request sizes. One `evidence:attach` call carries at most `inlineBytes` of file content (as base64, a
 * third more: about 8 MB, well under the browser host's 40 MiB body limit, BROWSER_HOST_MAX_BODY_BYTES). The renderer sends anything
 * bigger than `pieceBytes` in pieces of that size through `evidence:upload-chunk` and then attaches it
 * by its upload id: 1 MB pieces keep each request's work on the page (reading, encoding, sending) to a
 * few tens of milliseconds, so a 20 MB photo never holds up the window. A piece may be up to
 * `uploadChunkBytes`.
 */
export const EVIDENCE_TRANSFER = {
  inlineBytes: 6 * MiB,
  pieceBytes: 1 * MiB,
  uploadChunkBytes: 4 * MiB,
  filesPerCall: 20,
} as const;

/** Defaults of the configurable limits (AppServices options or `evidence limits` on the command line). */
export const DEFAULT_EVIDENCE_LIMITS = { maxFileBytes: 25 * MiB, maxAssessmentBytes: 500 * MiB } as const;
/** Bounds on what the limits may be set to: a file is held in memory while it is checked and stored. */
export const EVIDENCE_LIMIT_BOUNDS = { maxFileBytes: 200 * MiB, maxAssessmentBytes: 100_000 * MiB } as const;

const base64Length = (bytes: number) => Math.ceil(bytes / 3) * 4;
const base64 = (maxBytes: number) =>
  z
    .string()
    .max(base64Length(maxBytes), { error: 'evidence.refused.requestTooLarge' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'evidence.refused.notBase64' });

export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);
export const evidenceCodeSchema = z.string().regex(evidenceCodePattern, { error: 'validation.choose' });

/** A unit of audit the evidence supports: a criterion at institution level (programmeId null) or for one programme. */
export const evidenceLinkSchema = z
  .object({
    criterionId: z.string().regex(criterionIdPattern),
    programmeId: idSchema.nullable(),
  })
  .strict();

export const evidenceItemSchema = z.object({
  id: idSchema,
  assessmentId: idSchema,
  sha256: sha256Schema,
  size: z.number().int().positive(),
  mediaType: z.enum(evidenceMediaTypeList),
  /** The name it had on the inspector's computer, made safe (never used as a path). */
  originalName: z.string(),
  caption: z.string(),
  /** A code of the pinned framework's evidence types (DOC, REC, OBS, INT-*, DATA, PHOTO). */
  evidenceType: z.string(),
  /** From the photo's EXIF (local time, no zone) when it has one; otherwise null and the attached date stands. */
  takenAt: z.string().nullable(),
  attachedAt: z.string(),
  attachedBy: z.string(),
  /** No links: evidence for the assessment as a whole. */
  links: z.array(evidenceLinkSchema),
  revision: z.number().int().nonnegative(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});

export const evidenceLimitsSchema = z.object({
  maxFileBytes: z.number().int().positive(),
  maxAssessmentBytes: z.number().int().positive(),
});

/** One file to attach: its content inline (small files, pasted images) or an upload staged in pieces. */
export const evidenceFileInputSchema = z.union([
  z.object({ name: z.string().max(1000), contentBase64: base64(EVIDENCE_TRANSFER.inlineBytes) }).strict(),
  z.object({ name: z.string().max(1000), uploadId: idSchema }).strict(),
]);

export const attachDetailsSchema = z.object({
  assessmentId: idSchema,
  links: z.array(evidenceLinkSchema).max(50),
  evidenceType: evidenceCodeSchema,
  caption: optionalText(500),
});

export const attachRequestSchema = attachDetailsSchema
  .extend({ files: z.array(evidenceFileInputSchema).min(1).max(EVIDENCE_TRANSFER.filesPerCall) })
  .strict()
  .refine(
    (r) =>
      r.files.reduce((n, f) => n + ('contentBase64' in f ? f.contentBase64.length : 0), 0) <= base64Length(EVIDENCE_TRANSFER.inlineBytes),
    { error: 'evidence.refused.requestTooLarge', path: ['files'] },
  );

export const uploadChunkSchema = z
  .object({
    /** Null for the first piece: the services answer with the id to send the rest under. */
    uploadId: idSchema.nullable(),
    /** Where this piece starts; pieces are sent in order. */
    offset: z.number().int().nonnegative(),
    chunkBase64: base64(EVIDENCE_TRANSFER.uploadChunkBytes),
  })
  .strict();

export const fileStates = ['intact', 'missing', 'altered'] as const;
export type FileState = (typeof fileStates)[number];

/** Where a damaged or missing file is used: the assessment and the criteria its items support. */
export const affectedUseSchema = z.object({
  assessmentId: idSchema,
  institutionNameEn: z.string(),
  institutionNameBn: z.string(),
  kind: z.string(),
  status: z.string(),
  revisionNumber: z.number().int(),
  itemId: idSchema,
  originalName: z.string(),
  evidenceType: z.string(),
  links: z.array(evidenceLinkSchema),
});

export const integrityProblemSchema = z.object({
  sha256: sha256Schema,
  state: z.enum(['missing', 'altered']),
  size: z.number().int(),
  mediaType: z.string(),
  uses: z.array(affectedUseSchema),
});

export const integrityReportSchema = z.object({
  checkedAt: z.string(),
  /** Null when every stored file was checked; otherwise the one assessment whose files were. */
  assessmentId: idSchema.nullable(),
  files: z.number().int(),
  intact: z.number().int(),
  problems: z.array(integrityProblemSchema),
});

export type EvidenceLink = z.infer<typeof evidenceLinkSchema>;
export type EvidenceItem = z.infer<typeof evidenceItemSchema>;
export type EvidenceLimits = z.infer<typeof evidenceLimitsSchema>;
export type EvidenceFileInput = z.infer<typeof evidenceFileInputSchema>;
export type AttachDetails = z.output<typeof attachDetailsSchema>;
export type AttachRequest = z.output<typeof attachRequestSchema>;
export type AffectedUse = z.infer<typeof affectedUseSchema>;
export type IntegrityProblem = z.infer<typeof integrityProblemSchema>;
export type IntegrityReport = z.infer<typeof integrityReportSchema>;

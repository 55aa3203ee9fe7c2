import { z } from 'zod';
import { idSchema } from '../institutions/schema';
import { optionalText } from '../validation/fields';
import {
  attachDetailsSchema,
  attachRequestSchema,
  evidenceCodeSchema,
  evidenceItemSchema,
  evidenceLimitsSchema,
  evidenceLinkSchema,
  fileStates,
  integrityReportSchema,
  uploadChunkSchema,
} from './schema';

const revisionSchema = z.number().int().nonnegative();
const byItem = z.object({ itemId: idSchema }).strict();

/**
 * Evidence channels. Files cross as content (base64), never as paths the renderer chose; the desktop
 * app's own file dialog is opened by the main process. Files come back by item id only, so no request
 * can reach a path outside the evidence store. Every change is refused unless the assessment is a draft.
 */
export const evidenceContract = {
  'evidence:list': {
    request: z.object({ assessmentId: idSchema }).strict(),
    response: z.object({
      items: z.array(evidenceItemSchema),
      /** Bytes of the distinct files this assessment's evidence uses, against limits.maxAssessmentBytes. */
      totalBytes: z.number().int().nonnegative(),
      limits: evidenceLimitsSchema,
    }),
  },
  /** One piece of a file too big for one `evidence:attach` (pieces of at most 4 MB; see EVIDENCE_TRANSFER). */
  'evidence:upload-chunk': {
    request: uploadChunkSchema,
    response: z.object({ uploadId: idSchema, received: z.number().int().nonnegative() }),
  },
  'evidence:attach': {
    request: attachRequestSchema,
    response: z.object({
      items: z.array(evidenceItemSchema),
      /** Files whose bytes were already in the store (kept once). */
      deduplicated: z.number().int().nonnegative(),
    }),
  },
  /** Desktop app: the main process shows the system's file dialog and reads the chosen files itself. */
  'evidence:attach-from-dialog': {
    request: attachDetailsSchema.strict(),
    response: z.object({ cancelled: z.boolean(), items: z.array(evidenceItemSchema), deduplicated: z.number().int().nonnegative() }),
  },
  'evidence:update': {
    request: z
      .object({ itemId: idSchema, revision: revisionSchema, caption: optionalText(500), evidenceType: evidenceCodeSchema })
      .strict(),
    response: evidenceItemSchema,
  },
  /** The same item supports more criteria; its file is not stored again. */
  'evidence:link': {
    request: z.object({ itemId: idSchema, revision: revisionSchema, links: z.array(evidenceLinkSchema).min(1).max(50) }).strict(),
    response: evidenceItemSchema,
  },
  /**
   * Removes an item from one criterion (`from`), or entirely (`from` null). An item removed from its
   * last criterion is removed; its file is deleted only when nothing else refers to it.
   */
  'evidence:remove': {
    request: z.object({ itemId: idSchema, revision: revisionSchema, from: evidenceLinkSchema.nullable() }).strict(),
    response: z.object({ itemRemoved: z.boolean(), fileRemoved: z.boolean() }),
  },
  /** A 256-pixel WebP preview of an image; null for other types or a file that cannot be read. */
  'evidence:thumbnail': {
    request: byItem,
    response: z.object({ thumbnail: z.object({ mediaType: z.literal('image/webp'), contentBase64: z.string() }).nullable() }),
  },
  /** The file itself, for the viewer and for downloads, with the result of re-hashing it. */
  'evidence:content': {
    request: byItem,
    response: z.object({ item: evidenceItemSchema, state: z.enum(fileStates), contentBase64: z.string() }),
  },
  /** Desktop app: opens a temporary copy with the program the system uses for its type. */
  'evidence:open-external': {
    request: byItem,
    response: z.object({ opened: z.boolean() }),
  },
  /** Re-hashes every stored file (or one assessment's) and names what is missing or altered, and where it is used. */
  'evidence:verify-all': {
    request: z.object({ assessmentId: idSchema.nullable() }).strict(),
    response: integrityReportSchema,
  },
} as const;

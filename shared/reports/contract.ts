import { z } from 'zod';
import { idSchema } from '../institutions/schema';
import { verificationResultSchema } from '../signing/schema';
import { reportLanguageSchema, reportPreviewSchema, signedReportFileSchema, signedReportSchema, signReportRequestSchema } from './schema';

/** Base64 PDF bytes: at most 14,000,000 characters, about 10 MB of PDF (the browser host reads bodies up to 40 MiB, BROWSER_HOST_MAX_BODY_BYTES). */
const pdfBase64 = z
  .string()
  .min(1, { error: 'validation.required' })
  .max(14_000_000, { error: 'validation.tooLong' })
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'validation.invalid' });

/**
 * Channels of the signed PDF accreditation report. The report is rendered in the services (React to
 * static HTML), printed by Chromium and signed with an identity whose key never leaves the services.
 */
export const reportsContract = {
  /** The report as HTML for the in-app preview; an identity, when given, fills in the signature page. */
  'reports:preview': {
    request: z
      .object({
        assessmentId: idSchema,
        language: reportLanguageSchema,
        identityId: z.uuid().nullable(),
        /** Ignored (kept so older callers still validate): a Bangla report always uses Bengali digits. */
        bengaliDigits: z.boolean().optional(),
      })
      .strict(),
    response: reportPreviewSchema,
  },
  /**
   * Finalises a submitted assessment (a draft is refused), prints and signs the report, keeps the file
   * under `<dataDir>/reports/<sha256>.pdf`, records its hash in the change log, and returns it.
   */
  'reports:sign': {
    request: signReportRequestSchema,
    response: signedReportFileSchema,
  },
  /** Reports signed on this machine for one assessment, newest first. */
  'reports:list': {
    request: z.object({ assessmentId: idSchema }).strict(),
    response: z.object({ items: z.array(signedReportSchema) }),
  },
  /** A stored signed report, for saving again. */
  'reports:file': {
    request: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'validation.invalid' }) }).strict(),
    response: signedReportFileSchema,
  },
  /** Verifies any PDF: the signature checks, trust, and whether this machine's change log knows the file. */
  'reports:verify': {
    request: z.object({ pdfBase64 }).strict(),
    response: verificationResultSchema,
  },
} as const;

import { z } from 'zod';
import { optionalText, requiredText } from '../validation/fields';

/** At least 8 characters: the passphrase is the only thing between a stolen laptop and the inspector's signature. */
export const passphraseSchema = z
  .string({ error: 'validation.required' })
  .min(8, { error: 'signing.validation.passphrase' })
  .max(1024, { error: 'validation.tooLong' });

/** The person behind a signing identity, as the report's signature page shows them. */
export const signerProfileSchema = z.object({
  name: requiredText(200),
  role: requiredText(200),
  organisation: requiredText(200),
});
export type SignerProfile = z.infer<typeof signerProfileSchema>;

export const createIdentityInputSchema = signerProfileSchema.extend({ passphrase: passphraseSchema });
export type CreateIdentityInput = z.infer<typeof createIdentityInputSchema>;

/** For an imported certificate the name and organisation default to the certificate's CN and O. */
export const importIdentityProfileSchema = z.object({
  name: optionalText(200),
  role: requiredText(200),
  organisation: optionalText(200),
});
export type ImportIdentityProfile = z.input<typeof importIdentityProfileSchema>;

export const certificateSummarySchema = z.object({
  subject: z.string(),
  issuer: z.string(),
  commonName: z.string(),
  organisation: z.string(),
  serialNumber: z.string(),
  /** SHA-256 of the DER certificate, upper-case hex pairs separated by colons (as viewers show it). */
  fingerprintSha256: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  selfSigned: z.boolean(),
  keyAlgorithm: z.string(),
});
export type CertificateSummary = z.infer<typeof certificateSummarySchema>;

/** What locks a stored key beside its passphrase: the desktop app's operating-system keychain. */
export const keyWrapKindSchema = z.enum(['os-keychain']);

/**
 * What `<dataDir>/identities/<id>.json` holds. Never key material. Files written before keys recorded
 * their wrapping lack `keyWrapped`; the store then looks at the key file itself.
 */
export const storedIdentitySchema = certificateSummarySchema.extend({
  id: z.uuid(),
  name: z.string(),
  role: z.string(),
  organisation: z.string(),
  /** Subjects of the issuing CA certificates stored with the identity, nearest first. */
  chain: z.array(z.string()),
  createdAt: z.string(),
  format: z.literal('tvet-inspector/identity@1'),
  /** The key file is locked again by `keyWrappedBy` (only the desktop app can remove that lock). */
  keyWrapped: z.boolean().optional(),
  keyWrappedBy: keyWrapKindSchema.nullable().optional(),
});
export type StoredIdentity = z.infer<typeof storedIdentitySchema>;

/** An identity as the services describe it: the stored profile, how its key is locked, and whether this host can open it. */
export const identitySchema = storedIdentitySchema.extend({
  keyWrapped: z.boolean(),
  keyWrappedBy: keyWrapKindSchema.nullable(),
  /**
   * False when the key is locked with the desktop app's keychain and this host (command line, browser
   * host) has none: the identity is listed, but signing with it must happen in the desktop app.
   */
  keyOpensHere: z.boolean(),
});
export type Identity = z.infer<typeof identitySchema>;

export const trustedRootSchema = certificateSummarySchema.extend({ file: z.string() });
export type TrustedRoot = z.infer<typeof trustedRootSchema>;

export const verificationCheckSchema = z.object({
  /** Stable id; the UI translates `signing.check.<id>`. */
  id: z.string(),
  passed: z.boolean(),
  /** A failed required check makes the document invalid; the others (trust, PAdES form, validity) inform. */
  required: z.boolean(),
  /** English detail for the command line and logs. */
  detail: z.string(),
});
export type VerificationCheck = z.infer<typeof verificationCheckSchema>;

export const signatureReportSchema = z.object({
  index: z.number().int(),
  fieldName: z.string().nullable(),
  subFilter: z.string().nullable(),
  /** The claimed time from the signature dictionary's /M (no timestamp authority is involved). */
  signingTime: z.string().nullable(),
  reason: z.string().nullable(),
  location: z.string().nullable(),
  byteRange: z.array(z.number().int()),
  coversWholeDocument: z.boolean(),
  intact: z.boolean(),
  pades: z.boolean(),
  trusted: z.boolean(),
  trustedRoot: z.string().nullable(),
  signer: certificateSummarySchema.nullable(),
  chain: z.array(z.string()),
  checks: z.array(verificationCheckSchema),
  problems: z.array(z.string()),
});
export type SignatureReport = z.infer<typeof signatureReportSchema>;

export const verificationResultSchema = z.object({
  /** At least one signature, every one intact, the last covering the whole file. Trust is reported apart. */
  valid: z.boolean(),
  problems: z.array(z.string()),
  /** Checks on the file as a whole (a signature exists, nothing appended, recorded here). */
  checks: z.array(verificationCheckSchema),
  sha256: z.string(),
  size: z.number().int(),
  signatures: z.array(signatureReportSchema),
  wholeDocumentCovered: z.boolean(),
  modifiedAfterSigning: z.boolean(),
  /** Every signer chains to a root in this machine's trusted roots. */
  trusted: z.boolean(),
  /** When the audit trail knows this exact file: made and recorded on this machine. */
  recordedReport: z
    .object({
      recordedAt: z.string(),
      assessmentId: z.string(),
      /**
       * The change log's size and newest hash when the report was signed (printed on its signature page),
       * and whether this machine's log still has that entry at that position: false means the log was
       * cut short or rewritten after the report was signed.
       */
      changeLog: z.object({ count: z.number().int(), hash: z.string(), inChain: z.boolean() }).nullable().optional(),
    })
    .nullable(),
});
export type VerificationResult = z.infer<typeof verificationResultSchema>;

import { z } from 'zod';
import { PACKAGE_FORMAT, PACKAGE_FORMAT_VERSION, packageKinds } from './schema';

/**
 * The signed manifest of an assessment package (`manifest.json`), and the closed list of names a
 * package's entries may have. Described for other implementers in docs/package-format.md; the reader
 * and writer are electron/services/exchange/container.
 */

export const MANIFEST_PATH = 'manifest.json';
export const SIGNATURE_PATH = 'manifest.json.p7s';

/**
 * Every name an entry other than the manifest and its signature may have. Lower case only, ASCII
 * only, one folder deep: a name that matches cannot climb out of a folder, be absolute, name a
 * device or collide with another on a case-insensitive disk.
 */
export const entryPathPatterns = {
  /** Records as JSON, one file per kind of record (institutions, assessments, change-log…). */
  data: /^data\/[a-z0-9-]{1,40}\.json$/,
  /** A framework version as JSON, by its id. */
  framework: /^frameworks\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.json$/,
  /** An evidence file, named by the SHA-256 of its own bytes. */
  evidence: /^evidence\/[0-9a-f]{64}$/,
  /** A signed report PDF, named by the SHA-256 of its own bytes. */
  report: /^reports\/[0-9a-f]{64}\.pdf$/,
  /** A trusted root certificate in PEM form, named by the SHA-256 of its DER encoding (its fingerprint). */
  trustedRoot: /^trusted-roots\/[0-9a-f]{64}\.pem$/,
} as const;
export type EntryKind = keyof typeof entryPathPatterns;

export function entryKindOf(path: string): EntryKind | null {
  for (const [kind, pattern] of Object.entries(entryPathPatterns)) if (pattern.test(path)) return kind as EntryKind;
  return null;
}

/** Evidence and reports are named by their own SHA-256: a reader checks the bytes against the name too. */
export function hashInName(path: string): string | null {
  const m = /^(?:evidence\/([0-9a-f]{64})|reports\/([0-9a-f]{64})\.pdf)$/.exec(path);
  return m ? (m[1] ?? m[2] ?? null) : null;
}

/** Format-wide bounds: a package beyond them is not a valid version-1 package, whatever the reader's settings. */
export const MANIFEST_BOUNDS = {
  /** Entries in the zip file, manifest and signature included. */
  entries: 100_000,
  textChars: 200,
} as const;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/**
 * Names and roles come from another machine and are shown in the preview: no control characters and
 * no bidirectional overrides, which could make a name read differently from what it is.
 */
const displayText = z
  .string()
  .max(MANIFEST_BOUNDS.textChars)
  .regex(/^[^\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]*$/);

export const manifestEntrySchema = z
  .object({
    path: z.string().refine((p) => entryKindOf(p) !== null, { error: 'not an allowed entry name' }),
    size: count,
    sha256: sha256Hex,
  })
  .strict();
export type ManifestEntry = z.infer<typeof manifestEntrySchema>;

export const packageCreatorSchema = z
  .object({
    name: displayText.min(1),
    organisation: displayText,
    role: displayText,
    /** SHA-256 of the signing certificate, upper-case hex pairs separated by colons (as X509Certificate.fingerprint256). */
    certificateFingerprint: z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/),
  })
  .strict();
export type PackageCreator = z.infer<typeof packageCreatorSchema>;

export const packageContentsSchema = z
  .object({
    frameworks: count,
    institutions: count,
    programmes: count,
    assessments: count,
    evidenceFiles: count,
    evidenceBytes: count,
    reports: count,
    trustedRoots: count,
  })
  .strict();
export type PackageContents = z.infer<typeof packageContentsSchema>;

/** Everything in the manifest that the sender decides; the container adds format, version and entries. */
export const manifestHeaderSchema = z
  .object({
    kind: z.enum(packageKinds),
    appVersion: z.string().regex(/^[0-9A-Za-z.+-]{1,40}$/),
    createdAt: z.iso.datetime({ offset: true }),
    creator: packageCreatorSchema,
    /** The sender's change-log head when the package was made (genesis: 64 zeros, count 0). */
    changeLog: z.object({ headHash: sha256Hex, count }).strict(),
    contents: packageContentsSchema,
  })
  .strict();
export type PackageHeader = z.infer<typeof manifestHeaderSchema>;

export const manifestSchema = manifestHeaderSchema
  .extend({
    format: z.literal(PACKAGE_FORMAT),
    formatVersion: z.literal(PACKAGE_FORMAT_VERSION),
    entries: z
      .array(manifestEntrySchema)
      .max(MANIFEST_BOUNDS.entries - 2)
      .superRefine((entries, ctx) => {
        const seen = new Set<string>();
        entries.forEach((e, i) => {
          if (seen.has(e.path)) ctx.addIssue({ code: 'custom', path: [i, 'path'], message: 'listed twice' });
          seen.add(e.path);
          const named = hashInName(e.path);
          if (named !== null && named !== e.sha256)
            ctx.addIssue({ code: 'custom', path: [i, 'sha256'], message: 'differs from the hash in the name' });
        });
      }),
  })
  .strict();
export type PackageManifest = z.infer<typeof manifestSchema>;

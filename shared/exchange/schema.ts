import { z } from 'zod';
import { appErrorSchema } from '../ipc/result';
import { idSchema } from '../institutions/schema';

/**
 * Assessment packages (`.tvetpkg`): signed zip files that carry institutions, frameworks, assessments,
 * evidence and reports between offline machines. The container format is described in
 * docs/package-format.md; these are the shapes that cross between the renderer and the services.
 */

export const PACKAGE_EXTENSION = '.tvetpkg';
export const PACKAGE_FORMAT = 'tvetpkg';
export const PACKAGE_FORMAT_VERSION = 1;

export const packageKinds = ['assessments', 'reference'] as const;
export type PackageKind = (typeof packageKinds)[number];

/** What to put in a package. */
export const exportScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('assessments'), assessmentIds: z.array(idSchema).min(1).max(1000) }).strict(),
  z.object({ kind: z.literal('institution'), institutionId: idSchema }).strict(),
  /** Framework versions, trusted roots and the institutions registry (or one division's part of it). */
  z
    .object({
      kind: z.literal('reference'),
      division: z.string().max(40).nullable(),
    })
    .strict(),
]);
export type ExportScope = z.infer<typeof exportScopeSchema>;

/** How far a long export or folder import has come; the renderer polls it. */
export const jobStateSchema = z.object({
  jobId: idSchema,
  state: z.enum(['running', 'done', 'failed']),
  /** Bytes (export) or files (folder import) done so far, of `total`. */
  done: z.number().nonnegative(),
  total: z.number().nonnegative(),
  error: appErrorSchema.optional(),
  /** Set when an export is done. */
  exported: z
    .object({
      exportId: idSchema,
      fileName: z.string(),
      size: z.number().int().nonnegative(),
      sha256: z.string(),
      /** Absolute path of the written file (desktop and command line; the browser downloads it). */
      path: z.string(),
    })
    .optional(),
});
export type JobState = z.infer<typeof jobStateSchema>;

export const signerTrustStates = ['trusted', 'self-signed', 'untrusted'] as const;
export const signerSchema = z.object({
  name: z.string(),
  organisation: z.string(),
  role: z.string(),
  fingerprint: z.string(),
  /** `trusted`: chains to a root in this data folder; `self-signed`: a trial identity; else untrusted. */
  trust: z.enum(signerTrustStates),
  validAtSigning: z.boolean(),
});
export type PackageSigner = z.infer<typeof signerSchema>;

/** A bilingual label for a record shown in the preview (names come from the package: untrusted text). */
export const labelSchema = z.object({ en: z.string(), bn: z.string() });

export const changeEntities = ['framework', 'institution', 'programme', 'assessment', 'trusted-root'] as const;
export const changeActions = [
  /** Not here yet: will be added. */
  'add',
  /** Here, unchanged since the package's copy was made from it: will be brought up to date. */
  'update',
  /** Here already, identical or newer: nothing to do. */
  'unchanged',
  /** Changed both here and in the package since they parted: a person chooses. */
  'conflict',
] as const;

export const plannedChangeSchema = z.object({
  entity: z.enum(changeEntities),
  id: z.string(),
  label: labelSchema,
  action: z.enum(changeActions),
  /** For assessments: kind, status and revision number, to show what arrives. */
  detail: z.string().optional(),
});
export type PlannedChange = z.infer<typeof plannedChangeSchema>;

/** A value as JSON text, so any field type can be shown side by side. */
export const fieldConflictSchema = z.object({
  field: z.string(),
  here: z.string(),
  incoming: z.string(),
});

export const conflictEntities = ['institution', 'programme', 'assessment', 'corrective-action', 'rating'] as const;

/**
 * One record changed both here and in the package since they parted, with the fields that differ.
 * Institutions, programmes, corrective actions and a draft assessment's details are chosen field by
 * field; a rating (entity `rating`, `id` = its assessment) is chosen as a whole per criterion. An
 * assessment that is no longer a draft on one side is chosen as a whole: its one field is `record`.
 */
export const conflictSchema = z.object({
  entity: z.enum(conflictEntities),
  id: idSchema,
  label: labelSchema,
  /** Ratings only: the unit of audit. */
  criterionId: z.string().optional(),
  programmeId: z.string().nullable().optional(),
  fields: z.array(fieldConflictSchema),
});
export type Conflict = z.infer<typeof conflictSchema>;

/** A person's choice for one conflict: one field of a record, or one rating as a whole. */
export const conflictChoiceSchema = z
  .object({
    entity: z.enum(conflictEntities),
    id: idSchema,
    /** The field chosen; omitted for ratings (a rating is chosen as a whole). */
    field: z.string().max(60).optional(),
    criterionId: z.string().max(40).optional(),
    programmeId: idSchema.nullable().optional(),
    keep: z.enum(['here', 'incoming']),
  })
  .strict();
export type ConflictChoice = z.infer<typeof conflictChoiceSchema>;

export const packagePreviewSchema = z.object({
  uploadId: idSchema,
  /** SHA-256 of the signed manifest: the package's identity, so the same file is recognised again. */
  packageId: z.string(),
  fileName: z.string(),
  kind: z.enum(packageKinds),
  formatVersion: z.number().int(),
  appVersion: z.string(),
  createdAt: z.string(),
  signer: signerSchema,
  /** Every check passed (a package failing one is refused before a preview exists); listed for the user. */
  checks: z.array(z.object({ name: z.enum(['signature', 'hashes', 'change-log', 'entries']), ok: z.boolean() })),
  /** The sender's change-log head when the package was made. */
  changeLogHead: z.object({ hash: z.string(), count: z.number().int().nonnegative() }),
  alreadyImported: z.boolean(),
  contents: z.object({
    frameworks: z.number().int().nonnegative(),
    institutions: z.number().int().nonnegative(),
    programmes: z.number().int().nonnegative(),
    assessments: z.number().int().nonnegative(),
    evidenceFiles: z.number().int().nonnegative(),
    evidenceBytes: z.number().int().nonnegative(),
    reports: z.number().int().nonnegative(),
    trustedRoots: z.number().int().nonnegative(),
  }),
  changes: z.array(plannedChangeSchema),
  conflicts: z.array(conflictSchema),
});
export type PackagePreview = z.infer<typeof packagePreviewSchema>;

export const importOutcomeSchema = z.object({
  packageId: z.string(),
  status: z.enum(['imported', 'already-imported']),
  added: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  conflictsResolved: z.number().int().nonnegative(),
  /** Assessments now here from this package, to open after the import. */
  assessmentIds: z.array(idSchema),
  institutionIds: z.array(idSchema),
});
export type ImportOutcome = z.infer<typeof importOutcomeSchema>;

export const importRecordSchema = z.object({
  packageId: z.string(),
  fileName: z.string(),
  kind: z.enum(packageKinds),
  signerName: z.string(),
  signerTrust: z.enum(signerTrustStates),
  importedAt: z.string(),
  importedBy: z.string(),
  summary: z.string(),
});
export type ImportRecord = z.infer<typeof importRecordSchema>;

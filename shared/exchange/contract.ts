import { z } from 'zod';
import { idSchema } from '../institutions/schema';
import {
  conflictChoiceSchema,
  exportScopeSchema,
  importOutcomeSchema,
  importRecordSchema,
  jobStateSchema,
  packagePreviewSchema,
} from './schema';

const MiB = 1024 * 1024;

/**
 * Package transfer sizes. Packages can hold gigabytes of photos, so they never cross in one request:
 * the browser uploads and downloads them in pieces of at most `chunkBytes` (base64 in JSON, a third
 * more, well under the browser host's body limit); the desktop app and the command line read and write
 * the file directly through the services.
 */
export const PACKAGE_TRANSFER = { chunkBytes: 4 * MiB } as const;

const chunkBase64 = z
  .string()
  .max(Math.ceil(PACKAGE_TRANSFER.chunkBytes / 3) * 4, { error: 'exchange.refused.requestTooLarge' })
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'validation.invalid' });

const byUpload = z.object({ uploadId: idSchema }).strict();

/**
 * Assessment packages (.tvetpkg) between offline machines. Export runs as a job (the renderer polls its
 * progress) and signs the manifest with one of this machine's signing identities. Import is two steps:
 * a preview that writes nothing, then apply, in one transaction, with a choice for every conflict.
 */
export const exchangeContract = {
  'packages:export': {
    request: z
      .object({
        scope: exportScopeSchema,
        identityId: idSchema,
        passphrase: z.string().min(1, { error: 'validation.required' }).max(1024, { error: 'validation.tooLong' }),
      })
      .strict(),
    response: jobStateSchema,
  },
  'packages:job': {
    request: z.object({ jobId: idSchema }).strict(),
    response: jobStateSchema,
  },
  /** The browser saves an exported package by reading it in pieces. */
  'packages:download-chunk': {
    request: z.object({ exportId: idSchema, offset: z.number().int().nonnegative() }).strict(),
    response: z.object({ chunkBase64: z.string(), size: z.number().int().nonnegative(), nextOffset: z.number().int().nonnegative() }),
  },
  /** Desktop app: the main process asks where to save the exported package and copies it there. */
  'packages:save-as': {
    request: z.object({ exportId: idSchema }).strict(),
    response: z.object({ cancelled: z.boolean(), path: z.string() }),
  },
  /** One piece of a package being imported; pieces go to a staging file on disk, not memory. */
  'packages:upload-chunk': {
    request: z
      .object({
        uploadId: idSchema.nullable(),
        /** Only with the first piece: the file's name as the person chose it (shown, never used as a path). */
        fileName: z.string().max(255).optional(),
        offset: z.number().int().nonnegative(),
        chunkBase64,
      })
      .strict(),
    response: z.object({ uploadId: idSchema, received: z.number().int().nonnegative() }),
  },
  /** Desktop app: the system's dialog chooses package files (or a folder of them); the services copy them to staging. */
  'packages:open-from-dialog': {
    request: z.object({ folder: z.boolean() }).strict(),
    response: z.object({ cancelled: z.boolean(), uploads: z.array(z.object({ uploadId: idSchema, fileName: z.string() })) }),
  },
  /** Checks everything and says what an import would do. Writes nothing. A package failing a check is refused. */
  'packages:preview': {
    request: byUpload,
    response: packagePreviewSchema,
  },
  /** Applies a previewed package in one transaction; every conflict needs a choice. */
  'packages:apply': {
    request: z.object({ uploadId: idSchema, choices: z.array(conflictChoiceSchema).max(20_000) }).strict(),
    response: importOutcomeSchema,
  },
  'packages:discard': {
    request: byUpload,
    response: z.object({}),
  },
  /** Packages imported on this machine, newest first. */
  'packages:history': {
    request: z.object({}).strict(),
    response: z.object({ items: z.array(importRecordSchema) }),
  },
} as const;

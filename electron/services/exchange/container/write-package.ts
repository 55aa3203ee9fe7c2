import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import {
  hashInName,
  MANIFEST_PATH,
  manifestHeaderSchema,
  manifestSchema,
  SIGNATURE_PATH,
  type ManifestEntry,
  type PackageHeader,
  type PackageManifest,
} from '../../../../shared/exchange/manifest';
import { PACKAGE_FORMAT, PACKAGE_FORMAT_VERSION } from '../../../../shared/exchange/schema';
import { AppError } from '../../../../shared/ipc/result';
import { inspectCms } from '../../signing/cms-verify';
import { privateDirMode, privateFileMode } from '../../support/private-files';
import { FIXED_LIMITS } from './limits';
import { refused } from './refuse';
import { planSources, type PackageSource, type PlannedSource } from './source-plan';
import { ZipWriter, type ZipEntryOptions } from './zip-writer';

export type { PackageSource } from './source-plan';

export interface WritePackageInput extends PackageHeader {
  /** The files to put in the package, in this order; the manifest and its signature come last. */
  sources: PackageSource[];
  /**
   * Signs the manifest's exact bytes (a detached CMS, e.g. IdentityStore.signDetached(...).cms). A
   * callback, so the container never sees an identity or a passphrase.
   */
  sign: (manifestBytes: Buffer) => Buffer | Promise<Buffer>;
  /** Source bytes read so far, of all sources' bytes. */
  onProgress?: (doneBytes: number, totalBytes: number) => void;
}

export interface WrittenPackage {
  /** Absolute path of the package. */
  file: string;
  size: number;
  /** SHA-256 (hex) of the whole package file. */
  sha256: string;
  /** SHA-256 (hex) of manifest.json: what the receiver records the package by. */
  packageId: string;
  manifest: PackageManifest;
}

/**
 * Writes a package. Sources on disk are streamed, never loaded whole (gigabytes of photos need two
 * one-megabyte buffers), and each byte is read once: the same read feeds the entry's SHA-256, the zip's
 * CRC-32, the package file and the whole file's SHA-256. The manifest, listing every entry with its
 * size and SHA-256, is signed and added last. Everything goes to a temporary file beside `outFile`,
 * flushed to disk once at the end and renamed only when complete: a half-written package never
 * appears under the final name, and the temporary file is removed on any failure.
 */
export async function writePackage(outFile: string, input: WritePackageInput): Promise<WrittenPackage> {
  const { sources, sign, onProgress, ...headerInput } = input;
  const header = parseHeader(headerInput);
  const planned = await planSources(sources);
  const total = planned.reduce((sum, p) => sum + p.size, 0);
  let done = 0;
  const progress = (n: number) => {
    done += n;
    onProgress?.(done, total);
  };

  const target = path.resolve(outFile);
  await fs.promises.mkdir(path.dirname(target), { recursive: true, mode: privateDirMode });
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.part`);
  const whole = createHash('sha256');
  let out: FileHandle | null = null;
  try {
    out = await fs.promises.open(temp, 'wx', privateFileMode);
    const zip = new ZipWriter(out, (bytes) => whole.update(bytes));
    const options = { date: new Date(header.createdAt), mode: 0o100644 };
    const entries: ManifestEntry[] = [];
    for (const p of planned) {
      const e = await addSource(zip, p, options, progress);
      const named = hashInName(e.path);
      if (named !== null && named !== e.sha256) throw refused('sourceHashMismatch', { entry: e.path });
      entries.push(e);
    }
    const manifest = buildManifest(header, entries);
    const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
    if (manifestBytes.length > FIXED_LIMITS.manifestBytes) throw new AppError('validation', 'Too many files for one package.');
    const signature = await sign(manifestBytes);
    checkOwnSignature(signature, manifestBytes, header.creator.certificateFingerprint);
    await zip.addBuffer(MANIFEST_PATH, manifestBytes, true, options);
    await zip.addBuffer(SIGNATURE_PATH, signature, false, options);
    await zip.end();
    // One flush for the whole package, before it takes its final name.
    await out.sync();
    await out.close();
    out = null;
    await fs.promises.rename(temp, target);
    return {
      file: target,
      size: zip.size,
      sha256: whole.digest('hex'),
      packageId: createHash('sha256').update(manifestBytes).digest('hex'),
      manifest,
    };
  } catch (error) {
    await out?.close().catch(() => undefined);
    await fs.promises.rm(temp, { force: true });
    if (error instanceof AppError) throw error;
    throw new AppError('io', `The package could not be written: ${(error as Error).message}`);
  }
}

function parseHeader(input: unknown): PackageHeader {
  const parsed = manifestHeaderSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new AppError(
    'validation',
    `The package description is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')} (${i.message})`).join(', ')}`,
  );
}

/** Adds one source; resolves with its manifest entry once all its bytes have passed through the hash. */
async function addSource(
  zip: ZipWriter,
  source: PlannedSource,
  options: ZipEntryOptions,
  progress: (n: number) => void,
): Promise<ManifestEntry> {
  if (source.bytes) {
    const sha256 = createHash('sha256').update(source.bytes).digest('hex');
    await zip.addBuffer(source.path, source.bytes, source.compress, options);
    progress(source.bytes.length);
    return { path: source.path, size: source.bytes.length, sha256 };
  }
  // Evidence and reports are already compressed: planSources stores them as they are.
  const file = await fs.promises.open(source.file, 'r').catch((error: Error) => {
    throw new AppError('io', `The file for “${source.path}” could not be read: ${error.message}`);
  });
  try {
    const hash = createHash('sha256');
    const size = await zip.addFile(source.path, file, options, (chunk) => {
      hash.update(chunk);
      progress(chunk.length);
    });
    if (size !== source.size) throw new AppError('io', `The file for “${source.path}” changed while the package was being written.`);
    return { path: source.path, size, sha256: hash.digest('hex') };
  } finally {
    await file.close();
  }
}

function buildManifest(header: PackageHeader, entries: ManifestEntry[]): PackageManifest {
  const manifest = { format: PACKAGE_FORMAT, formatVersion: PACKAGE_FORMAT_VERSION, ...header, entries };
  const parsed = manifestSchema.safeParse(manifest);
  if (!parsed.success) throw new AppError('internal', `The manifest came out invalid: ${parsed.error.message}`);
  return manifest as PackageManifest;
}

/** A package whose own signature would be refused on arrival is not worth carrying to another machine. */
function checkOwnSignature(signature: Buffer, manifestBytes: Buffer, fingerprint: string): void {
  const cms = inspectCms(signature, manifestBytes);
  if (!cms.intact || !cms.padesAttributes || cms.signer?.fingerprint256 !== fingerprint)
    throw new AppError(
      'signing',
      'The manifest’s signature does not verify, or was made with another certificate than the one named as creator.',
    );
}

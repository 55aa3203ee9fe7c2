import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
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
 * Writes a package. Sources on disk are streamed, never loaded whole (gigabytes of photos need a few
 * stream buffers), and hashed as they pass; the manifest, listing every entry with its size and
 * SHA-256, is signed and added last. Everything goes to a temporary file beside `outFile`, flushed
 * to disk and renamed only when complete: a half-written package never appears under the final name,
 * and the temporary file is removed on any failure.
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
  const zip = new yazl.ZipFile();
  const out = fs.createWriteStream(temp, { flags: 'wx', mode: privateFileMode, flush: true });
  const whole = createHash('sha256');
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, next) {
      whole.update(chunk);
      size += chunk.length;
      next(null, chunk);
    },
  });
  const reading = new Set<Readable>();
  const zipFailed = new Promise<never>((_, reject) => zip.on('error', reject));
  const writing = pipeline(zip.outputStream, counter, out);
  // Whichever fails first ends the export; the others' later failures have nobody left to hear them.
  zipFailed.catch(() => undefined);
  writing.catch(() => undefined);
  const orFailure = <T>(work: Promise<T>) => Promise.race([work, zipFailed, writing.then(() => new Promise<never>(() => undefined))]);

  try {
    const options = { mtime: new Date(header.createdAt), mode: 0o100644, forceDosTimestamp: true };
    const entries = await orFailure(Promise.all(planned.map((p) => addSource(zip, p, options, progress, reading))));
    for (const e of entries) {
      const named = hashInName(e.path);
      if (named !== null && named !== e.sha256) throw refused('sourceHashMismatch', { entry: e.path });
    }
    const manifest = buildManifest(header, entries);
    const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
    if (manifestBytes.length > FIXED_LIMITS.manifestBytes) throw new AppError('validation', 'Too many files for one package.');
    const signature = await sign(manifestBytes);
    checkOwnSignature(signature, manifestBytes, header.creator.certificateFingerprint);
    zip.addBuffer(manifestBytes, MANIFEST_PATH, { ...options, compress: true });
    zip.addBuffer(signature, SIGNATURE_PATH, { ...options, compress: false });
    zip.end();
    await orFailure(writing);
    if (!out.closed) await once(out, 'close');
    await fs.promises.rename(temp, target);
    return {
      file: target,
      size,
      sha256: whole.digest('hex'),
      packageId: createHash('sha256').update(manifestBytes).digest('hex'),
      manifest,
    };
  } catch (error) {
    for (const stream of reading) stream.destroy();
    zip.outputStream.unpipe();
    out.destroy();
    if (!out.closed) await once(out, 'close').catch(() => undefined);
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
function addSource(
  zip: yazl.ZipFile,
  source: PlannedSource,
  options: { mtime: Date; mode: number; forceDosTimestamp: boolean },
  progress: (n: number) => void,
  reading: Set<Readable>,
): Promise<ManifestEntry> {
  const compress = source.compress;
  if (source.bytes) {
    const sha256 = createHash('sha256').update(source.bytes).digest('hex');
    zip.addBuffer(source.bytes, source.path, { ...options, compress });
    progress(source.bytes.length);
    return Promise.resolve({ path: source.path, size: source.bytes.length, sha256 });
  }
  const file = source.file;
  return new Promise((resolve, reject) => {
    // Lazy: yazl opens each file only when its turn comes, so one file is open at a time.
    zip.addReadStreamLazy(source.path, { ...options, compress, size: source.size }, (give) => {
      const hash = createHash('sha256');
      let size = 0;
      const tap = new Transform({
        transform(chunk: Buffer, _encoding, next) {
          hash.update(chunk);
          size += chunk.length;
          progress(chunk.length);
          next(null, chunk);
        },
        flush(next) {
          resolve({ path: source.path, size, sha256: hash.digest('hex') });
          next();
        },
      });
      const stream = fs.createReadStream(file);
      reading.add(stream);
      stream.on('close', () => reading.delete(stream));
      stream.on('error', (error) => {
        reject(error);
        tap.destroy(error);
      });
      give(null, stream.pipe(tap));
    });
  });
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

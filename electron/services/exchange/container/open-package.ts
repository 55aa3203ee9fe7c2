import { createHash, type X509Certificate } from 'node:crypto';
import { MANIFEST_PATH, SIGNATURE_PATH, type ManifestEntry, type PackageManifest } from '../../../../shared/exchange/manifest';
import { AppError } from '../../../../shared/ipc/result';
import { checkDirectory } from './directory-checks';
import { collectInto } from './sinks';
import { streamEntry } from './entry-stream';
import { resolveLimits, type PackageLimits } from './limits';
import { OpenedPackage } from './opened-package';
import { describePackageSigner } from './package-signer';
import { readManifest } from './read-manifest';
import { refused } from './refuse';
import { closeZipDirectory, openZipDirectory, type ZipDirectory, type ZipEntryRecord } from './zip-directory';
import { checkLayout } from './zip-layout';

export interface OpenPackageOptions {
  /** Root certificates this machine trusts (TrustedRoots.certificates()). */
  trustedRoots: X509Certificate[];
  /** The present, for certificate validity (a claimed signing time later than this is not believed). */
  now: Date;
  limits?: Partial<PackageLimits>;
}

/**
 * Opens a package and runs every check that does not need to unpack the entries: the zip directory
 * (names, duplicates, links, encryption, sizes, compression ratios), how the entries lie in the file,
 * the manifest and its signature, and that the manifest and the zip list the same files with the same
 * sizes. Writes nothing. The entries' contents are checked as they are read, and all at once by
 * `verifyAll()`, which an import must run before it shows or applies anything.
 */
export async function openPackage(file: string, options: OpenPackageOptions): Promise<OpenedPackage> {
  const limits = resolveLimits(options.limits);
  const dir = await openZipDirectory(file, limits.maxEntries);
  try {
    const byName = checkDirectory(dir.entries, limits);
    await checkLayout(dir);
    const manifestRecord = byName.get(MANIFEST_PATH);
    if (!manifestRecord) throw refused('missingManifest');
    const signatureRecord = byName.get(SIGNATURE_PATH);
    if (!signatureRecord) throw refused('missingSignature');
    const manifestBytes = await readWhole(dir, manifestRecord);
    const { manifest, cms } = readManifest(manifestBytes, await readWhole(dir, signatureRecord));
    const listed = matchEntries(byName, manifest);
    const signer = describePackageSigner(cms, manifest, options.trustedRoots, options.now);
    const packageId = createHash('sha256').update(manifestBytes).digest('hex');
    return new OpenedPackage(dir, { manifest, manifestBytes, packageId, signer }, listed);
  } catch (error) {
    closeZipDirectory(dir);
    if (error instanceof AppError) throw error;
    throw new AppError('io', `The package could not be read: ${(error as Error).message}`);
  }
}

/** The manifest or its signature: small (bounded in limits.ts), and vouched for by the signature, not a hash. */
async function readWhole(dir: ZipDirectory, record: ZipEntryRecord): Promise<Buffer> {
  const { sink, bytes } = collectInto(record.raw.uncompressedSize);
  await streamEntry(dir, record, { size: record.raw.uncompressedSize, sha256: null, officeZipAllowed: false }, sink);
  return bytes();
}

/** Every file in the zip must be in the signed manifest, every manifest entry in the zip, with the same size. */
function matchEntries(
  byName: Map<string, ZipEntryRecord>,
  manifest: PackageManifest,
): Map<string, { record: ZipEntryRecord; entry: ManifestEntry }> {
  const inManifest = new Map(manifest.entries.map((e) => [e.path, e]));
  for (const [name, record] of byName) {
    if (name !== MANIFEST_PATH && name !== SIGNATURE_PATH && !inManifest.has(name))
      throw refused('entryNotListed', { entry: record.shown });
  }
  const listed = new Map<string, { record: ZipEntryRecord; entry: ManifestEntry }>();
  for (const entry of manifest.entries) {
    const record = byName.get(entry.path);
    if (!record) throw refused('entryMissing', { entry: entry.path });
    if (record.raw.uncompressedSize !== entry.size) throw refused('sizeMismatch', { entry: entry.path });
    listed.set(entry.path, { record, entry });
  }
  return listed;
}

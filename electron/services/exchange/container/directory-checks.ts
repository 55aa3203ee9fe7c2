import { megabytes } from '../../../../shared/evidence/refusals';
import { collisionKey, isUnsafeName, packageEntryKind, type PackageEntryKind } from './entry-names';
import { FIXED_LIMITS, RATIO_FLOOR_BYTES, type PackageLimits } from './limits';
import { refused } from './refuse';
import type { ZipEntryRecord } from './zip-directory';

const UNICODE_PATH_FIELD = 0x7075;
const FILE_TYPE_MASK = 0o170000;
const REGULAR_FILE = 0o100000;
const DOS_DIRECTORY = 0x10;

/**
 * Everything that can be judged from the central directory alone, before a byte is inflated. The
 * checks run in passes over all entries, so the reason given does not depend on entry order: first
 * unsafe names, then duplicates, then names off the allow-list, then each entry's form and size.
 * Returns the entries by name.
 */
export function checkDirectory(records: ZipEntryRecord[], limits: PackageLimits): Map<string, ZipEntryRecord> {
  for (const r of records) {
    // Info-ZIP's Unicode Path field gives an entry a second name that some tools show and unpack instead.
    if (isUnsafeName(r.name) || r.raw.extraFields.some((f) => f.id === UNICODE_PATH_FIELD))
      throw refused('unsafeEntryName', { entry: r.shown });
  }
  const seen = new Set<string>();
  for (const r of records) {
    const key = collisionKey(r.name ?? '');
    if (seen.has(key)) throw refused('duplicateEntry', { entry: r.shown });
    seen.add(key);
  }
  const byName = new Map<string, ZipEntryRecord>();
  const kinds = new Map<ZipEntryRecord, PackageEntryKind>();
  for (const r of records) {
    const kind = packageEntryKind(r.name ?? '');
    // Folder entries ("evidence/") are not on the list either: a package needs none.
    if (!kind) throw refused('entryNotAllowed', { entry: r.shown });
    kinds.set(r, kind);
    byName.set(r.name ?? '', r);
  }
  let total = 0;
  for (const r of records) {
    checkForm(r);
    checkSize(r, kinds.get(r) ?? 'evidence', limits);
    total += r.raw.uncompressedSize;
  }
  if (total > limits.maxTotalBytes)
    throw refused('packageTooLarge', { size: megabytes(total, 'up'), limit: megabytes(limits.maxTotalBytes) });
  return byName;
}

function checkForm(r: ZipEntryRecord): void {
  const { raw } = r;
  const entry = r.shown;
  // Unix hosts keep the file type in the upper half of the external attributes: only regular files pass
  // (a symbolic link stores its target as content, and an unpacking tool would create the link).
  const type = (raw.externalFileAttributes >>> 16) & FILE_TYPE_MASK;
  if ((type !== 0 && type !== REGULAR_FILE) || (raw.externalFileAttributes & DOS_DIRECTORY) !== 0)
    throw refused('notARegularFile', { entry });
  if (raw.isEncrypted() || (raw.generalPurposeBitFlag & 0x40) !== 0) throw refused('encryptedEntry', { entry });
  if (raw.compressionMethod !== 0 && raw.compressionMethod !== 8) throw refused('unsupportedCompression', { entry });
  // A comment is text beside an entry that no hash covers: packages have none. Internal attributes
  // hold one bit ("text"); any other bit set is damage.
  if (raw.fileCommentLength > 0 || (raw.internalFileAttributes & ~1) !== 0) throw refused('entryDamaged', { entry });
}

function checkSize(r: ZipEntryRecord, kind: PackageEntryKind, limits: PackageLimits): void {
  const { uncompressedSize: size, compressedSize: packed } = r.raw;
  const limit = {
    manifest: FIXED_LIMITS.manifestBytes,
    signature: FIXED_LIMITS.signatureBytes,
    data: limits.maxJsonBytes,
    framework: limits.maxJsonBytes,
    evidence: limits.maxEvidenceFileBytes,
    report: limits.maxReportBytes,
    trustedRoot: FIXED_LIMITS.trustedRootBytes,
  }[kind];
  if (size > limit) throw refused('entryTooLarge', { entry: r.shown, size: megabytes(size, 'up'), limit: megabytes(limit) });
  if (size > RATIO_FLOOR_BYTES && size > packed * limits.maxCompressionRatio)
    throw refused('compressionRatio', {
      entry: r.shown,
      ratio: Math.round(size / Math.max(packed, 1)),
      limit: limits.maxCompressionRatio,
    });
}

import { MANIFEST_BOUNDS } from '../../../../shared/exchange/manifest';
import { DEFAULT_EVIDENCE_LIMITS, EVIDENCE_LIMIT_BOUNDS } from '../../../../shared/evidence/schema';

const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;

/**
 * What a package may unpack to. Every limit is checked on the sizes the zip directory declares before
 * anything is inflated, and the inflated bytes are then counted against the same declared sizes, so a
 * package that lies about its sizes is stopped at the first byte too many.
 */
export interface PackageLimits {
  /** Files in the zip, manifest and signature included (never more than the format's 100,000). */
  maxEntries: number;
  /** One evidence file (`evidence/…`): the receiving machine's evidence limit per file. */
  maxEvidenceFileBytes: number;
  /** One JSON file (`data/…`, `frameworks/…`): JSON is parsed in memory. */
  maxJsonBytes: number;
  /** One report PDF (`reports/…`). */
  maxReportBytes: number;
  /** Everything in the package together, unpacked. */
  maxTotalBytes: number;
  /** Unpacked size over packed size, for files above `ratioFloorBytes` (zip bombs reach 1000:1). */
  maxCompressionRatio: number;
}

/** Below this size a high compression ratio is harmless (a small JSON file of zeros), so it is not checked. */
export const RATIO_FLOOR_BYTES = 1 * MiB;

/** Fixed by the format: the manifest, its signature and a PEM certificate have no reason to be bigger. */
export const FIXED_LIMITS = {
  manifestBytes: 32 * MiB,
  signatureBytes: 1 * MiB,
  trustedRootBytes: 64 * KiB,
} as const;

/**
 * Defaults chosen far above any real package: 100,000 files (an institution's evidence over years),
 * 25 MB per evidence file (the app's evidence default), 256 MB per JSON file (about 500,000 ratings;
 * V8 strings stop near 512 MB), 100 MB per report, 32 GB in all, and 100:1 (real JSON with ids and
 * hashes packs at 3–10:1; photos and PDFs near 1:1).
 */
export const DEFAULT_PACKAGE_LIMITS: PackageLimits = {
  maxEntries: MANIFEST_BOUNDS.entries,
  maxEvidenceFileBytes: DEFAULT_EVIDENCE_LIMITS.maxFileBytes,
  maxJsonBytes: 256 * MiB,
  maxReportBytes: 100 * MiB,
  maxTotalBytes: 32 * GiB,
  maxCompressionRatio: 100,
};

/** The caller's limits over the defaults, kept within what the format and the evidence store allow. */
export function resolveLimits(limits: Partial<PackageLimits> = {}): PackageLimits {
  const merged = { ...DEFAULT_PACKAGE_LIMITS, ...limits };
  return {
    ...merged,
    maxEntries: Math.min(merged.maxEntries, MANIFEST_BOUNDS.entries),
    maxEvidenceFileBytes: Math.min(merged.maxEvidenceFileBytes, EVIDENCE_LIMIT_BOUNDS.maxFileBytes),
  };
}

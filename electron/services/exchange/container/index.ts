/**
 * The `.tvetpkg` container: a signed zip whose every entry is listed with its size and SHA-256 in a
 * manifest (docs/package-format.md). It knows nothing of assessments; the exchange service decides
 * what goes in and what an import does with it.
 */
export { writePackage, type PackageSource, type WritePackageInput, type WrittenPackage } from './write-package';
export { openPackage, type OpenPackageOptions } from './open-package';
export type { OpenedPackage } from './opened-package';
export { DEFAULT_PACKAGE_LIMITS, type PackageLimits } from './limits';
export { refusalKeyOf } from './refuse';

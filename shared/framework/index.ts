// The framework API: the file format, its validation, lookups, content hash and version diff.
export * from './schema';
export { validateFramework, MAX_PROBLEMS } from './validate';
export type { FrameworkValidation, Problem } from './validate';
export { canonicalJson, frameworkContentHash } from './content-hash';
export { sha256Hex } from './sha256';
export { allCriteria, appliesTo, conditionHolds, criterionById, groupOfCriterion, isCriticalFor } from './lookup';
export type { ProgrammeFacts } from './programme-facts';
export { programmeFactsSchema } from './programme-facts';
export { diffFrameworks, mapRatingsToVersion } from './diff';
export type { FrameworkDiff } from './diff';

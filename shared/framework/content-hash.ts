import type { Framework } from './schema';
import { canonicalJson } from '../util/canonical-json';
import { sha256Hex } from './sha256';

export { canonicalJson } from '../util/canonical-json';

/**
 * Identifies a framework by its content, independent of key order and formatting, so an assessment
 * can pin the exact criteria it was scored against and a re-import of the same file is recognised.
 * Hash the parsed framework (the output of validateFramework), not the raw file: parsing trims text
 * and fills an absent `bn` with "", and those normalised values are what the app uses.
 */
export function frameworkContentHash(framework: Framework): string {
  return sha256Hex(canonicalJson(framework));
}

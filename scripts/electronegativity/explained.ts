import type { ElectronFinding } from './offline-scan';

/**
 * A finding that has been looked at and explained in SECURITY.md. It is matched by check, file and the
 * flagged source line's text (not its number), so that edits elsewhere in a file do not unsettle it.
 */
export interface ExplainedFinding {
  check: string;
  file: string;
  sample: string;
  why: string;
}

export interface Comparison {
  /** Found and not explained: the scan fails until each is fixed or explained. */
  unexplained: ElectronFinding[];
  /** Explained but no longer found: the explanation (and its row in SECURITY.md) must go. */
  stale: ExplainedFinding[];
}

export function compareWithExplained(findings: readonly ElectronFinding[], explained: readonly ExplainedFinding[]): Comparison {
  const key = (f: { check: string; file: string; sample: string }) =>
    `${f.check}\u0000${f.file}\u0000${f.sample.replace(/\s+/g, ' ').trim()}`;
  const explainedKeys = new Set(explained.map(key));
  const foundKeys = new Set(findings.map(key));
  return {
    unexplained: findings.filter((f) => !explainedKeys.has(key(f))),
    stale: explained.filter((e) => !foundKeys.has(key(e))),
  };
}

/** Every explained check must have its row in SECURITY.md's table (named by check and file). */
export function missingFromSecurityDoc(explained: readonly ExplainedFinding[], securityDoc: string): ExplainedFinding[] {
  const rows = securityDoc.split('\n').filter((line) => line.startsWith('|'));
  return explained.filter((e) => !rows.some((row) => row.includes(e.check) && row.includes(e.file)));
}

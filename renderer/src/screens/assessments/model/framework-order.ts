import type { FrameworkVersionSummary } from '../../../../../shared/framework/contract';

/** Compares semantic versions by their numbers (1.10.0 after 1.9.0); a pre-release sorts before its release. */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [core = '', pre] = v.split('+')[0]!.split('-', 2);
    return { nums: core.split('.').map((n) => Number(n) || 0), pre: pre ?? null };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) {
    const d = (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
    if (d !== 0) return d;
  }
  if (x.pre === y.pre) return 0;
  if (x.pre === null) return 1;
  if (y.pre === null) return -1;
  return x.pre < y.pre ? -1 : 1;
}

/** The version a new assessment starts on by default: the highest version, the latest import on a tie. */
export function newestFramework(items: readonly FrameworkVersionSummary[]): FrameworkVersionSummary | undefined {
  return [...items].sort((a, b) => compareVersions(b.version, a.version) || b.importedAt.localeCompare(a.importedAt))[0];
}

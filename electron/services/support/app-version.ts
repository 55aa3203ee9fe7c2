import fs from 'node:fs';

/** Read once from package.json, which every host ships beside its code. */
export function readAppVersion(packageJsonPath: string): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(packageJsonPath, 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

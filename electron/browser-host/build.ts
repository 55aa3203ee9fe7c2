// `npm run build:host`: the browser host compiled ahead of time into one ES module, so a start loads
// JavaScript instead of compiling the TypeScript services (tsx took about a second of every start).
//   node --import tsx electron/browser-host/build.ts [--out <file>]   (default out/browser-host/main.mjs)
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { bundleForNode } from '../services/support/bundle-for-node';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

/** Where `npm run build:host` writes the bundle that `npm run start:browser` starts. */
export const defaultHostBundle = path.join(repoRoot, 'out', 'browser-host', 'main.mjs');

/**
 * Bundles electron/browser-host/main.ts and everything it imports into `outFile`. Native and on-demand
 * packages stay outside (better-sqlite3, sharp, playwright-core) and resolve from the project's
 * node_modules, so the file must be written inside the repository. Takes about a second.
 */
export async function buildBrowserHost(outFile = defaultHostBundle): Promise<string> {
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  // Written beside and renamed, so a host starting meanwhile never loads half a file.
  const temp = `${outFile}.${process.pid}.tmp.mjs`;
  try {
    await bundleForNode(path.join(import.meta.dirname, 'main.ts'), temp);
    fs.renameSync(temp, outFile);
  } finally {
    fs.rmSync(temp, { force: true });
  }
  return outFile;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  buildBrowserHost(values.out ? path.resolve(values.out) : defaultHostBundle).then(
    (file) => console.log(`Browser host built: ${path.relative(process.cwd(), file)}`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}

// One esbuild recipe for the TypeScript the project starts as plain Node (the browser host, the crash
// test's worker): both start often, and Node on one bundled .mjs starts several times faster than tsx
// compiling the sources.
import { build, type Plugin } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Bundles `entry` and everything it imports into one ES module at `outFile`. Native and on-demand
 * packages stay outside (better-sqlite3, sharp, playwright-core) and resolve from the project's
 * node_modules, so the file must be written inside the repository.
 */
export async function bundleForNode(entry: string, outFile: string): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile: outFile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: ['better-sqlite3', 'sharp', 'playwright-core'],
    // Bundled CommonJS packages call require() for Node's own modules.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'error',
    plugins: [sourceLocation],
  });
}

/**
 * Services find resources beside their sources (`import.meta.dirname` → resources/fonts, the report
 * templates); in one bundle every module would see the bundle's folder instead, so each of our modules
 * keeps its own.
 */
const sourceLocation: Plugin = {
  name: 'source-location',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const text = await fs.promises.readFile(args.path, 'utf8');
      const contents = text
        .replaceAll('import.meta.dirname', JSON.stringify(path.dirname(args.path)))
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href));
      return { contents, loader: 'ts' };
    });
  },
};

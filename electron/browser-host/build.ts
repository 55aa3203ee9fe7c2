// `npm run build:host`: the browser host compiled ahead of time into one ES module, so a start loads
// JavaScript instead of compiling the TypeScript services (tsx took about a second of every start).
//   node --import tsx electron/browser-host/build.ts [--out <file>]   (default out/browser-host/main.mjs)
import { build, type Plugin } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

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
    await build({
      entryPoints: [path.join(import.meta.dirname, 'main.ts')],
      outfile: temp,
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
    fs.renameSync(temp, outFile);
  } finally {
    fs.rmSync(temp, { force: true });
  }
  return outFile;
}

/**
 * Services find resources beside their sources (`import.meta.dirname` → resources/fonts, the report
 * templates); in one bundle every module would see the bundle's folder instead, so each of our modules
 * keeps its own (as the crash test's worker bundle does).
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

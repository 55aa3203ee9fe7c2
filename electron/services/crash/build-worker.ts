import { build, type Plugin } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');

export interface CrashWorkerBuild {
  file: string;
  /** Env for the worker: V8's compiled code is cached on disk, so every start after the first skips most compiling. */
  env: NodeJS.ProcessEnv;
  remove: () => void;
}

/**
 * The crash test starts its worker hundreds of times, so start-up cost is the test's cost: Node on one
 * bundled .mjs with a compile cache starts several times faster than tsx compiling the sources (or Node
 * resolving hundreds of package files) on every start. Only native and on-demand packages stay outside
 * (better-sqlite3, sharp, playwright-core); they resolve from the project's node_modules, where the bundle
 * is written (the cache folder tools use, ignored by git).
 */
export async function buildCrashWorker(): Promise<CrashWorkerBuild> {
  const cacheDir = path.join(repoRoot, 'node_modules', '.cache');
  fs.mkdirSync(cacheDir, { recursive: true });
  const dir = fs.mkdtempSync(path.join(cacheDir, 'tvet-crash-'));
  const file = path.join(dir, 'crash-worker.mjs');
  await build({
    entryPoints: [path.join(import.meta.dirname, 'crash-worker.ts')],
    outfile: file,
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
  return {
    file,
    env: { NODE_COMPILE_CACHE: path.join(dir, 'compile-cache') },
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Services find resources beside their sources (`import.meta.dirname` → resources/fonts); in one bundle
 * every module would see the bundle's folder instead, so each of our modules keeps its own.
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

import fs from 'node:fs';
import path from 'node:path';
import { bundleForNode } from '../support/bundle-for-node';

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
  await bundleForNode(path.join(import.meta.dirname, 'crash-worker.ts'), file);
  return {
    file,
    env: { NODE_COMPILE_CACHE: path.join(dir, 'compile-cache') },
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

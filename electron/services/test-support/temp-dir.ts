import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const made: string[] = [];

/** A fresh folder on the real disk, removed after the test: tests use real SQLite files, never :memory:. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-test-'));
  made.push(dir);
  return dir;
}

// Scenario builders are shared with the benchmarks and the desktop e2e, which do not run under Vitest:
// there the caller removes its own folder, and nothing here may touch Vitest's suite hooks.
if (process.env.VITEST) {
  const { afterEach } = await import('vitest');
  afterEach(() => {
    for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
}

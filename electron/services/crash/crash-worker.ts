import fs from 'node:fs';
import { AppServices } from '../app-services';
import type { CrashLine, CrashWorkerConfig } from './crash-protocol';
import { CrashWrites, type Step } from './crash-writes';
import { seededRandom } from './prng';

/**
 * The crash test's child process: the real services over a real data folder, writing until it is killed.
 * Bundled by the test and run with plain Node (see build-worker.ts); its one argument is the JSON config.
 */
// performance.now() counts from the process start; top-level code runs once every import is loaded.
const loadedMs = performance.now();
const config = JSON.parse(process.argv[2] ?? '{}') as CrashWorkerConfig & { label: string };

// fd 1 is a pipe: a synchronous write of one short line reaches the test whole even if a kill follows at once.
function say(line: CrashLine): void {
  fs.writeSync(1, `${JSON.stringify(line)}\n`);
}

let n = 0;
async function perform(step: Step): Promise<void> {
  n += 1;
  say({ t: 'intent', n, write: step.write });
  try {
    const result = await step.run();
    say({ t: 'ack', n, result });
  } catch (error) {
    say({ t: 'failed', n, message: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) });
    process.exit(3);
  }
}

const s = new AppServices({
  dataDir: config.dataDir,
  host: 'cli',
  appVersion: '0.0.0-crash',
  bundledFrameworksDir: config.bundledFrameworksDir,
});
say({ t: 'ready', pid: process.pid, loadedMs, openedMs: performance.now() });
const writes = new CrashWrites(s, seededRandom(config.seed), config, config.label);
if (config.signFirst) await perform(writes.sign());
for (;;) await perform(writes.next());

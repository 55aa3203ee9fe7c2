import { randomInt } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCrashWorker, type CrashWorkerBuild } from './build-worker';
import { checkAfterKill, type LedgerEntry } from './crash-checks';
import { buildCrashWorld, type CrashWorld } from './crash-world';
import { processesMentioning, runAndKill, type KillPlan } from './kill-worker';
import { seededRandom } from './prng';

const kills = Number(process.env.CRASH_KILLS ?? 200);
const seed = Number(process.env.CRASH_SEED ?? randomInt(2 ** 31));
/** Two data folders written at once: while one is checked, the other's worker runs. */
const lanes = Number(process.env.CRASH_LANES ?? 2);
/** Kills into the same data folder before a fresh copy: later kills land on what earlier ones left. */
const killsPerFolder = 10;
/** Every so many runs sign a report first (headless Chromium, the slowest write), killed while Chromium runs. */
const signEvery = 40;

let work: string;
let world: CrashWorld;
let worker: CrashWorkerBuild;
let stopped = false;
let lanesDone: Promise<unknown> = Promise.resolve();

// Linux only: the kill takes the worker's whole process group, and leftover Chromium is found in /proc.
describe.runIf(process.platform === 'linux')(
  `crash safety: ${kills} SIGKILLs at random moments of every kind of write (seed ${seed}; CRASH_SEED=${seed} replays the choices)`,
  () => {
    beforeAll(async () => {
      work = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-crash-'));
      [world, worker] = await Promise.all([buildCrashWorld(work), buildCrashWorker()]);
    }, 180_000);
    afterAll(async () => {
      stopped = true;
      await lanesDone;
      worker?.remove();
      if (work) fs.rmSync(work, { recursive: true, force: true });
    });

    // The time is the workers' start-up (~0.3 s of CPU each) times the kills: about a minute on an idle
    // two-core machine, several on a loaded one; the ceiling is for the loaded one.
    it(
      'keeps every acknowledged write, a sound database, an intact audit trail and evidence, and no orphaned files or Chromium',
      { timeout: 900_000 },
      async () => {
        const started = performance.now();
        const stats = {
          kills: 0,
          inFlight: new Map<string, number>(),
          acknowledged: 0,
          orphansCleaned: 0,
          chromiumKilled: 0,
          signsAcknowledged: 0,
          leftovers: new Set<string>(),
          profilesLeft: 0,
          msToReady: [] as number[],
          checkMs: [] as number[],
        };
        let runs = 0;

        const lane = async (laneNo: number) => {
          const random = seededRandom(seed + laneNo);
          const tmp = path.join(work, `tmp-lane-${laneNo}`);
          fs.mkdirSync(tmp);
          for (let folder = 0; !stopped && runs < kills; folder++) {
            const dataDir = path.join(work, `lane-${laneNo}-folder-${folder}`);
            fs.cpSync(world.template, dataDir, { recursive: true });
            const ledger: LedgerEntry[] = [];
            for (let k = 0; k < killsPerFolder && !stopped && runs < kills; k++) {
              const run = ++runs;
              const signFirst = run % signEvery === 0;
              const plan: KillPlan = signFirst
                ? { from: 'chromium', delayMs: random.int(0, 4_000) }
                : random.next() < 0.1
                  ? { from: 'spawn', delayMs: random.int(0, 500) }
                  : { from: 'ready', delayMs: random.int(0, 200) };
              const context = `run ${run} (lane ${laneNo}, folder ${folder}, kill ${k}, ${JSON.stringify(plan)}, seed ${seed})`;
              const killed = await runAndKill(
                worker.file,
                { ...world.config, dataDir, seed: random.int(0, 2 ** 31), signFirst, label: `r${run}` },
                plan,
                ledger,
                { ...process.env, ...worker.env, TMPDIR: tmp },
                `${tmp}${path.sep}`,
              );
              expect(killed.failure, context).toBeNull();
              stats.kills += 1;
              stats.inFlight.set(killed.inFlight, (stats.inFlight.get(killed.inFlight) ?? 0) + 1);
              stats.acknowledged += killed.writesAcknowledged;
              if (killed.chromiumAtKill) stats.chromiumKilled += 1;
              if (killed.msToReady !== null) stats.msToReady.push(killed.msToReady);
              // Playwright starts Chromium in a process group of its own: it must still not outlive the worker.
              await expectNoProcessesLeft(`${tmp}${path.sep}`, `${context}: Chromium left running`);

              const checkStarted = performance.now();
              const outcome = await checkAfterKill(dataDir, ledger, world.config.bundledFrameworksDir);
              stats.checkMs.push(performance.now() - checkStarted);
              expect(outcome.problems, `${context}, killed during: ${killed.inFlight}`).toEqual([]);
              stats.orphansCleaned += outcome.orphansBefore;
              for (const f of outcome.leftovers) stats.leftovers.add(`${dataDir}/${f}`);
            }
            stats.signsAcknowledged += ledger.filter((e) => e.write.kind === 'sign' && e.result !== null).length;
            fs.rmSync(dataDir, { recursive: true, force: true });
          }
          stats.profilesLeft += fs.readdirSync(tmp).length;
        };
        const all = Array.from({ length: lanes }, (_, i) =>
          lane(i + 1).catch((error: unknown) => {
            stopped = true;
            throw error;
          }),
        );
        lanesDone = Promise.allSettled(all);
        await Promise.all(all);

        const median = (values: number[]) => Math.round(values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0);
        console.info(
          `crash test: ${stats.kills} kills in ${((performance.now() - started) / 1000).toFixed(1)} s (seed ${seed}); ` +
            `${stats.acknowledged} writes acknowledged; killed during: ${JSON.stringify(Object.fromEntries(stats.inFlight))}; ` +
            `${stats.chromiumKilled} kills while Chromium printed a report, ${stats.signsAcknowledged} signatures acknowledged and checked; ` +
            `${stats.orphansCleaned} orphaned evidence files left by kills, all removed at the next start; ` +
            `half-written files left outside the evidence store: ${stats.leftovers.size} (${[...stats.leftovers].map((f) => path.basename(f)).join(', ')}); ` +
            `folders left in the workers' TMPDIR (Chromium profiles of killed prints): ${stats.profilesLeft}; ` +
            `median worker start ${median(stats.msToReady)} ms, median check after a kill ${median(stats.checkMs)} ms`,
        );
        expect(stats.kills).toBeGreaterThanOrEqual(kills);
        // The kills landed at start-up and inside writes of many kinds (which ones is random: see the line above).
        expect(stats.inFlight.get('start-up') ?? 0).toBeGreaterThan(0);
        expect(stats.inFlight.get('rating') ?? 0).toBeGreaterThan(0);
        expect(stats.inFlight.get('attach') ?? 0).toBeGreaterThan(0);
        expect(stats.inFlight.size).toBeGreaterThanOrEqual(6);
        if (kills >= signEvery) expect(stats.chromiumKilled).toBeGreaterThan(0);
      },
    );
  },
);

/** Waits up to 5 s for processes that name `marker` to go (Chromium notices its pipe closing and exits). */
async function expectNoProcessesLeft(marker: string, message: string): Promise<void> {
  let left = processesMentioning(marker);
  for (let waited = 0; left.length > 0 && waited < 5_000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    left = processesMentioning(marker);
  }
  expect(left, message).toEqual([]);
}

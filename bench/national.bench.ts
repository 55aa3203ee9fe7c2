import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { AppServices } from '../electron/services/app-services';
import { verifyChangeLog, type ChangeLogRow } from '../electron/services/audit/verify-change-log';
import { createDispatcher } from '../electron/services/dispatcher';
import { createHandlers } from '../electron/services/handlers';
import type { NationalSize } from '../electron/services/test-support/national-data';
import { createNationalDataFolder } from '../electron/services/test-support/national-data-folder';
import { canonicalJson } from '../shared/util/canonical-json';
import { dashboardQueries, printPlans } from './head-office.bench';
import { measureAsync, measurePair, tag, type Measurement } from './measure';

const root = path.resolve(import.meta.dirname, '..');

export interface NationalScale extends NationalSize {
  /** Change-log entries written through the Mutator for `audit verify`. */
  changeLogEntries: number;
  /** Runs of each dashboard query. */
  runs: number;
}

export interface NationalDatabase {
  dataDir: string;
  rows: Measurement[];
}

/**
 * B3: the national-scale database — a seeded country (every division, sector and outcome, every unit
 * rated) written with the app's own pragmas, then what head office and an inspector ask of it: every
 * dashboard query, an institution's page (the three calls that screen makes, through the dispatcher),
 * and `audit verify` against a bare SHA-256 over the same change-log rows. The data folder is kept for
 * B6 (cold start on this database); the caller removes it.
 */
export async function nationalBenchmarks(scale: NationalScale): Promise<NationalDatabase> {
  const started = performance.now();
  const { dataDir, counts, bytes } = await createNationalDataFolder(path.join(root, 'resources', 'frameworks'), {
    ...scale,
    ratings: true,
  });
  const generationMs = performance.now() - started;
  const rowsWritten =
    counts.institutions + counts.programmes + counts.assessments * 3 + counts.ratings + counts.findings * 2 + counts.actions;
  const generation: Measurement = {
    id: 'B3',
    name: 'generate the national database',
    runs: 1,
    medianMs: generationMs,
    p95Ms: generationMs,
    note:
      `${counts.institutions.toLocaleString('en')} institutions, ${counts.programmes.toLocaleString('en')} programmes, ` +
      `${counts.assessments.toLocaleString('en')} assessments, ${counts.ratings.toLocaleString('en')} ratings, ${counts.findings.toLocaleString('en')} findings, ` +
      `${counts.actions.toLocaleString('en')} actions (≈ ${(rowsWritten / 1e6).toFixed(1)} M rows); file ${(bytes / 1024 / 1024).toFixed(0)} MB`,
  };
  console.log(`B3: ${generation.note}, in ${(generationMs / 1000).toFixed(0)} s`);

  const services = new AppServices({
    dataDir,
    host: 'cli',
    appVersion: 'bench',
    bundledFrameworksDir: path.join(root, 'resources', 'frameworks'),
  });
  try {
    const rows: Measurement[] = [generation];
    rows.push(...tag('B3', dashboardQueries(services, scale.runs), { text: 'median < 200 ms', met: (m) => m.medianMs < 200 }));
    if (process.env.BENCH_PLANS) printPlans(services);
    rows.push(...(await institutionPage(services, scale.runs * 5)));
    rows.push(auditVerify(services, scale.changeLogEntries));
    return { dataDir, rows };
  } catch (error) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  } finally {
    services.close();
    await services.closing;
  }
}

/** What the institution page asks for when it opens: the institution, its assessments, its corrective actions. */
async function institutionPage(services: AppServices, runs: number): Promise<Measurement[]> {
  const dispatch = createDispatcher(createHandlers(services, 'browser'));
  const ids = services.db.prepare<[], string>('SELECT id FROM institutions ORDER BY id').pluck().all();
  const open = async (i: number) => {
    const id = ids[((i + 1) * 7919) % ids.length]!;
    for (const [channel, request] of [
      ['institutions:get', { id }],
      ['assessments:list', { institutionId: id }],
      ['corrective-actions:list', { institutionId: id }],
    ] as const) {
      const r = await dispatch(channel, request);
      if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
    }
  };
  const row = await measureAsync('institution page: institution, assessments, corrective actions', runs, open);
  return tag('B3', [row], { text: 'median < 50 ms', met: (m) => m.medianMs < 50 });
}

/** `audit verify` (the chain) against a bare SHA-256 over the same rows' bytes, read the same way. */
function auditVerify(services: AppServices, entries: number): Measurement {
  services.mutator.run((m) => {
    for (let i = 0; i < entries; i++)
      m.record({ entity: 'assessment', entityId: String(i), action: 'import', payload: { i, note: 'imported from a package' } });
  });
  const total = services.db.prepare<[], number>('SELECT count(*) FROM change_log').pluck().get()!;
  const page = services.db.prepare<[number, number], ChangeLogRow>(
    `SELECT seq, id, at, actor_id, actor_name, entity, entity_id, action, payload, prev_hash, hash
     FROM change_log WHERE seq > ? ORDER BY seq LIMIT ?`,
  );
  const bareHash = () => {
    for (let after = Number.MIN_SAFE_INTEGER; ;) {
      const rows = page.all(after, 2000);
      for (const row of rows) createHash('sha256').update(canonicalJson(row)).digest('hex');
      if (rows.length < 2000) return;
      after = rows[rows.length - 1]!.seq;
    }
  };
  const row = measurePair(
    'audit verify: the change-log chain',
    'bare SHA-256 over the same rows',
    3,
    () => verifyChangeLog(services.db),
    bareHash,
  );
  const perSecond = (ms: number) => Math.round((total / ms) * 1000).toLocaleString('en');
  return {
    ...row,
    id: 'B3',
    note: `${total.toLocaleString('en')} entries: ${perSecond(row.medianMs)} entries/s (bare SHA-256 ${perSecond(row.baseline!.medianMs)} entries/s)`,
  };
}

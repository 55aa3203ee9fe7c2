import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppServices } from '../electron/services/app-services';
import { rateAll } from '../electron/services/assessments/test-fixtures';
import { institutionInput, programmeInput } from '../electron/services/test-support/services';
import { submitAndFinalise } from '../electron/services/test-support/reviewer';
import { DashboardQueries } from '../electron/services/head-office/dashboard-queries';
import { recordAssessmentFacts } from '../electron/services/head-office/record-facts';
import { SCREEN_ROWS } from '../electron/services/head-office/head-office-service';
import { noFilters, type DashboardFilters } from '../shared/head-office/schema';
import { measure as measureWall, type Measurement } from './measure';

const root = path.resolve(import.meta.dirname, '..');

/**
 * measure() with this process's CPU time per run in the note as well: on a shared machine the wall
 * clock also counts other programs' turns, the CPU time only this one's.
 */
function measure(name: string, runs: number, fn: (i: number) => void): Measurement {
  const cpu: number[] = [];
  const result = measureWall(name, runs, (i) => {
    const start = process.cpuUsage();
    fn(i);
    const used = process.cpuUsage(start);
    cpu.push((used.user + used.system) / 1000);
  });
  cpu.sort((a, b) => a - b);
  return { ...result, note: `CPU ${cpu[Math.floor(cpu.length / 2)]!.toFixed(1)} ms` };
}

/** What recording the summary adds to one finalisation, on a fresh data folder (the dashboards are B3). */
export function headOfficeBenchmarks(): Measurement[] {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-bench-ho-'));
  const services = new AppServices({
    dataDir,
    host: 'cli',
    appVersion: 'bench',
    bundledFrameworksDir: path.join(root, 'resources', 'frameworks'),
  });
  try {
    return [finalisationCost(services)];
  } finally {
    services.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** What recording the summary adds to one finalisation: a 106-unit inspection, scored and written. */
function finalisationCost(services: AppServices): Measurement {
  const institution = services.institutions.create(institutionInput({ sectors: ['care'] }));
  const local = services.institutions.createProgramme(
    institution.id,
    programmeInput({ sector: 'care', occupation: 'Care worker', iscoCode: '5322' }),
  );
  const mobile = services.institutions.createProgramme(
    institution.id,
    programmeInput({
      sector: 'care',
      occupation: 'Care worker',
      iscoCode: '5322',
      mobilityTrack: true,
      destinationCountry: 'Germany',
      targetLanguage: 'German',
      targetCefr: 'B1',
    }),
  );
  const version = services.frameworks.list()[0]!;
  const a = services.assessments.create({
    kind: 'inspection',
    institutionId: institution.id,
    programmeIds: [local.id, mobile.id],
    frameworkVersionId: version.id,
    team: [{ name: 'Bench', role: 'lead-inspector' }],
    plannedStart: '',
    plannedEnd: '',
    siteVisitDate: '',
    followsAssessmentId: null,
  });
  rateAll(services, a.id, (unit) => (unit.criterionId === 'IF-03' ? { rating: 0, evidenceSeen: ['OBS'] } : undefined));
  submitAndFinalise(services, a.id);
  const framework = services.frameworks.get(version.id).framework;
  return measure('head office: record one assessment’s summary (106 units)', 200, () =>
    services.db.transaction(() => recordAssessmentFacts(services.db, framework, a.id, '2026-01-01T00:00:00.000Z'))(),
  );
}

/** Every head-office dashboard query on the national database (B3: each under 200 ms). */
export function dashboardQueries(services: AppServices, runs = 10): Measurement[] {
  const ho = services.headOffice;
  const q = new DashboardQueries(services.db);
  const f = (over: Partial<DashboardFilters> = {}): DashboardFilters => ({ ...noFilters, ...over });
  const someInstitution = services.db
    .prepare<[], string>('SELECT id FROM institutions ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM institutions)')
    .pluck()
    .get()!;
  const variants: [string, DashboardFilters][] = [
    ['no filters', f()],
    ['division + period', f({ division: 'dhaka', from: '2024-01-01', to: '2025-12-31' })],
    ['sector', f({ sector: 'care' })],
    [
      'district + type + self-assessments',
      f({ district: 'Gazipur', institutionType: 'technical-training-centre', kind: 'self-assessment' }),
    ],
  ];
  const results: Measurement[] = [
    measure('head office: start-up check, nothing to summarise', 5, () => ho.backfill()),
    measure('head office: filter options', runs, () => ho.options()),
  ];
  for (const [label, filters] of variants) {
    results.push(measure(`head office: training offer (${label})`, runs, () => ho.offer(filters)));
    results.push(measure(`head office: outcomes (${label})`, runs, () => ho.outcomes(filters)));
    results.push(measure(`head office: improvement needs (${label})`, runs, () => ho.improvement(filters)));
    results.push(measure(`head office: corrective actions, stop-use (${label})`, runs, () => ho.actions(filters)));
    results.push(measure(`head office: training needs (${label})`, runs, () => ho.trainingNeeds(filters)));
  }
  // The queries inside the two largest sections, one by one.
  const all = f();
  results.push(measure('  query: criteria not met, overall and by sector', runs, () => q.criteriaNotMet(all, SCREEN_ROWS, 5)));
  results.push(measure('  query: corrective actions', runs, () => q.correctiveActions(all, '2026-01-01', SCREEN_ROWS)));
  results.push(measure('  query: stop-use notices', runs, () => q.stopUseNotices(all, SCREEN_ROWS)));
  results.push(measure('head office: one institution’s trend', 50, () => ho.institutionTrend(someInstitution, all)));
  return results;
}

export function printPlans(services: AppServices): void {
  const q = new DashboardQueries(services.db);
  const all: DashboardFilters = { ...noFilters, sector: 'care', division: 'dhaka', from: '2024-01-01' };
  q.offer(all, SCREEN_ROWS);
  q.outcomes(all, SCREEN_ROWS);
  q.criteriaNotMet(all, SCREEN_ROWS, 5);
  q.correctiveActions(all, '2026-01-01', SCREEN_ROWS);
  q.stopUseNotices(all, SCREEN_ROWS);
  q.trainingNeeds(all, SCREEN_ROWS);
  for (const { sql, plan } of q.plans()) console.log(`${sql.replace(/\s+/g, ' ').slice(0, 160)}…\n  ${plan.join('\n  ')}\n`);
}

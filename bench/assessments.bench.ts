import type { AppServices } from '../electron/services/app-services';
import { newId } from '../electron/services/support/ids';
import { measure, type Measurement } from './measure';

const statuses = ['draft', 'submitted', 'finalised'] as const;

/**
 * Head office at national scale: 100,000 assessments over the registry's 10,000 institutions (run after
 * registryBenchmarks), bulk-loaded in one transaction as an import of packages would, then the lists
 * the screens ask for.
 * (`audit verify` at this scale is B3, in national.bench.ts.)
 */
export function assessmentBenchmarks(services: AppServices, size = 100_000): Measurement[] {
  const institutions = services.db.prepare<[], string>('SELECT id FROM institutions').pluck().all();
  const version = services.frameworks.list()[0]!;
  const insert = services.db.prepare(
    `INSERT INTO assessments (id, kind, status, institution_id, framework_version_id, framework_id, framework_version,
       framework_content_hash, programmes, team, units_total, units_answered, finalised_at, score, created_at, created_by, updated_at, updated_by)
     VALUES (@id, @kind, @status, @institutionId, @versionId, @frameworkId, @version, @hash, '[]', '[]', 103, @answered,
       @finalisedAt, @score, @at, 'bench', @at, 'bench')`,
  );
  const score = JSON.stringify({
    overallPct: 81.5,
    decision: 'recommended-with-conditions',
    complete: true,
    computedAt: '2026-01-01T00:00:00.000Z',
  });
  services.db.transaction(() => {
    for (let i = 0; i < size; i++) {
      const status = statuses[i % 3]!;
      const at = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
      insert.run({
        id: newId(),
        kind: i % 4 === 0 ? 'self-assessment' : 'inspection',
        status,
        institutionId: institutions[i % institutions.length],
        versionId: version.id,
        frameworkId: version.frameworkId,
        version: version.version,
        hash: version.contentHash,
        answered: status === 'draft' ? i % 103 : 103,
        finalisedAt: status === 'finalised' ? at : null,
        score: status === 'finalised' ? score : null,
        at,
      });
    }
  })();
  const someInstitution = institutions[Math.floor(institutions.length / 2)]!;
  const n = size.toLocaleString('en');
  const offset = Math.floor(size / 400) * 200 - 200;
  return [
    measure(`assessments: first page of ${n} (newest first) + total`, 50, () => {
      services.assessments.list({}, { limit: 200, offset: 0 });
      services.assessments.count({});
    }),
    measure(`assessments: a page half-way through ${n} (offset ${offset.toLocaleString('en')})`, 20, () =>
      services.assessments.list({}, { limit: 200, offset }),
    ),
    measure('assessments: first page of finalised + total', 50, () => {
      services.assessments.list({ status: 'finalised' }, { limit: 200, offset: 0 });
      services.assessments.count({ status: 'finalised' });
    }),
    measure('assessments: one institution’s history', 200, () => services.assessments.list({ institutionId: someInstitution })),
  ];
}

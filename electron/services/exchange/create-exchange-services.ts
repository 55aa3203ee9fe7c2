import path from 'node:path';
import { countAnswered, type UnitIndexCache } from '../assessments/unit-index';
import type { Db } from '../db/open-database';
import type { Mutator } from '../db/mutator';
import type { EvidenceService } from '../evidence/evidence-service';
import type { Repositories } from '../repositories';
import type { ReportService } from '../reports/report-service';
import type { IdentityStore } from '../signing/identity-store';
import type { TrustedRoots } from '../signing/trusted-roots';
import type { Clock } from '../support/clock';
import { ExportService } from './export-service';
import { noPackageDialogs, type PackageDialogs } from './host-adapters';
import { ImportService } from './import-service';
import { PackageStaging } from './package-staging';

export interface ExchangeServices {
  exports: ExportService;
  imports: ImportService;
  staging: PackageStaging;
  dialogs: PackageDialogs;
}

export interface ExchangeDeps {
  db: Db;
  mutator: Mutator;
  dataDir: string;
  clock: Clock;
  appVersion: string;
  repositories: Pick<Repositories, 'assessments' | 'ratings'>;
  units: UnitIndexCache;
  evidence: EvidenceService;
  reports: ReportService;
  identities: IdentityStore;
  trustedRoots: TrustedRoots;
  dialogs?: PackageDialogs | undefined;
  onFinalisedArrived?: (db: Db, assessmentId: string) => void;
  beforeImport?: () => Promise<unknown>;
}

/** Wires export and import over one database; packages in transit live in `<dataDir>/packages/`. */
export function createExchangeServices(d: ExchangeDeps): ExchangeServices {
  const { units } = d;
  const { assessments, ratings } = d.repositories;
  const staging = new PackageStaging(path.join(d.dataDir, 'packages', 'incoming'));
  return {
    staging,
    dialogs: d.dialogs ?? noPackageDialogs,
    exports: new ExportService({
      db: d.db,
      mutator: d.mutator,
      identities: d.identities,
      trustedRoots: d.trustedRoots,
      clock: d.clock,
      appVersion: d.appVersion,
      evidencePath: (sha) => d.evidence.storedFilePath(sha),
      reportPath: (sha) => d.reports.pathOf(sha),
      outgoingDir: path.join(d.dataDir, 'packages', 'outgoing'),
    }),
    imports: new ImportService({
      db: d.db,
      mutator: d.mutator,
      staging,
      clock: d.clock,
      trustedRoots: () => d.trustedRoots.certificates(),
      addTrustedRoot: (pem) => void d.trustedRoots.add(pem),
      evidencePath: (sha) => d.evidence.storedFilePath(sha),
      evidenceTempDir: d.evidence.storeTempDir,
      reportPath: (sha) => d.reports.pathOf(sha),
      maxEvidenceFileBytes: () => d.evidence.maxFileBytes(),
      recount: (assessmentId) => {
        const head = assessments.head(assessmentId);
        return head ? countAnswered(units.for(head.framework_version_id, head.programmes), ratings.list(assessmentId)) : 0;
      },
      onFinalisedArrived: d.onFinalisedArrived,
      beforeApply: d.beforeImport,
    }),
  };
}

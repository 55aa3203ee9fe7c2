import { openDatabase, type Db } from './db/open-database';
import { currentVersion } from './db/migrate';
import { migrations } from './db/migrations';
import { BackupService } from './backup/backup-service';
import { backupBeforeMigration } from './backup/create-backup';
import { Mutator } from './db/mutator';
import { createRepositories } from './repositories';
import { UnitIndexCache } from './assessments/unit-index';
import { createAssessmentServices } from './assessments/create-assessment-services';
import type { AssessmentRecords } from './assessments/assessment-records';
import type { AssessmentWorkflow } from './assessments/assessment-workflow';
import type { FrameworkChange } from './assessments/framework-change';
import type { RatingService } from './assessments/rating-service';
import { AccreditationRepository } from './accreditation/accreditation-repository';
import { AccreditationService } from './accreditation/accreditation-service';
import type { CorrectiveActionService } from './assessments/corrective-action-service';
import { createEvidenceService } from './evidence/create-evidence-service';
import { createExchangeServices, type ExchangeServices } from './exchange/create-exchange-services';
import type { PackageDialogs } from './exchange/host-adapters';
import type { EvidenceService } from './evidence/evidence-service';
import type { FileDialogs, SystemViewer } from './evidence/host-adapters';
import type { EvidenceLimits } from '../../shared/evidence/schema';
import { FrameworkService } from './frameworks/framework-service';
import { createHeadOfficeService, type HeadOfficeService } from './head-office/head-office-service';
import { createReportService } from './reports/create-report-service';
import type { PdfPrinter, ReportService } from './reports/report-service';
import { InstitutionService } from './institutions/institution-service';
import { SampleService } from './sample/sample-service';
import { SettingsService } from './settings/settings-service';
import { IdentityStore } from './signing/identity-store';
import type { SecretWrapper } from './signing/secret-wrapper';
import { TrustedRoots } from './signing/trusted-roots';
import { systemClock, type Clock } from './support/clock';
import { databasePathIn } from './support/data-dir';
import { changeLogHeadFileIn, sealUpgradedLog } from './audit/change-log-head-file';
import { closeDataFolder } from './support/private-files';

export interface AppServicesOptions {
  dataDir: string;
  host: 'electron' | 'browser' | 'cli';
  appVersion: string;
  /** Folder of bundled frameworks to install on first run; omitted in tests that want an empty library. */
  bundledFrameworksDir?: string;
  clock?: Clock;
  /** Second lock on stored signing keys (the desktop host passes one backed by safeStorage). */
  secrets?: SecretWrapper;
  /** Evidence: the desktop host's file dialog and system viewer (others refuse), and size limits (defaults 25 MB per file, 500 MB per assessment). */
  fileDialogs?: FileDialogs;
  systemViewer?: SystemViewer;
  evidenceLimits?: Partial<EvidenceLimits>;
  /** Reports print through headless Chromium unless the host passes its own printer (the desktop app's printToPDF). */
  printPdf?: PdfPrinter;
  /** Packages: the desktop host's save and open dialogs (others download and upload instead). */
  packageDialogs?: PackageDialogs;
}

/**
 * Everything the hosts need, built once over one database. Hosts (Electron, browser, command line)
 * differ only in how requests arrive; they all hold one of these.
 */
export class AppServices {
  readonly db: Db;
  readonly settings: SettingsService;
  readonly institutions: InstitutionService;
  readonly frameworks: FrameworkService;
  readonly assessments: AssessmentRecords;
  readonly ratings: RatingService;
  readonly workflow: AssessmentWorkflow;
  readonly frameworkChange: FrameworkChange;
  readonly correctiveActions: CorrectiveActionService;
  readonly accreditation: AccreditationService;
  readonly evidence: EvidenceService;
  readonly reports: ReportService;
  readonly sample: SampleService;
  readonly exchange: ExchangeServices;
  readonly headOffice: HeadOfficeService;
  readonly mutator: Mutator;
  readonly backups: BackupService;
  readonly identities: IdentityStore;
  readonly trustedRoots: TrustedRoots;
  readonly databasePath: string;

  constructor(readonly options: AppServicesOptions) {
    this.databasePath = databasePathIn(options.dataDir);
    // An existing data folder about to be migrated is backed up whole first (database, evidence, reports).
    const opened = openDatabase(this.databasePath, {
      backup: backupBeforeMigration(options.dataDir, options.appVersion, options.clock ?? systemClock),
    });
    this.db = opened.db;
    closeDataFolder(options.dataDir);
    sealUpgradedLog(this.db, changeLogHeadFileIn(options.dataDir), opened.migration);
    this.settings = new SettingsService(this.db);
    this.mutator = new Mutator(this.db, options.clock ?? systemClock, () => this.settings.actor(), {
      headFile: changeLogHeadFileIn(options.dataDir),
    });
    this.settings.attach(this.mutator);
    this.backups = new BackupService({
      db: this.db,
      mutator: this.mutator,
      dataDir: options.dataDir,
      appVersion: options.appVersion,
      clock: options.clock ?? systemClock,
      latestSchema: migrations.length,
    });
    // Each repository is built once here and handed to the services that read its tables.
    const repositories = createRepositories(this.db);
    this.institutions = new InstitutionService(repositories.institutions, repositories.programmes, this.mutator);
    this.frameworks = new FrameworkService(repositories.frameworks, this.mutator);
    // The assessment units of a framework version and programmes, computed once for every service.
    const units = new UnitIndexCache(this.frameworks);
    if (options.bundledFrameworksDir) this.frameworks.installBundled(options.bundledFrameworksDir);
    this.identities = new IdentityStore(options.dataDir, { secrets: options.secrets, clock: options.clock });
    this.trustedRoots = new TrustedRoots(options.dataDir);
    ({
      assessments: this.assessments,
      ratings: this.ratings,
      workflow: this.workflow,
      frameworkChange: this.frameworkChange,
      correctiveActions: this.correctiveActions,
    } = createAssessmentServices({
      repositories,
      units,
      mutator: this.mutator,
      frameworks: this.frameworks,
    }));
    // The accreditation cycle: a countersignature for negative outcomes, validity and due dates, appeals.
    this.accreditation = new AccreditationService(
      new AccreditationRepository(this.db),
      this.frameworks,
      this.mutator,
      options.clock ?? systemClock,
    );
    this.workflow.whenFinalising((m, a, result) => this.accreditation.beforeFinalise(m, a, result));
    this.evidence = createEvidenceService(
      { db: this.db, mutator: this.mutator, repositories, units },
      {
        dataDir: options.dataDir,
        clock: options.clock ?? systemClock,
        language: () => this.settings.get().language,
        fileDialogs: options.fileDialogs,
        systemViewer: options.systemViewer,
        limits: options.evidenceLimits,
      },
    );
    // Reopening a finalised assessment keeps its evidence in the new revision (files are not copied).
    this.workflow.whenReopening((m, from, to) => this.evidence.carryForward(m, from, to));
    this.reports = createReportService(
      {
        db: this.db,
        mutator: this.mutator,
        accreditation: this.accreditation,
        settings: this.settings,
        institutions: this.institutions,
        frameworks: this.frameworks,
        assessments: this.assessments,
        workflow: this.workflow,
        correctiveActions: this.correctiveActions,
        evidence: this.evidence,
        identities: this.identities,
        trustedRoots: this.trustedRoots,
      },
      { dataDir: options.dataDir, clock: options.clock ?? systemClock, print: options.printPdf },
    );
    this.sample = new SampleService({
      db: this.db,
      mutator: this.mutator,
      settings: this.settings,
      institutions: this.institutions,
      frameworks: this.frameworks,
      assessments: this.assessments,
      ratings: this.ratings,
      evidence: this.evidence,
    });
    // The dashboard's summary tables; finalised assessments without one are scored and recorded now.
    this.headOffice = createHeadOfficeService(this.db, this.frameworks, options.clock ?? systemClock);
    this.exchange = createExchangeServices({
      db: this.db,
      mutator: this.mutator,
      dataDir: options.dataDir,
      clock: options.clock ?? systemClock,
      appVersion: options.appVersion,
      repositories,
      units,
      evidence: this.evidence,
      reports: this.reports,
      identities: this.identities,
      trustedRoots: this.trustedRoots,
      dialogs: options.packageDialogs,
      // Head office's summary of an assessment that arrives finalised commits with the import.
      onFinalisedArrived: (_db, id) => this.headOffice.record(id),
      // Every import that will write anything is preceded by a backup of the state it changes.
      beforeImport: () => this.backups.create('before-import'),
    });
  }

  schemaVersion(): number {
    return currentVersion(this.db);
  }

  /** Settles once everything close() started has finished: the warm printing browser has exited. */
  closing: Promise<void> = Promise.resolve();

  close(): void {
    // The printing Chromium kept warm for this data folder exits too (in the background: see `closing`).
    this.closing = this.reports.close();
    this.mutator.close();
    if (this.db.open) this.db.close();
  }
}

import type Database from 'better-sqlite3';
import type {
  ActionsSection,
  DashboardFilters,
  ExportFile,
  ExportFormat,
  FilterOptions,
  ImprovementSection,
  InstitutionTrend,
  OfferSection,
  OutcomesSection,
  TableId,
  TrainingNeedsSection,
} from '../../../shared/head-office/schema';
import { tableSources } from '../../../shared/head-office/tables';
import { AppError } from '../../../shared/ipc/result';
import type { Language } from '../../../shared/settings/schema';
import { localDate } from '../assessments/dates';
import type { FrameworkService } from '../frameworks/framework-service';
import type { Clock } from '../support/clock';
import { DashboardQueries } from './dashboard-queries';
import { exportTable } from './export-table';
import { backfillAssessmentFacts, recordAssessmentFacts } from './record-facts';

/** Rows a long table sends to the screen; the export has every row. */
export const SCREEN_ROWS = 50;
/** "Every row" for exports, as a number both SQLite and PostgreSQL take in LIMIT. */
const ALL_ROWS = 10_000_000;
const TOP_PER_SECTOR = 5;

type Titles = Map<string, { titleEn: string; titleBn: string }>;

/**
 * The head-office dashboard: sections read from the summary tables through DashboardQueries, criterion
 * titles added from the framework library, and any table exported whole as CSV or XLSX.
 */
export class HeadOfficeService {
  private readonly queries: DashboardQueries;
  private readonly versionOf: Database.Statement<[string], { v: string }>;
  private titles: { versions: number; map: Titles } | null = null;

  constructor(
    private readonly db: Database.Database,
    private readonly frameworks: FrameworkService,
    private readonly clock: Clock,
  ) {
    this.queries = new DashboardQueries(db);
    this.versionOf = db.prepare('SELECT framework_version_id AS v FROM assessments WHERE id = ?');
  }

  /**
   * Records the summary of a finalised assessment with the framework version it pinned; for callers
   * inside a transaction (package import) that have no framework at hand. See recordAssessmentFacts.
   */
  record(assessmentId: string): void {
    const versionId = this.versionOf.get(assessmentId)?.v;
    if (versionId === undefined) throw new AppError('not-found', 'No assessment has this id.');
    recordAssessmentFacts(this.db, this.frameworks.get(versionId).framework, assessmentId, this.clock.now());
  }

  /** Scores and records every finalised assessment that has no summary yet (run once at start-up). */
  backfill(): { recorded: number; failed: string[] } {
    return backfillAssessmentFacts(this.db, (id) => this.frameworks.get(id).framework);
  }

  options(): FilterOptions {
    return this.queries.filterOptions();
  }

  offer(f: DashboardFilters, limit = SCREEN_ROWS): OfferSection {
    return this.queries.offer(f, limit);
  }

  outcomes(f: DashboardFilters, limit = SCREEN_ROWS): OutcomesSection {
    return this.queries.outcomes(f, limit);
  }

  improvement(f: DashboardFilters, limit = SCREEN_ROWS): ImprovementSection {
    const title = this.titleOf();
    const criteria = this.queries.criteriaNotMet(f, limit, limit === SCREEN_ROWS ? TOP_PER_SECTOR : limit);
    return {
      assessedInstitutions: criteria.assessed,
      criteria: criteria.rows.map((r) => ({ ...r, ...title(r.criterionId), sharePct: share(r.institutions, criteria.assessed) })),
      criteriaTotal: criteria.total,
      bySector: criteria.bySector.map(({ assessed, ...r }) => ({
        ...r,
        ...title(r.criterionId),
        sharePct: share(r.institutions, assessed),
      })),
    };
  }

  actions(f: DashboardFilters, limit = SCREEN_ROWS): ActionsSection {
    const title = this.titleOf();
    const today = localDate(this.clock.now());
    const stopUse = this.queries.stopUseNotices(f, limit);
    return {
      actions: { asOf: today, ...this.queries.correctiveActions(f, today, limit) },
      stopUse: stopUse.rows.map((r) => ({ ...r, ...title(r.criterionId) })),
      stopUseTotal: stopUse.total,
    };
  }

  trainingNeeds(f: DashboardFilters, limit = SCREEN_ROWS): TrainingNeedsSection {
    return this.queries.trainingNeeds(f, limit);
  }

  institutionTrend(institutionId: string, f: DashboardFilters): InstitutionTrend {
    const names = this.queries.institutionNames(institutionId);
    if (names === undefined) throw new AppError('not-found', 'No institution has this id.');
    return { institutionId, ...names, points: this.queries.institutionTrend(institutionId, f) };
  }

  async export(request: {
    filters: DashboardFilters;
    table: TableId;
    format: ExportFormat;
    language: Language;
    institutionId?: string | undefined;
  }): Promise<ExportFile> {
    const rows = this.rowsOf(request.table, request.filters, request.institutionId);
    const file = await exportTable(request.table, rows, request.format, request.language, request.filters, this.clock.now());
    return { fileName: file.fileName, mediaType: file.mediaType, contentBase64: file.bytes.toString('base64'), rows: rows.length };
  }

  /** The whole of one table: its section computed without the screen's row limit. */
  private rowsOf(table: TableId, f: DashboardFilters, institutionId: string | undefined): readonly unknown[] {
    const source = tableSources[table];
    switch (source.section) {
      case 'offer':
        return (source.rows as (s: OfferSection) => readonly unknown[])(this.offer(f, ALL_ROWS));
      case 'outcomes':
        return (source.rows as (s: OutcomesSection) => readonly unknown[])(this.outcomes(f, ALL_ROWS));
      case 'improvement':
        return (source.rows as (s: ImprovementSection) => readonly unknown[])(this.improvement(f, ALL_ROWS));
      case 'actions':
        return (source.rows as (s: ActionsSection) => readonly unknown[])(this.actions(f, ALL_ROWS));
      case 'training-needs':
        return (source.rows as (s: TrainingNeedsSection) => readonly unknown[])(this.trainingNeeds(f, ALL_ROWS));
      case 'institution-trend':
        if (institutionId === undefined) throw new AppError('validation', 'Choose the institution whose trend to export.');
        return (source.rows as (s: InstitutionTrend) => readonly unknown[])(this.institutionTrend(institutionId, f));
    }
  }

  private titleOf(): (criterionId: string) => { titleEn: string; titleBn: string } {
    const titles = this.criterionTitles();
    return (id) => titles.get(id) ?? { titleEn: id, titleBn: '' };
  }

  /** Each criterion's title from the newest framework version that has it; rebuilt when a version is imported. */
  private criterionTitles(): Titles {
    const versions = this.frameworks.list();
    if (this.titles !== null && this.titles.versions === versions.length) return this.titles.map;
    const map: Titles = new Map();
    const newestFirst = [...versions].sort((a, b) => b.importedAt.localeCompare(a.importedAt));
    for (const v of newestFirst) {
      for (const g of this.frameworks.get(v.id).framework.groups) {
        for (const c of g.criteria) if (!map.has(c.id)) map.set(c.id, { titleEn: c.title.en, titleBn: c.title.bn });
      }
    }
    this.titles = { versions: versions.length, map };
    return map;
  }
}

/** Builds the service and brings the summary tables up to date (see HeadOfficeService.backfill). */
export function createHeadOfficeService(db: Database.Database, frameworks: FrameworkService, clock: Clock): HeadOfficeService {
  const service = new HeadOfficeService(db, frameworks, clock);
  service.backfill();
  return service;
}

function share(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((1000 * part) / whole) / 10;
}

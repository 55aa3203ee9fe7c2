import type { AppServices } from '../app-services';
import type { Clock } from '../support/clock';
import { changeLogHead } from '../exchange/change-log-head';
import { printHtmlToPdf } from './print-pdf';
import { evidenceForReport } from './report-evidence';
import { ReportLog } from './report-log';
import { ReportService, type PdfPrinter } from './report-service';

/** Wires the report service over the other services (called once by AppServices, after evidence). */
export function createReportService(
  services: Pick<
    AppServices,
    | 'db'
    | 'assessments'
    | 'correctiveActions'
    | 'frameworks'
    | 'institutions'
    | 'evidence'
    | 'identities'
    | 'trustedRoots'
    | 'settings'
    | 'mutator'
  >,
  options: { dataDir: string; clock: Clock; print?: PdfPrinter | undefined },
): ReportService {
  return new ReportService({
    dataDir: options.dataDir,
    assessments: services.assessments,
    correctiveActions: services.correctiveActions,
    frameworks: services.frameworks,
    institutions: services.institutions,
    evidence: evidenceForReport(services.evidence),
    identities: services.identities,
    trustedRoots: services.trustedRoots,
    settings: services.settings,
    mutator: services.mutator,
    log: new ReportLog(services.db),
    db: services.db,
    changeLogHead: () => changeLogHead(services.db),
    clock: options.clock,
    print: options.print ?? printHtmlToPdf,
  });
}

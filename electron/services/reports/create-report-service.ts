import type { AppServices } from '../app-services';
import type { Clock } from '../support/clock';
import { changeLogHead } from '../exchange/change-log-head';
import { evidenceForReport } from './report-evidence';
import { ReportLog } from './report-log';
import { photosForReport } from './report-photos';
import { ReportService, type PdfPrinter } from './report-service';
import { WarmPrinter } from './warm-printer';

/** Wires the report service over the other services (called once by AppServices, after evidence). */
export function createReportService(
  services: Pick<
    AppServices,
    | 'db'
    | 'assessments'
    | 'workflow'
    | 'accreditation'
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
  // Headless Chromium kept warm between reports unless the host prints its own way (the desktop app);
  // it launches on the first print, so a host that never prints never starts one.
  const warm = new WarmPrinter();
  return new ReportService({
    dataDir: options.dataDir,
    assessments: services.assessments,
    workflow: services.workflow,
    accreditation: services.accreditation,
    correctiveActions: services.correctiveActions,
    frameworks: services.frameworks,
    institutions: services.institutions,
    evidence: evidenceForReport(services.evidence),
    photos: photosForReport(services.evidence),
    identities: services.identities,
    trustedRoots: services.trustedRoots,
    settings: services.settings,
    mutator: services.mutator,
    log: new ReportLog(services.db),
    db: services.db,
    changeLogHead: () => changeLogHead(services.db),
    clock: options.clock,
    print: options.print ?? warm.print,
    closePrinter: () => warm.close(),
  });
}

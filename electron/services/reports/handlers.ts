import type { reportsContract } from '../../../shared/reports/contract';
import type { AppServices } from '../app-services';
import type { HandlerMap } from '../handlers';

/** Thin calls from the report channels into the report service. */
export function reportHandlers({ reports }: AppServices): HandlerMap<keyof typeof reportsContract> {
  return {
    'reports:preview': (r) => reports.preview(r.assessmentId, r.language, r.identityId, r.bengaliDigits === true),
    'reports:sign': (r) => reports.sign(r),
    'reports:list': (r) => ({ items: reports.list(r.assessmentId) }),
    'reports:file': (r) => reports.file(r.sha256),
    'reports:verify': (r) => reports.verify(Buffer.from(r.pdfBase64, 'base64')),
  };
}

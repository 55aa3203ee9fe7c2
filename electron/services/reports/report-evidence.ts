import type { ReportEvidenceFile } from '../../../shared/reports/schema';
import type { EvidenceService } from '../evidence/evidence-service';
import type { ReportEvidenceSource } from './report-data';

/** The evidence service's items as the report's numbered index (E1, E2, … in the order they were attached). */
export function evidenceForReport(evidence: EvidenceService): ReportEvidenceSource {
  return (assessmentId) =>
    evidence.listForAssessment(assessmentId).map((item, i): ReportEvidenceFile => ({
      ref: `E${i + 1}`,
      sha256: item.sha256,
      fileName: item.originalName,
      mediaType: item.mediaType,
      size: item.size,
      evidenceType: item.evidenceType,
      caption: item.caption,
      takenAt: item.takenAt,
      attachedAt: item.attachedAt,
      links: item.links.map((l) => ({ criterionId: l.criterionId, programmeId: l.programmeId })),
    }));
}

import type { IntegrityProblem, IntegrityReport } from '../../../shared/evidence/schema';
import type { AssessmentRepository } from '../assessments/assessment-repository';
import type { Clock } from '../support/clock';
import type { EvidenceRepository } from './evidence-repository';
import { requireAssessment } from './evidence-rules';
import type { EvidenceStore } from './evidence-store';
import { Limiter } from './limiter';

/**
 * Re-hashes stored evidence files and names every one that is missing or altered, with the assessments,
 * items and criteria that rely on it. Files are read in pieces, two at a time.
 */
export class EvidenceIntegrity {
  private readonly limiter = new Limiter(2);

  constructor(
    private readonly repository: EvidenceRepository,
    private readonly assessments: AssessmentRepository,
    private readonly store: EvidenceStore,
    private readonly clock: Clock,
  ) {}

  async verify(assessmentId: string | null): Promise<IntegrityReport> {
    if (assessmentId !== null) requireAssessment(this.assessments, assessmentId);
    const files = assessmentId === null ? this.repository.allFiles() : this.repository.filesOf(assessmentId);
    const states = await Promise.all(files.map((f) => this.limiter.run(() => this.store.check(f.sha256))));
    const problems: IntegrityProblem[] = [];
    files.forEach((f, i) => {
      const state = states[i]!;
      // A file removed while the check ran is no longer evidence: not a problem.
      if (state === 'intact' || this.repository.file(f.sha256) === undefined) return;
      problems.push({ sha256: f.sha256, state, size: f.size, mediaType: f.media_type, uses: this.repository.usesOf(f.sha256) });
    });
    return {
      checkedAt: this.clock.now(),
      assessmentId,
      files: files.length,
      intact: states.filter((s) => s === 'intact').length,
      problems,
    };
  }
}

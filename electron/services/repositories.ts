import { AssessmentRepository } from './assessments/assessment-repository';
import { CorrectiveActionRepository } from './assessments/corrective-action-repository';
import { RatingRepository } from './assessments/rating-repository';
import type { Db } from './db/open-database';
import { EvidenceRepository } from './evidence/evidence-repository';
import { FrameworkRepository } from './frameworks/framework-repository';
import { InstitutionRepository } from './institutions/institution-repository';
import { ProgrammeRepository } from './institutions/programme-repository';

/**
 * The SQL of each domain, built once over the database (each prepares its statements once) and handed
 * to the services that need it: two services reading the same table share one repository.
 */
export interface Repositories {
  institutions: InstitutionRepository;
  programmes: ProgrammeRepository;
  frameworks: FrameworkRepository;
  assessments: AssessmentRepository;
  ratings: RatingRepository;
  correctiveActions: CorrectiveActionRepository;
  evidence: EvidenceRepository;
}

export function createRepositories(db: Db): Repositories {
  return {
    institutions: new InstitutionRepository(db),
    programmes: new ProgrammeRepository(db),
    frameworks: new FrameworkRepository(db),
    assessments: new AssessmentRepository(db),
    ratings: new RatingRepository(db),
    correctiveActions: new CorrectiveActionRepository(db),
    evidence: new EvidenceRepository(db),
  };
}

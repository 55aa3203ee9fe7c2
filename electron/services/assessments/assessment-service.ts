import type { Assessment, AssessmentCreateInput, AssessmentSummary, Rating } from '../../../shared/assessments/schema';
import type { ScoreResult } from '../../../shared/scoring';
import type { Mutator } from '../db/mutator';
import type { FrameworkService } from '../frameworks/framework-service';
import type { Repositories } from '../repositories';
import { AssessmentRecords, type AssessmentDetails } from './assessment-records';
import type { ListFilter, ListPage } from './assessment-repository';
import { AssessmentWorkflow } from './assessment-workflow';
import { CorrectiveActionService } from './corrective-action-service';
import { FrameworkChange, type FrameworkChangeRequest, type FrameworkChangeResult } from './framework-change';
import { RatingService, type SaveRatingRequest } from './rating-service';
import type { UnitIndexCache } from './unit-index';

/**
 * Assessments: one entry point over its parts (records, autosave, workflow, framework moves), so hosts
 * and handlers see a single service.
 */
export class AssessmentService {
  constructor(
    private readonly records: AssessmentRecords,
    private readonly ratingService: RatingService,
    private readonly workflow: AssessmentWorkflow,
    private readonly frameworkChange: FrameworkChange,
  ) {}

  list(filter: ListFilter, page?: ListPage): AssessmentSummary[] {
    return this.records.list(filter, page);
  }

  count(filter: ListFilter): number {
    return this.records.count(filter);
  }

  get(id: string): { assessment: Assessment; ratings: Rating[] } {
    return this.records.get(id);
  }

  create(input: AssessmentCreateInput): Assessment {
    return this.records.create(input);
  }

  updateDetails(id: string, revision: number, details: AssessmentDetails): Assessment {
    return this.records.updateDetails(id, revision, details);
  }

  saveRating(req: SaveRatingRequest): Rating {
    return this.ratingService.save(req);
  }

  submit(id: string, revision: number): Assessment {
    return this.workflow.submit(id, revision);
  }

  returnToDraft(id: string, revision: number, reason: string): Assessment {
    return this.workflow.returnToDraft(id, revision, reason);
  }

  finalise(id: string, revision: number): Assessment {
    return this.workflow.finalise(id, revision);
  }

  reopen(id: string, reason: string): Assessment {
    return this.workflow.reopen(id, reason);
  }

  /** Lets another domain carry its records into a reopened revision (see AssessmentWorkflow.reopenHooks). */
  onReopen(hook: AssessmentWorkflow['reopenHooks'][number]): void {
    this.workflow.reopenHooks.push(hook);
  }

  /** Lets another domain apply its rules inside a finalisation (see AssessmentWorkflow.finaliseHooks). */
  onFinalise(hook: AssessmentWorkflow['finaliseHooks'][number]): void {
    this.workflow.finaliseHooks.push(hook);
  }

  changeFramework(req: FrameworkChangeRequest): FrameworkChangeResult {
    return this.frameworkChange.change(req);
  }

  /** The full score computed now from the stored ratings and the pinned framework. */
  score(id: string): ScoreResult {
    return this.records.score(id);
  }
}

/** Wires the assessment services over the repositories AppServices built (called once by AppServices). */
export function createAssessmentServices(d: {
  repositories: Pick<Repositories, 'assessments' | 'ratings' | 'correctiveActions' | 'institutions' | 'programmes'>;
  units: UnitIndexCache;
  mutator: Mutator;
  frameworks: FrameworkService;
}): { assessments: AssessmentService; correctiveActions: CorrectiveActionService } {
  const { assessments, ratings, correctiveActions: actions, institutions, programmes } = d.repositories;
  const { units, mutator, frameworks } = d;
  const records = new AssessmentRecords(assessments, ratings, institutions, programmes, frameworks, units, mutator);
  return {
    assessments: new AssessmentService(
      records,
      new RatingService(assessments, ratings, units, mutator),
      new AssessmentWorkflow(records, assessments, ratings, actions, institutions, frameworks, units, mutator),
      new FrameworkChange(records, assessments, ratings, frameworks, units, mutator),
    ),
    correctiveActions: new CorrectiveActionService(actions, assessments, frameworks, (id) => records.score(id), mutator),
  };
}

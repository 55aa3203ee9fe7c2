import type { Mutator } from '../db/mutator';
import type { FrameworkService } from '../frameworks/framework-service';
import type { Repositories } from '../repositories';
import { AssessmentRecords } from './assessment-records';
import { AssessmentWorkflow } from './assessment-workflow';
import { CorrectiveActionService } from './corrective-action-service';
import { FrameworkChange } from './framework-change';
import { RatingService } from './rating-service';
import type { UnitIndexCache } from './unit-index';

/** The assessment domain's parts, each handed to whoever uses it (no façade over them). */
export interface AssessmentServices {
  /** Starting, reading, describing and scoring assessments. */
  assessments: AssessmentRecords;
  /** Autosave of one unit's rating. */
  ratings: RatingService;
  /** Submit, return to draft, finalise, reopen. */
  workflow: AssessmentWorkflow;
  /** Moving a draft to another version of its framework. */
  frameworkChange: FrameworkChange;
  correctiveActions: CorrectiveActionService;
}

/** Wires the assessment services over the repositories AppServices built (called once by AppServices). */
export function createAssessmentServices(d: {
  repositories: Pick<Repositories, 'assessments' | 'ratings' | 'correctiveActions' | 'institutions' | 'programmes'>;
  units: UnitIndexCache;
  mutator: Mutator;
  frameworks: FrameworkService;
}): AssessmentServices {
  const { assessments, ratings, correctiveActions: actions, institutions, programmes } = d.repositories;
  const { units, mutator, frameworks } = d;
  const records = new AssessmentRecords(assessments, ratings, institutions, programmes, frameworks, units, mutator);
  return {
    assessments: records,
    ratings: new RatingService(assessments, ratings, units, mutator),
    workflow: new AssessmentWorkflow(records, assessments, ratings, actions, institutions, frameworks, units, mutator),
    frameworkChange: new FrameworkChange(records, assessments, ratings, frameworks, units, mutator),
    correctiveActions: new CorrectiveActionService(actions, assessments, frameworks, (id) => records.score(id), mutator),
  };
}

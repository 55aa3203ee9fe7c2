// The scoring API: the decision rules of domain notes §7 as pure functions.
export { scoreAssessment } from './score-assessment';
export { IncrementalScore } from './incremental-score';
export { applicableItems } from './applicable-items';
export type { ApplicableItem } from './applicable-items';
export { evaluateOutcome, lightOf } from './outcome-light';
export type { OutcomeEvaluation, OutcomeStatus, TrafficLight } from './outcome-light';
export { computeDerived } from './derived';
export { figuresNeeded, hasFigures, missingFigures, noFiguresKept, ratingFromFigures, scoredFromFigures } from './figures-rating';
export type { FiguresRating } from './figures-rating';
export {
  applyEvidenceRules,
  evidenceKind,
  hasObservationOrRecord,
  interviewOnly,
  interviewOnlyCap,
  observationOrRecords,
  unitEvidence,
} from './evidence-rules';
export type { EvidenceVerdict } from './evidence-rules';
export { classifyFinding, correctiveActionDueDays } from './findings';
export type { FindingClass } from './findings';
export { decideInstitutionOutcome } from './decision';
export type { DecisionInput } from './decision';
export { mobilityReadiness } from './mobility-ready';
export type { Percentage } from './percentage';
export { assessmentScopeSchema, ratingEntriesSchema, ratingEntrySchema, dataValuesSchema } from './inputs';
export type { AssessmentScope, DataValues, RatingAnswer, RatingEntry, ScopeProgramme } from './inputs';
export type * from './result';

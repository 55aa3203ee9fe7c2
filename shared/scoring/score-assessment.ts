import type { Criterion, Framework, FrameworkGroup, FrameworkRules } from '../framework/schema';
import { applicableItems, uniqueProgrammes } from './applicable-items';
import { decideInstitutionOutcome } from './decision';
import { classifyFinding, correctiveActionDueDays } from './findings';
import type { AssessmentScope, RatingEntry, ScopeProgramme } from './inputs';
import { mobilityReadiness } from './mobility-ready';
import { addToTally, emptyTally, percentageOf } from './percentage';
import type { Tally } from './percentage';
import { resolveRatings } from './resolve-ratings';
import type {
  Finding,
  GroupScore,
  ProgrammeResult,
  RequiredAction,
  ScoreCounts,
  ScoredItem,
  ScoreResult,
  ScoringProblem,
  StopUseNotice,
} from './result';

/**
 * Scores an assessment by the decision rules of domain notes §7, with every threshold taken from
 * `framework.rules`. Pure and deterministic: the same framework, scope and ratings (in any order) give
 * the same result, in one pass over the units of audit (linear in criteria × programmes).
 *
 * Unanswered units are left out of every percentage (not counted as 0) and `complete` is false; the
 * outcome is then provisional — it says where the assessment stands on what has been rated so far.
 * Programme-level units are pooled with institution-level ones in the same sums, so a programme-level
 * criterion counts once per programme in its group and in the overall percentage.
 */
export function scoreAssessment(framework: Framework, scope: AssessmentScope, ratings: readonly RatingEntry[]): ScoreResult {
  const rules = framework.rules;
  const programmes = uniqueProgrammes(scope);
  const criteria = new Map<string, Criterion>();
  for (const group of framework.groups) for (const c of group.criteria) criteria.set(c.id, c);

  const resolved = resolveRatings(applicableItems(framework, scope), criteria, ratings, rules);
  const items = resolved.items;
  const problems: ScoringProblem[] = [...duplicateProgrammeProblems(scope), ...resolved.problems];

  const groupTallies = new Map<string, GroupTally>(
    framework.groups.map((g) => [g.id, { tally: emptyTally(), unanswered: 0, excluded: 0 }]),
  );
  const overall = emptyTally();
  const sectorTallies = new Map<string, Tally>();
  const sectorItems = new Map<string, ScoredItem[]>();
  const itemsByCriterion = new Map<string, ScoredItem[]>();
  const counts: ScoreCounts = { total: 0, answered: 0, unanswered: 0, na: 0, conditionNotMet: 0, reportOnly: 0, insufficientData: 0 };
  const findings: Finding[] = [];
  const stopUseNotices: StopUseNotice[] = [];
  const requiredActions: RequiredAction[] = [];

  for (const item of items) {
    pushTo(itemsByCriterion, item.criterionId, item);
    if (item.groupKind === 'sector' && item.programmeId !== null) pushTo(sectorItems, item.programmeId, item);
    const group = groupTallies.get(item.groupId)!;
    countItem(counts, item, 1);
    if (item.status === 'unanswered') group.unanswered += 1;
    else if (item.status !== 'rated') group.excluded += 1;
    if (item.status !== 'rated' || item.rating === null) continue;

    addToTally(group.tally, item.weight, item.rating);
    if (item.groupKind === 'core') addToTally(overall, item.weight, item.rating);
    else if (item.programmeId !== null) addToTally(getOrCreate(sectorTallies, item.programmeId, emptyTally), item.weight, item.rating);

    const finding = findingOf(item, rules);
    if (finding !== null) {
      findings.push(finding);
      const notice = stopUseOf(finding);
      if (notice !== null) stopUseNotices.push(notice);
    }
    const action = requiredActionOf(item, rules);
    if (action !== null) requiredActions.push(action);
  }

  return assembleScore(framework, programmes, {
    counts,
    groupTallies,
    overall,
    sectorTallies,
    sectorItems,
    itemsByCriterion,
    items,
    findings,
    stopUseNotices,
    requiredActions,
    problems,
  });
}

export interface GroupTally {
  tally: Tally;
  unanswered: number;
  excluded: number;
}

/** What one pass over the scored units gathers; `assembleScore` turns it into the result. */
export interface ScoreParts {
  counts: ScoreCounts;
  groupTallies: ReadonlyMap<string, GroupTally>;
  overall: Tally;
  /** Sector module tallies by programme id (absent: nothing rated). */
  sectorTallies: ReadonlyMap<string, Tally>;
  /** Each programme's units in its sector module, in unit order. */
  sectorItems: ReadonlyMap<string, readonly ScoredItem[]>;
  itemsByCriterion: ReadonlyMap<string, readonly ScoredItem[]>;
  items: ScoredItem[];
  findings: Finding[];
  stopUseNotices: StopUseNotice[];
  requiredActions: RequiredAction[];
  problems: ScoringProblem[];
}

/**
 * Group and overall percentages, the outcome, the programmes' results and the result object from the
 * gathered parts. Shared by `scoreAssessment` and the incremental live score (incremental-score.ts), so
 * both build the same result from the same parts.
 */
export function assembleScore(framework: Framework, programmes: readonly ScopeProgramme[], parts: ScoreParts): ScoreResult {
  const rules = framework.rules;
  const { counts, findings, itemsByCriterion } = parts;
  const groups: GroupScore[] = framework.groups.map((g) => {
    const { tally, unanswered, excluded } = parts.groupTallies.get(g.id)!;
    return { groupId: g.id, kind: g.kind, sector: g.sector ?? null, ...percentageOf(tally), unanswered, excluded };
  });
  const overallPct = percentageOf(parts.overall);
  const outcome = decideInstitutionOutcome(
    { overall: overallPct, coreGroups: groups.filter((g) => g.kind === 'core'), findings, itemsByCriterion },
    rules,
  );

  const sectorGroups = new Map<string, FrameworkGroup>();
  for (const g of framework.groups)
    if (g.kind === 'sector' && g.sector !== undefined && !sectorGroups.has(g.sector)) sectorGroups.set(g.sector, g);
  const programmeResults: ProgrammeResult[] = programmes.map((p) => {
    const sectorGroup = p.facts.sector === 'other' ? undefined : sectorGroups.get(p.facts.sector);
    const sectorModule = sectorGroup === undefined ? null : percentageOf(parts.sectorTallies.get(p.id) ?? emptyTally());
    const sectorGroupId = sectorGroup?.id ?? null;
    const mobilityReady = p.facts.mobilityTrack
      ? mobilityReadiness(
          {
            programmeId: p.id,
            decision: outcome.decision,
            findings,
            sectorGroupId,
            sectorModule,
            sectorItems: parts.sectorItems.get(p.id) ?? [],
            itemsByCriterion,
          },
          rules,
        )
      : null;
    return { programmeId: p.id, sectorGroupId, sectorModule, mobilityReady };
  });

  return {
    frameworkId: framework.id,
    frameworkVersion: framework.version,
    complete: counts.unanswered === 0,
    counts,
    overall: overallPct,
    groups,
    programmes: programmeResults,
    items: parts.items,
    findings,
    outcome,
    stopUseNotices: parts.stopUseNotices,
    requiredActions: parts.requiredActions,
    problems: parts.problems,
  };
}

/** The finding a rated unit's counted rating makes, or null (a 3, or a unit not rated). */
export function findingOf(item: ScoredItem, rules: FrameworkRules): Finding | null {
  if (item.status !== 'rated' || item.rating === null) return null;
  const findingClass = classifyFinding(item.rating, item.critical);
  if (findingClass === null) return null;
  return {
    criterionId: item.criterionId,
    groupId: item.groupId,
    programmeId: item.programmeId,
    class: findingClass,
    critical: item.critical,
    safety: item.safety,
    rating: item.rating,
    dueDays: correctiveActionDueDays(findingClass, rules),
  };
}

/** A critical non-conformity on a safety criterion stops the use of what it concerns. */
export function stopUseOf(finding: Finding): StopUseNotice | null {
  if (finding.class !== 'critical' || !finding.safety) return null;
  return { criterionId: finding.criterionId, groupId: finding.groupId, programmeId: finding.programmeId };
}

/**
 * §7.4: a red outcome on a cohort large enough to trust requires an improvement action. Applied to
 * every outcome criterion that declares a cohort field; without a cohort the size is unknown.
 */
export function requiredActionOf(item: ScoredItem, rules: FrameworkRules): RequiredAction | null {
  if (item.status !== 'rated' || item.rating === null) return null;
  const outcome = item.outcome;
  if (!(outcome?.light === 'red' && outcome.cohort !== null && outcome.cohort >= rules.redOutcomeActionCohort)) return null;
  return {
    code: 'red-outcome',
    criterionId: rules.redOutcomeActionCriterion,
    sourceCriterionId: item.criterionId,
    programmeId: item.programmeId,
    params: { value: outcome.value, cohort: outcome.cohort },
  };
}

/** Counts a unit in (`sign` 1) or, for the incremental score, out of (-1) the counts. */
export function countItem(counts: ScoreCounts, item: ScoredItem, sign: 1 | -1): void {
  if (item.status === 'condition-not-met') {
    counts.conditionNotMet += sign;
    return;
  }
  counts.total += sign;
  if (item.status === 'unanswered') {
    counts.unanswered += sign;
    return;
  }
  counts.answered += sign;
  if (item.status === 'na') counts.na += sign;
  if (item.status === 'report-only') counts.reportOnly += sign;
  if (item.status === 'insufficient-data') counts.insufficientData += sign;
}

export function duplicateProgrammeProblems(scope: AssessmentScope): ScoringProblem[] {
  const seen = new Set<string>();
  const problems: ScoringProblem[] = [];
  for (const p of scope.programmes) {
    if (seen.has(p.id)) problems.push({ code: 'duplicate-programme', criterionId: null, programmeId: p.id });
    seen.add(p.id);
  }
  return problems;
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  getOrCreate(map, key, () => []).push(value);
}

export function getOrCreate<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

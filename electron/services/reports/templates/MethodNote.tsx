import { allCriteria } from '../../../../shared/framework';
import type { CriterionMinimum, Framework } from '../../../../shared/framework/schema';
import type { ReportContext } from '../report-context';
import { Fw, Section } from './bits';

/** How ratings become an outcome: the scale, the formula, the finding classes and the decision rules with this framework's thresholds. */
export function MethodNote({ ctx, n }: { ctx: ReportContext; n: string }) {
  const { data, text } = ctx;
  const { framework } = data;
  const rules = framework.rules;
  const d = 'reports.document.method';
  const minimums = (list: readonly CriterionMinimum[]) =>
    list.length === 0
      ? ''
      : text.t(`${d}.minimumsJoin`) +
        list
          .map((m) => text.t(`${d}.minimum`, { criterion: m.criterion, rating: text.rating(m.minRating) }))
          .join(text.t(`${d}.minimumsJoin`));
  const days = rules.correctiveActionDays;
  const sources = thresholdSources(framework);
  return (
    <Section id="method" n={n} title={text.t('reports.document.sections.method')}>
      <p>{text.t(`${d}.intro`)}</p>
      <h2>{text.t(`${d}.scaleTitle`)}</h2>
      <table>
        <tbody>
          {[...framework.scale.ratings]
            .sort((a, b) => b.value - a.value)
            .map((r) => (
              <tr key={r.value}>
                <th scope="row" className="nowrap">
                  <span className={`chip chip--${r.value}`}>
                    {text.num(r.value)} · <Fw ctx={ctx} text={r.label} />
                  </span>
                </th>
                <td>
                  <Fw ctx={ctx} text={r.meaning} />
                </td>
              </tr>
            ))}
          <tr>
            <th scope="row" className="nowrap">
              <span className="chip chip--na">
                <Fw ctx={ctx} text={framework.scale.notApplicable.label} />
              </span>
            </th>
            <td>
              <Fw ctx={ctx} text={framework.scale.notApplicable.meaning} />
            </td>
          </tr>
        </tbody>
      </table>
      <h2>{text.t(`${d}.scoringTitle`)}</h2>
      <p>{text.t(`${d}.scoring`)}</p>
      <p>{text.t(`${d}.outcomes`, { minCohort: rules.minCohort, minResponse: rules.minTracerResponsePct })}</p>
      <h2>{text.t(`${d}.findingsTitle`)}</h2>
      <ul>
        <li>{text.t(`${d}.findingCritical`)}</li>
        <li>{text.t(`${d}.findingMajor`)}</li>
        <li>{text.t(`${d}.findingMinor`)}</li>
        <li>{text.t(`${d}.findingObservation`)}</li>
      </ul>
      <h2>{text.t(`${d}.decisionTitle`)}</h2>
      <ol>
        <li>{text.t(`${d}.ruleNotRecommended`)}</li>
        <li>
          {text.t(`${d}.ruleRecommended`, {
            maxMajor: rules.recommended.maxMajor,
            overall: rules.recommended.minOverallPct,
            group: rules.recommended.minGroupPct,
            minimums: minimums(rules.recommended.criterionMinimums),
          })}
        </li>
        <li>
          {text.t(`${d}.ruleConditional`, {
            overall: rules.conditional.minOverallPct,
            group: rules.conditional.minGroupPct,
            maxMajor: rules.conditional.maxMajor,
          })}
        </li>
        <li>{text.t(`${d}.ruleDeferred`)}</li>
      </ol>
      <p>{text.t(`${d}.deadlines`, { critical: days.critical, major: days.major, minor: days.minor })}</p>
      <p>
        {text.t(`${d}.mobility`, {
          groups: rules.mobilityReady.noOpenMajorInGroups.join(', '),
          sector: rules.mobilityReady.minSectorPct,
          critical: text.rating(rules.mobilityReady.minSectorCriticalRating),
          minimums: minimums(rules.mobilityReady.criterionMinimums),
        })}
      </p>
      <h2>{text.t(`${d}.alignedTitle`)}</h2>
      <p>{text.t(`${d}.aligned`)}</p>
      <p>
        <strong>{text.t(`${d}.defaults`)}</strong>
      </p>
      {sources.length > 0 ? (
        <>
          <p>{text.t(`${d}.sourcesIntro`)}</p>
          <ul>
            {sources.map((s) => (
              <li key={s.criterion}>{text.t(`${d}.${s.key}`, { criterion: s.criterion, pct: s.pct, year: s.year ?? '' })}</li>
            ))}
          </ul>
          <p>{text.t(`${d}.sourcesOther`)}</p>
        </>
      ) : null}
    </Section>
  );
}

/**
 * Outcome benchmarks that follow a published figure, cited in the method note. A benchmark is cited only
 * when the framework uses the published figure itself (a framework with other numbers gets no citation).
 * Every other threshold is the framework's own proposal: no official BTEB/NSDA/Skills 21 figure was found.
 */
const publishedBenchmarks = [
  // SEIP (Skills for Employment Investment Programme, Government of Bangladesh): 60 % placement target.
  { field: 'placement_rate_6m_pct', green: 60, key: 'sourceSeipPlacement' },
  // EU-level objective for 2025 (Council Recommendation of 24 November 2020 on VET): 60 % exposed to work-based learning.
  { field: 'share_learners_with_wbl_pct', green: 60, key: 'sourceEuWbl', year: 2025 },
] as const;

function thresholdSources(framework: Framework): { criterion: string; key: string; pct: number; year?: number }[] {
  return allCriteria(framework).flatMap((c) => {
    const known = publishedBenchmarks.find((b) => c.outcome?.field === b.field && c.outcome.green === b.green);
    return known ? [{ criterion: c.id, key: known.key, pct: known.green, year: 'year' in known ? known.year : undefined }] : [];
  });
}

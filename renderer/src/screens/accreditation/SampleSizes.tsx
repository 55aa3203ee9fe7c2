import { useTranslation } from 'react-i18next';
import { samplingOf } from '../../../../shared/accreditation/proposed-rules';
import { learnerFileSample, placementCheckSample, type SampleSize } from '../../../../shared/accreditation/sampling';
import type { Assessment, Rating } from '../../../../shared/assessments/schema';
import type { Framework } from '../../../../shared/framework/schema';
import { useRequest } from '../../data/use-request';
import { counted, formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';
import { programmeTitle } from '../assessments/model/text';
import './accreditation.css';

/** The placements a programme reported: OI-05's "in work or study at 6 months", when recorded. */
function placementsOf(ratings: readonly Rating[], programmeId: string): number | null {
  const value = ratings.find((r) => r.criterionId === 'OI-05' && r.programmeId === programmeId)?.data['employed_or_study_6m'];
  return typeof value === 'number' ? value : null;
}

/**
 * On the pre-visit list: how many learner files and placement phone checks the team checks per
 * programme, from the framework's sampling rule (or the project's proposal, marked as such) and the
 * programme's figures: its annual intake (enrolled learners) and the placements it reported.
 */
export function SampleSizes({
  assessment: a,
  ratings,
  framework,
}: {
  assessment: Assessment;
  ratings: readonly Rating[];
  framework: Framework;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { value } = useRequest('institutions:get', { id: a.institutionId });
  const rule = samplingOf(framework.rules);
  if (a.programmes.length === 0) return null;
  const intake = new Map(value?.programmes.map((p) => [p.id, p.annualIntake]) ?? []);
  const cell = (size: SampleSize) =>
    size.total === null ? (
      t('accreditation.sampling.noFigure', { n: formatNumber(size.n) })
    ) : (
      <strong>{t('accreditation.sampling.checkOf', counted(size.n, { total: formatNumber(size.total) }))}</strong>
    );
  return (
    <section className="previsit__block sample-sizes" aria-labelledby="sample-sizes-heading" data-testid="sample-sizes">
      <h2 id="sample-sizes-heading">
        {t('accreditation.sampling.heading')}
        {rule.proposal ? <span className="tag"> {t('accreditation.sampling.proposal')}</span> : null}
      </h2>
      <p className="secondary">{t('accreditation.sampling.intro')}</p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('assessments.prepare.programmes')}</th>
            <th scope="col">
              {t('accreditation.sampling.learnerFiles')}
              <br />
              <span className="secondary">
                {t('accreditation.sampling.learnerFilesRule', {
                  minimum: formatNumber(rule.learnerFiles.minimum),
                  pct: formatNumber(rule.learnerFiles.pct),
                  maximum: formatNumber(rule.learnerFiles.maximum),
                })}
              </span>
            </th>
            <th scope="col">
              {t('accreditation.sampling.placementChecks')}
              <br />
              <span className="secondary">
                {t('accreditation.sampling.placementChecksRule', {
                  pct: formatNumber(rule.placementPhoneChecks.pct),
                  minimum: formatNumber(rule.placementPhoneChecks.minimum),
                })}
              </span>
            </th>
          </tr>
        </thead>
        <tbody>
          {a.programmes.map((p) => (
            <tr key={p.id}>
              <th scope="row">{programmeTitle(p, language)}</th>
              <td data-testid="learner-files">{cell(learnerFileSample(rule.learnerFiles, intake.get(p.id) ?? null))}</td>
              <td data-testid="placement-checks">{cell(placementCheckSample(rule.placementPhoneChecks, placementsOf(ratings, p.id)))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

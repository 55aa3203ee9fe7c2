import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useRequest } from '../../data/use-request';
import { currentLanguage } from '../../i18n';
import { href } from '../../router';
import { AssessmentCyclePanel } from '../accreditation/AssessmentCyclePanel';
import { DetailsForm, type DetailsRefusal } from './details/DetailsForm';
import { DetailsView } from './details/DetailsView';
import { institutionName } from './model/text';
import './details/details.css';

/**
 * `#/assessments/<id>/details`: the team, planned dates and site-visit date of an assessment that has
 * started. A draft's are edited in a form (saved explicitly, back to the workspace); once submitted or
 * finalised they are shown as text. A refused save (changed meanwhile, or no longer a draft) reloads
 * the stored assessment and says why.
 */
export function AssessmentDetails({ id }: { id: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { value, error, reload } = useRequest('assessments:get', { id });
  const assessment = value?.assessment ?? null;
  const [refusal, setRefusal] = useState<DetailsRefusal | null>(null);
  const refusalRef = useRef<HTMLDivElement>(null);

  // The form is replaced by the reloaded one; the message takes the focus so it is read first.
  useEffect(() => {
    if (refusal !== null && assessment !== null) refusalRef.current?.focus();
  }, [refusal, assessment]);

  const back = href({ name: 'assessment', id });
  const onRefused = (why: DetailsRefusal) => {
    setRefusal(why);
    reload();
  };

  return (
    <section className="details-screen" aria-labelledby="details-heading">
      <p className="breadcrumbs">
        <a href={back}>← {t('assessments.details.back')}</a>
      </p>
      <div className="page-header">
        <div>
          <h1 id="details-heading">{t('assessments.details.title')}</h1>
          {assessment ? (
            <p className="secondary">
              {t(`assessments.kind.${assessment.kind}`)} — {institutionName(assessment, language)} ·{' '}
              {t(`assessments.status.${assessment.status}`)}
            </p>
          ) : null}
        </div>
      </div>
      {refusal !== null ? (
        <div className="banner banner--error" role="alert" tabIndex={-1} ref={refusalRef}>
          <p>{refusal === 'conflict' ? t('assessments.details.conflict') : t('assessments.details.notSaved')}</p>
        </div>
      ) : null}
      <ErrorBanner error={error} />
      {assessment === null ? (
        error ? null : (
          <p aria-busy="true">{t('app.loading')}</p>
        )
      ) : assessment.status === 'draft' ? (
        <>
          <p>{t('assessments.details.intro')}</p>
          {/* A new revision (a reload after a conflict) starts the form again from what is stored. */}
          <DetailsForm key={assessment.revision} assessment={assessment} onRefused={onRefused} />
        </>
      ) : (
        <>
          <p className="banner banner--locked">
            {t('assessments.details.notDraft', { status: t(`assessments.status.${assessment.status}`) })}
          </p>
          <DetailsView assessment={assessment} />
          {/* Validity and due dates, the countersignature of a negative outcome, appeals. */}
          <AssessmentCyclePanel key={assessment.revision} assessmentId={assessment.id} />
          <p>
            <a className="button" href={back}>
              {t('assessments.details.back')}
            </a>
          </p>
        </>
      )}
    </section>
  );
}

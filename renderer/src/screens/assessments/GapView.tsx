import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { selfAssessmentToOffer } from '../../../../shared/assessments/compared-self-assessment';
import type { GapReport } from '../../../../shared/assessments/gap';
import type { Assessment, AssessmentSummary } from '../../../../shared/assessments/schema';
import type { Framework } from '../../../../shared/framework/schema';
import { ok } from '../../../../shared/ipc/result';
import { invoke } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useLoad, useRequest } from '../../data/use-request';
import { currentLanguage } from '../../i18n';
import { href } from '../../router';
import { GapTable } from './gap/GapTable';
import { GapTotals } from './gap/GapTotals';
import { formatDate } from './model/dates';
import { loadFramework } from './model/framework-cache';
import { institutionName } from './model/text';

interface Compared {
  inspection: Assessment;
  framework: Framework;
  report: GapReport;
}

/** The inspection to compare: the one asked for, else the latest finalised, else the latest. */
function pickInspection(items: readonly AssessmentSummary[], wanted: string | null): AssessmentSummary | undefined {
  const inspections = items.filter((a) => a.kind !== 'self-assessment').sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return inspections.find((a) => a.id === wanted) ?? inspections.find((a) => a.status === 'finalised') ?? inspections[0];
}

/**
 * The comparison comes from the services, on the ratings that count for each side (the ones their scores
 * and reports use: evidence rules, figures, a finalised result as recorded), never from typed ratings.
 */
async function compare(selfId: string, inspectionId: string): Promise<Compared> {
  const [inspection, gap] = await Promise.all([
    invoke('assessments:get', { id: inspectionId }),
    invoke('assessments:gap', { selfId, inspectionId }),
  ]);
  if (!inspection.ok) throw inspection.error;
  if (!gap.ok) throw gap.error;
  const inspectionFramework = await loadFramework(inspection.value.assessment.frameworkVersionId);
  return {
    inspection: inspection.value.assessment,
    framework: inspectionFramework.framework,
    report: gap.value.report,
  };
}

/**
 * Self-assessment and inspection side by side, criterion by criterion: where the institution sees
 * itself as the inspector does, and where it does not. Printable.
 */
export function GapView({ institutionId, inspectionId }: { institutionId: string; inspectionId: string | null }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const list = useRequest('assessments:list', { institutionId });
  const items = list.value?.items ?? null;
  const [selfId, setSelfId] = useState<string>('');
  const [inspId, setInspId] = useState<string>('');

  useEffect(() => {
    if (items === null) return;
    setSelfId(selfAssessmentToOffer(items)?.id ?? '');
    setInspId(pickInspection(items, inspectionId)?.id ?? '');
  }, [items, inspectionId]);

  const comparison = useLoad<Compared>(selfId && inspId ? () => compare(selfId, inspId).then(ok) : null, [selfId, inspId]);
  const compared = comparison.value;
  const error = list.error ?? comparison.error;

  const selfs = useMemo(() => (items ?? []).filter((a) => a.kind === 'self-assessment'), [items]);
  const inspections = useMemo(() => (items ?? []).filter((a) => a.kind !== 'self-assessment'), [items]);
  const option = (a: AssessmentSummary) =>
    t('assessments.gap.option', {
      kind: t(`assessments.kind.${a.kind}`),
      date: formatDate(a.siteVisitDate || a.updatedAt.slice(0, 10)),
      status: t(`assessments.status.${a.status}`),
    });
  const name = compared ? institutionName(compared.inspection, language) : items?.[0] ? institutionName(items[0], language) : '';

  return (
    <section className="gap-view" aria-labelledby="gap-heading">
      <p className="no-print">
        <a href={href({ name: 'institution', id: institutionId })}>← {name || t('assessments.start.backToInstitution')}</a>
      </p>
      <div className="page-header">
        <div>
          <h1 id="gap-heading">{t('assessments.gap.title')}</h1>
          {name ? <p className="secondary">{name}</p> : null}
        </div>
        <button type="button" className="no-print" onClick={() => window.print()}>
          {t('assessments.print')}
        </button>
      </div>
      <p className="gap-view__intro">
        {t('assessments.gap.intro')} {t('assessments.gap.counted')}
      </p>
      <ErrorBanner error={error} />
      {items !== null && (selfs.length === 0 || inspections.length === 0) ? <p className="empty">{t('assessments.gap.needBoth')}</p> : null}
      {selfs.length > 0 && inspections.length > 0 ? (
        <div className="toolbar gap-view__pick no-print">
          <div className="field">
            <label htmlFor="gap-self">{t('assessments.gap.self')}</label>
            <select id="gap-self" value={selfId} onChange={(e) => setSelfId(e.target.value)}>
              {selfs.map((a) => (
                <option key={a.id} value={a.id}>
                  {option(a)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="gap-inspection">{t('assessments.gap.inspection')}</label>
            <select id="gap-inspection" value={inspId} onChange={(e) => setInspId(e.target.value)}>
              {inspections.map((a) => (
                <option key={a.id} value={a.id}>
                  {option(a)}
                </option>
              ))}
            </select>
          </div>
        </div>
      ) : null}
      {compared === null ? (
        selfId && inspId && !error ? (
          <p aria-busy="true">{t('app.loading')}</p>
        ) : null
      ) : (
        <>
          <p className="print-only">
            {t('assessments.gap.self')}: {option(selfs.find((a) => a.id === selfId)!)} · {t('assessments.gap.inspection')}:{' '}
            {option(inspections.find((a) => a.id === inspId)!)}
          </p>
          <GapTotals report={compared.report} framework={compared.framework} />
          <GapTable report={compared.report} framework={compared.framework} programmes={compared.inspection.programmes} />
        </>
      )}
    </section>
  );
}

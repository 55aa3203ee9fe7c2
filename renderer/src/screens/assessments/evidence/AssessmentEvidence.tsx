import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assessment } from '../../../../../shared/assessments/schema';
import { scopeOf, unitKey } from '../../../../../shared/assessments/scope';
import { wholeAssessmentItems } from '../../../../../shared/evidence/coverage';
import type { EvidenceItem, EvidenceLink } from '../../../../../shared/evidence/schema';
import { ok } from '../../../../../shared/ipc/result';
import { invoke } from '../../../api/client';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { useLoad } from '../../../data/use-request';
import { currentLanguage } from '../../../i18n';
import { href } from '../../../router';
import { loadFramework, type LoadedFramework } from '../model/framework-cache';
import { institutionName, langOf, localized, programmeTitle } from '../model/text';
import { buildModel } from '../model/units';
import { AttachControls } from './AttachControls';
import { useEvidence } from './evidence-store';
import { EvidenceList } from './EvidenceList';
import { EvidenceViewer } from './EvidenceViewer';
import { IntegrityCheck } from './IntegrityCheck';
import { evidenceLabels } from './labels';
import './evidence.css';

/**
 * `#/assessments/<id>/evidence`: everything attached to one assessment — files for the assessment as a
 * whole, files by criterion (each can be attached to more criteria), and the integrity check.
 */
export function AssessmentEvidence({ id }: { id: string }) {
  const { t } = useTranslation();
  // A framework that cannot be loaded throws its refusal (FrameworkLoadError): useLoad shows it as the error.
  const { value: loaded, error } = useLoad<{ assessment: Assessment; framework: LoadedFramework }>(async () => {
    const got = await invoke('assessments:get', { id });
    if (!got.ok) return got;
    const framework = await loadFramework(got.value.assessment.frameworkVersionId);
    return ok({ assessment: got.value.assessment, framework });
  }, [id]);

  if (error) return <ErrorBanner error={error} />;
  if (loaded === null) return <p aria-busy="true">{t('app.loading')}</p>;
  return <EvidenceScreen assessment={loaded.assessment} loaded={loaded.framework} />;
}

function EvidenceScreen({ assessment, loaded }: { assessment: Assessment; loaded: LoadedFramework }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { framework } = loaded;
  const snapshot = useEvidence(assessment.id);
  const [viewing, setViewing] = useState<EvidenceItem | null>(null);
  const readOnly = assessment.status !== 'draft';
  const labels = useMemo(() => evidenceLabels(framework, assessment.programmes, language), [framework, assessment.programmes, language]);
  const model = useMemo(
    () => buildModel(framework, scopeOf(assessment.programmes), assessment.programmes),
    [framework, assessment.programmes],
  );
  const choices = useMemo(
    () =>
      model.units
        .filter((u) => u.applicable)
        .map((u) => ({
          link: { criterionId: u.criterion.id, programmeId: u.programmeId } as EvidenceLink,
          label: `${u.criterion.id} ${localized(u.criterion.title, language)}${u.programme ? ` — ${programmeTitle(u.programme, language)}` : ''}`,
        })),
    [model, language],
  );

  // Items by unit, in the order an inspector walks the framework; links to criteria this version lacks come last.
  const groups = useMemo(() => {
    const byUnit = new Map<string, { link: EvidenceLink; items: EvidenceItem[] }>();
    for (const item of snapshot.items)
      for (const link of item.links) {
        const key = unitKey(link.criterionId, link.programmeId);
        const group = byUnit.get(key) ?? { link, items: [] };
        group.items.push(item);
        byUnit.set(key, group);
      }
    const order = new Map(model.units.map((u, i) => [u.key, i]));
    return [...byUnit.entries()]
      .sort(([a], [b]) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity))
      .map(([key, g]) => ({ key, ...g }));
  }, [snapshot.items, model]);
  const whole = wholeAssessmentItems(snapshot.items);

  const supports = (item: EvidenceItem) =>
    item.links.length === 0
      ? t('evidence.wholeAssessment')
      : t('evidence.item.supports', { criteria: item.links.map(labels.unitLabel).join(', ') });

  return (
    <section className="evidence-screen" aria-labelledby="evidence-heading">
      <p className="breadcrumbs">
        <a href={href({ name: 'assessment', id: assessment.id })}>{t('evidence.backToAssessment')}</a>
      </p>
      <header className="page-header">
        <div>
          <h1 id="evidence-heading">{t('evidence.allTitle')}</h1>
          <p className="secondary">
            {institutionName(assessment, language)} · {t(`assessments.kind.${assessment.kind}`)} ·{' '}
            {t(`assessments.status.${assessment.status}`)}
          </p>
        </div>
      </header>
      {readOnly ? <p className="banner banner--locked">{t('evidence.attach.readOnly')}</p> : null}
      {snapshot.error ? <ErrorBanner error={snapshot.error} /> : null}

      <section className="evidence-section" aria-labelledby="whole-heading">
        <h2 id="whole-heading">{t('evidence.wholeAssessment')}</h2>
        <p className="secondary">{t('evidence.wholeAssessmentHint')}</p>
        {snapshot.status === 'ready' && whole.length === 0 ? <p>{t('evidence.noneWhole')}</p> : null}
        <EvidenceList
          assessmentId={assessment.id}
          items={whole}
          unit={null}
          readOnly={readOnly}
          typeLabel={labels.typeLabel}
          unitLabel={labels.unitLabel}
          onOpen={setViewing}
          linkChoices={choices}
          evidenceTypes={framework.evidenceTypes}
        />
        {readOnly ? null : (
          <AttachControls
            assessmentId={assessment.id}
            links={[]}
            evidenceTypes={framework.evidenceTypes}
            defaultType="DOC"
            idPrefix="whole"
          />
        )}
      </section>

      <section className="evidence-section" aria-labelledby="by-criterion-heading">
        <h2 id="by-criterion-heading">{t('evidence.byCriterion')}</h2>
        {snapshot.status === 'ready' && groups.length === 0 ? <p>{t('evidence.none')}</p> : null}
        {groups.map((g) => {
          const unit = model.unitByKey.get(g.key);
          return (
            <section key={g.key} className="evidence-group" aria-labelledby={`group-${g.key}`}>
              <h3 id={`group-${g.key}`}>
                {unit ? (
                  <>
                    <span className="criterion__id">{unit.criterion.id}</span>{' '}
                    <span lang={langOf(unit.criterion.title, language)}>{localized(unit.criterion.title, language)}</span>
                    {unit.programme ? <span className="tag">{programmeTitle(unit.programme, language)}</span> : null}
                  </>
                ) : (
                  t('evidence.criterionNotInFramework', { id: labels.unitLabel(g.link) })
                )}
              </h3>
              <EvidenceList
                assessmentId={assessment.id}
                items={g.items}
                unit={g.link}
                readOnly={readOnly}
                typeLabel={labels.typeLabel}
                unitLabel={labels.unitLabel}
                onOpen={setViewing}
                linkChoices={choices}
                evidenceTypes={framework.evidenceTypes}
              />
            </section>
          );
        })}
      </section>

      <IntegrityCheck assessmentId={assessment.id} unitLabel={labels.unitLabel} />
      {viewing !== null ? (
        <EvidenceViewer item={viewing} typeLabel={labels.typeLabel} supports={supports} onClose={() => setViewing(null)} />
      ) : null}
    </section>
  );
}

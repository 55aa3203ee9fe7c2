import { useTranslation } from 'react-i18next';
import type { Assessment, Rating } from '../../../../shared/assessments/schema';
import { scopeOf } from '../../../../shared/assessments/scope';
import type { Framework } from '../../../../shared/framework/schema';
import { ok } from '../../../../shared/ipc/result';
import { invoke } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useLoad } from '../../data/use-request';
import { counted } from '../../format';
import { currentLanguage } from '../../i18n';
import { href } from '../../router';
import { SampleSizes } from '../accreditation/SampleSizes';
import { formatDate } from './model/dates';
import { loadFramework } from './model/framework-cache';
import { evidencePlan } from './model/evidence-plan';
import { institutionName, langOf, localized, programmeTitle } from './model/text';

/**
 * What the institution should have ready before the visit, from the framework and the programmes in
 * scope: documents, records samples, figures, people to interview, workshops to see. In the user's
 * language; printed to send ahead of the visit.
 */
export function PreVisitList({ id }: { id: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  // A framework that cannot be loaded throws its refusal (FrameworkLoadError): useLoad shows it as the error.
  const { value: loaded, error } = useLoad<{ assessment: Assessment; ratings: Rating[]; framework: Framework }>(async () => {
    const r = await invoke('assessments:get', { id });
    if (!r.ok) return r;
    const f = await loadFramework(r.value.assessment.frameworkVersionId);
    return ok({ assessment: r.value.assessment, ratings: r.value.ratings, framework: f.framework });
  }, [id]);

  if (error) return <ErrorBanner error={error} />;
  if (loaded === null) return <p aria-busy="true">{t('app.loading')}</p>;
  const { assessment: a, framework } = loaded;
  const plan = evidencePlan(framework, scopeOf(a.programmes), a.programmes);
  const programmeNames = (ids: readonly (string | null)[]) =>
    ids
      .map((pid) =>
        pid === null
          ? t('assessments.prepare.wholeInstitution')
          : programmeTitle(
              a.programmes.find((p) => p.id === pid)!,
              language,
            ),
      )
      .join(', ');

  return (
    <section className="previsit" aria-labelledby="previsit-heading">
      <p className="no-print">
        <a href={href({ name: 'assessment', id: a.id })}>← {t('assessments.prepare.back')}</a>
      </p>
      <div className="page-header">
        <div>
          <h1 id="previsit-heading">{t('assessments.prepare.title')}</h1>
          <p className="previsit__institution">{institutionName(a, language)}</p>
        </div>
        <button type="button" className="no-print" onClick={() => window.print()}>
          {t('assessments.print')}
        </button>
      </div>
      <dl className="details previsit__facts">
        <dt>{t('assessments.prepare.visit')}</dt>
        <dd>{formatDate(a.siteVisitDate)}</dd>
        <dt>{t('assessments.prepare.programmes')}</dt>
        <dd>{a.programmes.map((p) => programmeTitle(p, language)).join(', ') || t('common.none')}</dd>
        <dt>{t('assessments.prepare.team')}</dt>
        <dd>{a.team.map((m) => `${m.name} (${t(`assessments.role.${m.role}`)})`).join(', ')}</dd>
        <dt>{t('assessments.prepare.framework')}</dt>
        <dd>
          {localized(framework.title, language)} {framework.version}
        </dd>
      </dl>
      <p>{t('assessments.prepare.intro')}</p>
      <SampleSizes assessment={a} ratings={loaded.ratings} framework={framework} />
      {plan.map((block) => (
        <section key={block.id} className="previsit__block" aria-labelledby={`previsit-${block.id}`}>
          <h2 id={`previsit-${block.id}`}>{t(`assessments.prepare.blocks.${block.id}`)}</h2>
          <p className="secondary">{t(`assessments.prepare.blockHints.${block.id}`)}</p>
          {block.lists.map((list) => (
            <div key={list.code} className="previsit__list">
              {block.lists.length > 1 || block.id === 'other' ? (
                <h3>
                  <abbr>{list.code}</abbr> {localized(list.label, language)}
                </h3>
              ) : null}
              <ul className="checklist">
                {list.items.map((item) => (
                  <li key={item.criterion.id}>
                    <span className="checklist__box" aria-hidden="true" />
                    <span>
                      <span className="criterion__id">{item.criterion.id}</span>{' '}
                      <span lang={langOf(item.criterion.title, language)}>{localized(item.criterion.title, language)}</span>
                      {item.critical ? <span className="tag tag--critical">{t('assessments.card.critical')}</span> : null}
                      <span className="secondary"> — {programmeNames(item.programmeIds)}</span>
                      {list.code === 'DATA' && item.dataFields.length > 0 ? (
                        <span className="previsit__fields">
                          {t('assessments.prepare.figures')}: {item.dataFields.map((f) => localized(f.label, language)).join('; ')}
                        </span>
                      ) : null}
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
      <p className="secondary">
        {t('assessments.prepare.count', counted(plan.reduce((n, b) => n + b.lists.reduce((m, l) => m + l.items.length, 0), 0)))}
      </p>
    </section>
  );
}

import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstitutionDetail, Programme } from '../../../shared/institutions/schema';
import type { AppErrorData } from '../../../shared/ipc/result';
import { invoke } from '../api/client';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorBanner } from '../components/ErrorBanner';
import { formatDateTime, formatNumber } from '../format';
import { currentLanguage } from '../i18n';
import { href } from '../router';
import { InstitutionAssessments } from './assessments/InstitutionAssessments';
import { ExportPackageButton } from './packages/ExportPackageButton';

type Pending = { kind: 'institution' } | { kind: 'programme'; programme: Programme } | null;

/** One institution: its details and programmes, with edit and archive. */
export function InstitutionPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const [detail, setDetail] = useState<InstitutionDetail | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [pending, setPending] = useState<Pending>(null);

  const load = useCallback(() => {
    void invoke('institutions:get', { id }).then((r) => (r.ok ? setDetail(r.value) : setError(r.error)));
  }, [id]);
  useEffect(load, [load]);

  if (!detail) return error ? <ErrorBanner error={error} /> : <p aria-busy="true">{t('app.loading')}</p>;
  const { institution: i, programmes } = detail;
  const bn = currentLanguage() === 'bn';
  const name = bn && i.nameBn ? i.nameBn : i.nameEn;

  const toggleArchive = async () => {
    const target = pending;
    setPending(null);
    if (!target) return;
    const r =
      target.kind === 'institution'
        ? await invoke('institutions:set-archived', { id: i.id, revision: i.revision, archived: !i.archived })
        : await invoke('programmes:set-archived', {
            id: target.programme.id,
            revision: target.programme.revision,
            archived: !target.programme.archived,
          });
    if (!r.ok) setError(r.error);
    load();
  };

  const dash = t('common.none');
  return (
    <section aria-labelledby="institution-heading">
      <p>
        <a href={href({ name: 'institutions' })}>← {t('institutions.title')}</a>
      </p>
      <div className="page-header">
        <div>
          <h1 id="institution-heading">{name}</h1>
          {name !== i.nameEn ? (
            <p className="secondary">{i.nameEn}</p>
          ) : i.nameBn ? (
            <p className="secondary" lang="bn">
              {i.nameBn}
            </p>
          ) : null}
        </div>
        <div className="actions">
          {!i.archived ? (
            <a className="button button--primary" href={href({ name: 'assessment-new', institutionId: i.id })}>
              {t('assessments.start.button')}
            </a>
          ) : null}
          <a className="button" href={href({ name: 'institution-edit', id: i.id })}>
            {t('common.edit')}
          </a>
          <ExportPackageButton
            scope={{ kind: 'institution', institutionId: i.id }}
            subject={name}
            label={t('exchange.export.institutionButton')}
          />
          <button
            type="button"
            onClick={() =>
              i.archived
                ? void invoke('institutions:set-archived', { id: i.id, revision: i.revision, archived: false }).then(load)
                : setPending({ kind: 'institution' })
            }
          >
            {i.archived ? t('common.restore') : t('common.archive')}
          </button>
        </div>
      </div>
      <ErrorBanner error={error} />
      {i.archived ? <p className="banner">{t('institutions.archivedNotice')}</p> : null}
      <h2>{t('institutions.details')}</h2>
      <dl className="details">
        <dt>{t('institutions.fields.type')}</dt>
        <dd>{t(`institutionType.${i.type}`)}</dd>
        <dt>{t('institutions.fields.registrationBody')}</dt>
        <dd>
          {t(`registrationBody.${i.registrationBody}`)} {i.registrationNumber}
        </dd>
        <dt>{t('institutions.fields.district')}</dt>
        <dd>
          {i.district}, {t(`division.${i.division}`)}
        </dd>
        <dt>{t('institutions.fields.address')}</dt>
        <dd>{i.address || dash}</dd>
        <dt>{t('institutions.fields.headName')}</dt>
        <dd>{i.headName || dash}</dd>
        <dt>{t('institutions.fields.contactPhone')}</dt>
        <dd>{i.contactPhone || dash}</dd>
        <dt>{t('institutions.fields.contactEmail')}</dt>
        <dd>{i.contactEmail || dash}</dd>
        <dt>{t('institutions.fields.sectors')}</dt>
        <dd>{i.sectors.length ? i.sectors.map((s) => t(`sector.${s}`)).join(', ') : dash}</dd>
      </dl>
      <p className="secondary">{t('institutions.lastChanged', { when: formatDateTime(i.updatedAt), who: i.updatedBy })}</p>

      <div className="page-header">
        <h2>{t('programmes.title')}</h2>
        {!i.archived ? (
          <a className="button button--primary" href={href({ name: 'programme-new', institutionId: i.id })}>
            {t('programmes.new')}
          </a>
        ) : null}
      </div>
      {programmes.length === 0 ? (
        <p className="empty">{t('programmes.empty')}</p>
      ) : (
        <ul className="cards">
          {programmes.map((p) => (
            <li key={p.id} className={p.archived ? 'card card--archived' : 'card'}>
              <h3>
                {bn && p.titleBn ? p.titleBn : p.titleEn}
                {p.archived ? <span className="tag"> {t('common.archived')}</span> : null}
              </h3>
              <p>
                {t(`sector.${p.sector}`)} · {p.occupation} · ISCO-08 {p.iscoCode}
              </p>
              <p className="secondary">
                {t('programmes.level', {
                  bnqf: p.bnqfLevel === null ? dash : formatNumber(p.bnqfLevel),
                  eqf: p.eqfLevel === null ? dash : formatNumber(p.eqfLevel),
                })}
              </p>
              {p.mobilityTrack ? (
                <p className="tag tag--mobility">
                  {t('programmes.mobilityTo', { country: p.destinationCountry, language: p.targetLanguage, cefr: p.targetCefr })}
                </p>
              ) : null}
              <div className="actions">
                <a
                  className="button"
                  href={href({ name: 'programme-edit', institutionId: i.id, id: p.id })}
                  aria-label={`${t('common.edit')}: ${p.titleEn}`}
                >
                  {t('common.edit')}
                </a>
                <button
                  type="button"
                  onClick={() =>
                    p.archived
                      ? void invoke('programmes:set-archived', { id: p.id, revision: p.revision, archived: false }).then(load)
                      : setPending({ kind: 'programme', programme: p })
                  }
                >
                  {p.archived ? t('common.restore') : t('common.archive')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <InstitutionAssessments institutionId={i.id} />
      <ConfirmDialog
        open={pending !== null}
        message={
          pending?.kind === 'programme'
            ? t('programmes.archiveConfirm', { name: pending.programme.titleEn })
            : t('institutions.archiveConfirm', { name: i.nameEn })
        }
        confirmLabel={t('common.archive')}
        onConfirm={() => void toggleArchive()}
        onCancel={() => setPending(null)}
      />
    </section>
  );
}

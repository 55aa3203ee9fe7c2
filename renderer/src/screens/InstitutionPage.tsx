import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Programme } from '../../../shared/institutions/schema';
import type { Result } from '../../../shared/ipc/result';
import { invoke } from '../api/client';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorBanner } from '../components/ErrorBanner';
import { useAction } from '../data/use-action';
import { useRequest } from '../data/use-request';
import { formatDateTime, formatNumber } from '../format';
import { currentLanguage } from '../i18n';
import { listName, occupationName } from '../../../shared/reference-lists';
import { href } from '../router';
import { InstitutionCycle } from './accreditation/InstitutionCycle';
import { InstitutionAssessments } from './assessments/InstitutionAssessments';
import { ExportPackageButton } from './packages/ExportPackageButton';

type Pending = { kind: 'institution' } | { kind: 'programme'; programme: Programme } | null;

/** One institution: its details and programmes, with edit and archive. */
export function InstitutionPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const loaded = useRequest('institutions:get', { id });
  const detail = loaded.value;
  const archiving = useAction();
  const error = archiving.error ?? loaded.error;
  const [pending, setPending] = useState<Pending>(null);
  // Archive or restore, then show the stored state whatever the outcome (a refusal is shown above).
  const archiveThen = async (work: () => Promise<Result<unknown>>) => {
    await archiving.run(work);
    await loaded.reload();
  };

  if (!detail) return error ? <ErrorBanner error={error} /> : <p aria-busy="true">{t('app.loading')}</p>;
  const { institution: i, programmes } = detail;
  const bn = currentLanguage() === 'bn';
  const name = bn && i.nameBn ? i.nameBn : i.nameEn;

  const toggleArchive = async () => {
    const target = pending;
    setPending(null);
    if (!target) return;
    await archiveThen(() =>
      target.kind === 'institution'
        ? invoke('institutions:set-archived', { id: i.id, revision: i.revision, archived: !i.archived })
        : invoke('programmes:set-archived', {
            id: target.programme.id,
            revision: target.programme.revision,
            archived: !target.programme.archived,
          }),
    );
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
                ? void archiveThen(() => invoke('institutions:set-archived', { id: i.id, revision: i.revision, archived: false }))
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
          {listName('district', i.district, currentLanguage())}, {t(`division.${i.division}`)}
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
      <InstitutionCycle institutionId={i.id} />

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
                {t(`sector.${p.sector}`)} · {occupationName(p.occupation, p.iscoCode, currentLanguage())} · ISCO-08 {p.iscoCode}
              </p>
              <p className="secondary">
                {t('programmes.level', {
                  bnqf: p.bnqfLevel === null ? dash : formatNumber(p.bnqfLevel),
                  eqf: p.eqfLevel === null ? dash : formatNumber(p.eqfLevel),
                })}
              </p>
              {p.mobilityTrack ? (
                <p className="tag tag--mobility">
                  {t('programmes.mobilityTo', {
                    country: listName('country', p.destinationCountry, currentLanguage()),
                    language: listName('language', p.targetLanguage, currentLanguage()),
                    cefr: p.targetCefr,
                  })}
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
                      ? void archiveThen(() => invoke('programmes:set-archived', { id: p.id, revision: p.revision, archived: false }))
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

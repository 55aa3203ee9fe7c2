import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assessment } from '../../../../shared/assessments/schema';
import { ok } from '../../../../shared/ipc/result';
import type { ReportPreview, SignedReport, SignedReportFile } from '../../../../shared/reports/schema';
import { finaliseRefusal } from '../../../../shared/settings/roles';
import { languages, type Language, type Settings } from '../../../../shared/settings/schema';
import type { Identity } from '../../../../shared/signing/schema';
import { invoke } from '../../api/client';
import { BusyProgress } from '../../components/BusyProgress';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useBusy } from '../../components/use-busy';
import { useAction } from '../../data/use-action';
import { useLoad } from '../../data/use-request';
import { formatDateTime } from '../../format';
import { currentLanguage } from '../../i18n';
import { href } from '../../router';
import { saveBase64 } from '../../files';
import { ReportPreviewFrame } from './ReportPreviewFrame';
import { SignDialog } from './SignDialog';
import { SwitchToReviewer } from '../profile/SwitchToReviewer';
import './reports.css';

/** One assessment's report: preview it in either language, sign it, and save the signed PDFs made here. */
export function ReportScreen({ assessmentId }: { assessmentId: string }) {
  const { t } = useTranslation();
  const [language, setLanguage] = useState<Language>(currentLanguage());
  const [justSigned, setJustSigned] = useState<SignedReportFile | null>(null);
  const [signing, setSigning] = useState(false);

  const page = useLoad(async () => {
    const [a, s, ids, list] = await Promise.all([
      invoke('assessments:get', { id: assessmentId }),
      invoke('settings:get', {}),
      invoke('signing:identities:list', {}),
      invoke('reports:list', { assessmentId }),
    ]);
    if (!a.ok) return a;
    return ok({
      assessment: a.value.assessment as Assessment,
      settings: s.ok ? s.value : null,
      identities: ids.ok ? ids.value.items : [],
      signedReports: list.ok ? list.value.items : [],
    });
  }, [assessmentId]);
  const assessment = page.value?.assessment ?? null;
  const settings: Settings | null = page.value?.settings ?? null;
  const identities: Identity[] = page.value?.identities ?? [];
  const signedReports: SignedReport[] = page.value?.signedReports ?? [];

  const previewIdentity = identities.at(-1)?.id ?? null;
  // A Bangla report always writes its numbers in Bengali digits (the services decide; this only labels it).
  const bengaliDigits = language === 'bn';
  // Laying out the whole report takes a moment; a preview asked for again supersedes the one under way.
  const previewProgress = useBusy();
  const trackPreview = previewProgress.run;
  const preview = useLoad<ReportPreview>(
    () =>
      trackPreview(t('reports.screen.loadingPreview'), () =>
        invoke('reports:preview', { assessmentId, language, identityId: previewIdentity, bengaliDigits }),
      ),
    [assessmentId, language, previewIdentity, bengaliDigits, assessment?.status],
  );

  const fileAction = useAction();
  const download = async (report: SignedReport) => {
    const r = await fileAction.run(() => invoke('reports:file', { sha256: report.sha256 }));
    if (r.ok) saveBase64(r.value.pdfBase64, r.value.fileName, 'application/pdf');
  };
  const error = page.error ?? fileAction.error ?? preview.error;

  const signed = (file: SignedReportFile) => {
    setSigning(false);
    setJustSigned(file);
    page.reload();
  };

  if (assessment === null) return error ? <ErrorBanner error={error} /> : <p aria-busy="true">{t('app.loading')}</p>;
  const name = currentLanguage() === 'bn' && assessment.institutionNameBn ? assessment.institutionNameBn : assessment.institutionNameEn;
  const languageName = (l: Language) => t(`reports.screen.languageName.${l}`);
  // Signing a submitted assessment finalises it: the same four-eyes rule as Finalise, which the services apply too.
  const signRefusal =
    settings === null || assessment.status !== 'submitted'
      ? null
      : finaliseRefusal({ name: settings.userName, role: settings.role }, assessment);
  const defaults = {
    name: settings?.userName ?? '',
    role: settings ? t(`welcome.roles.${settings.role}`) : t('reports.identity.roleDefault'),
    organisation: settings?.organisation ?? '',
  };

  return (
    <section aria-labelledby="report-heading">
      <p>
        <a href={href({ name: 'assessment', id: assessmentId })}>← {t('reports.screen.back')}</a>
      </p>
      <div className="page-header">
        <h1 id="report-heading">{t('reports.screen.heading', { institution: name })}</h1>
        <a className="button" href={href({ name: 'report-verify' })}>
          {t('reports.screen.verifyLink')}
        </a>
      </div>
      <ErrorBanner error={error} />
      <div className="report-screen__layout">
        <div>
          <div className="report-panel">
            <p className="status-line">
              <span className={`status status--${assessment.status}`}>{t(`assessments.status.${assessment.status}`)}</span>
            </p>
            <p className={assessment.status === 'draft' ? 'banner' : 'secondary'}>{t(`reports.screen.${assessment.status}`)}</p>
            <div className="field">
              <label htmlFor="report-language">{t('reports.screen.language')}</label>
              <select
                id="report-language"
                value={language}
                aria-describedby={language === 'bn' ? 'report-digits' : undefined}
                onChange={(e) => setLanguage(e.target.value === 'bn' ? 'bn' : 'en')}
              >
                {languages.map((l) => (
                  <option key={l} value={l}>
                    {languageName(l)}
                  </option>
                ))}
              </select>
              {language === 'bn' ? (
                <p className="field__hint" id="report-digits">
                  {t(bengaliDigits ? 'reports.screen.digitsBengali' : 'reports.screen.digitsWestern')}
                </p>
              ) : null}
            </div>
            {signRefusal === null ? (
              <div className="actions">
                <button type="button" className="button--primary" disabled={assessment.status === 'draft'} onClick={() => setSigning(true)}>
                  {t('reports.screen.sign')}
                </button>
              </div>
            ) : (
              <div className="banner" data-testid="sign-refusal">
                <p>
                  {signRefusal === 'ownSubmission'
                    ? t('reports.screen.signOwnSubmission', { profile: t('profile.nav') })
                    : t('reports.screen.signNotForRole')}
                </p>
                {signRefusal === 'ownSubmission' ? <SwitchToReviewer /> : null}
              </div>
            )}
          </div>
          {justSigned ? (
            <div className="report-panel banner--valid" role="status" data-testid="signed-notice">
              <p>
                <strong>{t('reports.screen.signed')}</strong>
              </p>
              <p className="hash">{t('reports.screen.hash', { hash: justSigned.sha256 })}</p>
              <div className="actions">
                <button
                  type="button"
                  className="button--primary"
                  onClick={() => saveBase64(justSigned.pdfBase64, justSigned.fileName, 'application/pdf')}
                >
                  {t('reports.screen.download')}
                </button>
              </div>
            </div>
          ) : null}
        </div>
        <div className="report-panel">
          <h2>{t('reports.screen.signedReports')}</h2>
          {signedReports.length === 0 ? (
            <p className="empty">{t('reports.screen.noSignedReports')}</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('reports.screen.colSignedAt')}</th>
                  <th scope="col">{t('reports.screen.colLanguage')}</th>
                  <th scope="col">{t('reports.screen.colFile')}</th>
                </tr>
              </thead>
              <tbody>
                {signedReports.map((r) => (
                  <tr key={r.sha256}>
                    <td>
                      {formatDateTime(r.signedAt)}
                      <div className="secondary">{r.signedBy}</div>
                    </td>
                    <td>{languageName(r.language)}</td>
                    <td>
                      {r.stored ? (
                        <button
                          type="button"
                          onClick={() => void download(r)}
                          aria-label={`${t('reports.screen.download')}: ${r.fileName}`}
                        >
                          {t('reports.screen.download')}
                        </button>
                      ) : (
                        <span className="secondary">{t('reports.screen.missingFile')}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </div>
      <div className="report-preview-wrap">
        <h2>{t('reports.screen.preview')}</h2>
        <p className="field__hint">{t('reports.screen.previewNote')}</p>
        <BusyProgress busy={previewProgress} />
        {preview.value ? (
          <ReportPreviewFrame preview={preview.value} label={t('reports.screen.previewFrame', { language: languageName(language) })} />
        ) : null}
      </div>
      <SignDialog
        open={signing}
        assessmentId={assessmentId}
        language={language}
        bengaliDigits={bengaliDigits}
        identities={identities}
        defaults={defaults}
        onIdentityAdded={(identity) =>
          page.setValue((loaded) =>
            loaded ? { ...loaded, identities: [...loaded.identities.filter((i) => i.id !== identity.id), identity] } : loaded,
          )
        }
        onSigned={signed}
        onClose={() => setSigning(false)}
      />
    </section>
  );
}

import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignedReportFile } from '../../../../shared/reports/schema';
import type { Language } from '../../../../shared/settings/schema';
import type { Identity } from '../../../../shared/signing/schema';
import { invoke } from '../../api/client';
import { BusyProgress } from '../../components/BusyProgress';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useBusy } from '../../components/use-busy';
import { useAction } from '../../data/use-action';
import { translateServiceMessage } from '../../i18n';
import { CreateIdentityForm, ImportIdentityForm, type ProfileDefaults } from './IdentityForms';

interface SignDialogProps {
  open: boolean;
  assessmentId: string;
  language: Language;
  /** Numbers of a Bangla report in Bengali digits (the user's setting). */
  bengaliDigits: boolean;
  identities: Identity[];
  defaults: ProfileDefaults;
  onIdentityAdded: (identity: Identity) => void;
  onSigned: (file: SignedReportFile) => void;
  onClose: () => void;
}

/** Choose (or first create) a signing identity, give its passphrase, and sign: the services print, sign and keep the PDF. */
export function SignDialog(props: SignDialogProps) {
  const { t } = useTranslation();
  const { open, identities } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const [identityId, setIdentityId] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [adding, setAdding] = useState<'create' | 'import' | null>(null);
  // Printing and signing takes seconds (the key's passphrase is stretched 600,000 times on purpose).
  const progress = useBusy();
  const busy = progress.running;
  const { error, setError, run } = useAction();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setError(null);
      setPassphrase('');
      setAdding(null);
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  useEffect(() => {
    if (!identities.some((i) => i.id === identityId)) setIdentityId(identities.at(-1)?.id ?? '');
  }, [identities, identityId]);

  const added = (identity: Identity, secret: string) => {
    props.onIdentityAdded(identity);
    setIdentityId(identity.id);
    setPassphrase(secret);
    setAdding(null);
  };

  const sign = async (event: React.FormEvent) => {
    event.preventDefault();
    const r = await run(() =>
      progress.run(t('reports.signDialog.signing'), () =>
        invoke('reports:sign', {
          assessmentId: props.assessmentId,
          language: props.language,
          identityId,
          passphrase,
          bengaliDigits: props.bengaliDigits,
        }),
      ),
    );
    if (r.ok) props.onSigned(r.value);
  };

  const showForms = identities.length === 0 || adding !== null;
  const selected = identities.find((i) => i.id === identityId);
  // The browser host has no OS keychain: an identity made in the desktop app is listed but cannot sign here.
  const locked = selected !== undefined && !selected.keyOpensHere;
  const mode = adding ?? 'create';
  const languageName = t(`reports.screen.languageName.${props.language}`);
  const fieldIssue = (field: string) => error?.issues?.find((i) => i.path[0] === field)?.message;
  const otherIssues = (error?.issues ?? []).filter((i) => i.path[0] !== 'passphrase').map((i) => i.message);

  return (
    <dialog
      ref={ref}
      className="dialog report-dialog"
      aria-labelledby="sign-dialog-title"
      onCancel={props.onClose}
      onClose={() => open && props.onClose()}
    >
      <h2 id="sign-dialog-title">{t('reports.signDialog.title')}</h2>
      {/* The body scrolls and the buttons stay below it: on a 1366×768 screen Cancel is never cut off. */}
      <div className="report-dialog__body">
        <p>{t('reports.signDialog.intro', { language: languageName })}</p>
        {identities.length === 0 ? <p className="banner">{t('reports.signDialog.noIdentity')}</p> : null}
        {showForms ? (
          <>
            <div className="identity-tabs" role="group" aria-label={t('reports.signDialog.identity')}>
              <button type="button" aria-pressed={mode === 'create'} onClick={() => setAdding('create')}>
                {t('reports.identity.createTitle')}
              </button>
              <button type="button" aria-pressed={mode === 'import'} onClick={() => setAdding('import')}>
                {t('reports.identity.importTitle')}
              </button>
            </div>
            {mode === 'create' ? (
              <CreateIdentityForm defaults={props.defaults} onCreated={added} />
            ) : (
              <ImportIdentityForm defaults={props.defaults} onCreated={added} />
            )}
          </>
        ) : (
          <form id="sign-form" onSubmit={(e) => void sign(e)} noValidate>
            <ErrorBanner error={error} extra={otherIssues} />
            <div className="field">
              <label htmlFor="sign-identity">{t('reports.signDialog.identity')}</label>
              <select id="sign-identity" value={identityId} onChange={(e) => setIdentityId(e.target.value)}>
                {identities.map((i) => (
                  <option key={i.id} value={i.id}>
                    {`${i.name}, ${i.organisation} — ${i.selfSigned ? t('reports.signDialog.trialKind') : t('reports.signDialog.issuedKind', { issuer: i.issuer })}${i.keyOpensHere ? '' : ` (${t('signing.keyInDesktopKeychainShort')})`}`}
                  </option>
                ))}
              </select>
            </div>
            {selected?.selfSigned ? <p className="field__hint">{t('reports.signDialog.selfSignedWarning')}</p> : null}
            {locked ? (
              <p className="banner" role="status">
                {t('signing.errors.keyInDesktopKeychain')}
              </p>
            ) : null}
            <div className={fieldIssue('passphrase') ? 'field field--invalid' : 'field'}>
              <label htmlFor="sign-passphrase">{t('reports.signDialog.passphrase')}</label>
              <input
                id="sign-passphrase"
                type="password"
                value={passphrase}
                autoComplete="off"
                aria-invalid={Boolean(fieldIssue('passphrase'))}
                aria-describedby={fieldIssue('passphrase') ? 'sign-passphrase-error' : undefined}
                onChange={(e) => setPassphrase(e.target.value)}
              />
              {fieldIssue('passphrase') ? (
                <p className="field__error" id="sign-passphrase-error">
                  {translateServiceMessage(fieldIssue('passphrase') ?? '')}
                </p>
              ) : null}
            </div>
            <BusyProgress busy={progress} />
          </form>
        )}
      </div>
      <div className="actions report-dialog__actions">
        {showForms ? (
          identities.length > 0 ? (
            <button type="button" onClick={() => setAdding(null)}>
              {t('common.back')}
            </button>
          ) : (
            <button type="button" onClick={props.onClose}>
              {t('reports.signDialog.cancel')}
            </button>
          )
        ) : (
          <>
            <button type="button" className="link-button" disabled={busy} onClick={() => setAdding('create')}>
              {t('reports.signDialog.addIdentity')}
            </button>
            <button type="button" onClick={props.onClose} disabled={busy}>
              {t('reports.signDialog.cancel')}
            </button>
            {/* Outside the form yet its submit button (form="sign-form"), so Enter in the passphrase still signs. */}
            <button
              type="submit"
              form="sign-form"
              className="button--primary"
              disabled={busy || identityId === '' || passphrase === '' || locked}
            >
              {t('reports.signDialog.sign')}
            </button>
          </>
        )}
      </div>
    </dialog>
  );
}

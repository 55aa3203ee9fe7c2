import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportScope, JobState } from '../../../../shared/exchange/schema';
import { ok } from '../../../../shared/ipc/result';
import type { Identity } from '../../../../shared/signing/schema';
import { hostKind, invoke } from '../../api/client';
import { BusyProgress } from '../../components/BusyProgress';
import { useBusy } from '../../components/use-busy';
import { useAction } from '../../data/use-action';
import { useLoad } from '../../data/use-request';
import { translateServiceMessage } from '../../i18n';
import { CreateIdentityForm, ImportIdentityForm, type ProfileDefaults } from '../reports/IdentityForms';
import { counted, errorLines, megabytes } from './messages';
import { downloadPackage, sleep } from './transfer';

type Exported = NonNullable<JobState['exported']>;
type Saved = { kind: 'downloaded' } | { kind: 'saved'; path: string } | { kind: 'not-saved' };

interface ExportDialogProps {
  open: boolean;
  scope: ExportScope;
  /** What the scope is about, in words: the institution's name, or the division chosen. */
  subject: string;
  onClose: () => void;
}

const pollMs = 250;

/**
 * Export a package: choose (or first create) the signing identity, give its passphrase, then the
 * services make and sign the package as a job whose progress is polled; the finished file is
 * downloaded in pieces in the browser, or saved where the person chooses in the desktop app.
 */
export function ExportDialog({ open, scope, subject, onClose }: ExportDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const [identityId, setIdentityId] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [adding, setAdding] = useState<'create' | 'import' | null>(null);
  // Who may sign, read each time the dialog opens; the profile gives a new identity's defaults.
  const signers = useLoad(
    open
      ? async () => {
          const [ids, s] = await Promise.all([invoke('signing:identities:list', {}), invoke('settings:get', {})]);
          return ok({ identities: ids.ok ? ids.value.items : [], settings: s.ok ? s.value : null });
        }
      : null,
    [open],
  );
  const identities: Identity[] | null = signers.value?.identities ?? null;
  const settings = signers.value?.settings ?? null;
  const defaults: ProfileDefaults = settings
    ? { name: settings.userName, role: t(`welcome.roles.${settings.role}`), organisation: settings.organisation }
    : { name: '', role: '', organisation: '' };
  // Refusals of the export and of saving it, shown in one place.
  const { error, setError } = useAction();
  const [exported, setExported] = useState<Exported | null>(null);
  const [saved, setSaved] = useState<Saved | null>(null);
  const progress = useBusy();
  const busy = progress.running;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setError(null);
      setPassphrase('');
      setAdding(null);
      setExported(null);
      setSaved(null);
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  useEffect(() => {
    if (identities && !identities.some((i) => i.id === identityId)) setIdentityId(identities.at(-1)?.id ?? '');
  }, [identities, identityId]);

  const added = (identity: Identity, secret: string) => {
    signers.setValue((loaded) => (loaded ? { ...loaded, identities: [...loaded.identities, identity] } : loaded));
    setIdentityId(identity.id);
    setPassphrase(secret);
    setAdding(null);
  };

  const save = async (file: Exported) => {
    setError(null);
    if (hostKind === 'browser') {
      const r = await progress.run(t('exchange.export.saving'), (report) =>
        downloadPackage(file.exportId, file.fileName, (done, total) =>
          report(done, total, t('exchange.export.savingProgress', { done: megabytes(done), total: megabytes(total) })),
        ),
      );
      if (r.ok) setSaved({ kind: 'downloaded' });
      else setError(r.error);
      return;
    }
    const r = await invoke('packages:save-as', { exportId: file.exportId });
    if (!r.ok) return setError(r.error);
    setSaved(r.value.cancelled ? { kind: 'not-saved' } : { kind: 'saved', path: r.value.path });
  };

  const start = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    const job = await progress.run(t('exchange.export.making'), async (report) => {
      const started = await invoke('packages:export', { scope, identityId, passphrase });
      if (!started.ok) return started;
      let state = started.value;
      while (state.state === 'running') {
        if (state.total > 0)
          report(
            state.done,
            state.total,
            t('exchange.export.makingProgress', { done: megabytes(state.done), total: megabytes(state.total) }),
          );
        await sleep(pollMs);
        const next = await invoke('packages:job', { jobId: state.jobId });
        if (!next.ok) return next;
        state = next.value;
      }
      return { ok: true as const, value: state };
    });
    if (!job.ok) {
      setError(job.error);
      // A wrong passphrase is said at its field; the field takes focus so it is heard and can be typed again.
      if (job.error.issues?.some((i) => i.path[0] === 'passphrase'))
        setTimeout(() => document.getElementById('package-passphrase')?.focus());
      return;
    }
    if (job.value.state === 'failed' || !job.value.exported) {
      return setError(job.value.error ?? { code: 'internal', message: 'exchange.export.failed' });
    }
    setPassphrase('');
    setExported(job.value.exported);
    await save(job.value.exported);
  };

  const scopeText =
    scope.kind === 'assessments'
      ? t('exchange.export.scope.assessments', counted(scope.assessmentIds.length))
      : scope.kind === 'institution'
        ? t('exchange.export.scope.institution', { name: subject })
        : t('exchange.export.scope.reference', { division: subject });
  const list = identities ?? [];
  const showForms = identities !== null && (list.length === 0 || adding !== null);
  const mode = adding ?? 'create';
  const passphraseIssue = error?.issues?.find((i) => i.path[0] === 'passphrase')?.message;
  const lines = error ? errorLines(t, error).filter((l) => !passphraseIssue || l !== translateServiceMessage(passphraseIssue)) : [];

  return (
    <dialog
      ref={ref}
      className="dialog package-dialog"
      aria-labelledby="package-export-title"
      onCancel={(e) => (busy ? e.preventDefault() : onClose())}
      onClose={() => open && onClose()}
    >
      <h2 id="package-export-title">{t('exchange.export.title')}</h2>
      <p>{scopeText}</p>
      {exported ? (
        <div className="package-export__done" data-testid="package-exported">
          <h3>{t('exchange.export.doneHeading')}</h3>
          <p className="package-export__file">
            {t('exchange.export.fileLine', { name: exported.fileName, size: megabytes(exported.size) })}
          </p>
          <p className="secondary package-hash">{t('exchange.export.sha256', { hash: exported.sha256 })}</p>
          <p role="status">
            {saved?.kind === 'downloaded'
              ? t('exchange.export.downloaded', { name: exported.fileName })
              : saved?.kind === 'saved'
                ? t('exchange.export.savedTo', { path: saved.path })
                : saved?.kind === 'not-saved'
                  ? t('exchange.export.saveCancelled')
                  : ''}
          </p>
          {error ? <ErrorLines lines={errorLines(t, error)} /> : null}
          <BusyProgress busy={progress} />
          <div className="actions">
            <button type="button" disabled={busy} onClick={() => void save(exported)}>
              {hostKind === 'browser' || saved?.kind === 'saved' ? t('exchange.export.saveAgain') : t('exchange.export.saveAs')}
            </button>
            <button type="button" className="button--primary" disabled={busy} onClick={onClose} autoFocus>
              {t('exchange.export.close')}
            </button>
          </div>
        </div>
      ) : identities === null ? (
        <p aria-busy="true">{t('app.loading')}</p>
      ) : showForms ? (
        <>
          <p className="secondary">{t('exchange.export.signIntro')}</p>
          {list.length === 0 ? <p className="banner">{t('exchange.export.noIdentity')}</p> : null}
          <div className="identity-tabs" role="group" aria-label={t('exchange.export.identity')}>
            <button type="button" aria-pressed={mode === 'create'} onClick={() => setAdding('create')}>
              {t('reports.identity.createTitle')}
            </button>
            <button type="button" aria-pressed={mode === 'import'} onClick={() => setAdding('import')}>
              {t('reports.identity.importTitle')}
            </button>
          </div>
          {mode === 'create' ? (
            <CreateIdentityForm defaults={defaults} onCreated={added} />
          ) : (
            <ImportIdentityForm defaults={defaults} onCreated={added} />
          )}
          <div className="actions">
            <button type="button" onClick={() => (list.length > 0 ? setAdding(null) : onClose())}>
              {list.length > 0 ? t('common.back') : t('common.cancel')}
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={(e) => void start(e)} noValidate>
          <p className="secondary">{t('exchange.export.signIntro')}</p>
          {lines.length > 0 ? <ErrorLines lines={lines} /> : null}
          <div className="field">
            <label htmlFor="package-identity">{t('exchange.export.identity')}</label>
            {/* An identity whose key only the desktop app's keychain opens is listed here too, and says so. */}
            <select id="package-identity" value={identityId} disabled={busy} onChange={(e) => setIdentityId(e.target.value)}>
              {list.map((i) => (
                <option key={i.id} value={i.id}>
                  {`${i.name}, ${i.organisation} — ${i.selfSigned ? t('reports.signDialog.trialKind') : t('reports.signDialog.issuedKind', { issuer: i.issuer })}${i.keyOpensHere ? '' : ` (${t('signing.keyInDesktopKeychainShort')})`}`}
                </option>
              ))}
            </select>
          </div>
          <div className={passphraseIssue ? 'field field--invalid' : 'field'}>
            <label htmlFor="package-passphrase">{t('exchange.export.passphrase')}</label>
            <input
              id="package-passphrase"
              type="password"
              value={passphrase}
              autoComplete="off"
              autoFocus
              disabled={busy}
              aria-invalid={Boolean(passphraseIssue)}
              aria-describedby={passphraseIssue ? 'package-passphrase-error' : undefined}
              onChange={(e) => setPassphrase(e.target.value)}
            />
            {passphraseIssue ? (
              <p className="field__error" id="package-passphrase-error">
                {translateServiceMessage(passphraseIssue)}
              </p>
            ) : null}
          </div>
          <BusyProgress busy={progress} />
          <div className="actions">
            <button type="button" className="link-button" disabled={busy} onClick={() => setAdding('create')}>
              {t('exchange.export.addIdentity')}
            </button>
            <button type="button" onClick={onClose} disabled={busy}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button--primary" disabled={busy || identityId === '' || passphrase === ''}>
              {t('exchange.export.start')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}

function ErrorLines({ lines }: { lines: string[] }) {
  const { t } = useTranslation();
  return (
    <div className="banner banner--error" role="alert">
      <p>{t('exchange.export.failed')}</p>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { AppErrorData } from '../../../../shared/ipc/result';
import { createIdentityInputSchema, type Identity } from '../../../../shared/signing/schema';
import { invoke } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { FilePicker } from '../../components/FilePicker';
import { Field, TextField } from '../../components/Field';
import { applyServerIssues } from '../../forms/server-issues';
import { readAsBase64 } from '../../files';

const createSchema = createIdentityInputSchema
  .extend({ passphraseAgain: z.string() })
  .refine((v) => v.passphrase === v.passphraseAgain, { path: ['passphraseAgain'], message: 'reports.identity.mismatch' });
type CreateValues = z.input<typeof createSchema>;
type CreateOutput = z.output<typeof createSchema>;

export interface ProfileDefaults {
  name: string;
  role: string;
  organisation: string;
}

/** A self-signed identity for trial use; the name and organisation start from the user's profile. */
export function CreateIdentityForm({
  defaults,
  onCreated,
}: {
  defaults: ProfileDefaults;
  onCreated: (i: Identity, passphrase: string) => void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<AppErrorData | null>(null);
  const {
    register,
    handleSubmit,
    formState,
    setError: setFieldError,
  } = useForm<CreateValues, unknown, CreateOutput>({
    resolver: zodResolver(createSchema),
    defaultValues: { ...defaults, passphrase: '', passphraseAgain: '' },
  });
  const { errors, isSubmitting } = formState;
  const submit = handleSubmit(async ({ passphraseAgain: _, ...input }) => {
    setError(null);
    const r = await invoke('signing:identities:create', input);
    if (r.ok) return onCreated(r.value, input.passphrase);
    applyServerIssues(r.error, setFieldError, ['name', 'role', 'organisation', 'passphrase']);
    setError(r.error);
  });
  return (
    <form onSubmit={submit} noValidate aria-labelledby="create-identity-heading">
      <h3 id="create-identity-heading">{t('reports.identity.createTitle')}</h3>
      <p className="secondary">{t('reports.signDialog.selfSignedWarning')}</p>
      <ErrorBanner error={error} />
      <div className="form-grid">
        <TextField
          id="identity-name"
          label={t('reports.identity.name')}
          required
          registration={register('name')}
          error={errors.name}
          autoComplete="name"
        />
        <TextField id="identity-role" label={t('reports.identity.role')} required registration={register('role')} error={errors.role} />
        <TextField
          id="identity-organisation"
          label={t('reports.identity.organisation')}
          required
          registration={register('organisation')}
          error={errors.organisation}
          autoComplete="organization"
        />
        <Field id="identity-passphrase" label={t('reports.identity.passphrase')} required error={errors.passphrase}>
          {(aria) => <input {...aria} {...register('passphrase')} type="password" autoComplete="new-password" />}
        </Field>
        <Field id="identity-passphrase-again" label={t('reports.identity.passphraseAgain')} required error={errors.passphraseAgain}>
          {(aria) => <input {...aria} {...register('passphraseAgain')} type="password" autoComplete="new-password" />}
        </Field>
      </div>
      <div className="actions">
        <button type="submit" className="button--primary" disabled={isSubmitting}>
          {t('reports.identity.create')}
        </button>
      </div>
    </form>
  );
}

/** A certificate file from the accrediting body's certificate authority; the key stays in the services. */
export function ImportIdentityForm({
  defaults,
  onCreated,
}: {
  defaults: ProfileDefaults;
  onCreated: (i: Identity, passphrase: string) => void;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [role, setRole] = useState(defaults.role);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!file)
      return setError({
        code: 'validation',
        message: 'validation.required',
        issues: [{ path: ['p12Base64'], message: 'validation.required' }],
      });
    setBusy(true);
    setError(null);
    const r = await invoke('signing:identities:import', {
      p12Base64: await readAsBase64(file),
      passphrase,
      role,
      name: '',
      organisation: '',
    });
    setBusy(false);
    if (r.ok) onCreated(r.value, passphrase);
    else setError(r.error);
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="import-identity-heading">
      <h3 id="import-identity-heading">{t('reports.identity.importTitle')}</h3>
      <ErrorBanner error={error} extra={error?.issues?.length ? error.issues.map((i) => i.message) : error ? [error.message] : []} />
      <div className="form-grid">
        <div className="field">
          <FilePicker
            id="identity-file"
            label={t('reports.identity.file')}
            accept=".p12,.pfx,application/x-pkcs12"
            required
            onFile={(chosen) => setFile(chosen ?? null)}
          />
        </div>
        <Field id="identity-file-passphrase" label={t('reports.identity.filePassphrase')} required>
          {(aria) => (
            <input {...aria} type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoComplete="off" />
          )}
        </Field>
        <Field id="identity-import-role" label={t('reports.identity.role')} required>
          {(aria) => <input {...aria} type="text" value={role} onChange={(e) => setRole(e.target.value)} />}
        </Field>
      </div>
      <div className="actions">
        <button type="submit" className="button--primary" disabled={busy}>
          {t('reports.identity.import')}
        </button>
      </div>
    </form>
  );
}

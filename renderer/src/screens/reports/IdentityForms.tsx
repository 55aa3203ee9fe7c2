import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { createIdentityInputSchema, type Identity } from '../../../../shared/signing/schema';
import { invoke } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { FilePicker } from '../../components/FilePicker';
import { Field, TextField } from '../../components/Field';
import { useAction } from '../../data/use-action';
import { useContractForm } from '../../forms/use-contract-form';
import { readAsBase64 } from '../../files';

const createSchema = createIdentityInputSchema
  .extend({ passphraseAgain: z.string() })
  .refine((v) => v.passphrase === v.passphraseAgain, { path: ['passphraseAgain'], message: 'reports.identity.mismatch' });

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
  const { form, field, submit, fail, problems } = useContractForm(createSchema, {
    defaultValues: { ...defaults, passphrase: '', passphraseAgain: '' },
    mode: 'onSubmit',
    idPrefix: 'identity-',
  });
  const { isSubmitting } = form.formState;
  const onSubmit = submit(async ({ passphraseAgain: _, ...input }) => {
    const r = await invoke('signing:identities:create', input);
    if (r.ok) return onCreated(r.value, input.passphrase);
    fail(r.error);
  });
  const passphrase = field('passphrase');
  const again = field('passphraseAgain');
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="create-identity-heading">
      <h3 id="create-identity-heading">{t('reports.identity.createTitle')}</h3>
      <p className="secondary">{t('reports.signDialog.selfSignedWarning')}</p>
      <ErrorBanner error={problems.serverError} extra={problems.unplaced} />
      <div className="form-grid">
        <TextField {...field('name')} label={t('reports.identity.name')} required autoComplete="name" />
        <TextField {...field('role')} label={t('reports.identity.role')} required />
        <TextField {...field('organisation')} label={t('reports.identity.organisation')} required autoComplete="organization" />
        <Field id={passphrase.id} label={t('reports.identity.passphrase')} required error={passphrase.error}>
          {(aria) => <input {...aria} {...passphrase.registration} type="password" autoComplete="new-password" />}
        </Field>
        <Field id="identity-passphrase-again" label={t('reports.identity.passphraseAgain')} required error={again.error}>
          {(aria) => <input {...aria} {...again.registration} type="password" autoComplete="new-password" />}
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
  const { busy, error, setError, run } = useAction();
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!file)
      return setError({
        code: 'validation',
        message: 'validation.required',
        issues: [{ path: ['p12Base64'], message: 'validation.required' }],
      });
    const r = await run(async () =>
      invoke('signing:identities:import', { p12Base64: await readAsBase64(file), passphrase, role, name: '', organisation: '' }),
    );
    if (r.ok) onCreated(r.value, passphrase);
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

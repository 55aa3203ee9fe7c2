import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerificationCheck, VerificationResult } from '../../../../shared/signing/schema';
import { invoke } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { FilePicker } from '../../components/FilePicker';
import { useAction } from '../../data/use-action';
import { formatDateTime } from '../../format';
import { readAsBase64 } from '../../files';
import './reports.css';

/** 7 MB of PDF stays under the 14-million-character limit of `reports:verify` once it is base64. */
const maxPdfBytes = 7 * 1024 * 1024;

interface Line {
  id: string;
  passed: boolean;
  text: string;
  /** Informs rather than decides: a check not passed is "not confirmed" (a warning), never a failure. */
  info?: boolean;
}

/** Any report PDF, checked on this computer: each check with ✓ or ✗, who signed, and whether it was made here. */
export function VerifyReport() {
  const { t } = useTranslation();
  const [result, setResult] = useState<VerificationResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const { busy, error, setError, run } = useAction();

  const check = async (file: File | undefined) => {
    setResult(null);
    setError(null);
    setProblem(null);
    if (!file) return;
    if (!/\.pdf$/i.test(file.name) && file.type !== 'application/pdf') return setProblem(t('reports.verify.notPdf'));
    if (file.size > maxPdfBytes) return setProblem(t('reports.verify.tooLarge'));
    const r = await run(async () => invoke('reports:verify', { pdfBase64: await readAsBase64(file) }));
    if (r.ok) setResult(r.value);
  };

  return (
    <section aria-labelledby="verify-heading" className="verify-result">
      <h1 id="verify-heading">{t('reports.verify.title')}</h1>
      <p>{t('reports.verify.intro')}</p>
      <div className="field">
        <FilePicker
          id="verify-file"
          label={t('reports.verify.file')}
          chooseText={t('reports.verify.choose')}
          accept="application/pdf,.pdf"
          onFile={(file) => void check(file)}
        />
      </div>
      {busy ? <p aria-busy="true">{t('reports.verify.checking')}</p> : null}
      {problem ? (
        <p className="banner banner--error" role="alert">
          {problem}
        </p>
      ) : null}
      <ErrorBanner error={error} />
      {result ? <Result result={result} /> : null}
    </section>
  );
}

function Result({ result: r }: { result: VerificationResult }) {
  const { t } = useTranslation();
  const last = r.signatures.at(-1);
  const signer = last?.signer ?? null;
  const validAtSigning = last?.checks.find((c) => c.id === 'certificateValidity')?.passed ?? false;
  const lines: Line[] = [
    { id: 'intact', passed: r.signatures.length > 0 && r.signatures.every((s) => s.intact), text: t('reports.verify.check.intact') },
    { id: 'wholeDocument', passed: r.wholeDocumentCovered, text: t('reports.verify.check.wholeDocument') },
    { id: 'nothingAppended', passed: r.signatures.length > 0 && !r.modifiedAfterSigning, text: t('reports.verify.check.nothingAppended') },
    {
      id: 'signer',
      passed: signer !== null && validAtSigning,
      text: signer
        ? t('reports.verify.check.signer', { name: `${signer.commonName}${signer.organisation ? `, ${signer.organisation}` : ''}` })
        : t('reports.verify.check.noSigner'),
    },
    { id: 'trusted', passed: r.trusted, text: t('reports.verify.check.trusted'), info: true },
    {
      id: 'recorded',
      passed: r.recordedReport !== null,
      text: r.recordedReport
        ? t('reports.verify.check.recorded', { when: formatDateTime(r.recordedReport.recordedAt) })
        : t('reports.verify.check.notRecorded'),
      info: true,
    },
  ];
  // A self-signed or otherwise untrusted signer is never a green "Valid": the signature is intact, but
  // nobody this computer trusts vouches for who made it (the command line says the same).
  const verdict = !r.valid ? 'invalid' : r.trusted ? 'valid' : 'untrusted';
  return (
    <div data-testid="verification">
      <div
        className={
          verdict === 'valid' ? 'banner banner--valid' : verdict === 'untrusted' ? 'banner banner--untrusted' : 'banner banner--error'
        }
        role="status"
        data-verdict={verdict}
      >
        <p>
          <strong>
            {verdict === 'valid'
              ? t('reports.verify.valid')
              : verdict === 'untrusted'
                ? t('reports.verify.intactUntrusted')
                : t('reports.verify.invalid')}
          </strong>
        </p>
        {verdict === 'untrusted' ? (
          <p>
            {t('reports.verify.intactUntrustedDetail')}
            {signer?.selfSigned ? ` ${t('reports.verify.intactSelfSigned')}` : ''}
          </p>
        ) : null}
      </div>
      <h2>{t('reports.verify.checksTitle')}</h2>
      <ul className="checks">
        {lines.map((line) => (
          <Check key={line.id} {...line} />
        ))}
      </ul>
      {signer ? (
        <>
          <h2>{t('reports.verify.signerDetails')}</h2>
          <dl className="details">
            <dt>{t('reports.verify.subject')}</dt>
            <dd>
              {signer.subject}
              {signer.selfSigned ? (
                <>
                  {' '}
                  <span className="trial-tag">{t('reports.verify.selfSigned')}</span>
                </>
              ) : null}
            </dd>
            <dt>{t('reports.verify.issuer')}</dt>
            <dd>{signer.issuer}</dd>
            <dt>{t('reports.verify.fingerprint')}</dt>
            <dd className="hash">{signer.fingerprintSha256}</dd>
            {last?.signingTime ? (
              <>
                <dt>{t('reports.verify.signingTime')}</dt>
                <dd>{formatDateTime(last.signingTime)}</dd>
              </>
            ) : null}
            <dt>{t('reports.verify.fileHash')}</dt>
            <dd className="hash">{r.sha256}</dd>
          </dl>
        </>
      ) : null}
      <details>
        <summary>{t('reports.verify.details')}</summary>
        {r.signatures.map((s) => (
          <ul key={s.index} className="checks">
            {s.checks.map((c: VerificationCheck) => (
              <Check
                key={c.id}
                id={c.id}
                passed={c.passed}
                info={!c.required}
                text={t(`signing.check.${c.id}`, { defaultValue: c.detail })}
              />
            ))}
          </ul>
        ))}
        <ul className="checks">
          {r.checks.map((c) => (
            <Check
              key={c.id}
              id={c.id}
              passed={c.passed}
              info={!c.required}
              text={t(`signing.check.${c.id}`, { defaultValue: c.detail })}
            />
          ))}
        </ul>
      </details>
    </div>
  );
}

function Check({ id, passed, text, info }: Line) {
  const { t } = useTranslation();
  const kind = passed ? 'ok' : info ? 'warn' : 'fail';
  return (
    <li data-check={id} data-passed={passed}>
      <span className={`checks__mark checks__mark--${kind}`} aria-hidden="true">
        {kind === 'ok' ? '✓' : kind === 'warn' ? '!' : '✗'}
      </span>
      <span>
        {text}
        <span className="visually-hidden">
          {' '}
          ({t(kind === 'ok' ? 'reports.verify.passed' : kind === 'warn' ? 'reports.verify.notConfirmed' : 'reports.verify.failed')})
        </span>
      </span>
    </li>
  );
}

import { useTranslation } from 'react-i18next';
import type { PackageSigner } from '../../../../shared/exchange/schema';

/**
 * Who signed a package and how far this computer can vouch for them. Only a signer chaining to a
 * trusted root is shown in green; a trial identity and an unknown signer are warnings, never "valid".
 */
export function SignerPanel({ signer }: { signer: PackageSigner }) {
  const { t } = useTranslation();
  // A trusted chain whose certificate had lapsed (or was not yet valid) at signing is a warning too.
  const tone = signer.trust === 'trusted' && !signer.validAtSigning ? 'untrusted' : signer.trust;
  return (
    <section className={`package-section signer signer--${tone}`} aria-labelledby="package-signer-heading" data-testid="package-signer">
      <h3 id="package-signer-heading">{t('exchange.preview.signerHeading')}</h3>
      <p className="signer__name">
        <strong>{signer.name}</strong>
        {signer.role ? `, ${signer.role}` : ''}
        {signer.organisation ? `, ${signer.organisation}` : ''}
      </p>
      <p>
        <span className={`trust-tag trust-tag--${tone}`} data-trust={signer.trust}>
          <span aria-hidden="true">{tone === 'trusted' ? '✓ ' : '⚠ '}</span>
          {t(`exchange.trust.tag.${signer.trust}`)}
        </span>
      </p>
      <p className="signer__explain">{t(`exchange.trust.explain.${signer.trust}`)}</p>
      {!signer.validAtSigning ? <p className="signer__explain signer__warning">{t('exchange.preview.notValidAtSigning')}</p> : null}
      <p className="secondary package-hash">
        {t('exchange.preview.fingerprint')}: <span className="package-hash__value">{signer.fingerprint}</span>
      </p>
    </section>
  );
}

import type { PackageManifest } from '../../../../shared/exchange/manifest';
import type { PackageSigner } from '../../../../shared/exchange/schema';
import { describeCertificate } from '../../signing/certificates';
import type { CmsInspection } from '../../signing/cms-verify';
import { evaluateTrust } from '../../signing/trust';
import type { X509Certificate } from 'node:crypto';
import { refused } from './refuse';

/**
 * Who signed the package and how far that is vouched for. An intact signature by an unknown or
 * self-signed certificate is not a refusal: the preview shows the signer and the trust state, and the
 * person decides. The time judged is the signing time the signed manifest claims, but never later
 * than `now`: a package cannot make an expired certificate valid by claiming a date in the future.
 * Name and organisation come from the certificate (what a CA vouches for) when it has them; the role
 * only from the manifest.
 */
export function describePackageSigner(cms: CmsInspection, manifest: PackageManifest, roots: X509Certificate[], now: Date): PackageSigner {
  const signer = cms.signer;
  if (!signer) throw refused('badSignature');
  if (signer.fingerprint256 !== manifest.creator.certificateFingerprint) throw refused('signerMismatch');
  const claimed = new Date(manifest.createdAt);
  const at = claimed > now ? now : claimed;
  const trust = evaluateTrust(signer, cms.certificates, roots, at, cms.intact);
  const summary = describeCertificate(signer);
  return {
    name: summary.commonName || manifest.creator.name,
    organisation: summary.organisation || manifest.creator.organisation,
    role: manifest.creator.role,
    fingerprint: signer.fingerprint256,
    trust: trust.trusted ? 'trusted' : summary.selfSigned ? 'self-signed' : 'untrusted',
    validAtSigning: trust.validAtSigning,
  };
}

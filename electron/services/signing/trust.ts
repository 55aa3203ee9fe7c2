import type { X509Certificate } from 'node:crypto';
import { buildChain, isValidAt } from './certificates';

export interface TrustEvaluation {
  /** Issuers above the signer, nearest first, from the certificates carried in the signature and the roots. */
  chain: X509Certificate[];
  /** The trusted root the chain ends at, when the signer is trusted. */
  trustedRoot: X509Certificate | null;
  /** The signer's certificate was valid at the signing time. */
  validAtSigning: boolean;
  trusted: boolean;
}

/**
 * Whether a signer is vouched for: its chain must end at one of this machine's trusted roots, every
 * certificate on the way must be a CA valid at the signing time, the signer's own certificate must be
 * valid then, and the signature itself must be intact. Shared by PDF reports and assessment packages,
 * so both say "trusted" for exactly the same reasons.
 */
export function evaluateTrust(
  signer: X509Certificate,
  carried: X509Certificate[],
  roots: X509Certificate[],
  at: Date,
  intact: boolean,
): TrustEvaluation {
  const validAtSigning = isValidAt(signer, at);
  const chain = buildChain(signer, [...carried, ...roots]);
  const top = chain.at(-1) ?? signer;
  const root = roots.find((r) => r.fingerprint256 === top.fingerprint256);
  const chainSound = chain.every((c) => c.ca && isValidAt(c, at));
  const trusted = Boolean(root) && chainSound && validAtSigning && intact;
  return { chain, trustedRoot: trusted ? (root ?? null) : null, validAtSigning, trusted };
}

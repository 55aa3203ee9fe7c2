import type { signingContract } from '../../../shared/signing/contract';
import type { AppServices } from '../app-services';
import type { HandlerMap } from '../handlers';

/** Thin calls from the signing channels into the identity store and trusted roots (verifying is `reports:verify`). */
export function signingHandlers({ identities, trustedRoots }: AppServices): HandlerMap<keyof typeof signingContract> {
  return {
    'signing:identities:list': () => ({ items: identities.list() }),
    'signing:identities:create': (r) => identities.createSelfSigned(r),
    'signing:identities:import': ({ p12Base64, passphrase, newPassphrase, ...profile }) =>
      identities.importPkcs12(Buffer.from(p12Base64, 'base64'), passphrase, profile, newPassphrase),
    'signing:roots:list': () => ({ items: trustedRoots.summaries() }),
    'signing:roots:add': (r) => trustedRoots.add(r.pem),
  };
}

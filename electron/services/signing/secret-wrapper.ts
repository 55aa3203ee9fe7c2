/**
 * A second lock around stored key files. The desktop host can pass one backed by Electron's
 * `safeStorage` (the OS keychain), so a copied data folder alone is not enough to attack the
 * passphrase; under plain Node (browser host, command line, tests) the file is stored as it is.
 * `unwrap(wrap(x))` must return `x`.
 */
export interface SecretWrapper {
  wrap(bytes: Buffer): Buffer;
  unwrap(bytes: Buffer): Buffer;
}

export const noSecretWrapper: SecretWrapper = {
  wrap: (bytes) => Buffer.from(bytes),
  unwrap: (bytes) => Buffer.from(bytes),
};

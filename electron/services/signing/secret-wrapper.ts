/**
 * A second lock around stored key files. The desktop host can pass one backed by Electron's
 * `safeStorage` (the OS keychain), so a copied data folder alone is not enough to attack the
 * passphrase; under plain Node (browser host, command line, tests) there is none and the file is
 * stored as it is. `unwrap(wrap(x))` must return `x`.
 */
export interface SecretWrapper {
  /** What holds the lock; recorded with each identity so a host without it can say why a key does not open. */
  readonly kind: KeyWrapKind;
  wrap(bytes: Buffer): Buffer;
  unwrap(bytes: Buffer): Buffer;
}

export type KeyWrapKind = 'os-keychain';

import { generateKeyPairSync, type KeyObject, type X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { AppError } from '../../../shared/ipc/result';
import { issuesFromZod } from '../../../shared/ipc/zod-issues';
import {
  createIdentityInputSchema,
  importIdentityProfileSchema,
  passphraseSchema,
  storedIdentitySchema,
  type CreateIdentityInput,
  type Identity,
  type ImportIdentityProfile,
  type StoredIdentity,
} from '../../../shared/signing/schema';
import { systemClock, type Clock } from '../support/clock';
import { newId } from '../support/ids';
import { writeFileAtomic } from './atomic-file';
import { buildCertificate } from './certificate-builder';
import { buildPadesCms, type CmsSigner } from './cms-sign';
import { buildChain, describeCertificate, isValidAt, keyMatchesCertificate } from './certificates';
import { looksLikePkcs12, readPkcs12, readStoredPkcs12, writeStoredPkcs12 } from './pkcs12';
import type { SecretWrapper } from './secret-wrapper';
import { signPdfWith, type SignPdfOptions } from './sign-pdf';

export interface IdentityStoreOptions {
  secrets?: SecretWrapper;
  clock?: Clock;
}

/** A detached signature and who made it (the identity's profile, and its certificate's SHA-256 fingerprint). */
export interface DetachedSignature {
  /** DER-encoded CMS SignedData without the content (the signed bytes travel beside it). */
  cms: Buffer;
  signer: { name: string; organisation: string; role: string; fingerprint: string };
}

/**
 * An identity opened with its passphrase, for the signatures of one task (a report: check before
 * finalising, sign after printing), so the key is decrypted once. Its certificate fields come from the
 * key file itself, whose MAC was checked, never from the editable JSON beside it: "self-signed" on a
 * report is what the signing certificate is.
 */
export interface UnlockedIdentity {
  readonly identity: Identity;
  signPdf(pdf: Buffer, options: Omit<SignPdfOptions, 'signerName'> & { signerName?: string }): Promise<Buffer>;
  signDetached(content: Buffer): DetachedSignature;
}

/** Said by every host that has no keychain (command line, browser host) when a key is locked with one. */
export const keyInDesktopKeychainMessage =
  "This identity's key is locked with the desktop app's operating-system keychain; open it in the desktop app.";

/** Trial identities are valid for three years: long enough for a pilot, short enough to be replaced by a CA's. */
const selfSignedYears = 3;

/**
 * Signing identities as files in the data folder: `identities/<id>.p12` (the key, encrypted with the
 * user's passphrase, optionally wrapped again by the host's SecretWrapper) and `identities/<id>.json`
 * (who it is, for lists and the report, and whether the key is wrapped). No method returns key
 * material: signing happens in here. Every host opens every unwrapped key; a wrapped one only where
 * its keychain is, and elsewhere it says so.
 */
export class IdentityStore {
  readonly dir: string;
  private readonly secrets: SecretWrapper | null;
  private readonly clock: Clock;

  constructor(dataDir: string, options: IdentityStoreOptions = {}) {
    this.dir = path.join(dataDir, 'identities');
    this.secrets = options.secrets ?? null;
    this.clock = options.clock ?? systemClock;
  }

  list(): Identity[] {
    if (!fs.existsSync(this.dir)) return [];
    return fs
      .readdirSync(this.dir)
      .filter((f) => /^[0-9a-f-]{36}\.json$/.test(f))
      .flatMap((f) => {
        // A damaged or foreign file is left out of the list rather than breaking it.
        let parsed;
        try {
          parsed = storedIdentitySchema.safeParse(JSON.parse(fs.readFileSync(path.join(this.dir, f), 'utf8')));
        } catch {
          return [];
        }
        return parsed.success && fs.existsSync(this.p12Path(parsed.data.id)) ? [this.described(parsed.data)] : [];
      })
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  get(id: string): Identity {
    const found = this.list().find((i) => i.id === id);
    if (!found) throw new AppError('not-found', 'No signing identity has this id.');
    return found;
  }

  /** A self-signed RSA 3072 identity for trial use; reports and verification label it as self-signed. */
  createSelfSigned(input: CreateIdentityInput): Identity {
    const { name, role, organisation, passphrase } = parse(createIdentityInputSchema, input);
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 3072 });
    const now = new Date(this.clock.now());
    const notAfter = new Date(now);
    notAfter.setUTCFullYear(notAfter.getUTCFullYear() + selfSignedYears);
    const certificate = buildCertificate({
      subject: { commonName: name, organisation, title: role },
      publicKey,
      selfSigningKey: privateKey,
      // A minute back, so a verifier whose clock runs slightly behind does not call it "not yet valid".
      notBefore: new Date(now.getTime() - 60_000),
      notAfter,
    });
    return this.save(privateKey, [certificate], passphrase, { name, role, organisation });
  }

  /**
   * Imports a .p12/.pfx issued by a certificate authority. The key is stored again under our own
   * encryption with the same passphrase (or `newPassphrase`), so old weak encryptions do not persist.
   */
  importPkcs12(bytes: Buffer, passphrase: string, profile: ImportIdentityProfile, newPassphrase?: string): Identity {
    const { key, certificates } = readPkcs12(bytes, passphrase);
    const storePassphrase = newPassphrase ?? passphrase;
    if (!passphraseSchema.safeParse(storePassphrase).success)
      throw new AppError('validation', 'The passphrase must have at least 8 characters; choose a new one for the stored identity.', [
        { path: ['passphrase'], message: 'signing.validation.passphrase' },
      ]);
    const leaf = certificates.find((c) => keyMatchesCertificate(key, c));
    if (!leaf) throw new AppError('signing', 'The private key in this file does not belong to any certificate in it.');
    const now = new Date(this.clock.now());
    if (now > new Date(leaf.validTo)) throw new AppError('signing', `This certificate expired on ${leaf.validTo}; it can no longer sign.`);
    if (now < new Date(leaf.validFrom)) throw new AppError('signing', `This certificate is not valid until ${leaf.validFrom}.`);
    const chain = buildChain(
      leaf,
      certificates.filter((c) => c !== leaf),
    );
    const summary = describeCertificate(leaf);
    const p = parse(importIdentityProfileSchema, profile);
    return this.save(key, [leaf, ...chain], storePassphrase, {
      name: p.name || summary.commonName,
      role: p.role,
      organisation: p.organisation || summary.organisation,
    });
  }

  /** Signs a PDF with an identity; the key is opened with the passphrase for this one signature only. */
  async signPdf(
    id: string,
    passphrase: string,
    pdf: Buffer,
    options: Omit<SignPdfOptions, 'signerName'> & { signerName?: string },
  ): Promise<Buffer> {
    return this.open(id, passphrase, options.signingTime).signPdf(pdf, options);
  }

  /**
   * A detached CMS signature over any bytes (an assessment package's manifest), with the same checks as
   * a report signature. The key is opened once, for this signature only; the caller learns who signed
   * so it can name the signer beside the signed bytes.
   */
  signDetached(id: string, passphrase: string, content: Buffer): DetachedSignature {
    return this.open(id, passphrase).signDetached(content);
  }

  /** Checks a passphrase without signing anything (for a UI that asks before a long export). */
  checkPassphrase(id: string, passphrase: string): void {
    this.open(id, passphrase);
  }

  /**
   * Opens an identity's key with its passphrase (PBKDF2 and the file's MAC: about half a second) and
   * checks that its certificate may sign now (or at `at`). Each signature checks its own time again.
   */
  open(id: string, passphrase: string, at: Date = new Date(this.clock.now())): UnlockedIdentity {
    const stored = this.get(id);
    const { key, certificates } = readStoredPkcs12(this.keyFileBytes(id), passphrase);
    const [certificate, ...chain] = certificates;
    if (!certificate || !keyMatchesCertificate(key, certificate))
      throw new AppError('signing', 'The stored identity is damaged: its key and certificate do not match.');
    const signer: CmsSigner = { key, certificate, chain };
    const maySignAt = (when: Date) => {
      if (!isValidAt(certificate, when))
        throw new AppError(
          'signing',
          `The signing certificate is not valid on ${when.toISOString()} (valid ${certificate.validFrom} – ${certificate.validTo}).`,
        );
    };
    maySignAt(at);
    const identity: Identity = { ...stored, ...describeCertificate(certificate), keyOpensHere: true };
    return {
      identity,
      signPdf: (pdf, options) => {
        const signingTime = options.signingTime ?? new Date(this.clock.now());
        maySignAt(signingTime);
        return signPdfWith(pdf, signer, { ...options, signingTime, signerName: options.signerName ?? identity.name });
      },
      signDetached: (content) => {
        maySignAt(new Date(this.clock.now()));
        return {
          cms: buildPadesCms(content, signer),
          signer: {
            name: identity.name,
            organisation: identity.organisation,
            role: identity.role,
            fingerprint: certificate.fingerprint256,
          },
        };
      },
    };
  }

  private save(
    key: KeyObject,
    certificates: X509Certificate[],
    passphrase: string,
    profile: { name: string; role: string; organisation: string },
  ): Identity {
    const [leaf, ...chain] = certificates;
    if (!leaf) throw new AppError('signing', 'No certificate to store.');
    const id = newId();
    const stored: StoredIdentity = {
      ...describeCertificate(leaf),
      id,
      ...profile,
      chain: chain.map((c) => describeCertificate(c).subject),
      createdAt: this.clock.now(),
      format: 'tvet-inspector/identity@1',
      keyWrapped: this.secrets !== null,
      keyWrappedBy: this.secrets?.kind ?? null,
    };
    const p12 = writeStoredPkcs12(key, certificates, passphrase, profile.name);
    // Key first, metadata second: a listing only shows identities whose key file is complete.
    writeFileAtomic(this.p12Path(id), this.secrets ? this.secrets.wrap(p12) : p12);
    writeFileAtomic(path.join(this.dir, `${id}.json`), `${JSON.stringify(stored, null, 2)}\n`);
    return this.described(stored);
  }

  /**
   * How the key is locked, and whether this host can open it. Files from before `keyWrapped` was
   * recorded are judged by their key file: bytes that are not a PKCS#12 were wrapped by a keychain.
   */
  private described(stored: StoredIdentity): Identity {
    const keyWrapped = stored.keyWrapped ?? !looksLikePkcs12(this.readKeyFile(stored.id));
    const keyWrappedBy = keyWrapped ? (stored.keyWrappedBy ?? 'os-keychain') : null;
    return { ...stored, keyWrapped, keyWrappedBy, keyOpensHere: !keyWrapped || this.secrets?.kind === keyWrappedBy };
  }

  /**
   * The PKCS#12 bytes, unwrapped when needed. The bytes decide, not the JSON: a key written by the
   * command line opens in the desktop app too, and an edited JSON cannot send a file down the wrong path.
   */
  private keyFileBytes(id: string): Buffer {
    const bytes = this.readKeyFile(id);
    if (looksLikePkcs12(bytes)) return bytes;
    if (!this.secrets)
      throw new AppError('signing', keyInDesktopKeychainMessage, [
        { path: ['identityId'], message: 'signing.errors.keyInDesktopKeychain' },
      ]);
    try {
      return this.secrets.unwrap(bytes);
    } catch {
      throw new AppError(
        'signing',
        "The operating system's keychain did not open this identity's key (was the keychain reset, or the data folder copied from another account?).",
        [{ path: ['identityId'], message: 'signing.errors.keychainRefused' }],
      );
    }
  }

  private readKeyFile(id: string): Buffer {
    try {
      return fs.readFileSync(this.p12Path(id));
    } catch {
      throw new AppError('not-found', 'No signing identity has this id.');
    }
  }

  private p12Path(id: string): string {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw new AppError('not-found', 'No signing identity has this id.');
    return path.join(this.dir, `${id}.p12`);
  }
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = issuesFromZod(result.error);
  throw new AppError(
    'validation',
    `Some information is not valid: ${issues.map((i) => `${i.path.join('.')} (${i.message})`).join(', ')}`,
    issues,
  );
}

import { generateKeyPairSync, type KeyObject, type X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { AppError } from '../../../shared/ipc/result';
import {
  createIdentityInputSchema,
  identitySchema,
  importIdentityProfileSchema,
  passphraseSchema,
  type CreateIdentityInput,
  type Identity,
  type ImportIdentityProfile,
} from '../../../shared/signing/schema';
import { systemClock, type Clock } from '../support/clock';
import { newId } from '../support/ids';
import { writeFileAtomic } from './atomic-file';
import { buildCertificate } from './certificate-builder';
import { buildPadesCms, type CmsSigner } from './cms-sign';
import { buildChain, describeCertificate, isValidAt, keyMatchesCertificate } from './certificates';
import { readPkcs12, readStoredPkcs12, writeStoredPkcs12 } from './pkcs12';
import { noSecretWrapper, type SecretWrapper } from './secret-wrapper';
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

/** Trial identities are valid for three years: long enough for a pilot, short enough to be replaced by a CA's. */
const selfSignedYears = 3;

/**
 * Signing identities as files in the data folder: `identities/<id>.p12` (the key, encrypted with the
 * user's passphrase, optionally wrapped again by the host's SecretWrapper) and `identities/<id>.json`
 * (who it is, for lists and the report). No method returns key material: signing happens in here.
 */
export class IdentityStore {
  readonly dir: string;
  private readonly secrets: SecretWrapper;
  private readonly clock: Clock;

  constructor(dataDir: string, options: IdentityStoreOptions = {}) {
    this.dir = path.join(dataDir, 'identities');
    this.secrets = options.secrets ?? noSecretWrapper;
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
          parsed = identitySchema.safeParse(JSON.parse(fs.readFileSync(path.join(this.dir, f), 'utf8')));
        } catch {
          return [];
        }
        return parsed.success && fs.existsSync(this.p12Path(parsed.data.id)) ? [parsed.data] : [];
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
    const at = options.signingTime ?? new Date(this.clock.now());
    const { identity, signer } = this.unlock(id, passphrase, at);
    return signPdfWith(pdf, signer, { ...options, signingTime: at, signerName: options.signerName ?? identity.name });
  }

  /**
   * A detached CMS signature over any bytes (an assessment package's manifest), with the same checks as
   * a report signature. The key is opened once, for this signature only; the caller learns who signed
   * so it can name the signer beside the signed bytes.
   */
  signDetached(id: string, passphrase: string, content: Buffer): DetachedSignature {
    const { identity, signer } = this.unlock(id, passphrase, new Date(this.clock.now()));
    return {
      cms: buildPadesCms(content, signer),
      signer: {
        name: identity.name,
        organisation: identity.organisation,
        role: identity.role,
        fingerprint: signer.certificate.fingerprint256,
      },
    };
  }

  /** Checks a passphrase without signing anything (for a UI that asks before a long export). */
  checkPassphrase(id: string, passphrase: string): void {
    this.get(id);
    readStoredPkcs12(this.secrets.unwrap(fs.readFileSync(this.p12Path(id))), passphrase);
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
    const identity: Identity = {
      ...describeCertificate(leaf),
      id,
      ...profile,
      chain: chain.map((c) => describeCertificate(c).subject),
      createdAt: this.clock.now(),
      format: 'tvet-inspector/identity@1',
    };
    const p12 = writeStoredPkcs12(key, certificates, passphrase, profile.name);
    // Key first, metadata second: a listing only shows identities whose key file is complete.
    writeFileAtomic(this.p12Path(id), this.secrets.wrap(p12));
    writeFileAtomic(path.join(this.dir, `${id}.json`), `${JSON.stringify(identity, null, 2)}\n`);
    return identity;
  }

  /** Opens an identity's key with its passphrase and checks it may sign at `at`. */
  private unlock(id: string, passphrase: string, at: Date): { identity: Identity; signer: CmsSigner } {
    const identity = this.get(id);
    const { key, certificates } = readStoredPkcs12(this.secrets.unwrap(fs.readFileSync(this.p12Path(id))), passphrase);
    const [certificate, ...chain] = certificates;
    if (!certificate || !keyMatchesCertificate(key, certificate))
      throw new AppError('signing', 'The stored identity is damaged: its key and certificate do not match.');
    if (!isValidAt(certificate, at))
      throw new AppError(
        'signing',
        `The signing certificate is not valid on ${at.toISOString()} (valid ${certificate.validFrom} – ${certificate.validTo}).`,
      );
    return { identity, signer: { key, certificate, chain } };
  }

  private p12Path(id: string): string {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw new AppError('not-found', 'No signing identity has this id.');
    return path.join(this.dir, `${id}.p12`);
  }
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new AppError(
    'validation',
    `Some information is not valid: ${result.error.issues.map((i) => `${i.path.join('.')} (${i.message})`).join(', ')}`,
    result.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message })),
  );
}

import { createHash, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/ipc/result';
import type { TrustedRoot } from '../../../shared/signing/schema';
import { writeFileAtomic } from './atomic-file';
import { describeCertificate, isSelfSigned } from './certificates';

/**
 * The accrediting body's root certificates that head office distributes: `<dataDir>/trusted-roots/*.pem`.
 * Verification says a signer is trusted only when its chain ends at one of these.
 */
export class TrustedRoots {
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'trusted-roots');
  }

  /** Adds a root from PEM text (a single certificate). Adding the same root twice changes nothing. */
  add(pem: string): TrustedRoot {
    const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
    if (blocks.length !== 1) throw new AppError('validation', 'Give exactly one certificate in PEM form (-----BEGIN CERTIFICATE-----).');
    let cert: X509Certificate;
    try {
      cert = new X509Certificate(blocks[0] ?? '');
    } catch {
      throw new AppError('validation', 'The certificate could not be read.');
    }
    if (!cert.ca)
      throw new AppError(
        'validation',
        'This certificate is not a certificate authority (basic constraints CA:FALSE); add the CA’s root instead.',
      );
    if (!isSelfSigned(cert))
      throw new AppError(
        'validation',
        'This is not a root certificate (it is issued by another CA); add the root at the top of the chain.',
      );
    const file = `${createHash('sha256').update(cert.raw).digest('hex').slice(0, 32)}.pem`;
    writeFileAtomic(path.join(this.dir, file), `${cert.toString().trim()}\n`);
    return { ...describeCertificate(cert), file };
  }

  certificates(): X509Certificate[] {
    return this.list().map((r) => r.certificate);
  }

  summaries(): TrustedRoot[] {
    return this.list().map((r) => ({ ...describeCertificate(r.certificate), file: r.file }));
  }

  private list(): { file: string; certificate: X509Certificate }[] {
    if (!fs.existsSync(this.dir)) return [];
    return fs
      .readdirSync(this.dir)
      .filter((f) => f.endsWith('.pem'))
      .sort()
      .flatMap((file) => {
        const text = fs.readFileSync(path.join(this.dir, file), 'utf8');
        // A hand-copied bundle may hold several certificates; an unreadable file is skipped rather than trusted.
        return (text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []).flatMap((block) => {
          try {
            return [{ file, certificate: new X509Certificate(block) }];
          } catch {
            return [];
          }
        });
      });
  }
}

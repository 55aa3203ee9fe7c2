import { SignPdf, Signer } from '@signpdf/signpdf';
import { AppError } from '../../../shared/ipc/result';
import { buildPadesCms, type CmsSigner } from './cms-sign';
import { addSignaturePlaceholder, type SignaturePlacement } from './pdf-placeholder';

export interface SignPdfOptions extends SignaturePlacement {
  /** The signer's name as written in the signature dictionary (/Name). */
  signerName: string;
  reason?: string;
  location?: string;
  contactInfo?: string;
  /** The claimed signing time, written to /M (PAdES keeps it out of the CMS). Default: now. */
  signingTime?: Date;
}

/** @signpdf's Signer contract: it hands us exactly the bytes the ByteRange covers. */
class PadesSigner extends Signer {
  constructor(private readonly signer: CmsSigner) {
    super();
  }
  override async sign(signedBytes: Buffer): Promise<Buffer> {
    return buildPadesCms(signedBytes, this.signer);
  }
}

/**
 * Signs a PDF as an incremental update: a signature field on the given page and rectangle, then a PAdES
 * B-B CMS over every byte except the /Contents placeholder. The printed report's bytes are kept as they
 * were, so the first revision is still exactly what Chromium wrote.
 */
export async function signPdfWith(pdf: Buffer, signer: CmsSigner, options: SignPdfOptions): Promise<Buffer> {
  const certBytes = [signer.certificate, ...signer.chain].reduce((n, c) => n + c.raw.length, 0);
  // Room for the certificates, the signed attributes and a signature of up to 8192-bit RSA, plus slack.
  const signatureLength = certBytes + 4096;
  const prepared = addSignaturePlaceholder(pdf, {
    ...options,
    signingTime: options.signingTime ?? new Date(),
    signatureLength,
  });
  try {
    return await new SignPdf().sign(prepared, new PadesSigner(signer));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('signing', `The PDF could not be signed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

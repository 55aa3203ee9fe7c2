import { AppError } from '../../../shared/ipc/result';
import { megabytes, refusal } from '../../../shared/evidence/refusals';
import { newId } from '../support/ids';

interface Staged {
  chunks: Buffer[];
  size: number;
  touched: number;
}

export interface StagingOptions {
  maxOpen: number;
  idleMs: number;
  now?: () => number;
}

/**
 * Files bigger than one request (more than `EVIDENCE_TRANSFER.inlineBytes`) arrive in pieces and wait here,
 * in memory, until `evidence:attach` names them. Bounded: a few uploads at a time, each no bigger than
 * the per-file limit, and forgotten after a while without news, so an abandoned upload costs nothing.
 */
export class UploadStaging {
  private readonly uploads = new Map<string, Staged>();
  private readonly now: () => number;

  constructor(private readonly options: StagingOptions) {
    this.now = options.now ?? Date.now;
  }

  append(uploadId: string | null, offset: number, bytes: Buffer, maxFileBytes: number): { uploadId: string; received: number } {
    this.expire();
    let id = uploadId;
    let staged: Staged | undefined;
    if (id === null) {
      if (offset !== 0)
        throw new AppError('validation', 'The first part of a file must start at 0.', [
          { path: ['offset'], message: refusal('uploadOrder') },
        ]);
      if (this.uploads.size >= this.options.maxOpen) {
        throw new AppError('conflict', 'Too many files are being sent at once.', [{ path: [], message: refusal('tooManyUploads') }]);
      }
      id = newId();
      staged = { chunks: [], size: 0, touched: this.now() };
      this.uploads.set(id, staged);
    } else {
      staged = this.uploads.get(id);
      if (staged === undefined) {
        throw new AppError('not-found', 'This upload has expired. Attach the file again.', [
          { path: ['uploadId'], message: refusal('uploadMissing', { name: '' }) },
        ]);
      }
      if (offset !== staged.size) {
        this.uploads.delete(id);
        throw new AppError('validation', 'Part of a file arrived out of order.', [{ path: ['offset'], message: refusal('uploadOrder') }]);
      }
    }
    if (staged.size + bytes.length > maxFileBytes) {
      this.uploads.delete(id);
      const message = refusal('fileTooLarge', {
        name: '',
        size: megabytes(staged.size + bytes.length, 'up'),
        limit: megabytes(maxFileBytes),
      });
      throw new AppError('validation', `The file is larger than the limit of ${megabytes(maxFileBytes)} MB per file.`, [
        { path: ['chunkBase64'], message },
      ]);
    }
    staged.chunks.push(bytes);
    staged.size += bytes.length;
    staged.touched = this.now();
    return { uploadId: id, received: staged.size };
  }

  /** The whole file, handed over once; undefined when the id is unknown or expired. */
  take(uploadId: string): Buffer | undefined {
    this.expire();
    const staged = this.uploads.get(uploadId);
    if (staged === undefined) return undefined;
    this.uploads.delete(uploadId);
    return Buffer.concat(staged.chunks, staged.size);
  }

  get open(): number {
    return this.uploads.size;
  }

  private expire(): void {
    const cutoff = this.now() - this.options.idleMs;
    for (const [id, staged] of this.uploads) if (staged.touched < cutoff) this.uploads.delete(id);
  }
}

import { PACKAGE_TRANSFER } from '../../../../shared/exchange/contract';
import type { Result } from '../../../../shared/ipc/result';
import { invoke } from '../../api/client';
import { base64ToBlob, downloadBlob, readAsBase64 } from '../../files';

/** Bytes sent (or received) so far, of the whole file. */
export type TransferProgress = (done: number, total: number) => void;

/**
 * Sends a chosen package to the services in pieces, in order (the services write them to a staging
 * file, so a package of gigabytes never sits in memory on either side). An upload that fails part way
 * is discarded, so no half-sent file stays behind.
 */
export async function uploadPackage(file: Blob, fileName: string, onProgress: TransferProgress): Promise<Result<{ uploadId: string }>> {
  const size = file.size;
  let uploadId: string | null = null;
  let offset = 0;
  do {
    const piece = file.slice(offset, offset + PACKAGE_TRANSFER.chunkBytes);
    const chunkBase64 = await readAsBase64(piece);
    const r: Result<{ uploadId: string; received: number }> = await invoke('packages:upload-chunk', {
      uploadId,
      ...(uploadId === null ? { fileName: fileName.slice(0, 255) } : {}),
      offset,
      chunkBase64,
    });
    if (!r.ok) {
      if (uploadId !== null) await invoke('packages:discard', { uploadId });
      return r;
    }
    uploadId = r.value.uploadId;
    offset += piece.size;
    onProgress(offset, size);
  } while (offset < size);
  return { ok: true, value: { uploadId: uploadId ?? '' } };
}

/** The browser's way to save an exported package: read it in pieces, then offer it as one download. */
export async function downloadPackage(exportId: string, fileName: string, onProgress: TransferProgress): Promise<Result<{ size: number }>> {
  const parts: Blob[] = [];
  let offset = 0;
  for (;;) {
    const r = await invoke('packages:download-chunk', { exportId, offset });
    if (!r.ok) return r;
    parts.push(base64ToBlob(r.value.chunkBase64, 'application/octet-stream'));
    onProgress(r.value.nextOffset, r.value.size);
    if (r.value.nextOffset >= r.value.size) break;
    // A piece that moves nothing forward would loop for ever: stop and say so.
    if (r.value.nextOffset <= offset) return { ok: false, error: { code: 'io', message: 'exchange.upload.failed' } };
    offset = r.value.nextOffset;
  }
  const blob = new Blob(parts, { type: 'application/octet-stream' });
  downloadBlob(blob, fileName);
  return { ok: true, value: { size: blob.size } };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

import { megabytes, refusal } from '../../../../../shared/evidence/refusals';
import { EVIDENCE_TRANSFER, type EvidenceItem, type EvidenceLimits, type EvidenceLink } from '../../../../../shared/evidence/schema';
import type { ResponseOf } from '../../../../../shared/ipc/contract';
import type { AppErrorData, Result } from '../../../../../shared/ipc/result';
import { invoke } from '../../../api/client';
import { readAsBase64 } from '../../../files';

export interface AttachDetailsInput {
  assessmentId: string;
  links: EvidenceLink[];
  evidenceType: string;
  caption: string;
}

export interface AttachOutcome {
  attached: EvidenceItem[];
  deduplicated: number;
  failures: { name: string; error: AppErrorData }[];
}

function refusedHere(message: string): AppErrorData {
  return { code: 'validation', message, issues: [{ path: ['files', 0], message }] };
}

/** Progress of an attach: the file being sent (`index` of `count`) and how much of it has gone, 0–100. */
export type AttachProgress = (name: string, pct: number, index: number, count: number) => void;

/**
 * Sends files one by one, so each succeeds or fails on its own and progress is shown per file. A file
 * up to one piece goes in a single request; a bigger one in 1 MB pieces (see EVIDENCE_TRANSFER), then
 * is attached by its upload id. Sizes are checked here first so a 2 GB video is never
 * read; the services check everything again.
 */
export async function attachFiles(
  details: AttachDetailsInput,
  files: readonly File[],
  limits: EvidenceLimits | null,
  onProgress: AttachProgress,
): Promise<AttachOutcome> {
  const outcome: AttachOutcome = { attached: [], deduplicated: 0, failures: [] };
  for (const [index, file] of files.entries()) {
    const fail = (error: AppErrorData) => outcome.failures.push({ name: file.name, error });
    if (file.size === 0) {
      fail(refusedHere(refusal('empty', { name: file.name })));
      continue;
    }
    if (limits !== null && file.size > limits.maxFileBytes) {
      fail(
        refusedHere(refusal('fileTooLarge', { name: file.name, size: megabytes(file.size, 'up'), limit: megabytes(limits.maxFileBytes) })),
      );
      continue;
    }
    onProgress(file.name, 0, index, files.length);
    try {
      const input = await send(file, (pct) => onProgress(file.name, pct, index, files.length));
      if ('error' in input) {
        fail(input.error);
        continue;
      }
      const r = await invoke('evidence:attach', { ...details, files: [input] });
      if (!r.ok) fail(r.error);
      else {
        outcome.attached.push(...r.value.items);
        outcome.deduplicated += r.value.deduplicated;
      }
    } catch {
      fail(refusedHere(refusal('unreadable', { name: file.name })));
    }
  }
  return outcome;
}

async function send(
  file: File,
  progress: (pct: number) => void,
): Promise<{ name: string; contentBase64: string } | { name: string; uploadId: string } | { error: AppErrorData }> {
  const piece = EVIDENCE_TRANSFER.pieceBytes;
  if (file.size <= piece) return { name: file.name, contentBase64: await readAsBase64(file) };
  let uploadId: string | null = null;
  for (let offset = 0; offset < file.size; offset += piece) {
    const chunkBase64 = await readAsBase64(file.slice(offset, offset + piece));
    const r: Result<ResponseOf<'evidence:upload-chunk'>> = await invoke('evidence:upload-chunk', { uploadId, offset, chunkBase64 });
    if (!r.ok) return { error: r.error };
    uploadId = r.value.uploadId;
    progress(Math.round((r.value.received / file.size) * 100));
  }
  return { name: file.name, uploadId: uploadId! };
}

/** Image files from a paste (a screenshot or a photo copied from another program), named by the time. */
export function pastedImages(data: DataTransfer | null): File[] {
  if (data === null) return [];
  const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return [...data.files]
    .filter((f) => f.type.startsWith('image/'))
    .map((f, i) => new File([f], `pasted-${stamp}${i > 0 ? `-${i + 1}` : ''}.${f.type.split('/')[1] ?? 'png'}`, { type: f.type }));
}

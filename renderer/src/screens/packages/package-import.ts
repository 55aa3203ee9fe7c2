import type { TFunction } from 'i18next';
import { PACKAGE_EXTENSION, type PackagePreview } from '../../../../shared/exchange/schema';
import { invoke } from '../../api/client';
import type { AppErrorData } from '../../../../shared/ipc/result';
import { uploadPackage } from './transfer';

/** A package to import: a file chosen in the browser, or one the desktop app already copied to staging. */
export type PackageSource = { kind: 'file'; file: File } | { kind: 'staged'; uploadId: string; fileName: string };

export const sourceName = (s: PackageSource) => (s.kind === 'file' ? s.file.name : s.fileName);

/** A refusal keeps the error itself, so its words follow the language chosen later. */
export type Checked = { kind: 'preview'; preview: PackagePreview } | { kind: 'refused'; fileName: string; error: AppErrorData };

/** Share of one package's work done (0–1: sending it, then checking it), with what is happening. */
export type StepProgress = (fraction: number, label: string) => void;

/**
 * Sends a package to the services (if it is not staged yet) and asks for its preview, which writes
 * nothing. A package refused on the way is discarded and comes back as the reasons, in words.
 */
export async function stageAndPreview(t: TFunction, source: PackageSource, onProgress: StepProgress): Promise<Checked> {
  const fileName = sourceName(source);
  let uploadId: string;
  if (source.kind === 'file') {
    const sending = t('exchange.upload.sending', { name: fileName });
    onProgress(0, sending);
    const up = await uploadPackage(source.file, fileName, (done, total) => onProgress(total > 0 ? (0.8 * done) / total : 0.8, sending));
    if (!up.ok) return { kind: 'refused', fileName, error: up.error };
    uploadId = up.value.uploadId;
  } else uploadId = source.uploadId;
  onProgress(0.85, t('exchange.upload.checking'));
  const preview = await invoke('packages:preview', { uploadId });
  if (preview.ok) return { kind: 'preview', preview: preview.value };
  await invoke('packages:discard', { uploadId });
  return { kind: 'refused', fileName, error: preview.error };
}

/** Only package files from a chosen folder, in name order so a run is repeatable. */
export function packageFiles(files: File[]): File[] {
  return files
    .filter((f) => f.name.toLowerCase().endsWith(PACKAGE_EXTENSION))
    .sort((a, b) => (a.webkitRelativePath || a.name).localeCompare(b.webkitRelativePath || b.name));
}

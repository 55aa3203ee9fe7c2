import type { TFunction } from 'i18next';
import type { ImportOutcome } from '../../../../shared/exchange/schema';
import { invoke } from '../../api/client';
import { formatNumber } from '../../format';
import type { AppErrorData } from '../../../../shared/ipc/result';
import { sourceName, stageAndPreview, type PackageSource } from './package-import';

export type FolderResult = 'imported' | 'skipped' | 'conflict' | 'refused' | 'resolved' | 'cancelled';

export interface FolderRow {
  fileName: string;
  result: FolderResult;
  /** What an import did, or why the package was refused (put in words when shown, in the language of the moment). */
  outcome: ImportOutcome | null;
  error: AppErrorData | null;
  /** A package in conflict stays staged so a person can open its preview and choose. */
  uploadId: string | null;
  conflicts: number;
}

export function outcomeDetail(t: TFunction, outcome: ImportOutcome): string {
  return t('exchange.folder.importedDetail', {
    added: formatNumber(outcome.added),
    updated: formatNumber(outcome.updated),
    unchanged: formatNumber(outcome.unchanged),
  });
}

/**
 * Head office's folder import: one package after another — send, preview, then skip it (already
 * imported), leave it for a person (conflicts), record why it was refused, or apply it.
 */
export async function importFolder(
  t: TFunction,
  sources: PackageSource[],
  report: (done: number, total: number, label: string) => void,
  onRow: (rows: FolderRow[]) => void,
): Promise<FolderRow[]> {
  const rows: FolderRow[] = [];
  const push = (row: FolderRow) => {
    rows.push(row);
    onRow([...rows]);
  };
  for (const [index, source] of sources.entries()) {
    const fileName = sourceName(source);
    const label = t('exchange.folder.progress', { n: formatNumber(index + 1), total: formatNumber(sources.length), name: fileName });
    report(index, sources.length, label);
    const checked = await stageAndPreview(t, source, (fraction) => report(index + fraction, sources.length, label));
    if (checked.kind === 'refused') {
      push({ fileName, result: 'refused', outcome: null, error: checked.error, uploadId: null, conflicts: 0 });
      continue;
    }
    const { preview } = checked;
    if (preview.alreadyImported) {
      await invoke('packages:discard', { uploadId: preview.uploadId });
      push({ fileName, result: 'skipped', outcome: null, error: null, uploadId: null, conflicts: 0 });
      continue;
    }
    if (preview.conflicts.length > 0) {
      push({ fileName, result: 'conflict', outcome: null, error: null, uploadId: preview.uploadId, conflicts: preview.conflicts.length });
      continue;
    }
    const applied = await invoke('packages:apply', { uploadId: preview.uploadId, choices: [] });
    if (applied.ok) {
      const skipped = applied.value.status === 'already-imported';
      push({
        fileName,
        result: skipped ? 'skipped' : 'imported',
        outcome: skipped ? null : applied.value,
        error: null,
        uploadId: null,
        conflicts: 0,
      });
    } else {
      await invoke('packages:discard', { uploadId: preview.uploadId });
      push({ fileName, result: 'refused', outcome: null, error: applied.error, uploadId: null, conflicts: 0 });
    }
  }
  report(sources.length, sources.length, t('exchange.folder.running'));
  return rows;
}

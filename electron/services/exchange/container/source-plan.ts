import fs from 'node:fs';
import { entryKindOf, MANIFEST_BOUNDS } from '../../../../shared/exchange/manifest';
import { AppError } from '../../../../shared/ipc/result';
import { collisionKey, isUnsafeName, shownName } from './entry-names';
import { refused } from './refuse';

/**
 * One file to put in a package, under its entry path: bytes already in memory (JSON the exporter
 * made), or a file on disk streamed at write time (evidence, reports).
 */
export type PackageSource = { path: string; bytes: Buffer } | { path: string; file: string };

export type PlannedSource = { path: string; size: number; compress: boolean } & (
  { bytes: Buffer; file?: never } | { file: string; bytes?: never }
);

/**
 * Checks the sources against the same rules the reader applies, so this app never writes a package it
 * would refuse, and learns their sizes for progress. Evidence and PDFs are already compressed: they
 * are stored as they are, which is faster and costs nothing; JSON and PEM text are deflated.
 */
export async function planSources(sources: PackageSource[]): Promise<PlannedSource[]> {
  if (sources.length + 2 > MANIFEST_BOUNDS.entries)
    throw refused('tooManyEntries', { count: sources.length + 2, limit: MANIFEST_BOUNDS.entries });
  const seen = new Set<string>();
  const planned: PlannedSource[] = [];
  for (const source of sources) {
    const entry = shownName(source.path);
    if (isUnsafeName(source.path)) throw refused('unsafeEntryName', { entry });
    const kind = entryKindOf(source.path);
    if (!kind) throw refused('entryNotAllowed', { entry });
    if (seen.has(collisionKey(source.path))) throw refused('duplicateEntry', { entry });
    seen.add(collisionKey(source.path));
    const compress = kind !== 'evidence' && kind !== 'report';
    if ('bytes' in source) {
      planned.push({ path: source.path, size: source.bytes.length, compress, bytes: source.bytes });
      continue;
    }
    const stat = await fs.promises.stat(source.file).catch((error: Error) => {
      throw new AppError('io', `The file for “${entry}” could not be read: ${error.message}`);
    });
    if (!stat.isFile()) throw new AppError('io', `The file for “${entry}” is not a regular file.`);
    planned.push({ path: source.path, size: stat.size, compress, file: source.file });
  }
  return planned;
}

import fs from 'node:fs';
import path from 'node:path';
import type { EvidenceMediaType } from '../../../shared/evidence/media-types';
import { megabytes, refusal, refusalInEnglish } from '../../../shared/evidence/refusals';
import type { EvidenceLimits } from '../../../shared/evidence/schema';
import { AppError, type Issue } from '../../../shared/ipc/result';
import { exifDateTaken } from './exif-date';
import { safeFileName } from './file-name';
import { sha256OfBytes } from './hash';
import { detectMediaType } from './media-type';

/** A file as it arrived: a safe name and its bytes; `index` is its place in the request (for issue paths). */
export interface IncomingFile {
  index: number;
  name: string;
  bytes: Buffer;
}

export interface CheckedFile extends IncomingFile {
  mediaType: EvidenceMediaType;
  sha256: string;
  takenAt: string | null;
}

export function refused(issues: Issue[]): AppError {
  const summary = issues.map((i) => refusalInEnglish(i.message)).join(' ');
  return new AppError('validation', summary || 'The evidence was not attached.', issues);
}

/**
 * Checks every file before any is stored: not empty, within the per-file limit, and of an allowed type
 * judged by its bytes. All problems are reported at once, so the inspector fixes them in one go.
 * Then hashes the accepted files (off the event loop) and reads a photo's EXIF date.
 */
export async function checkIncoming(files: readonly IncomingFile[], limits: EvidenceLimits): Promise<CheckedFile[]> {
  const issues: Issue[] = [];
  const accepted: (IncomingFile & { mediaType: EvidenceMediaType })[] = [];
  for (const file of files) {
    const at = ['files', file.index];
    const name = file.name;
    if (file.bytes.length === 0) issues.push({ path: at, message: refusal('empty', { name }) });
    else if (file.bytes.length > limits.maxFileBytes) {
      issues.push({
        path: at,
        message: refusal('fileTooLarge', { name, size: megabytes(file.bytes.length, 'up'), limit: megabytes(limits.maxFileBytes) }),
      });
    } else {
      const mediaType = detectMediaType(file.bytes, name);
      if (mediaType === null) issues.push({ path: at, message: refusal('notAllowed', { name }) });
      else accepted.push({ ...file, mediaType });
    }
  }
  if (issues.length > 0) throw refused(issues);
  const checked: CheckedFile[] = [];
  for (const file of accepted) {
    checked.push({
      ...file,
      sha256: await sha256OfBytes(file.bytes),
      takenAt: file.mediaType === 'image/jpeg' ? exifDateTaken(file.bytes) : null,
    });
  }
  return checked;
}

/**
 * Reads files the person chose in the desktop app's own dialog. The size is checked before reading,
 * so choosing a huge video or a device file costs nothing; only regular files are read.
 */
export async function readChosenFiles(paths: readonly string[], limits: EvidenceLimits): Promise<IncomingFile[]> {
  const issues: Issue[] = [];
  const files: IncomingFile[] = [];
  for (const [index, file] of paths.entries()) {
    const name = safeFileName(path.basename(file));
    const at = ['files', index];
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(file);
    } catch {
      issues.push({ path: at, message: refusal('unreadable', { name }) });
      continue;
    }
    if (!stat.isFile()) issues.push({ path: at, message: refusal('notAFile', { name }) });
    else if (stat.size > limits.maxFileBytes) {
      issues.push({
        path: at,
        message: refusal('fileTooLarge', { name, size: megabytes(stat.size, 'up'), limit: megabytes(limits.maxFileBytes) }),
      });
    } else {
      try {
        files.push({ index, name, bytes: await fs.promises.readFile(file) });
      } catch {
        issues.push({ path: at, message: refusal('unreadable', { name }) });
      }
    }
  }
  if (issues.length > 0) throw refused(issues);
  return files;
}

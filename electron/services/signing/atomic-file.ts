import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { privateDirMode, privateFileMode } from '../support/private-files';

/**
 * Writes a file so that a power cut leaves either the old or the new content, never half of one:
 * write a temporary file beside it, flush it to disk, then rename over the target.
 */
export function writeFileAtomic(target: string, data: Buffer | string, mode = privateFileMode): void {
  fs.mkdirSync(path.dirname(target), { recursive: true, mode: privateDirMode });
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = fs.openSync(temp, 'wx', mode);
  try {
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

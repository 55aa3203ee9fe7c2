import fs from 'node:fs';
import path from 'node:path';

/**
 * The data folder holds assessments, evidence photos, signed reports and signing keys: only its owner
 * may read any of it. The umask can only take permissions away, so asking for these modes explicitly
 * at every mkdir and open gives exactly these whatever the umask; `chmod` fixes what an older version
 * (or another program) created more open.
 */
export const privateFileMode = 0o600;
export const privateDirMode = 0o700;

/** Creates the folder (and any missing parents) for its owner only, and closes an existing one to others. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: privateDirMode });
  restrict(dir, privateDirMode);
}

/** Async form, for the write paths that must not block (evidence, thumbnails). Only new folders are created private. */
export async function ensurePrivateDirAsync(dir: string): Promise<void> {
  await fs.promises.mkdir(dir, { recursive: true, mode: privateDirMode });
}

/** Closes an existing file to everyone but its owner; a missing file is fine. */
export function restrictFile(file: string): void {
  restrict(file, privateFileMode);
}

function restrict(target: string, mode: number): void {
  try {
    const stat = fs.lstatSync(target);
    if (stat.isSymbolicLink()) return;
    if ((stat.mode & 0o777) !== mode && (process.getuid === undefined || stat.uid === process.getuid())) fs.chmodSync(target, mode);
  } catch {
    // Missing, or a file system without Unix permissions (a FAT stick) or mounted read-only: closing an
    // existing file is a precaution, never a reason not to open the data folder. New files get the mode anyway.
  }
}

/** Creates an empty file for its owner only when it does not exist yet (so that a program creating it later keeps the mode). */
export function createPrivateFile(file: string): void {
  try {
    fs.closeSync(fs.openSync(file, 'wx', privateFileMode));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    restrictFile(file);
  }
}

/**
 * At start-up: the data folder and what is directly in it, for its owner only. Files written by this
 * version are private already; this closes folders and files an older version left open (the folder
 * itself being 0700 is what keeps everything below it from other users).
 */
export function closeDataFolder(dataDir: string): void {
  ensurePrivateDir(dataDir);
  for (const entry of fs.readdirSync(dataDir, { withFileTypes: true })) {
    const target = path.join(dataDir, entry.name);
    if (entry.isDirectory()) restrict(target, privateDirMode);
    else if (entry.isFile()) restrict(target, privateFileMode);
  }
}

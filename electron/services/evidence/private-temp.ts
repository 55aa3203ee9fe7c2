import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A folder in the system's temporary folder that only this user can enter, for copies handed to other
 * programs. The shared temporary folder (/tmp) is writable by every user, so a fixed name there could
 * be created first by someone else — as a folder they can read, or a link to one. The per-user folder
 * (`tvet-inspector-<uid>`) is used only when it is a real folder owned by this user with no access for
 * anyone else; otherwise a new folder with a random name (mkdtemp: created for its owner only) is used.
 * Windows gives every user a temporary folder of their own, so the fixed name is safe there.
 */
export async function privateTempDir(purpose: string, tmp: string = os.tmpdir()): Promise<string> {
  const uid = process.getuid?.();
  const base = path.join(tmp, uid === undefined ? 'tvet-inspector' : `tvet-inspector-${uid}`);
  if (await ownPrivateFolder(base, uid)) {
    const dir = path.join(base, purpose);
    if (await ownPrivateFolder(dir, uid)) return dir;
  }
  return fs.promises.mkdtemp(path.join(tmp, `tvet-inspector-${purpose}-`));
}

/** Makes the folder for its owner only if missing; true when it is (now) a real folder, ours, closed to others. */
async function ownPrivateFolder(dir: string, uid: number | undefined): Promise<boolean> {
  try {
    await fs.promises.mkdir(dir, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return false;
  }
  try {
    const stat = await fs.promises.lstat(dir);
    if (!stat.isDirectory() || stat.isSymbolicLink()) return false;
    if (uid === undefined) return true;
    return stat.uid === uid && (stat.mode & 0o077) === 0;
  } catch {
    return false;
  }
}

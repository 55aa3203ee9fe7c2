import fs from 'node:fs';
import path from 'node:path';
import { ensurePrivateDir, privateFileMode } from '../support/private-files';

/**
 * Which other processes have this evidence store open. Each process that opens the store leaves a
 * marker named after its pid in `<store>/holders`; a marker whose process is gone (it exited or was
 * killed) is removed here. The desktop app, the browser host and the command line may share one data
 * folder, and a process stores an evidence file a moment before the record that refers to it commits:
 * while another one is alive, a file without a record may be one it is about to record.
 */
export function otherStoreHoldersAlive(storeRoot: string): boolean {
  const dir = path.join(storeRoot, 'holders');
  ensurePrivateDir(dir);
  let othersAlive = false;
  for (const name of fs.readdirSync(dir)) {
    if (!/^\d{1,10}$/.test(name)) continue;
    const pid = Number(name);
    if (pid === process.pid) continue;
    if (isAlive(pid)) othersAlive = true;
    else fs.rmSync(path.join(dir, name), { force: true });
  }
  try {
    fs.writeFileSync(path.join(dir, String(process.pid)), '', { mode: privateFileMode });
  } catch {
    // A read-only folder: nothing of this process can be half-written there either.
  }
  return othersAlive;
}

/** A pid reused by an unrelated process reads as alive: that only makes the cleanup more careful. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

import os from 'node:os';
import path from 'node:path';

export const appFolderName = 'TVET Inspector';

/** The database inside a data folder. */
export function databasePathIn(dataDir: string): string {
  return path.join(dataDir, 'tvet-inspector.db');
}

/**
 * The per-user folder the desktop app uses (Electron's `userData`), plus `data/`. The browser host and
 * the command line default to the same folder so all three see the same institutions.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  let appData: string;
  if (platform === 'win32') appData = env.APPDATA ?? path.join(home, 'AppData', 'Roaming');
  else if (platform === 'darwin') appData = path.join(home, 'Library', 'Application Support');
  else appData = env.XDG_CONFIG_HOME ?? path.join(home, '.config');
  return path.join(appData, appFolderName, 'data');
}

import path from 'node:path';
import { AppServices } from '../services/app-services';
import { readAppVersion } from '../services/support/app-version';
import { defaultDataDir } from '../services/support/data-dir';

export const exitCodes = { ok: 0, failed: 1, usage: 2 } as const;

export class UsageError extends Error {}

export interface Output {
  json: boolean;
  out: (text: string) => void;
  err: (text: string) => void;
}

export function openServices(dataDir: string | undefined): AppServices {
  const root = path.resolve(import.meta.dirname, '..', '..');
  return new AppServices({
    dataDir: path.resolve(dataDir ?? defaultDataDir()),
    host: 'cli',
    appVersion: readAppVersion(path.join(root, 'package.json')),
    bundledFrameworksDir: path.join(root, 'resources', 'frameworks'),
  });
}

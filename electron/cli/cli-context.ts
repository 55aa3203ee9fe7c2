import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/ipc/result';
import { AppServices, type AppServicesOptions } from '../services/app-services';
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
  return new AppServices(cliServicesOptions(dataDir));
}

/** What the command line opens the services with (`backup restore` needs them to reopen them). */
export function cliServicesOptions(dataDir: string | undefined): AppServicesOptions {
  const root = path.resolve(import.meta.dirname, '..', '..');
  return {
    dataDir: path.resolve(dataDir ?? defaultDataDir()),
    host: 'cli',
    appVersion: readAppVersion(path.join(root, 'package.json')),
    bundledFrameworksDir: path.join(root, 'resources', 'frameworks'),
  };
}

/** From a file (first line) or TVET_PASSPHRASE, as `identity` reads it: never on the command line. */
export function readPassphrase(file: string | undefined): string {
  if (file) {
    try {
      return fs.readFileSync(path.resolve(file), 'utf8').split(/\r?\n/)[0] ?? '';
    } catch {
      throw new AppError('not-found', `Cannot read ${path.resolve(file)}.`);
    }
  }
  const fromEnv = process.env.TVET_PASSPHRASE;
  if (fromEnv !== undefined) return fromEnv;
  throw new UsageError('Give the passphrase with --passphrase-file <file> or the TVET_PASSPHRASE environment variable.');
}

import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { LiveServices } from '../services/backup/live-services';
import { startBackupSchedule } from '../services/backup/schedule';
import { createDispatcher } from '../services/dispatcher';
import { defaultDataDir } from '../services/support/data-dir';
import { readAppVersion } from '../services/support/app-version';
import { startBrowserHost } from './server';

const usage = `Usage: npm run start:browser -- [--data-dir <folder>] [--port <number>]

Serves TVET Inspector to a browser on this computer only (127.0.0.1).
  --data-dir  where the database lives (default: ${defaultDataDir()})
  --port      port to listen on (default: any free port)`;

/** How long after the host starts listening it first asks whether the daily backup is due. */
const firstBackupCheckMs = 5_000;

async function main(): Promise<number> {
  let values: { 'data-dir'?: string; port?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a whole number from 0 to 65535.\n\n${usage}`);
    return 2;
  }
  const root = path.resolve(import.meta.dirname, '..', '..');
  const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
  // Live services: a restore from the Backups screen closes and reopens them under the same dispatcher.
  const live = new LiveServices(
    {
      dataDir,
      host: 'browser',
      appVersion: readAppVersion(path.join(root, 'package.json')),
      bundledFrameworksDir: path.join(root, 'resources', 'frameworks'),
    },
    'browser',
  );
  const dispatch = createDispatcher(live.handlers, {
    logError: (channel, error) => console.error(`[${channel}]`, error),
  });
  const token = randomBytes(32).toString('hex');
  const { server, url } = await startBrowserHost({
    dispatch,
    token,
    port,
    rendererDir: process.env.TVET_RENDERER_DIR ?? path.join(root, 'out', 'renderer'),
  });
  // The daily backup copies the whole database (2 GB at national scale): checked once the first screen
  // has had time to load, not while it loads (B6 in `npm run bench`).
  const stopBackups = startBackupSchedule(() => live.backupIfDue(), {
    firstAfterMs: firstBackupCheckMs,
    onError: (error) => console.error('[backup]', error),
  });
  console.log(`TVET Inspector (browser mode) is running. Data folder: ${dataDir}`);
  console.log(`Open this address in Chromium, Chrome, Edge or Firefox on this computer:\n\n  ${url}\n`);
  console.log(`TVET_INSPECTOR_URL=${url}`);
  const stop = () => {
    stopBackups();
    server.close();
    live.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return -1;
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

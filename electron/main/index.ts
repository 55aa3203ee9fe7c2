import path from 'node:path';
import { app, BrowserWindow, ipcMain, Menu } from 'electron';
import { LiveServices } from '../services/backup/live-services';
import { startBackupSchedule } from '../services/backup/schedule';
import { createDispatcher } from '../services/dispatcher';
import { buildMenu } from './menu';
import { electronFileDialogs, electronSystemViewer } from './evidence-adapters';
import { electronPackageDialogs } from './package-adapters';
import { electronPdfPrinter } from './print-window';
import { safeStorageSecrets } from './safe-storage-secrets';
import { registerRendererScheme, rendererDirFor, serveRenderer } from './renderer-protocol';
import { hardenApp, isTrustedSender, rendererOrigin } from './security';
import { loadWindowState, trackWindowState } from './window-state';

// The Electron host is deliberately thin: all domain work happens in the services.
app.enableSandbox();
registerRendererScheme();

// One running copy: a second launch focuses the first window instead of opening the database twice.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  void app.whenReady().then(() => {
    hardenApp();
    // TVET_INSPECTOR_DATA_DIR lets tests and portable installs choose the folder; default is per user.
    const dataDir = process.env.TVET_INSPECTOR_DATA_DIR ?? path.join(app.getPath('userData'), 'data');
    // Live services: a restore from the Backups screen closes and reopens them under the same dispatcher.
    const live = new LiveServices(
      {
        dataDir,
        host: 'electron',
        appVersion: app.getVersion(),
        bundledFrameworksDir: path.join(app.getAppPath(), 'resources', 'frameworks'),
        secrets: safeStorageSecrets(),
        fileDialogs: electronFileDialogs(() => mainWindow),
        systemViewer: electronSystemViewer,
        packageDialogs: electronPackageDialogs(() => mainWindow),
        printPdf: electronPdfPrinter(path.join(app.getAppPath(), 'resources', 'fonts')),
      },
      'electron',
    );
    const dispatch = createDispatcher(live.handlers, {
      logError: (channel, error) => console.error(`[${channel}]`, error),
    });
    const stopBackups = startBackupSchedule(() => live.backupIfDue(), { onError: (error) => console.error('[backup]', error) });
    ipcMain.handle('tvet:invoke', async (event, channel: unknown, request: unknown) => {
      if (!isTrustedSender(event.senderFrame)) {
        return { ok: false, error: { code: 'unauthorized', message: 'Requests are accepted from the app window only.' } };
      }
      const result = await dispatch(channel, request);
      // The native menu follows the language the user picks in the app (or the one a restored backup holds).
      if ((channel === 'settings:update' || channel === 'backups:restore') && result.ok && mainWindow) {
        Menu.setApplicationMenu(buildMenu(mainWindow, dataDir, live.current.settings.get().language));
      }
      return result;
    });
    serveRenderer(rendererDirFor(import.meta.dirname));

    const state = loadWindowState(app.getPath('userData'));
    mainWindow = new BrowserWindow({
      ...state.bounds,
      minWidth: 900,
      minHeight: 600,
      show: false,
      title: 'TVET Inspector',
      webPreferences: {
        preload: path.join(import.meta.dirname, '..', 'preload', 'index.cjs'),
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        webSecurity: true,
        webviewTag: false,
        spellcheck: false,
      },
    });
    if (state.maximized) mainWindow.maximize();
    trackWindowState(mainWindow, app.getPath('userData'));
    Menu.setApplicationMenu(buildMenu(mainWindow, dataDir, live.current.settings.get().language));
    mainWindow.once('ready-to-show', () => mainWindow?.show());
    void mainWindow.loadURL(`${rendererOrigin}/index.html`);

    app.on('window-all-closed', () => {
      stopBackups();
      live.close();
      app.quit();
    });
  });
}

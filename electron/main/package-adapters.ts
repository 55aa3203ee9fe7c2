import fs from 'node:fs';
import path from 'node:path';
import { dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { PACKAGE_EXTENSION } from '../../shared/exchange/schema';
import type { PackageDialogs } from '../services/exchange/host-adapters';

const filters = [{ name: 'TVET Inspector package', extensions: [PACKAGE_EXTENSION.slice(1)] }];

/**
 * The desktop side of packages: the system's save and open dialogs, shown by the main process, so a
 * package's path is chosen by the person in the system's own dialog and never sent by the renderer.
 * A chosen folder yields the package files directly inside it (not in subfolders, not links).
 */
export function electronPackageDialogs(window: () => BrowserWindow | null): PackageDialogs {
  return {
    async chooseSavePath({ title, defaultName }) {
      const options: SaveDialogOptions = {
        title,
        defaultPath: defaultName,
        filters,
        properties: ['showOverwriteConfirmation', 'dontAddToRecent'],
      };
      const parent = window();
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async choosePackages({ title, folder }) {
      const options: OpenDialogOptions = folder
        ? { title, properties: ['openDirectory', 'dontAddToRecent'] }
        : { title, filters, properties: ['openFile', 'multiSelections', 'dontAddToRecent'] };
      const parent = window();
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      if (result.canceled) return null;
      if (!folder) return result.filePaths;
      const dir = result.filePaths[0];
      if (!dir) return null;
      return fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isFile() && e.name.toLowerCase().endsWith(PACKAGE_EXTENSION))
        .map((e) => path.join(dir, e.name))
        .sort();
    },
  };
}

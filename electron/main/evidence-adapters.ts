import { dialog, shell, type BrowserWindow, type OpenDialogOptions } from 'electron';
import { AppError } from '../../shared/ipc/result';
import type { FileDialogs, SystemViewer } from '../services/evidence/host-adapters';

/**
 * The desktop side of evidence: the system's open dialog, shown by the main process over the app
 * window, so the files a person picks are read by the services and never pass through the renderer
 * as paths. Only regular files can be chosen; the services check size and type before reading.
 */
export function electronFileDialogs(window: () => BrowserWindow | null): FileDialogs {
  return {
    async chooseFiles({ title, filterName, extensions }) {
      const options: OpenDialogOptions = {
        title,
        properties: ['openFile', 'multiSelections', 'dontAddToRecent'],
        filters: [{ name: filterName, extensions: [...extensions] }],
      };
      const parent = window();
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : result.filePaths;
    },
  };
}

/** Opens the services' temporary, read-only copy of an evidence file with the system's default program. */
export const electronSystemViewer: SystemViewer = {
  async open(filePath) {
    const problem = await shell.openPath(filePath);
    if (problem !== '') throw new AppError('io', `The file could not be opened with the system viewer: ${problem}`);
  },
};

import { AppError } from '../../../shared/ipc/result';
import { refusal } from '../../../shared/evidence/refusals';

/**
 * What the desktop host can do that the services cannot: show the system's file dialog and open a file
 * with the program the system uses for it. electron/main implements these with Electron's dialog and
 * shell; the browser host and the command line get the refusing versions below. The services stay
 * plain Node and never import Electron.
 */
export interface FileDialogs {
  /** Absolute paths of the files the person chose, or null when the dialog was cancelled. */
  chooseFiles(options: { title: string; filterName: string; extensions: readonly string[] }): Promise<string[] | null>;
}

export interface SystemViewer {
  /** Opens a file (a temporary copy made by the services) with the system's default program. */
  open(filePath: string): Promise<void>;
  /** False for a host that can open nothing (browser host, command line): the services then refuse before writing any copy. */
  readonly available?: boolean;
}

export function desktopOnly(): AppError {
  return new AppError('validation', 'This works in the desktop app only.', [{ path: [], message: refusal('desktopOnly') }]);
}

export const noFileDialogs: FileDialogs = {
  chooseFiles: () => Promise.reject(desktopOnly()),
};

export const noSystemViewer: SystemViewer = {
  open: () => Promise.reject(desktopOnly()),
  available: false,
};

import { AppError } from '../../../shared/ipc/result';

/**
 * The desktop host's dialogs for packages: where to save an exported package, and which package files
 * (or which folder of them) to import. electron/main implements these; the browser host and the command
 * line get the refusing version (the browser downloads and uploads instead; the command line takes paths).
 */
export interface PackageDialogs {
  /** The path to save to, or null when cancelled. */
  chooseSavePath(options: { title: string; defaultName: string }): Promise<string | null>;
  /** Package files chosen (or every package in the chosen folder), or null when cancelled. */
  choosePackages(options: { title: string; folder: boolean }): Promise<string[] | null>;
}

export const noPackageDialogs: PackageDialogs = {
  chooseSavePath: () => Promise.reject(desktopOnly()),
  choosePackages: () => Promise.reject(desktopOnly()),
};

function desktopOnly(): AppError {
  return new AppError('validation', 'This works in the desktop app only.', [{ path: [], message: 'evidence.refused.desktopOnly' }]);
}

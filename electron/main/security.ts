import { app, session, shell, type WebContents } from 'electron';

export const rendererOrigin = 'app://renderer';

/** True only for our own renderer's top frame: other frames or origins never reach the services. */
export function isTrustedSender(frame: { url: string; parent: unknown } | null | undefined): boolean {
  if (!frame || frame.parent !== null) return false;
  try {
    return new URL(frame.url).origin === rendererOrigin;
  } catch {
    return false;
  }
}

/**
 * Electron's security checklist, applied app-wide: no new windows, no navigation away from the app,
 * no permission grants, no webviews. External https links open in the system browser.
 */
export function hardenApp(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.setWindowOpenHandler(({ url }) => {
      if (url.startsWith('https://')) void shell.openExternal(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith(`${rendererOrigin}/`)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

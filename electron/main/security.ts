import { app, session, shell, type WebContents } from 'electron';
import { rendererOrigin } from './trusted-sender';

export { isTrustedSender, rendererOrigin } from './trusted-sender';

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

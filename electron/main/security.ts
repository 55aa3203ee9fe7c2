import { app, session, shell, type WebContents } from 'electron';
import { externalLinkAllowed } from './external-links';
import { navigationAllowed } from './navigation-policy';
import { denyAllPermissions } from './session-lockdown';

export { isTrustedSender, rendererOrigin } from './trusted-sender';
export { denyAllPermissions } from './session-lockdown';

/**
 * Electron's security checklist, applied app-wide: no new windows, no navigation away from the app (by a
 * link, a script, a server redirect or a sub-frame), no permission grants on any session, no webviews.
 * A link to a listed documentation site opens in the system browser; any other is dropped.
 */
export function hardenApp(): void {
  denyAllPermissions(session.defaultSession);
  // Every later session too (the report printer's partition is one), so none is left with Electron's
  // default of granting whatever a page asks for.
  app.on('session-created', (created) => denyAllPermissions(created));
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.setWindowOpenHandler(({ url }) => {
      if (externalLinkAllowed(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
    const guard = (event: { url: string; isMainFrame: boolean; preventDefault: () => void }) => {
      if (!navigationAllowed(event)) event.preventDefault();
    };
    contents.on('will-navigate', guard);
    contents.on('will-redirect', guard);
    contents.on('will-frame-navigate', guard);
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

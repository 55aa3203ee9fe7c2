import { rendererOrigin } from './trusted-sender';

/** Where a frame is about to go, as Electron's will-navigate, will-redirect and will-frame-navigate tell it. */
export interface NavigationAttempt {
  url: string;
  isMainFrame: boolean;
}

/**
 * The one decision behind will-navigate, will-redirect and will-frame-navigate: the app window only ever
 * shows the app. The top frame may go to app://renderer/ pages only. A frame inside it may also hold what
 * the renderer itself puts there — a report preview (about:srcdoc) or an evidence PDF from a blob: URL the
 * app made — and nothing from anywhere else (no https, file:, data: or javascript: page). Anything that
 * cannot be parsed is refused.
 */
export function navigationAllowed({ url, isMainFrame }: NavigationAttempt): boolean {
  if (isAppPage(url)) return true;
  if (isMainFrame) return false;
  if (url === 'about:srcdoc' || url === 'about:blank') return true;
  return url.startsWith('blob:') && isAppPage(url.slice('blob:'.length));
}

function isAppPage(url: string): boolean {
  try {
    const parsed = new URL(url);
    // Scheme and host rather than `origin`: URL gives "null" as the origin of custom schemes.
    return `${parsed.protocol}//${parsed.host}` === rendererOrigin && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

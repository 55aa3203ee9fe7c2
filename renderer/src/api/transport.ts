import type { MenuCommand } from '../../../shared/ipc/menu-commands';
import type { Result } from '../../../shared/ipc/result';

export type Transport = (channel: string, request: unknown) => Promise<Result<unknown>>;

/** What the Electron preload exposes on `window.tvet` (and nothing more). */
export interface PreloadApi {
  invoke: (channel: string, request: unknown) => Promise<Result<unknown>>;
  /**
   * Commands chosen in the application menu (e.g. `new-institution`), only names of the shared map
   * (shared/ipc/menu-commands.ts: the preload drops anything else); returns an unsubscribe function.
   */
  onMenuCommand: (listener: (command: MenuCommand) => void) => () => void;
  host: 'electron';
}

declare global {
  interface Window {
    tvet?: PreloadApi;
  }
}

const tokenKey = 'tvet-inspector.token';

/**
 * In Electron the preload gives us `invoke`. In the browser host the per-run token arrives in the
 * address (#token=…); keep it for this tab only and take it out of the address bar.
 */
export function createTransport(): { transport: Transport; host: 'electron' | 'browser' } {
  if (window.tvet) return { transport: window.tvet.invoke, host: 'electron' };
  const match = /(?:^#|&)token=([0-9a-f]{64})/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(tokenKey, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  const token = sessionStorage.getItem(tokenKey) ?? '';
  const transport: Transport = async (channel, request) => {
    try {
      const response = await fetch('/api/invoke', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ channel, request }),
      });
      return (await response.json()) as Result<unknown>;
    } catch {
      return { ok: false, error: { code: 'internal', message: 'network' } };
    }
  };
  return { transport, host: 'browser' };
}

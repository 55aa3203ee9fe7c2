import { contextBridge, ipcRenderer } from 'electron';
import { channels } from '../../shared/ipc/contract';
import { isMenuCommand, menuCommandChannel, type MenuCommand } from '../../shared/ipc/menu-commands';

// Only contract channels may be invoked, and only through this one function; the renderer never sees
// ipcRenderer itself. The main process validates the sender and every payload again.
const allowed = new Set<string>(channels);

contextBridge.exposeInMainWorld('tvet', {
  host: 'electron',
  invoke: (channel: string, request: unknown) => {
    if (!allowed.has(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'validation', message: 'Unknown channel.' } });
    }
    return ipcRenderer.invoke('tvet:invoke', channel, request);
  },
  onMenuCommand: (listener: (command: MenuCommand) => void) => {
    // Only the menu's own commands reach the renderer, whatever else arrives on the channel.
    const handler = (_event: unknown, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(menuCommandChannel, handler);
    return () => ipcRenderer.removeListener(menuCommandChannel, handler);
  },
});

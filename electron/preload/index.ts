import { contextBridge, ipcRenderer } from 'electron';
import { channels } from '../../shared/ipc/contract';

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
  onMenuCommand: (listener: (command: string) => void) => {
    const handler = (_event: unknown, command: unknown) => {
      if (typeof command === 'string') listener(command);
    };
    ipcRenderer.on('tvet:menu', handler);
    return () => ipcRenderer.removeListener('tvet:menu', handler);
  },
});

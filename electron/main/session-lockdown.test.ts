import { describe, expect, it } from 'vitest';
import { denyAllPermissions, type PermissionGate } from './session-lockdown';

type Handlers = {
  request?: Parameters<PermissionGate['setPermissionRequestHandler']>[0];
  check?: Parameters<PermissionGate['setPermissionCheckHandler']>[0];
  device?: Parameters<PermissionGate['setDevicePermissionHandler']>[0];
};

/** Records the handlers a session is given, as Electron's Session would keep them. */
function recordingSession(): { gate: PermissionGate; handlers: Handlers } {
  const handlers: Handlers = {};
  const gate: PermissionGate = {
    setPermissionRequestHandler: (handler) => void (handlers.request = handler),
    setPermissionCheckHandler: (handler) => void (handlers.check = handler),
    setDevicePermissionHandler: (handler) => void (handlers.device = handler),
  };
  return { gate, handlers };
}

describe('permissions on every session', () => {
  it('refuses every permission a page asks for, checks for, or asks of a device', () => {
    const { gate, handlers } = recordingSession();
    denyAllPermissions(gate);
    const permissions = [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'clipboard-sanitized-write',
      'fullscreen',
      'openExternal',
      'hid',
      'serial',
      'usb',
    ] as const;
    for (const permission of permissions) {
      let granted: boolean | undefined;
      handlers.request?.({} as never, permission as never, (answer) => (granted = answer), {} as never);
      expect(granted, permission).toBe(false);
      expect(handlers.check?.(null, permission as never, 'app://renderer', {} as never), permission).toBe(false);
    }
    expect(handlers.device?.({} as never)).toBe(false);
  });
});

import type { Session } from 'electron';

/** The parts of a session that grant a page access to the machine (camera, microphone, USB, HID, serial…). */
export type PermissionGate = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>;

/**
 * Refuses every permission a page can ask for, on one session: nothing the app shows needs a camera,
 * a microphone, notifications, the clipboard API, geolocation or a device, and a page that asks is not
 * one of ours. Applied to every session the app creates, the report printer's own partition included.
 */
export function denyAllPermissions(session: PermissionGate): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

export const rendererOrigin = 'app://renderer';

/** True only for our own renderer's top frame: other frames or origins never reach the services. */
export function isTrustedSender(frame: { url: string; parent: unknown } | null | undefined): boolean {
  if (!frame || frame.parent !== null) return false;
  try {
    // Compare scheme and host rather than `origin`: URL gives "null" as the origin of custom schemes.
    const url = new URL(frame.url);
    return url.protocol === 'app:' && url.host === 'renderer';
  } catch {
    return false;
  }
}

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

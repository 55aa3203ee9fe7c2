/**
 * A message as a catalogue key carrying its values, e.g. `evidence.refused.fileTooLarge:name=x.jpg:size=30.2`.
 * Values are URI-encoded, so a file or entry name holding ':' or '=' cannot break the message apart.
 * The renderer shows it in the user's language; the English text goes into logs and the command line.
 */
export function keyedMessage(prefix: string, key: string, params: Record<string, string | number> = {}): string {
  const parts = Object.entries(params).map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`);
  return [`${prefix}${key}`, ...parts].join(':');
}

/** The key (one of the catalogue's) and values of a keyed message, or null when it is not one. */
export function parseKeyedMessage<K extends string>(
  prefix: string,
  catalogue: Record<K, string>,
  message: string,
): { key: K; params: Record<string, string> } | null {
  if (!message.startsWith(prefix)) return null;
  const [head = '', ...parts] = message.split(':');
  const key = head.slice(prefix.length);
  if (!Object.prototype.hasOwnProperty.call(catalogue, key)) return null;
  const params: Record<string, string> = {};
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    try {
      params[part.slice(0, eq)] = decodeURIComponent(part.slice(eq + 1));
    } catch {
      params[part.slice(0, eq)] = part.slice(eq + 1);
    }
  }
  return { key: key as K, params };
}

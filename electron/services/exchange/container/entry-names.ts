import { entryKindOf, MANIFEST_PATH, SIGNATURE_PATH, type EntryKind } from '../../../../shared/exchange/manifest';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** An entry name as UTF-8 text, or null when its bytes are not UTF-8 (never guessed in another code page). */
export function decodeEntryName(raw: Buffer): string | null {
  try {
    return utf8.decode(raw);
  } catch {
    return null;
  }
}

/**
 * A name fit to put in a message: control characters and direction overrides replaced (so a name
 * cannot rewrite the line it is shown in), undecodable bytes as U+FFFD, at most 120 characters.
 */
export function shownName(raw: Buffer | string): string {
  const text = typeof raw === 'string' ? raw : raw.toString('utf8');
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '\uFFFD');
  return clean.length > 120 ? `${clean.slice(0, 119)}…` : clean;
}

/**
 * Why a name could be dangerous to any program that unpacks it, whatever our allow-list says:
 * control characters (NUL ends a name early in C), backslashes (a folder separator on Windows),
 * absolute paths, drive letters, and `.` or `..` segments. These are refused as unsafe rather than
 * merely unexpected, because they are attempts to write outside the place a package is unpacked to.
 */
export function isUnsafeName(name: string | null): boolean {
  if (name === null) return true;
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) return true;
  if (name.includes('\\')) return true;
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return true;
  return name.split('/').some((segment) => segment === '..' || segment === '.');
}

/** Two names that one disk would store as the same file (Windows and macOS ignore case). */
export function collisionKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

export type PackageEntryKind = EntryKind | 'manifest' | 'signature';

/** What a name is in a package, or null when the allow-list has no place for it (folders included). */
export function packageEntryKind(name: string): PackageEntryKind | null {
  if (name === MANIFEST_PATH) return 'manifest';
  if (name === SIGNATURE_PATH) return 'signature';
  return entryKindOf(name);
}

const reservedWindowsNames = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
const maxLength = 150;

/**
 * Makes an untrusted file name safe to show and to offer when a file is saved again: no path
 * separators, control or bidi-override characters, reserved Windows device names, or trailing dots and
 * spaces survive. Stored files are named by their hash, so this name never becomes a path on its own.
 */
export function safeFileName(name: string): string {
  let cleaned = name
    .normalize('NFC')
    .replace(/[\\/]/g, '_')
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[<>:"|?*]/g, '_')
    .trim()
    .replace(/[. ]+$/, '');
  if (cleaned.startsWith('.')) cleaned = `_${cleaned.slice(1)}`;
  if (reservedWindowsNames.test(cleaned)) cleaned = `_${cleaned}`;
  if (cleaned.length > maxLength) {
    const dot = cleaned.lastIndexOf('.');
    const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
    cleaned = cleaned.slice(0, maxLength - ext.length) + ext;
  }
  return cleaned === '' || /^_*$/.test(cleaned) ? 'file' : cleaned;
}

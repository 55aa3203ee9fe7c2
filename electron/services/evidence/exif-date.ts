/**
 * The date a JPEG photo was taken (EXIF DateTimeOriginal, else DateTime), as an ISO local date-time
 * without zone, or null. A small bounded parser: malformed or hostile EXIF yields null, never a throw.
 */
export function exifDateTaken(bytes: Uint8Array): string | null {
  try {
    return findDate(bytes);
  } catch {
    return null;
  }
}

function findDate(bytes: Uint8Array): string | null {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1]!;
    const length = view.getUint16(offset + 2);
    if (marker === 0xe1 && String.fromCharCode(...bytes.subarray(offset + 4, offset + 10)) === 'Exif\0\0') {
      return readTiff(view, offset + 10, Math.min(bytes.length, offset + 2 + length));
    }
    if (marker === 0xda) return null; // image data starts: no EXIF before it
    offset += 2 + length;
  }
  return null;
}

function readTiff(view: DataView, start: number, end: number): string | null {
  const little = view.getUint16(start) === 0x4949;
  const u16 = (at: number) => view.getUint16(start + at, little);
  const u32 = (at: number) => view.getUint32(start + at, little);
  const entries = (ifd: number) => {
    const count = Math.min(u16(ifd), 512);
    return Array.from({ length: count }, (_, i) => ifd + 2 + i * 12).filter((at) => start + at + 12 <= end);
  };
  const text = (entry: number) => {
    const count = u32(entry + 4);
    if (count < 19 || count > 64) return null;
    const at = start + u32(entry + 8);
    if (at + 19 > end) return null;
    const raw = String.fromCharCode(...new Uint8Array(view.buffer, view.byteOffset + at, 19));
    const m = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(raw);
    return m && m[1] !== '0000' ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}` : null;
  };
  let dateTime: string | null = null;
  let exifIfd: number | null = null;
  for (const entry of entries(u32(4))) {
    const tag = u16(entry);
    if (tag === 0x0132) dateTime = text(entry);
    if (tag === 0x8769) exifIfd = u32(entry + 8);
  }
  if (exifIfd !== null && start + exifIfd < end) {
    for (const entry of entries(exifIfd)) if (u16(entry) === 0x9003) return text(entry) ?? dateTime;
  }
  return dateTime;
}

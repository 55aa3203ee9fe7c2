import type { EvidenceMediaType } from '../../../shared/evidence/media-types';

// The allow-list is shared with the renderer (which shows each type its own way); the bytes decide here.
export { evidenceMediaTypes, type EvidenceMediaType } from '../../../shared/evidence/media-types';

const officeByExtension: Record<string, EvidenceMediaType> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
};

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return signature.every((b, i) => bytes[offset + i] === b);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

/**
 * Identifies an allowed evidence type from the file's first bytes (and, for ZIP-based office files and
 * plain text, its extension). Returns null for anything not on the allow-list, such as executables.
 */
export function detectMediaType(bytes: Uint8Array, fileName: string): EvidenceMediaType | null {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WAVE') return 'audio/wav';
  if (ascii(bytes, 0, 5) === '%PDF-') return 'application/pdf';
  if (ascii(bytes, 0, 4) === 'OggS') return 'audio/ogg';
  if (ascii(bytes, 0, 3) === 'ID3' || (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0)) return 'audio/mpeg';
  if (ascii(bytes, 4, 8) === 'ftyp' && /^(M4A |M4B |mp42|isom)/.test(ascii(bytes, 8, 12)) && ['m4a', 'mp4', 'aac'].includes(ext))
    return 'audio/mp4';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return officeByExtension[ext] ?? null;
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return ext === 'xls' ? 'application/vnd.ms-excel' : ext === 'doc' ? 'application/msword' : null;
  }
  if ((ext === 'txt' || ext === 'csv') && looksLikeText(bytes)) return ext === 'csv' ? 'text/csv' : 'text/plain';
  return null;
}

function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(
      sample.length === bytes.length ? sample : sample.subarray(0, lastCompleteUtf8(sample)),
    );
    return true;
  } catch {
    return false;
  }
}

// A sample cut mid-character is still text: ignore a trailing partial UTF-8 sequence.
function lastCompleteUtf8(bytes: Uint8Array): number {
  const end = bytes.length;
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const b = bytes[end - i]!;
    if ((b & 0xc0) === 0xc0) return end - i;
    if ((b & 0x80) === 0) break;
  }
  return end;
}

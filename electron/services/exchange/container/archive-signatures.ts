/**
 * The first bytes of archive formats. A package never holds an archive: an archive inside would be a
 * second container that none of the package's checks have looked into. The one exception is in
 * `evidence/`: Word, Excel, PowerPoint and OpenDocument files are ZIP containers, and they are allowed
 * evidence types; the evidence store keeps them as documents and never unpacks them.
 */
const signatures: { name: string; bytes: number[]; at?: number; zipLocal?: boolean }[] = [
  { name: 'zip', bytes: [0x50, 0x4b, 0x03, 0x04], zipLocal: true },
  { name: 'zip', bytes: [0x50, 0x4b, 0x05, 0x06] },
  { name: 'zip', bytes: [0x50, 0x4b, 0x07, 0x08] },
  { name: 'gzip', bytes: [0x1f, 0x8b] },
  { name: '7z', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'rar', bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
  { name: 'xz', bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { name: 'zstd', bytes: [0x28, 0xb5, 0x2f, 0xfd] },
  { name: 'cab', bytes: [0x4d, 0x53, 0x43, 0x46, 0x00, 0x00, 0x00, 0x00] },
  // "BZh" + block size + the block magic (π in BCD), so a text file starting "BZh" is not mistaken for one.
  { name: 'bzip2', bytes: [0x42, 0x5a, 0x68] },
  // POSIX tar: "ustar" at offset 257.
  { name: 'tar', bytes: [0x75, 0x73, 0x74, 0x61, 0x72], at: 257 },
];

/** How many leading bytes `archiveFormatOf` needs to see. */
export const ARCHIVE_HEAD_BYTES = 262;

/** The archive format the bytes start with, or null. `officeZipAllowed`: an evidence entry may be a ZIP-based document. */
export function archiveFormatOf(head: Buffer, officeZipAllowed: boolean): string | null {
  for (const s of signatures) {
    const at = s.at ?? 0;
    if (!s.bytes.every((b, i) => head[at + i] === b)) continue;
    if (s.zipLocal && officeZipAllowed) continue;
    if (s.name === 'bzip2' && !isBzip2(head)) continue;
    return s.name;
  }
  return null;
}

function isBzip2(head: Buffer): boolean {
  const level = head[3] ?? 0;
  return level >= 0x31 && level <= 0x39 && head.subarray(4, 10).equals(Buffer.from([0x31, 0x41, 0x59, 0x26, 0x53, 0x59]));
}

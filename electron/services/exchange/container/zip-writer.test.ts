import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { tempDir } from '../../test-support/temp-dir';
import { ZipWriter } from './zip-writer';

const date = new Date('2026-03-14T09:26:53.000Z');
const mode = 0o100644;

interface Input {
  name: string;
  bytes: Buffer;
  /** Streamed from a file (stored, with a data descriptor), or added from memory. */
  fromFile: boolean;
  compress: boolean;
}

/** The package writer's layout as yazl made it until it was replaced (same options as write-package used). */
async function withYazl(dir: string, inputs: Input[], forceZip64: boolean): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const options = { mtime: date, mode, forceDosTimestamp: true, forceZip64Format: forceZip64 };
  for (const input of inputs) {
    if (input.fromFile) {
      const file = path.join(dir, `yazl-${input.name.replaceAll('/', '_')}`);
      fs.writeFileSync(file, input.bytes);
      zip.addReadStreamLazy(input.name, { ...options, compress: false, size: input.bytes.length }, (give) =>
        give(null, fs.createReadStream(file)),
      );
    } else zip.addBuffer(input.bytes, input.name, { ...options, compress: input.compress });
  }
  zip.end({ forceZip64Format: forceZip64, comment: '' });
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function withZipWriter(
  dir: string,
  inputs: Input[],
  forceZip64: boolean,
): Promise<{ bytes: Buffer; seen: Buffer; chunks: Buffer[] }> {
  const target = path.join(dir, 'ours.zip');
  const out = await fs.promises.open(target, 'w');
  const seen: Buffer[] = [];
  const chunks: Buffer[] = [];
  try {
    const zip = new ZipWriter(out, (b) => seen.push(Buffer.from(b)), { forceZip64 });
    for (const input of inputs) {
      if (input.fromFile) {
        const file = path.join(dir, `ours-${input.name.replaceAll('/', '_')}`);
        fs.writeFileSync(file, input.bytes);
        const handle = await fs.promises.open(file, 'r');
        try {
          const size = await zip.addFile(input.name, handle, { date, mode }, (chunk) => chunks.push(Buffer.from(chunk)));
          expect(size).toBe(input.bytes.length);
        } finally {
          await handle.close();
        }
      } else await zip.addBuffer(input.name, input.bytes, input.compress, { date, mode });
    }
    await zip.end();
    expect(zip.size).toBe(fs.statSync(target).size);
  } finally {
    await out.close();
  }
  return { bytes: fs.readFileSync(target), seen: Buffer.concat(seen), chunks };
}

const inputs = (): Input[] => [
  // Larger than the writer's one-megabyte buffers, so a file is read in several turns.
  { name: 'evidence/photo', bytes: randomBytes(2 * 1024 * 1024 + 12345), fromFile: true, compress: false },
  { name: 'evidence/empty', bytes: Buffer.alloc(0), fromFile: true, compress: false },
  {
    name: 'data/institutions.json',
    bytes: Buffer.from(JSON.stringify({ name: 'ঢাকা পলিটেকনিক', n: [1, 2, 3] }).repeat(50)),
    fromFile: false,
    compress: true,
  },
  { name: 'manifest.json', bytes: Buffer.from('{"format":"tvet"}\n'), fromFile: false, compress: true },
  { name: 'manifest.json.p7s', bytes: randomBytes(1800), fromFile: false, compress: false },
];

describe('the package zip writer', () => {
  it('writes byte for byte the zip yazl wrote for the same entries, and shows every byte it writes', async () => {
    const dir = tempDir();
    const entries = inputs();
    const ours = await withZipWriter(dir, entries, false);
    expect(ours.bytes.equals(await withYazl(dir, entries, false))).toBe(true);
    // The whole-file hash sees exactly the file's bytes; the caller's per-entry hash exactly each file's.
    expect(ours.seen.equals(ours.bytes)).toBe(true);
    expect(Buffer.concat(ours.chunks).equals(Buffer.concat(entries.filter((e) => e.fromFile).map((e) => e.bytes)))).toBe(true);
  });

  it('writes the zip64 fields and end records the same way, for packages past 4 GB', async () => {
    const dir = tempDir();
    const entries = inputs();
    const ours = await withZipWriter(dir, entries, true);
    const theirs = await withYazl(dir, entries, true);
    expect(ours.bytes.equals(theirs)).toBe(true);
    // The zip64 end record and locator are there (a package past 4 GB needs them).
    expect(ours.bytes.includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(true);
    expect(ours.bytes.includes(Buffer.from([0x50, 0x4b, 0x06, 0x07]))).toBe(true);
  });
});

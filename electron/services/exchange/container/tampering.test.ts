import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { AppError } from '../../../../shared/ipc/result';
import { buildPadesCms } from '../../signing/cms-sign';
import { tempDir } from '../../test-support/temp-dir';
import { openPackage } from './open-package';
import { caSigner, header, sampleFiles, signedEntries } from './test-fixtures/packages';
import { writePackage } from './write-package';

const signer = caSigner();
const files = sampleFiles(signer.ca);

/** A package as this app writes it (the photo streamed from disk, so it has a data descriptor). */
async function writtenPackage(dir: string): Promise<Buffer> {
  const photoFile = path.join(dir, 'photo');
  fs.writeFileSync(photoFile, files[2]!.data);
  const out = path.join(dir, 'package.tvetpkg');
  const sources = files.map((f, i) => (i === 2 ? { path: f.path, file: photoFile } : { path: f.path, bytes: f.data }));
  await writePackage(out, { ...header(signer), sources, sign: (b) => buildPadesCms(b, signer) });
  return fs.readFileSync(out);
}

/** Where each entry's (packed) bytes lie in the file. */
async function dataRegions(bytes: Buffer): Promise<{ name: string; start: number; end: number }[]> {
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true });
  const out: { name: string; start: number; end: number }[] = [];
  for await (const e of zip.eachEntry()) {
    const { fileDataStart } = await zip.readLocalFileHeaderPromise(e, { minimal: true });
    out.push({ name: e.fileName, start: fileDataStart, end: fileDataStart + e.compressedSize });
  }
  return out;
}

/** Opens and verifies the bytes: the refusal, or null when everything passed. */
async function check(dir: string, bytes: Buffer): Promise<AppError | null> {
  const file = path.join(dir, 'changed.tvetpkg');
  fs.writeFileSync(file, bytes);
  try {
    const opened = await openPackage(file, { trustedRoots: [], now: new Date() });
    try {
      await opened.verifyAll();
    } finally {
      opened.close();
    }
    return null;
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'validation') throw error;
    return error;
  }
}

function flipped(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] = (copy[at] ?? 0) ^ 0xff;
  return copy;
}

describe('a changed byte in a package', () => {
  it('is detected in every kind of entry, and the refusal names the entry', async () => {
    const dir = tempDir();
    const bytes = await writtenPackage(dir);
    const regions = await dataRegions(bytes);
    expect(regions.map((r) => r.name)).toEqual([...files.map((f) => f.path), 'manifest.json', 'manifest.json.p7s']);
    for (const region of regions) {
      for (const at of [region.start, Math.floor((region.start + region.end) / 2), region.end - 1]) {
        const refusal = await check(dir, flipped(bytes, at));
        expect(refusal, `${region.name} at ${at}`).not.toBeNull();
        expect(refusal?.message, `${region.name} at ${at}`).toContain(region.name);
      }
    }
  });

  it('is detected anywhere in the zip structure, except in the few bytes no reader uses', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    const bytes = await writtenPackage(dir);
    expect(await undetectedStructureChanges(dir, bytes)).toEqual(ignoredBytes(bytes, bytes.readUInt32LE(bytes.length - 22 + 16)));
  });

  it('reads large-package (zip64) records, and detects a change in them too', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    const zip = new yazl.ZipFile();
    const options = { forceZip64Format: true, forceDosTimestamp: true };
    for (const e of signedEntries(signer, files)) {
      // Streamed entries get zip64 data descriptors; buffers get zip64 extra fields.
      if (String(e.name).startsWith('evidence/'))
        zip.addReadStream(Readable.from([e.data]), String(e.name), { ...options, compress: false });
      else zip.addBuffer(e.data, String(e.name), { ...options, compress: e.method === 8 });
    }
    zip.end({ forceZip64Format: true, comment: '' });
    const chunks: Buffer[] = [];
    for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    expect(await check(dir, bytes)).toBeNull();
    // The zip64 end record (56 bytes, then the 20-byte locator and the 22-byte end record) names the directory.
    const zip64Record = bytes.length - 98;
    const ignored = [...ignoredBytes(bytes, Number(bytes.readBigUInt64LE(zip64Record + 48))), zip64Record + 12, zip64Record + 13];
    expect(await undetectedStructureChanges(dir, bytes)).toEqual(ignored.sort((a, b) => a - b));
  });
});

/** Flips every byte outside the entries' data; returns where the package still opened and verified. */
async function undetectedStructureChanges(dir: string, bytes: Buffer): Promise<number[]> {
  const regions = await dataRegions(bytes);
  const undetected: number[] = [];
  for (let at = 0; at < bytes.length; at++) {
    if (regions.some((r) => at >= r.start && at < r.end)) continue;
    if ((await check(dir, flipped(bytes, at))) === null) undetected.push(at);
  }
  return undetected;
}

/**
 * The bytes of each central directory record that no reader acts on: "version made by" (+4, +5),
 * "disk number start" (+34, +35) and the permission bits of the external attributes (+39, +40).
 * docs/package-format.md lists them.
 */
function ignoredBytes(bytes: Buffer, directoryStart: number): number[] {
  const out: number[] = [];
  for (let at = directoryStart; bytes.readUInt32LE(at) === 0x02014b50;) {
    for (const offset of [4, 5, 34, 35, 39, 40]) out.push(at + offset);
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return out;
}

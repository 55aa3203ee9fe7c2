import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { AppError } from '../../../../shared/ipc/result';
import { buildPadesCms } from '../../signing/cms-sign';
import { tempDir } from '../../test-support/temp-dir';
import { openPackage } from './open-package';
import { caSigner, expectRefused, header, sampleFiles, sha256, snapshot } from './test-fixtures/packages';
import { writePackage, type PackageSource } from './write-package';

const MiB = 1024 * 1024;
const signer = caSigner();
const sign = (bytes: Buffer) => buildPadesCms(bytes, signer);
const openOptions = { trustedRoots: [signer.ca.certificate], now: new Date() };

// Live memory, measured after a collection, so garbage waiting to be collected does not count.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
function watchMemory(): () => number {
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  gc();
  const base = used();
  let peak = base;
  const timer = setInterval(() => {
    gc();
    peak = Math.max(peak, used());
  }, 100);
  return () => {
    clearInterval(timer);
    return peak - base;
  };
}

/** Entry names, compression methods and order as the zip directory has them. */
async function zipListing(file: string): Promise<{ name: string; method: number }[]> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true });
  const out: { name: string; method: number }[] = [];
  for await (const e of zip.eachEntry()) out.push({ name: e.fileName, method: e.compressionMethod });
  zip.close();
  return out;
}

describe('writing and opening a package', () => {
  it('writes every kind of entry, signs the manifest last, and reads each entry back verified', async () => {
    const dir = tempDir();
    const files = sampleFiles(signer.ca);
    const photo = files.find((f) => f.path.startsWith('evidence/'))!;
    const photoFile = path.join(dir, 'store', 'photo');
    fs.mkdirSync(path.dirname(photoFile));
    fs.writeFileSync(photoFile, photo.data);
    const sources: PackageSource[] = files.map((f) => (f === photo ? { path: f.path, file: photoFile } : { path: f.path, bytes: f.data }));
    const progress: [number, number][] = [];
    const out = path.join(dir, 'outgoing', 'visit.tvetpkg');

    const written = await writePackage(out, { ...header(signer), sources, sign, onProgress: (d, t) => progress.push([d, t]) });

    expect(fs.readdirSync(path.dirname(out))).toEqual(['visit.tvetpkg']);
    const bytes = fs.readFileSync(out);
    expect(written).toMatchObject({ file: out, size: bytes.length, sha256: sha256(bytes) });
    const total = files.reduce((n, f) => n + f.data.length, 0);
    expect(progress.at(-1)).toEqual([total, total]);
    expect(written.manifest.entries).toEqual(files.map((f) => ({ path: f.path, size: f.data.length, sha256: sha256(f.data) })));

    // Evidence and PDFs stored as they are, text deflated, manifest and signature last.
    expect(await zipListing(out)).toEqual([
      { name: 'data/assessments.json', method: 8 },
      { name: files[1]!.path, method: 8 },
      { name: photo.path, method: 0 },
      { name: files[3]!.path, method: 0 },
      { name: files[4]!.path, method: 8 },
      { name: 'manifest.json', method: 8 },
      { name: 'manifest.json.p7s', method: 0 },
    ]);

    const opened = await openPackage(out, openOptions);
    try {
      expect(opened.packageId).toBe(written.packageId);
      expect(opened.packageId).toBe(sha256(opened.manifestBytes));
      expect(opened.manifest).toEqual(written.manifest);
      expect(opened.signer).toEqual({
        name: 'Rahima Khatun',
        organisation: 'NSDA Quality Unit',
        role: 'Lead inspector',
        fingerprint: signer.certificate.fingerprint256,
        trust: 'trusted',
        validAtSigning: true,
      });
      await opened.verifyAll();
      expect(await opened.readJson('data/assessments.json', MiB)).toEqual(JSON.parse(files[0]!.data.toString()));
      expect((await opened.readBytes(files[4]!.path, 64 * 1024)).equals(files[4]!.data)).toBe(true);
      const dest = path.join(dir, 'incoming', 'photo.jpg');
      fs.mkdirSync(path.dirname(dest));
      await opened.extractTo(photo.path, dest);
      expect(fs.readFileSync(dest).equals(photo.data)).toBe(true);
      expect(fs.readdirSync(path.dirname(dest))).toEqual(['photo.jpg']);
      expect(opened.has('data/ratings.json')).toBe(false);
      await expectRefused(opened.readJson('data/ratings.json', MiB), 'entryMissing');
      await expectRefused(opened.readJson('data/assessments.json', 10), 'entryTooLarge');
      await expectRefused(opened.readJson(files[4]!.path, MiB), 'invalidJson');
      // A destination folder that does not exist is the caller's mistake: an I/O error, and nothing created.
      const before = snapshot(dir);
      await expect(opened.extractTo(photo.path, path.join(dir, 'missing', 'photo.jpg'))).rejects.toMatchObject({ code: 'io' });
      expect(snapshot(dir)).toEqual(before);
    } finally {
      opened.close();
    }
    await expect(opened.verifyAll()).rejects.toMatchObject({ code: 'internal' });
  });

  it('streams a 50 MB file in and out without holding it in memory', async () => {
    const dir = tempDir();
    const big = path.join(dir, 'big-photo');
    const hash = createHash('sha256');
    const fd = fs.openSync(big, 'w');
    for (let i = 0; i < 50; i++) {
      const chunk = Buffer.concat([
        i === 0 ? Buffer.from([0xff, 0xd8, 0xff, 0xe0]) : Buffer.alloc(0),
        randomBytes(i === 0 ? MiB - 4 : MiB),
      ]);
      hash.update(chunk);
      fs.writeSync(fd, chunk);
    }
    fs.closeSync(fd);
    const entry = `evidence/${hash.digest('hex')}`;
    const out = path.join(dir, 'big.tvetpkg');
    const limits = { maxEvidenceFileBytes: 64 * MiB };

    let stop = watchMemory();
    await writePackage(out, { ...header(signer), sources: [{ path: entry, file: big }], sign });
    const writing = stop();

    stop = watchMemory();
    const opened = await openPackage(out, { ...openOptions, limits });
    await opened.verifyAll();
    const dest = path.join(dir, 'extracted');
    await opened.extractTo(entry, dest);
    opened.close();
    const reading = stop();

    expect(fs.statSync(dest).size).toBe(50 * MiB);
    // Stream buffers come and go (a few MB at most, whatever the file's size); holding the file would take 50 MB.
    expect(writing).toBeLessThan(20 * MiB);
    expect(reading).toBeLessThan(20 * MiB);
  });

  it('refuses sources it would refuse on arrival, and leaves nothing behind', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'x.tvetpkg');
    const before = snapshot(dir);
    const write = (sources: PackageSource[]) => writePackage(out, { ...header(signer), sources, sign });
    await expectRefused(write([{ path: '../escape.json', bytes: Buffer.from('{}') }]), 'unsafeEntryName');
    await expectRefused(write([{ path: 'data\\x.json', bytes: Buffer.from('{}') }]), 'unsafeEntryName');
    await expectRefused(write([{ path: 'notes.txt', bytes: Buffer.from('hi') }]), 'entryNotAllowed');
    await expectRefused(write([{ path: 'manifest.json', bytes: Buffer.from('{}') }]), 'entryNotAllowed');
    await expectRefused(
      write([
        { path: 'data/x.json', bytes: Buffer.from('{}') },
        { path: 'data/x.json', bytes: Buffer.from('[]') },
      ]),
      'duplicateEntry',
    );
    // An evidence file whose bytes no longer match the hash it is stored under is damaged: not exported.
    const damaged = path.join(dir, 'damaged');
    fs.writeFileSync(damaged, 'changed on disk');
    const withDamaged = snapshot(dir);
    await expectRefused(write([{ path: `evidence/${'0'.repeat(64)}`, file: damaged }]), 'sourceHashMismatch');
    expect(snapshot(dir)).toEqual(withDamaged);
    fs.rmSync(damaged);
    expect(snapshot(dir)).toEqual(before);
  });

  it('removes the temporary file when signing fails or signs with another certificate', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'x.tvetpkg');
    const sources = [{ path: 'data/x.json', bytes: Buffer.from('{}') }];
    await expect(
      writePackage(out, {
        ...header(signer),
        sources,
        sign: () => {
          throw new AppError('signing', 'Wrong passphrase.');
        },
      }),
    ).rejects.toThrow('Wrong passphrase.');
    expect(snapshot(dir)).toEqual([]);
    const other = caSigner(signer.ca);
    await expect(writePackage(out, { ...header(signer), sources, sign: (b) => buildPadesCms(b, other) })).rejects.toMatchObject({
      code: 'signing',
    });
    expect(snapshot(dir)).toEqual([]);
    await expect(
      writePackage(out, { ...header(signer), sources: [{ path: 'data/x.json', file: path.join(dir, 'gone') }], sign }),
    ).rejects.toMatchObject({
      code: 'io',
    });
    expect(snapshot(dir)).toEqual([]);
  });
});

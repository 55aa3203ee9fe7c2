import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/temp-dir';
import { resolveLimits, type PackageLimits } from './limits';
import { openPackage } from './open-package';
import { caSigner, expectRefused, sampleFiles, sha256, signedEntries, snapshot, type PackageFile } from './test-fixtures/packages';
import { rawZip, type RawEntry } from './test-fixtures/raw-zip';

const signer = caSigner();
const files = sampleFiles(signer.ca);
const [json, framework, photo] = files as [PackageFile, PackageFile, PackageFile, PackageFile, PackageFile];
const MiB = 1024 * 1024;

/**
 * Puts the package where an import stages it, opens it, verifies every entry and extracts each one
 * into the data folder, as an import would; expects the refusal and that nothing anywhere under the
 * test's folder changed (staging, data folder, destination folder). `extract`: skip verifyAll, so
 * extractTo meets the bad bytes itself and must remove what it began to write (the bad entry must
 * come first: undoing earlier, good extractions is the importer's job).
 */
async function refusedWhole(
  zip: Buffer,
  key: string,
  options: { limits?: Partial<PackageLimits>; extract?: boolean } = {},
): Promise<Record<string, string>> {
  const root = tempDir();
  const staged = path.join(root, 'staging', 'package.tvetpkg');
  const evidenceDir = path.join(root, 'data', 'evidence');
  fs.mkdirSync(path.dirname(staged), { recursive: true });
  fs.mkdirSync(evidenceDir, { recursive: true });
  fs.writeFileSync(staged, zip);
  const before = snapshot(root);
  const params = await expectRefused(async () => {
    const opened = await openPackage(staged, { trustedRoots: [signer.ca.certificate], now: new Date(), limits: options.limits });
    try {
      if (!options.extract) await opened.verifyAll();
      for (const [i, e] of opened.manifest.entries.entries()) await opened.extractTo(e.path, path.join(evidenceDir, `file-${i}`));
    } finally {
      opened.close();
    }
  }, key);
  expect(snapshot(root)).toEqual(before);
  return params;
}

/** A valid signed package with `change` applied to the raw entry named `name`. */
function withEntry(name: string, change: Partial<RawEntry>, list = files): Buffer {
  return rawZip(signedEntries(signer, list).map((e) => (e.name === name ? { ...e, ...change } : e)));
}

describe('a valid package built by hand', () => {
  it('opens, verifies and extracts (the baseline every hostile case below departs from)', async () => {
    const root = tempDir();
    const file = path.join(root, 'ok.tvetpkg');
    fs.writeFileSync(file, rawZip(signedEntries(signer, files)));
    const opened = await openPackage(file, { trustedRoots: [signer.ca.certificate], now: new Date() });
    await opened.verifyAll();
    await opened.extractTo(photo.path, path.join(root, 'photo'));
    opened.close();
    expect(fs.readFileSync(path.join(root, 'photo')).equals(photo.data)).toBe(true);
  });

  it('accepts a Word document as evidence although it is a ZIP container', async () => {
    const docx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(600)]);
    const root = tempDir();
    const file = path.join(root, 'ok.tvetpkg');
    fs.writeFileSync(file, rawZip(signedEntries(signer, [{ path: `evidence/${sha256(docx)}`, data: docx }])));
    const opened = await openPackage(file, { trustedRoots: [], now: new Date() });
    await opened.verifyAll();
    opened.close();
  });
});

describe('packages refused whole, with nothing written anywhere', () => {
  it('not a zip, or a damaged one', async () => {
    await refusedWhole(Buffer.from('This is a text file, renamed.'), 'notAPackage');
    await refusedWhole(Buffer.alloc(0), 'notAPackage');
    const good = rawZip(signedEntries(signer, files));
    const directory = good.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const broken = Buffer.from(good);
    broken[directory] = 0x00;
    await refusedWhole(broken, 'damaged');
    // A comment is bytes that no hash covers.
    await refusedWhole(rawZip(signedEntries(signer, files), { comment: Buffer.from('hello') }), 'damaged');
    // Cut short, as by an interrupted copy: it starts like a zip, so it is damaged rather than foreign.
    await refusedWhole(good.subarray(0, good.length - 30), 'damaged');
    // Bytes before the first entry (a self-extractor stub) move every offset.
    await refusedWhole(Buffer.concat([randomBytes(64), good]), 'damaged');
  });

  it('missing manifest or signature', async () => {
    const entries = signedEntries(signer, files);
    await refusedWhole(rawZip(entries.filter((e) => e.name !== 'manifest.json')), 'missingManifest');
    await refusedWhole(rawZip(entries.filter((e) => e.name !== 'manifest.json.p7s')), 'missingSignature');
  });

  it('malformed manifests, unknown formats and newer format versions', async () => {
    const edit = (change: (m: Record<string, unknown>) => Record<string, unknown>) =>
      rawZip(signedEntries(signer, files, { manifest: change }));
    expect(await refusedWhole(withEntry('manifest.json', { data: Buffer.from('{"format": "tvetpkg",') }), 'malformedManifest')).toEqual({
      field: '(JSON)',
    });
    expect(
      await refusedWhole(
        edit(({ creator: _c, ...m }) => m),
        'malformedManifest',
      ),
    ).toEqual({ field: 'creator' });
    await refusedWhole(
      edit((m) => ({ ...m, extra: 'unknown keys are refused' })),
      'malformedManifest',
    );
    await refusedWhole(
      edit((m) => ({ ...m, appVersion: 'x'.repeat(41) })),
      'malformedManifest',
    );
    await refusedWhole(
      edit((m) => ({ ...m, creator: { ...(m.creator as object), name: 'Rahima\u202Enuhtak' } })),
      'malformedManifest',
    );
    await refusedWhole(
      edit((m) => ({ ...m, format: 'otherpkg' })),
      'unknownFormat',
    );
    expect(
      await refusedWhole(
        edit((m) => ({ ...m, formatVersion: 2 })),
        'newerFormatVersion',
      ),
    ).toEqual({ version: '2', supported: '1' });
    await refusedWhole(
      edit((m) => ({ ...m, formatVersion: 0 })),
      'unsupportedFormatVersion',
    );
    // An evidence entry's manifest hash must be the one in its name.
    const wrong = files.map((f) => ({ path: f.path, size: f.data.length, sha256: f === photo ? '0'.repeat(64) : sha256(f.data) }));
    expect(await refusedWhole(rawZip(signedEntries(signer, files, { listed: wrong })), 'malformedManifest')).toEqual({
      field: 'entries.2.sha256',
    });
  });

  it('a signature that does not cover the manifest', async () => {
    const entries = signedEntries(signer, files);
    const other = signedEntries(signer, [json]);
    const swapped = entries.map((e) => (e.name === 'manifest.json.p7s' ? other.find((o) => o.name === e.name)! : e));
    await refusedWhole(rawZip(swapped), 'badSignature');
    await refusedWhole(withEntry('manifest.json.p7s', { data: randomBytes(300) }), 'badSignature');
  });

  it('entries and manifest that disagree', async () => {
    const listed = files.map((f) => ({ path: f.path, size: f.data.length, sha256: sha256(f.data) }));
    expect(await refusedWhole(rawZip(signedEntries(signer, files, { listed: listed.slice(1) })), 'entryNotListed')).toEqual({
      entry: json.path,
    });
    const ghost = { path: 'data/ratings.json', size: 2, sha256: sha256(Buffer.from('[]')) };
    expect(await refusedWhole(rawZip(signedEntries(signer, files, { listed: [...listed, ghost] })), 'entryMissing')).toEqual({
      entry: 'data/ratings.json',
    });
    const bigger = listed.map((l) => (l.path === json.path ? { ...l, size: l.size + 1 } : l));
    expect(await refusedWhole(rawZip(signedEntries(signer, files, { listed: bigger })), 'sizeMismatch')).toEqual({ entry: json.path });
    const otherHash = listed.map((l) => (l.path === json.path ? { ...l, sha256: sha256(Buffer.from('other')) } : l));
    expect(await refusedWhole(rawZip(signedEntries(signer, files, { listed: otherHash })), 'hashMismatch')).toEqual({ entry: json.path });
    expect(await refusedWhole(rawZip(signedEntries(signer, files, { listed: otherHash })), 'hashMismatch', { extract: true })).toEqual({
      entry: json.path,
    });
  });

  it('names that escape, hide or confuse', async () => {
    const unsafe: (string | Buffer)[] = [
      '../evil.json',
      'data/../../evil.json',
      '/etc/cron.d/evil',
      'C:/Windows/evil.json',
      'C:evil.json',
      'data\\evil.json',
      '..\\..\\evil.json',
      'data/x\u0000.json',
      'data/\nx.json',
      './data/x.json',
      'data/./x.json',
      Buffer.from([0x64, 0x61, 0x74, 0x61, 0x2f, 0xff, 0xfe, 0x2e, 0x6a, 0x73, 0x6f, 0x6e]),
    ];
    for (const name of unsafe) {
      const zip = rawZip([...signedEntries(signer, files), { name, data: Buffer.from('{}') }]);
      await refusedWhole(zip, 'unsafeEntryName');
    }
    // Info-ZIP's Unicode Path field would give the entry a second name in other tools.
    const extra = Buffer.alloc(4 + 5 + 9);
    extra.writeUInt16LE(0x7075, 0);
    extra.writeUInt16LE(5 + 9, 2);
    extra.writeUInt8(1, 4);
    extra.writeUInt32LE(zlib.crc32(Buffer.from(json.path)), 5);
    extra.write('../x.json', 9);
    await refusedWhole(withEntry(json.path, { extra }), 'unsafeEntryName');

    for (const name of [
      'notes.txt',
      'data/',
      'evidence/',
      'data/a/b.json',
      `evidence/${'A'.repeat(64)}`,
      'data/X.json',
      'frameworks/not-a-uuid.json',
      'manifest.json.bak',
    ]) {
      expect(await refusedWhole(rawZip([...signedEntries(signer, files), { name, data: Buffer.alloc(0) }]), 'entryNotAllowed')).toEqual({
        entry: name,
      });
    }
  });

  it('duplicate names, also when they differ only in case', async () => {
    const entries = signedEntries(signer, files);
    expect(await refusedWhole(rawZip([...entries, { name: json.path, data: Buffer.from('[]') }]), 'duplicateEntry')).toEqual({
      entry: json.path,
    });
    await refusedWhole(rawZip([{ name: 'DATA/ASSESSMENTS.JSON', data: Buffer.from('[]') }, ...entries]), 'duplicateEntry');
  });

  it('links, folders and other files that are not ordinary files', async () => {
    for (const mode of [0o120777, 0o040755, 0o010644, 0o060644, 0o140755]) {
      expect(await refusedWhole(withEntry(photo.path, { externalAttributes: (mode << 16) >>> 0 }), 'notARegularFile')).toEqual({
        entry: photo.path,
      });
    }
    await refusedWhole(withEntry(photo.path, { versionMadeBy: 0x0014, externalAttributes: 0x10 }), 'notARegularFile');
  });

  it('encrypted entries and unknown compression', async () => {
    await refusedWhole(withEntry(json.path, { flags: 0x0801 }), 'encryptedEntry');
    expect(await refusedWhole(withEntry(json.path, { flags: 0x0841 }), 'encryptedEntry')).toEqual({ entry: '#1' });
    await refusedWhole(withEntry(json.path, { method: 12 }), 'unsupportedCompression');
  });

  it('archives inside the package', async () => {
    const archives = {
      gzip: zlib.gzipSync(Buffer.from('payload')),
      emptyZip: rawZip([]),
      '7z': Buffer.concat([Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]), randomBytes(100)]),
      rar: Buffer.concat([Buffer.from('Rar!\x1a\x07\x01\x00', 'latin1'), randomBytes(100)]),
      tar: Buffer.concat([Buffer.alloc(257), Buffer.from('ustar\u000000'), Buffer.alloc(242)]),
    };
    for (const bytes of Object.values(archives)) {
      const evidence = { path: `evidence/${sha256(bytes)}`, data: bytes };
      expect(await refusedWhole(rawZip(signedEntries(signer, [json, evidence])), 'nestedArchive')).toEqual({ entry: evidence.path });
      // Extracted before anything else: extractTo itself must leave nothing behind.
      await refusedWhole(rawZip(signedEntries(signer, [evidence, json])), 'nestedArchive', { extract: true });
    }
    // The ZIP exception is for evidence only (office documents): JSON that is a zip is refused.
    const zipped = { path: 'data/institutions.json', data: rawZip([{ name: 'inner.txt', data: Buffer.from('payload') }]) };
    await refusedWhole(rawZip(signedEntries(signer, [zipped])), 'nestedArchive');
  });

  it('too many entries, too large in all, too large an evidence file', async () => {
    expect(resolveLimits().maxEntries).toBe(100_000);
    expect(resolveLimits({ maxEntries: 1e9, maxEvidenceFileBytes: 1e12 })).toMatchObject({
      maxEntries: 100_000,
      maxEvidenceFileBytes: 200 * MiB,
    });
    const zip = rawZip(signedEntries(signer, files));
    expect(await refusedWhole(zip, 'tooManyEntries', { limits: { maxEntries: 6 } })).toEqual({ count: '7', limit: '6' });
    // The default limit, with the count in a zip64 record: refused before a single entry is read.
    const many = Array.from({ length: 100_001 }, (_, i) => ({ name: `data/e${i}.json`, data: Buffer.alloc(0) }));
    expect(await refusedWhole(rawZip(many), 'tooManyEntries')).toEqual({ count: '100001', limit: '100000' });
    await refusedWhole(zip, 'packageTooLarge', { limits: { maxTotalBytes: 5000 } });
    expect(await refusedWhole(zip, 'entryTooLarge', { limits: { maxEvidenceFileBytes: 1000 } })).toMatchObject({ entry: photo.path });
    await refusedWhole(zip, 'entryTooLarge', { limits: { maxJsonBytes: 100 } });
  });

  it('zip bombs: a compression ratio beyond 100:1, and sizes that lie', async () => {
    const zeros = { path: 'data/ratings.json', data: Buffer.from(`[${'0,'.repeat(2 * MiB)}0]`) };
    const params = await refusedWhole(rawZip(signedEntries(signer, [json, zeros])), 'compressionRatio');
    expect(Number(params.ratio)).toBeGreaterThan(100);

    // 64 MB of zeros deflated to about 64 KB, declared (in the zip and in the signed manifest) as 1 MB.
    const bomb = Buffer.alloc(64 * MiB);
    const declared = 1 * MiB;
    const lying = signedEntries(signer, [json, { path: 'data/ratings.json', data: bomb }], {
      listed: [
        { path: json.path, size: json.data.length, sha256: sha256(json.data) },
        { path: 'data/ratings.json', size: declared, sha256: sha256(bomb.subarray(0, declared)) },
      ],
    }).map((e) => (e.name === 'data/ratings.json' ? { ...e, declaredSize: declared } : e));
    expect(await refusedWhole(rawZip(lying), 'sizeMismatch')).toEqual({ entry: 'data/ratings.json' });

    // Declared bigger than it is.
    const short = signedEntries(signer, files, {
      listed: files.map((f) => ({ path: f.path, size: f === json ? f.data.length + 10 : f.data.length, sha256: sha256(f.data) })),
    }).map((e) => (e.name === json.path ? { ...e, declaredSize: json.data.length + 10 } : e));
    await refusedWhole(rawZip(short), 'sizeMismatch');
    // A stored entry whose two sizes differ is refused by yauzl while reading the directory.
    expect(await refusedWhole(withEntry(photo.path, { declaredSize: photo.data.length - 1 }), 'sizeMismatch')).toEqual({ entry: '#3' });
  });

  it('headers that disagree, overlapping entries, a wrong CRC, comments', async () => {
    expect(await refusedWhole(withEntry(photo.path, { localName: Buffer.from(`evidence/${'0'.repeat(64)}`) }), 'entryDamaged')).toEqual({
      entry: photo.path,
    });
    await refusedWhole(withEntry(framework.path, { centralOffset: 0 }), 'entryDamaged');
    expect(await refusedWhole(withEntry(photo.path, { crc: 1234 }), 'entryDamaged')).toEqual({ entry: photo.path });
    await refusedWhole(withEntry(photo.path, { comment: Buffer.from('hidden text') }), 'entryDamaged');
  });
});

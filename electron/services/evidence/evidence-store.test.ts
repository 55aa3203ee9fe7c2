import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/result';
import { tempDir } from '../test-support/temp-dir';
import { EvidenceStore } from './evidence-store';
import { exifDateTaken } from './exif-date';
import { safeFileName } from './file-name';

const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

function store(options: Partial<ConstructorParameters<typeof EvidenceStore>[1]> = {}, root = tempDir()) {
  return new EvidenceStore(path.join(root, 'evidence'), { maxFileBytes: 1024 * 1024, ...options });
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected a refusal');
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);
}

describe('evidence store', () => {
  it('stores the same bytes once, under their SHA-256', async () => {
    const s = store();
    const first = await s.put(png, 'workshop.png');
    const second = await s.put(png, 'same-photo-again.png');
    expect(first).toMatchObject({ mediaType: 'image/png', size: png.length, created: true });
    expect(second).toMatchObject({ sha256: first.sha256, created: false, originalName: 'same-photo-again.png' });
    expect(filesUnder(path.join(s.root, 'objects'))).toEqual([first.sha256]);
    expect(Buffer.compare(await s.read(first.sha256), png)).toBe(0);
  });

  it('never leaves a damaged file under its final name when the process dies between write and rename', async () => {
    const root = tempDir();
    const crashing = store(
      {
        beforeRename: () => {
          throw new Error('power cut');
        },
      },
      root,
    );
    await expect(crashing.put(pdf, 'policy.pdf')).rejects.toThrow('power cut');
    expect(filesUnder(path.join(crashing.root, 'objects'))).toEqual([]);
    // A real crash would leave the temporary file behind: simulate it, then reopen the store.
    fs.writeFileSync(path.join(crashing.root, 'tmp', 'interrupted.part'), pdf.subarray(0, 10));
    const reopened = store({}, root);
    expect(filesUnder(path.join(reopened.root, 'tmp'))).toEqual([]);
    const stored = await reopened.put(pdf, 'policy.pdf');
    expect(await reopened.check(stored.sha256)).toBe('intact');
  });

  it('repairs an altered copy when the true bytes are attached again', async () => {
    const s = store();
    const { sha256 } = await s.put(pdf, 'a.pdf');
    fs.writeFileSync(s.pathOf(sha256), Buffer.concat([pdf, Buffer.from('x')]));
    expect(await s.check(sha256)).toBe('altered');
    expect((await s.put(pdf, 'a.pdf')).created).toBe(true);
    expect(await s.check(sha256)).toBe('intact');
  });

  it('finds a flipped byte and a deleted file', async () => {
    const s = store();
    const a = await s.put(png, 'a.png');
    const b = await s.put(pdf, 'b.pdf');
    const bytes = fs.readFileSync(s.pathOf(a.sha256));
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0x01, bytes.length - 1);
    fs.writeFileSync(s.pathOf(a.sha256), bytes);
    fs.rmSync(s.pathOf(b.sha256));
    expect(await s.check(a.sha256)).toBe('altered');
    expect(await s.check(b.sha256)).toBe('missing');
  });

  it('refuses oversized, empty and disallowed files with a clear message, and stores nothing', async () => {
    const s = store({ maxFileBytes: 100 });
    expect((await refusal(s.put(Buffer.concat([pdf, Buffer.alloc(200)]), 'big.pdf'))).message).toMatch(
      /limit per file is 0\.0 MB|limit per file/,
    );
    expect((await refusal(s.put(Buffer.alloc(0), 'empty.pdf'))).message).toContain('is empty');
    const exe = Buffer.from('4d5a90000300000004000000ffff0000', 'hex');
    expect((await refusal(s.put(exe, 'report.pdf'))).message).toContain('not an allowed evidence type');
    expect((await refusal(s.put(Buffer.from('<script>alert(1)</script>'), 'page.html'))).message).toContain('not an allowed');
    expect(filesUnder(path.join(s.root, 'objects'))).toEqual([]);
    expect(filesUnder(path.join(s.root, 'tmp'))).toEqual([]);
  });

  it('only builds paths from valid hashes', async () => {
    const s = store();
    for (const hostile of ['../../etc/passwd', '..', 'A'.repeat(64), `${'a'.repeat(63)}/`]) {
      expect(() => s.pathOf(hostile)).toThrow(AppError);
      expect(await s.check(hostile)).toBe('missing');
    }
  });
});

describe('untrusted file names', () => {
  it('loses path separators, control characters, reserved names and trailing dots', () => {
    expect(safeFileName('../../etc/passwd')).toBe('_._.._etc_passwd');
    expect(safeFileName('C:\\Windows\\system32\\cmd.exe')).toBe('C__Windows_system32_cmd.exe');
    expect(safeFileName('report\u0000\u202e.pdf')).toBe('report.pdf');
    expect(safeFileName('CON.txt')).toBe('_CON.txt');
    expect(safeFileName('notes. . .')).toBe('notes');
    expect(safeFileName('')).toBe('file');
    expect(safeFileName('কর্মশালা ছবি.jpg')).toBe('কর্মশালা ছবি.jpg');
    expect(safeFileName(`${'x'.repeat(300)}.jpeg`)).toHaveLength(150);
  });
});

describe('EXIF date taken', () => {
  it('reads DateTimeOriginal from a JPEG and ignores junk', () => {
    // Minimal JPEG: SOI, APP1 Exif with a little-endian TIFF holding IFD0 → ExifIFD → DateTimeOriginal.
    const date = Buffer.from('2026:03:14 09:26:53\0', 'latin1');
    const tiff = Buffer.alloc(8 + 2 + 12 + 4 + 2 + 12 + 4 + date.length);
    tiff.write('II', 0, 'latin1');
    tiff.writeUInt16LE(42, 2);
    tiff.writeUInt32LE(8, 4);
    tiff.writeUInt16LE(1, 8);
    tiff.writeUInt16LE(0x8769, 10); // ExifIFD pointer
    tiff.writeUInt16LE(4, 12);
    tiff.writeUInt32LE(1, 14);
    tiff.writeUInt32LE(26, 18);
    tiff.writeUInt16LE(1, 26);
    tiff.writeUInt16LE(0x9003, 28); // DateTimeOriginal
    tiff.writeUInt16LE(2, 30);
    tiff.writeUInt32LE(20, 32);
    tiff.writeUInt32LE(44, 36);
    date.copy(tiff, 44);
    const app1 = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
    const header = Buffer.from([0xff, 0xd8, 0xff, 0xe1, (app1.length + 2) >> 8, (app1.length + 2) & 0xff]);
    const jpeg = Buffer.concat([header, app1, Buffer.from([0xff, 0xd9])]);
    expect(exifDateTaken(jpeg)).toBe('2026-03-14T09:26:53');
    expect(exifDateTaken(Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff, 0x45]))).toBeNull();
    expect(exifDateTaken(png)).toBeNull();
  });
});

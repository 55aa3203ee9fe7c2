import fs from 'node:fs';
import { promisify } from 'node:util';
import yauzl from 'yauzl';
import { AppError } from '../../../../shared/ipc/result';
import { decodeEntryName, shownName } from './entry-names';
import { PackageFileReader } from './package-file-reader';
import { refused } from './refuse';

const openFile = promisify(fs.open);
const fstat = promisify(fs.fstat);
const closeFile = promisify(fs.close);
const read = promisify(fs.read);

/** One entry of the zip's central directory, with what the checks need. */
export interface ZipEntryRecord {
  /** Position in the central directory, from 1: names an entry in a refusal when its name cannot be read. */
  ordinal: number;
  raw: yauzl.Entry;
  /** The name as UTF-8 text; null when the bytes are not UTF-8. */
  name: string | null;
  /** The name fit for a message. */
  shown: string;
  /** Where the entry's bytes start, after its local header; known once `checkLayout` has run. */
  dataStart: number;
}

export interface ZipDirectory {
  /** One descriptor for everything read from the package, so every read sees the same file. */
  reader: PackageFileReader;
  zip: yauzl.ZipFile;
  centralDirectoryOffset: number;
  entries: ZipEntryRecord[];
}

/**
 * Opens a package and reads its central directory, inflating nothing. Names are read as raw bytes
 * (decodeStrings off) and judged by our own rules in entry-names.ts, which refuse everything yauzl's
 * own name check would and more, each with its own reason; `strictFileNames` would only matter with
 * decoded names, and is set so that switching decoding on stays strict. Sizes are validated by yauzl
 * while streaming (validateEntrySizes), so a lying size stops at the first byte too many.
 */
export async function openZipDirectory(file: string, maxEntries: number): Promise<ZipDirectory> {
  let fd: number;
  try {
    fd = await openFile(file, 'r');
  } catch (error) {
    throw new AppError('io', `The package file could not be opened: ${(error as Error).message}`);
  }
  let zip: yauzl.ZipFile;
  let reader: PackageFileReader;
  try {
    const stat = await fstat(fd);
    if (!stat.isFile()) throw refused('notAPackage');
    reader = new PackageFileReader(fd, stat.size);
    zip = await yauzl.fromRandomAccessReaderPromise(reader, stat.size, {
      lazyEntries: true,
      autoClose: false,
      decodeStrings: false,
      strictFileNames: true,
      validateEntrySizes: true,
    });
  } catch (error) {
    // A zip cut short (a copy to a USB stick interrupted) still starts like one: damaged, not foreign.
    const startsLikeZip = await startsWithLocalHeader(fd);
    await closeFile(fd).catch(() => undefined);
    if (error instanceof AppError) throw error;
    const noDirectory = /end of central directory record signature not found/i.test(String((error as Error).message));
    throw noDirectory && !startsLikeZip ? refused('notAPackage') : refused('damaged');
  }
  // Errors while closing are reported by the reads that meet them; an unheard 'error' event would crash the process.
  zip.on('error', () => undefined);
  const dir: ZipDirectory = {
    reader,
    zip,
    // yauzl keeps the central directory's start as its read cursor until the first entry is read.
    centralDirectoryOffset: (zip as unknown as { readEntryCursor: number }).readEntryCursor,
    entries: [],
  };
  try {
    // A zip comment is text outside every entry, covered by no hash: packages have none.
    if ((zip.comment as unknown as Buffer).length > 0) throw refused('damaged');
    if (zip.entryCount > maxEntries) throw refused('tooManyEntries', { count: zip.entryCount, limit: maxEntries });
    if (!reader.inside(dir.centralDirectoryOffset, dir.centralDirectoryOffset)) throw refused('damaged');
    dir.entries = await readEntries(zip);
    return dir;
  } catch (error) {
    closeZipDirectory(dir);
    throw error;
  }
}

async function startsWithLocalHeader(fd: number): Promise<boolean> {
  const head = Buffer.alloc(4);
  const { bytesRead } = await read(fd, { buffer: head, position: 0, length: 4 }).catch(() => ({ bytesRead: 0 }));
  return bytesRead === 4 && head.readUInt32LE(0) === 0x04034b50;
}

export function closeZipDirectory(dir: ZipDirectory): void {
  // The reader closes the descriptor once the last open stream has ended.
  dir.zip.close();
}

function readEntries(zip: yauzl.ZipFile): Promise<ZipEntryRecord[]> {
  return new Promise((resolve, reject) => {
    const records: ZipEntryRecord[] = [];
    const onEntry = (raw: yauzl.Entry) => {
      const rawName = raw.fileName as unknown as Buffer;
      const name = decodeEntryName(rawName);
      records.push({ ordinal: records.length + 1, raw, name, shown: shownName(name ?? rawName), dataStart: -1 });
      zip.readEntry();
    };
    const onError = (error: Error) => {
      cleanup();
      // yauzl names no entry in these errors; the position in the directory is the best name there is.
      const entry = `#${records.length + 1}`;
      if (/strong encryption/.test(error.message)) reject(refused('encryptedEntry', { entry }));
      else if (/size mismatch for stored file/.test(error.message)) reject(refused('sizeMismatch', { entry }));
      else reject(refused('damaged'));
    };
    const onEnd = () => {
      cleanup();
      resolve(records);
    };
    const cleanup = () => {
      zip.off('entry', onEntry);
      zip.off('error', onError);
      zip.off('end', onEnd);
    };
    zip.on('entry', onEntry);
    zip.on('error', onError);
    zip.on('end', onEnd);
    zip.readEntry();
  });
}

import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/ipc/result';
import { newId } from '../support/ids';
import { ensurePrivateDir, privateFileMode } from '../support/private-files';

interface Staged {
  file: string;
  fileName: string;
  size: number;
  /** False for a file the desktop dialog or the command line named: it is read in place, never deleted. */
  owned: boolean;
}

/** Packages can be gigabytes: far more than memory, so uploads go to disk, with a ceiling. */
const maxPackageBytes = 64 * 1024 * 1024 * 1024;

/**
 * Packages waiting to be previewed and imported: pieces uploaded by the browser are appended to a file
 * in `<dataDir>/packages/incoming/` (never a path built from the uploaded name), and files chosen in
 * the desktop dialog are registered where they are. What is left over from an earlier run is removed.
 */
export class PackageStaging {
  private readonly staged = new Map<string, Staged>();

  constructor(private readonly dir: string) {
    if (fs.existsSync(dir)) for (const f of fs.readdirSync(dir)) if (f.endsWith('.part')) fs.rmSync(path.join(dir, f), { force: true });
  }

  append(uploadId: string | null, offset: number, bytes: Buffer, fileName: string | undefined): { uploadId: string; received: number } {
    let id = uploadId;
    let staged: Staged | undefined;
    if (id === null) {
      if (offset !== 0) throw new AppError('validation', 'The first piece of a package must start at 0.');
      id = newId();
      ensurePrivateDir(this.dir);
      staged = { file: path.join(this.dir, `${id}.part`), fileName: displayName(fileName), size: 0, owned: true };
      fs.writeFileSync(staged.file, '', { mode: privateFileMode, flag: 'wx' });
      this.staged.set(id, staged);
    } else {
      staged = this.staged.get(id);
      if (!staged || !staged.owned) throw new AppError('not-found', 'This upload is no longer here. Choose the package again.');
      if (offset !== staged.size) {
        this.discard(id);
        throw new AppError('validation', 'A piece of the package arrived out of order. Choose the package again.');
      }
    }
    if (staged.size + bytes.length > maxPackageBytes) {
      this.discard(id);
      throw new AppError('validation', 'The package is larger than any package this app writes.');
    }
    fs.appendFileSync(staged.file, bytes);
    staged.size += bytes.length;
    return { uploadId: id, received: staged.size };
  }

  /** A package file chosen in the desktop dialog or named on the command line, read where it is. */
  register(file: string): { uploadId: string; fileName: string } {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile()) throw new AppError('not-found', `There is no package file at ${file}.`);
    const uploadId = newId();
    this.staged.set(uploadId, { file, fileName: path.basename(file), size: stat.size, owned: false });
    return { uploadId, fileName: path.basename(file) };
  }

  get(uploadId: string): Staged {
    const staged = this.staged.get(uploadId);
    if (!staged) throw new AppError('not-found', 'This package is no longer waiting to be imported. Choose it again.');
    return staged;
  }

  discard(uploadId: string): void {
    const staged = this.staged.get(uploadId);
    this.staged.delete(uploadId);
    if (staged?.owned) fs.rmSync(staged.file, { force: true });
  }
}

/** The chosen file's name is only ever shown: keep it short and printable. */
function displayName(name: string | undefined): string {
  const clean = (name ?? 'package.tvetpkg').replace(/[\u0000-\u001f\u007f/\\]/g, '_').slice(0, 200);
  return clean || 'package.tvetpkg';
}

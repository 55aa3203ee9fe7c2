import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledFrameworksDir } from '../assessments/test-fixtures';
import { openTestServices } from '../test-support/services';
import { tempDir } from '../test-support/temp-dir';
import { b64, evidenceSetUp, photo } from './test-fixtures';

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** What a kill between storing a file and recording it leaves: the file under its final name, no row. */
function leaveOrphan(evidenceDir: string, content: string, ageMs = 0): string {
  const hash = sha256(content);
  const file = path.join(evidenceDir, 'objects', hash.slice(0, 2), hash);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  const derived = [`${hash}.webp`, `${hash}.annex.jpg`].map((name) => path.join(evidenceDir, 'thumbs', name));
  for (const d of derived) fs.writeFileSync(d, 'preview');
  if (ageMs > 0) {
    const then = new Date(Date.now() - ageMs);
    for (const f of [file, ...derived]) fs.utimesSync(f, then, then);
  }
  return file;
}

function reopen(dataDir: string) {
  return openTestServices({ dataDir, bundledFrameworksDir });
}

describe('evidence files orphaned by a crash', () => {
  it('are removed at the next start, with their previews; recorded evidence stays intact and viewable', async () => {
    const dataDir = tempDir();
    const { s, attach, evidenceDir } = evidenceSetUp({ dataDir });
    const recorded = await photo();
    const { items } = await attach({ files: [{ name: 'workshop.jpg', contentBase64: b64(recorded) }] });
    const preview = await s.evidence.thumbnail(items[0]!.id);
    s.close();
    const orphan = leaveOrphan(evidenceDir, 'half of an import that never committed\n');

    const next = reopen(dataDir);
    expect(fs.existsSync(orphan)).toBe(false);
    expect(fs.existsSync(path.join(evidenceDir, 'thumbs', `${path.basename(orphan)}.webp`))).toBe(false);
    expect(fs.existsSync(path.join(evidenceDir, 'thumbs', `${path.basename(orphan)}.annex.jpg`))).toBe(false);
    // The recorded photo, its preview and the integrity check are as before.
    expect(fs.existsSync(path.join(evidenceDir, 'objects', items[0]!.sha256.slice(0, 2), items[0]!.sha256))).toBe(true);
    expect(await next.evidence.thumbnail(items[0]!.id)).toEqual(preview);
    expect(await next.evidence.verifyAll(null)).toMatchObject({ files: 1, intact: 1, problems: [] });
    next.close();
  });

  it('never removes a file a record names — even one whose bytes were altered, which the integrity check must still report', async () => {
    const dataDir = tempDir();
    const { s, attach, evidenceDir } = evidenceSetUp({ dataDir });
    const { items } = await attach({ files: [{ name: 'register.txt', contentBase64: b64(Buffer.from('fire drill 2025-01-12\n')) }] });
    const hash = items[0]!.sha256;
    s.close();
    const file = path.join(evidenceDir, 'objects', hash.slice(0, 2), hash);
    fs.writeFileSync(file, 'altered after it was recorded\n');

    const next = reopen(dataDir);
    expect(fs.readFileSync(file, 'utf8')).toBe('altered after it was recorded\n');
    const report = await next.evidence.verifyAll(null);
    expect(report.problems).toMatchObject([{ sha256: hash, state: 'altered' }]);
    next.close();
  });

  it('touches nothing it did not write: other names, links, and everything outside the evidence folder stay', () => {
    const dataDir = tempDir();
    const { s, evidenceDir } = evidenceSetUp({ dataDir });
    s.close();
    const outside = path.join(tempDir(), 'inspector-notes.txt');
    fs.writeFileSync(outside, 'kept');
    const outsideHash = sha256('kept');
    const objects = path.join(evidenceDir, 'objects');
    const strays = [
      // Beside the database, and the reports folder: files named like evidence but not in the store.
      path.join(dataDir, outsideHash),
      path.join(dataDir, 'reports', `${outsideHash}.pdf`),
      // In the store, but not a name the store writes.
      path.join(objects, 'ab', 'README.txt'),
      path.join(objects, 'notes', outsideHash),
      path.join(objects, 'ff', outsideHash), // the wrong two-hex folder for this hash
      path.join(evidenceDir, outsideHash),
      path.join(evidenceDir, 'thumbs', 'cover.png'),
    ];
    for (const f of strays) {
      fs.mkdirSync(path.dirname(f), { recursive: true });
      fs.writeFileSync(f, 'kept');
    }
    // A link under a store name pointing outside: neither the link nor its target may go.
    const link = path.join(objects, outsideHash.slice(0, 2), outsideHash);
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(outside, link);
    // A linked folder in the store's place: what is behind it is not the store's.
    const elsewhere = tempDir();
    fs.mkdirSync(path.join(elsewhere, 'ee'));
    const behindLink = path.join(elsewhere, 'ee', `ee${outsideHash.slice(2)}`);
    fs.writeFileSync(behindLink, 'kept');
    fs.symlinkSync(path.join(elsewhere, 'ee'), path.join(objects, 'ee'));

    reopen(dataDir).close();
    for (const f of [...strays, outside, behindLink]) expect(fs.readFileSync(f, 'utf8'), f).toBe('kept');
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('while another process holds the store, keeps recent unrecorded files (it may be recording them) and removes old ones', async () => {
    const dataDir = tempDir();
    const { s, evidenceDir } = evidenceSetUp({ dataDir });
    s.close();
    // Another program with the data folder open, e.g. the desktop app while `evidence verify` runs.
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    try {
      fs.writeFileSync(path.join(evidenceDir, 'holders', String(other.pid)), '');
      const fresh = leaveOrphan(evidenceDir, 'stored a moment ago by the other process\n');
      const old = leaveOrphan(evidenceDir, 'left by a crash two hours ago\n', 2 * 60 * 60 * 1000);
      reopen(dataDir).close();
      expect(fs.existsSync(fresh)).toBe(true);
      expect(fs.existsSync(old)).toBe(false);

      other.kill('SIGKILL');
      await new Promise((resolve) => other.once('exit', resolve));
      // Once it is gone, nothing can still record the file: the next start removes it, and the stale marker.
      reopen(dataDir).close();
      expect(fs.existsSync(fresh)).toBe(false);
      expect(fs.readdirSync(path.join(evidenceDir, 'holders'))).toEqual([String(process.pid)]);
    } finally {
      other.kill('SIGKILL');
    }
  });
});

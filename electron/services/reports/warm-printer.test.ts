import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/temp-dir';
import { reportResourceOrigin } from './print-resources';
import { WarmPrinter } from './warm-printer';

/** Chromium processes started by this test process (Linux /proc; Playwright's launch puts them under this pid). */
function chromiumChildren(): number[] {
  const found: number[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === process.pid && /chrom/i.test(fs.readFileSync(`/proc/${name}/cmdline`, 'utf8'))) found.push(Number(name));
    } catch {
      // ended meanwhile
    }
  }
  return found;
}

const html = (text: string) => `<!doctype html><html><head><title>${text}</title></head><body><p>${text}</p></body></html>`;
const textOf = (pdf: Buffer) => {
  const file = path.join(tempDir(), 'out.pdf');
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
};

// Linux only: the processes are found in /proc.
describe.runIf(process.platform === 'linux')('the printing Chromium kept warm between reports', () => {
  const savedTmp = process.env.TMPDIR;
  let tmp: string;
  beforeAll(() => {
    // The printer's private folders go here, where the test can see that they are removed.
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-warm-printer-'));
    process.env.TMPDIR = tmp;
  });
  afterAll(() => {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('launches one Chromium on the first print, reuses it for the next, and closes it with the services', async () => {
    const printer = new WarmPrinter();
    try {
      expect(printer.warm).toBe(false);
      expect(chromiumChildren()).toEqual([]);
      expect(textOf(await printer.print(html('First report')))).toContain('First report');
      const browsers = chromiumChildren();
      expect(browsers).toHaveLength(1);
      expect(textOf(await printer.print(html('Second report')))).toContain('Second report');
      expect(chromiumChildren()).toEqual(browsers);
    } finally {
      await printer.close();
    }
    expect(printer.warm).toBe(false);
    expect(chromiumChildren()).toEqual([]);
    await expect(printer.print(html('Too late'))).rejects.toMatchObject({ code: 'io' });
    expect(chromiumChildren()).toEqual([]);
  }, 60_000);

  it('launches a new Chromium when the warm one was killed', async () => {
    const printer = new WarmPrinter();
    try {
      await printer.print(html('Before the crash'));
      const [first] = chromiumChildren();
      process.kill(first!, 'SIGKILL');
      for (let waited = 0; printer.warm && waited < 5_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
      expect(textOf(await printer.print(html('After the crash')))).toContain('After the crash');
      expect(chromiumChildren()).not.toContain(first);
      expect(chromiumChildren()).toHaveLength(1);
    } finally {
      await printer.close();
    }
    expect(chromiumChildren()).toEqual([]);
  }, 60_000);

  it('closes the browser after a while with nothing to print', async () => {
    const printer = new WarmPrinter({ idleMs: 300 });
    try {
      await printer.print(html('Then idle'));
      expect(chromiumChildren()).toHaveLength(1);
      for (let waited = 0; chromiumChildren().length > 0 && waited < 10_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
      expect(printer.warm).toBe(false);
      expect(chromiumChildren()).toEqual([]);
      // And comes back for the next report.
      expect(textOf(await printer.print(html('Back again')))).toContain('Back again');
    } finally {
      await printer.close();
    }
  }, 60_000);

  it('prints photos from their files beside the HTML, and leaves nothing of the report in the temporary folder', async () => {
    const printer = new WarmPrinter();
    const photo = path.join(tempDir(), 'copy.jpg');
    const jpeg = (width: number, height: number) =>
      sharp({ create: { width, height, channels: 3, background: '#3a7' } })
        .jpeg()
        .toBuffer();
    fs.writeFileSync(photo, await jpeg(64, 48));
    // Another photo on this disk, named by file:// URL: report HTML may load nothing outside its own folder.
    const elsewhere = path.join(tempDir(), 'elsewhere.jpg');
    fs.writeFileSync(elsewhere, await jpeg(80, 60));
    const url = `${reportResourceOrigin}photos/abc.annex.jpg`;
    try {
      const pdf = await printer.print(
        `<!doctype html><html><body><p>With photo</p><img src="${url}"><img src="https://example.org/x.jpg"><img src="${pathToFileURL(elsewhere).href}"></body></html>`,
        { resources: new Map([[url, { mediaType: 'image/jpeg', file: photo }]]) },
      );
      const file = path.join(tempDir(), 'photo.pdf');
      fs.writeFileSync(file, pdf);
      const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
      // Only the photo it was given: the outside URL and the other local file never load.
      // (Refused images print as Chromium's small broken-image icon, 14 × 16.)
      const pictures = images.map((line) => line.trim().split(/\s+/)).filter((cols) => Number(cols[3]) > 16);
      expect(pictures.map((cols) => `${cols[3]}x${cols[4]} ${cols[8]}`)).toEqual(['64x48 jpeg']);
    } finally {
      await printer.close();
    }
    // The printer's private folder (tvet-inspector-<uid>/print) is there, and empty again.
    const printFolder = fs
      .readdirSync(tmp, { recursive: true })
      .map(String)
      .filter((f) => f.startsWith('tvet-inspector'));
    expect(printFolder.length).toBeGreaterThan(0);
    expect(printFolder.filter((f) => f.endsWith('.html') || f.endsWith('.jpg'))).toEqual([]);
    expect(fs.existsSync(photo)).toBe(true);
  }, 60_000);
});

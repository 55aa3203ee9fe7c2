import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, session } from 'electron';
import { AppError } from '../../shared/ipc/result';
import { pageNumberFooter, withReportFonts, type PrintOptions } from '../services/reports/print-pdf';
import { inlineResources } from '../services/reports/print-resources';
import type { PdfPrinter } from '../services/reports/report-service';
import { denyAllPermissions } from './session-lockdown';

/** Its own in-memory session: no cookies or cache shared with the app window, and no network at all. */
const printPartition = 'tvet-report-print';

/**
 * The desktop app's report printer: the same HTML the other hosts print with headless Chromium, loaded
 * into a hidden, sandboxed window and printed with `webContents.printToPDF` — Electron's own Chromium,
 * so an installed app needs no browser of its own. The HTML (with its fonts inlined, about 2.5 MB, too
 * big for a data: URL) is written to a private temporary folder and removed after printing.
 *
 * No window is kept warm here, unlike the headless printer (reports/warm-printer.ts): Electron's Chromium
 * is already running, so a print pays only for a new renderer (a fraction of the second a headless
 * launch costs), and a fresh window per report leaves nothing of one report in the next.
 */
export function electronPdfPrinter(fontsDir: string): PdfPrinter {
  return async (html, options) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-report-'));
    const file = path.join(dir, 'report.html');
    const fileUrl = pathToFileURL(file).href;
    const ses = session.fromPartition(printPartition);
    // Also done for every new session in hardenApp; said again here so the printer never depends on order.
    denyAllPermissions(ses);
    // Report HTML is self-contained: only the page itself and inline data may load.
    ses.webRequest.onBeforeRequest((details, callback) =>
      callback({ cancel: !(details.url === fileUrl || details.url.startsWith('data:')) }),
    );
    const window = new BrowserWindow({
      show: false,
      webPreferences: { session: ses, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, spellcheck: false },
    });
    try {
      // The photos go inline here: this window loads a file, and serving them would need a protocol handler.
      fs.writeFileSync(file, withReportFonts(inlineResources(html, options.resources), { ...options, fontsDir }), { mode: 0o600 });
      await window.loadFile(file);
      // Printing before the web fonts are ready would fall back to system fonts and misshape Bangla.
      await window.webContents.executeJavaScript('document.fonts.ready.then(() => true)');
      const pdf = await window.webContents.printToPDF({
        pageSize: 'A4',
        printBackground: true,
        generateTaggedPDF: true,
        generateDocumentOutline: true,
        ...pageLayout(options),
      });
      return Buffer.from(pdf);
    } catch (error) {
      throw new AppError('io', `The report could not be printed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      window.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
}

/** Page boxes drawn by the document's own @page rules, or Chromium's templates with margins in inches. */
function pageLayout(options: PrintOptions) {
  if (options.cssPageBoxes) {
    // Zero print margins, as the headless path sends: the document's @page margins then apply.
    return {
      preferCSSPageSize: true,
      displayHeaderFooter: false,
      margins: { marginType: 'custom', top: 0, bottom: 0, left: 0, right: 0 },
    } as const;
  }
  const m = { top: '18mm', right: '16mm', bottom: '18mm', left: '16mm', ...options.margin };
  return {
    preferCSSPageSize: false,
    displayHeaderFooter: true,
    headerTemplate: options.headerTemplate ?? '<span></span>',
    footerTemplate: options.footerTemplate ?? pageNumberFooter,
    margins: { marginType: 'custom', top: inches(m.top), bottom: inches(m.bottom), left: inches(m.left), right: inches(m.right) },
  } as const;
}

function inches(length: string): number {
  const match = /^([\d.]+)(mm|cm|in|px)$/.exec(length.trim());
  if (!match) return 0.4;
  const value = Number(match[1]);
  const perInch = { mm: 25.4, cm: 2.54, in: 1, px: 96 }[match[2] as 'mm' | 'cm' | 'in' | 'px'];
  return value / perInch;
}

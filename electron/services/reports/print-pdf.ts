import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext } from 'playwright-core';
import { AppError } from '../../../shared/ipc/result';
import { privateTempDir } from '../evidence/private-temp';
import { findChromium } from '../support/find-chromium';
import { privateFileMode } from '../support/private-files';
import { printerLaunch } from './print-sandbox';
import { reportFontFaceCss } from './report-fonts';
import { localPathOf, replaceResources, type PrintResources } from './print-resources';

export interface PrintOptions {
  /** Page margins in CSS units (default 18mm top and bottom, 16mm at the sides). */
  margin?: { top?: string; right?: string; bottom?: string; left?: string };
  /**
   * Running header and footer, in Chromium's template HTML (classes `pageNumber`, `totalPages`, `title`,
   * `date`). They render in a separate document that cannot see the report's @font-face rules; use
   * `reportFontFaceCss()` inside a template that carries Bangla text.
   */
  headerTemplate?: string;
  footerTemplate?: string;
  /**
   * The document draws its own running header and footer in CSS @page margin boxes (and sets the page
   * size and margins in its @page rule): no Chromium templates, so the page's own fonts apply and
   * nothing is loaded again for every page. `margin`, `headerTemplate` and `footerTemplate` are ignored.
   */
  cssPageBoxes?: boolean;
  /** Add the bundled fonts to the HTML (default true). */
  embedFonts?: boolean;
  fontsDir?: string;
  /** Which Chromium binary; default from findChromium(). */
  executablePath?: string;
  /** Files the HTML refers to under reportResourceOrigin (the photos), put beside the HTML when printing (print-resources.ts). */
  resources?: PrintResources;
}

/** Page n / total, centred: the footer when a caller draws no page boxes of its own. */
export const pageNumberFooter =
  '<div style="width:100%;font-size:8pt;color:#555;text-align:center;font-family:sans-serif">' +
  '<span class="pageNumber"></span> / <span class="totalPages"></span></div>';

/**
 * Prints report HTML to PDF with headless Chromium — the same print path Electron's printToPDF uses, and
 * the one engine that shapes Bangla conjuncts correctly and keeps the text searchable. Launches a
 * Chromium for this one print and closes it after; the hosts keep one warm instead (warm-printer.ts).
 */
export async function printHtmlToPdf(html: string, options: PrintOptions = {}): Promise<Buffer> {
  const browser = await launchPrinter(options.executablePath);
  try {
    return await printOn(browser, html, options);
  } finally {
    await browser.close().catch(() => undefined);
  }
}

/**
 * A headless Chromium for printing. Its sandbox stays on unless this runs as root (print-sandbox.ts).
 * Loaded on demand: installed desktop builds print through Electron and do not ship playwright-core.
 */
export async function launchPrinter(executablePath?: string): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  try {
    return await chromium.launch({ executablePath: executablePath ?? findChromium(), ...printerLaunch() });
  } catch (error) {
    throw new AppError('io', `The report could not be printed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Prints on a running Chromium, in a context of its own that is closed after (nothing of one report is
 * left for the next). The HTML and its photos are written as files to a private temporary folder (0700,
 * removed after) and the page is loaded from there: a file loads several times faster than the same HTML
 * sent through setContent, and the photos go from disk to Chromium without passing through JavaScript or
 * a DevTools message (which for 200 photos measured 6.1 s against 3.4 s).
 */
export async function printOn(browser: Browser, html: string, options: PrintOptions = {}): Promise<Buffer> {
  const dir = await fs.promises.mkdtemp(path.join(await privateTempDir('print'), 'report-'));
  let context: BrowserContext | undefined;
  try {
    const file = path.join(dir, 'report.html');
    await fs.promises.writeFile(file, withReportFonts(await placeResources(html, options.resources, dir), options), {
      mode: privateFileMode,
    });
    const folderUrl = pathToFileURL(dir).href + '/';
    context = await browser.newContext({ javaScriptEnabled: true, offline: true });
    const page = await context.newPage();
    // Only the report and the files beside it may load: a stray URL in user text cannot call out or read elsewhere.
    await page.route('**/*', (route) => {
      const url = route.request().url();
      return url.startsWith(folderUrl) || url.startsWith('data:') ? route.continue() : route.abort();
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    // Printing before the web fonts are ready would fall back to system fonts and misshape Bangla.
    await page.evaluate('document.fonts.ready.then(() => true)');
    const margin = { top: '18mm', right: '16mm', bottom: '18mm', left: '16mm', ...options.margin };
    const header = options.headerTemplate ?? '<span></span>';
    const footer = options.footerTemplate ?? pageNumberFooter;
    // page.pdf() already gives a Buffer of its own: not copied again (a 200-photo report is tens of megabytes).
    return await page.pdf(
      options.cssPageBoxes
        ? { format: 'A4', printBackground: true, tagged: true, outline: true, preferCSSPageSize: true, displayHeaderFooter: false }
        : {
            format: 'A4',
            printBackground: true,
            tagged: true,
            outline: true,
            preferCSSPageSize: false,
            displayHeaderFooter: true,
            headerTemplate: header,
            footerTemplate: footer,
            margin,
          },
    );
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('io', `The report could not be printed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await context?.close().catch(() => undefined);
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

/**
 * Puts each resource the HTML uses into `dir` (a hard link to the cached copy where the file system
 * allows, else a copy) and points the HTML at it by relative path. A resource whose file is gone fails
 * the print: a signed report never silently lacks a photo it lists.
 */
async function placeResources(html: string, resources: PrintResources | undefined, dir: string): Promise<string> {
  const placed = new Map<string, string>();
  const rewritten = replaceResources(html, resources, (url, resource) => {
    const local = localPathOf(url);
    if (local === null) return url;
    placed.set(local, resource.file);
    return local;
  });
  for (const folder of new Set([...placed.keys()].map((local) => path.dirname(path.join(dir, local)))))
    await fs.promises.mkdir(folder, { recursive: true, mode: 0o700 });
  await Promise.all(
    [...placed].map(async ([local, source]) => {
      const target = path.join(dir, local);
      try {
        await fs.promises.link(source, target);
      } catch {
        await fs.promises.copyFile(source, target);
      }
    }),
  );
  return rewritten;
}

/** The HTML as every printer must load it: with the bundled fonts inlined unless asked not to. */
export function withReportFonts(html: string, options: Pick<PrintOptions, 'embedFonts' | 'fontsDir'>): string {
  if (options.embedFonts === false) return html;
  const style = `<style>${reportFontFaceCss(options.fontsDir)}</style>`;
  const headEnd = html.search(/<\/head\s*>/i);
  if (headEnd >= 0) return html.slice(0, headEnd) + style + html.slice(headEnd);
  return style + html;
}

import { AppError } from '../../../shared/ipc/result';
import { chromiumArgs, findChromium } from '../support/find-chromium';
import { reportFontFaceCss } from './report-fonts';

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
}

/** Page n / total, centred: the footer when a caller draws no page boxes of its own. */
export const pageNumberFooter =
  '<div style="width:100%;font-size:8pt;color:#555;text-align:center;font-family:sans-serif">' +
  '<span class="pageNumber"></span> / <span class="totalPages"></span></div>';

/**
 * Prints report HTML to PDF with headless Chromium — the same print path Electron's printToPDF uses, and
 * the one engine that shapes Bangla conjuncts correctly and keeps the text searchable. Used by the
 * browser host, the command line and tests; the desktop app prints the same HTML in a hidden window.
 */
export async function printHtmlToPdf(html: string, options: PrintOptions = {}): Promise<Buffer> {
  const content = withReportFonts(html, options);
  // Loaded on demand: installed desktop builds print through Electron and do not ship playwright-core.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: options.executablePath ?? findChromium(), args: chromiumArgs });
  try {
    const context = await browser.newContext({ javaScriptEnabled: true, offline: true });
    const page = await context.newPage();
    // Report HTML is self-contained; refuse any network fetch so a stray URL in user text cannot call out.
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(content, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const margin = { top: '18mm', right: '16mm', bottom: '18mm', left: '16mm', ...options.margin };
    const header = options.headerTemplate ?? '<span></span>';
    const footer = options.footerTemplate ?? pageNumberFooter;
    const pdf = await page.pdf(
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
    return Buffer.from(pdf);
  } catch (error) {
    throw new AppError('io', `The report could not be printed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await browser.close();
  }
}

/** The HTML as every printer must load it: with the bundled fonts inlined unless asked not to. */
export function withReportFonts(html: string, options: Pick<PrintOptions, 'embedFonts' | 'fontsDir'>): string {
  if (options.embedFonts === false) return html;
  const style = `<style>${reportFontFaceCss(options.fontsDir)}</style>`;
  const headEnd = html.search(/<\/head\s*>/i);
  if (headEnd >= 0) return html.slice(0, headEnd) + style + html.slice(headEnd);
  return style + html;
}

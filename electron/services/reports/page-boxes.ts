import { margin } from './page-geometry';
import type { ReportContext } from './report-context';
import { reportFontStack } from './report-fonts';

/**
 * Text as a CSS string: every character but plain letters and digits becomes a six-digit hex
 * escape, so an institution name can never close the string, the rule or the <style> element. Spaces
 * are escaped too: CSS swallows one whitespace after a hex escape.
 */
export function cssString(text: string): string {
  let out = '"';
  for (const ch of text) {
    out += /[A-Za-z0-9]/.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16).padStart(6, '0')}`;
  }
  return `${out}"`;
}

/**
 * A catalogue message with {{page}} and {{pages}} as CSS `content`: strings and page counters, drawn
 * with Bengali digits (the `bengali` counter style) when the report's numbers are.
 */
function pageCounterContent(message: string, bengaliDigits: boolean): string {
  const style = bengaliDigits ? ', bengali' : '';
  return message
    .split(/(\{\{\w+\}\})/)
    .filter((piece) => piece !== '')
    .map((piece) => (piece === '{{page}}' ? `counter(page${style})` : piece === '{{pages}}' ? `counter(pages${style})` : cssString(piece)))
    .join(' ');
}

/**
 * The A4 page with its running header (institution, report title) and footer (reference, "Page x of y")
 * as CSS margin boxes. They belong to the document, so they use its embedded fonts (Bangla included)
 * and cost nothing per page, unlike Chromium's header and footer templates. The cover has no header,
 * except the trial label: a report signed with a self-signed certificate says so at the top of every
 * page, cover included, so no page taken out of it can pass as issued under a real certificate.
 */
export function pageBoxCss(ctx: ReportContext, reportTitle: string): string {
  const a = ctx.data.assessment;
  const institution = ctx.text.name(a.institutionNameEn, a.institutionNameBn);
  const reference = `${a.frameworkId} ${a.frameworkVersion} · ${a.id.slice(0, 8)} · ${ctx.text.t(`assessments.kind.${a.kind}`)}`;
  const box = `font-family: ${reportFontStack}; font-size: 7.5pt; color: #5b6670;`;
  const head = `${box} vertical-align: bottom; padding-bottom: 3mm;`;
  const foot = `${box} vertical-align: top; padding-top: 3mm;`;
  // From the signing certificate itself (IdentityStore.open), never from the identity's editable JSON.
  const trial = ctx.data.signer?.selfSigned
    ? `\n  @top-center { content: ${cssString(ctx.text.t('reports.document.signature.selfSigned'))}; ${head} color: #a1262d; font-weight: 700; text-align: center; }`
    : '';
  return `@page {
  size: A4;
  margin: ${margin.top}mm ${margin.right}mm ${margin.bottom}mm ${margin.left}mm;
  @top-left { content: ${cssString(institution)}; ${head} text-align: left; }
  @top-right { content: ${cssString(reportTitle)}; ${head} text-align: right; }${trial}
  @bottom-left { content: ${cssString(reference)}; ${foot} text-align: left; }
  @bottom-right { content: ${pageCounterContent(ctx.text.template('reports.document.footer'), ctx.text.bengaliDigits)}; ${foot} text-align: right; }
}
@page :first {
  @top-left { content: none; }
  @top-right { content: none; }
}`;
}

import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { pageBoxCss } from './page-boxes';
import { reportContext } from './report-context';
import { reportCss } from './report-css';
import type { ReportData } from './report-data';
import { ReportBody } from './templates/ReportBody';

export interface RenderedReport {
  title: string;
  /** The complete printable document, with its @page rule (print it with `cssPageBoxes`). */
  html: string;
  /** The body alone, for the in-app preview (its stylesheet travels apart, see shared/reports/schema). */
  bodyHtml: string;
  css: string;
}

/** React components to static HTML; React escapes every user and framework text. */
export function renderReport(data: ReportData, options: { timeZone?: string } = {}): RenderedReport {
  const ctx = reportContext(data, options.timeZone);
  const reportTitle = ctx.text.t(`reports.document.reportTitle.${data.assessment.kind}`);
  const title = `${reportTitle} — ${ctx.text.name(data.assessment.institutionNameEn, data.assessment.institutionNameBn)}`;
  const bodyHtml = renderToStaticMarkup(createElement(ReportBody, { ctx }));
  // The stylesheet is ours; the only user text in it (the running header) is escaped by cssString.
  const css = `${reportCss}\n${pageBoxCss(ctx, reportTitle)}`;
  const head = `<meta charset="utf-8">${renderToStaticMarkup(createElement('title', null, title))}<style>${css}</style>`;
  return {
    title,
    html: `<!doctype html><html lang="${data.language}"><head>${head}</head><body>${bodyHtml}</body></html>`,
    bodyHtml,
    css: reportCss,
  };
}

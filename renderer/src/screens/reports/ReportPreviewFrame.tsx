import { useEffect, useRef } from 'react';
import type { ReportPreview } from '../../../../shared/reports/schema';
import { previewFontCss } from './preview-fonts';

/** 210 mm at 96 px per inch. */
const a4WidthPx = (210 / 25.4) * 96;

/**
 * The report as the services rendered it (React on that side escaped every user and framework text),
 * in a sandboxed frame: no scripts can run in it, and it shares nothing with the app but its origin,
 * which lets the app hand it the stylesheet. The CSP refuses inline <style> in a srcdoc frame, so the
 * stylesheet is adopted through the CSS object model instead.
 */
export function ReportPreviewFrame({ preview, label }: { preview: ReportPreview; label: string }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const srcDoc = `<!doctype html><html lang="${preview.language === 'bn' ? 'bn' : 'en'}"><head><meta charset="utf-8"></head><body>${preview.bodyHtml}</body></html>`;

  const adoptStyles = () => {
    const doc = frame.current?.contentDocument;
    const view = frame.current?.contentWindow as (Window & typeof globalThis) | null | undefined;
    if (!doc || !view) return;
    const sheet = new view.CSSStyleSheet();
    sheet.replaceSync(`${previewFontCss()}\n${preview.css}`);
    doc.adoptedStyleSheets = [sheet];
    fitToWidth();
  };

  // The sheets are A4 wide; a narrower window sees them scaled down rather than cut off.
  const fitToWidth = () => {
    const element = frame.current;
    const root = element?.contentDocument?.documentElement;
    if (!element || !root) return;
    root.style.zoom = String(Math.min(1, (element.clientWidth - 24) / a4WidthPx));
  };
  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const observer = new ResizeObserver(fitToWidth);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  return (
    <iframe
      ref={frame}
      className="report-preview"
      title={label}
      sandbox="allow-same-origin"
      srcDoc={srcDoc}
      onLoad={adoptStyles}
      data-testid="report-preview"
    />
  );
}

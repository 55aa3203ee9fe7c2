import fs from 'node:fs';

/**
 * Files the report's HTML refers to by URL rather than carrying them inline: the photos. A report with
 * 200 photos would be over 100 MB of HTML as data: URLs, which Chromium loads several times slower (and
 * at some size not at all). The origin is reserved (`.invalid` never resolves); printers replace exactly
 * these URLs and load nothing else.
 */
export const reportResourceOrigin = 'https://report.invalid/';

export interface PrintResource {
  mediaType: string;
  /**
   * The file on disk (the evidence store's cached report-sized copy): printers hand it to Chromium as a
   * file beside the HTML, so the image bytes never pass through JavaScript or a DevTools message.
   */
  file: string;
}

/** By absolute URL under reportResourceOrigin. */
export type PrintResources = ReadonlyMap<string, PrintResource>;

/** Every resource URL in report HTML (the origin, then a plain relative path: letters, digits, `._-/`). */
const resourceUrl = new RegExp(`${reportResourceOrigin.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}[A-Za-z0-9._/-]+`, 'g');

/** The HTML with each known resource URL replaced by `replace(url, resource)`; unknown URLs stay (and never load). */
export function replaceResources(
  html: string,
  resources: PrintResources | undefined,
  replace: (url: string, resource: PrintResource) => string,
): string {
  if (resources === undefined || resources.size === 0) return html;
  return html.replace(resourceUrl, (url) => {
    const resource = resources.get(url);
    return resource ? replace(url, resource) : url;
  });
}

/**
 * The HTML with every resource as a data: URL, for a printer that loads one file and nothing beside it
 * (the desktop app's print window). URLs not in `resources` are left as they are (and never load).
 */
export function inlineResources(html: string, resources: PrintResources | undefined): string {
  return replaceResources(
    html,
    resources,
    (_url, resource) => `data:${resource.mediaType};base64,${fs.readFileSync(resource.file).toString('base64')}`,
  );
}

/**
 * Where a resource is put in the printer's private folder, relative to the HTML: its path under the
 * origin, which the URL pattern above already limits to `[A-Za-z0-9._/-]`; `..` and empty segments are
 * refused so that nothing can be written outside that folder.
 */
export function localPathOf(url: string): string | null {
  if (!url.startsWith(reportResourceOrigin)) return null;
  const relative = url.slice(reportResourceOrigin.length);
  const segments = relative.split('/');
  if (!/^[A-Za-z0-9._/-]+$/.test(relative) || segments.some((s) => s === '' || s === '.' || s === '..')) return null;
  return `resources/${relative}`;
}

import fs from 'node:fs';
import path from 'node:path';

/** The families a report's CSS names; nothing else is needed for English and Bangla text. */
export const reportFontStack = "'Report Sans', 'Report Bengali'";

const faces = [
  { family: 'Report Sans', weight: 400, file: 'NotoSans-Regular.ttf' },
  { family: 'Report Sans', weight: 700, file: 'NotoSans-Bold.ttf' },
  { family: 'Report Bengali', weight: 400, file: 'NotoSansBengali-Regular.ttf' },
  { family: 'Report Bengali', weight: 700, file: 'NotoSansBengali-Bold.ttf' },
] as const;

export function defaultFontsDir(): string {
  return path.resolve(import.meta.dirname, '..', '..', '..', 'resources', 'fonts');
}

const cache = new Map<string, string>();

/**
 * @font-face rules with the bundled Noto fonts as data: URLs. `page.setContent` has no base URL and the
 * desktop app loads from app://, so inline data is the one way the same HTML finds its fonts in every
 * host. The family names are our own, so a report never silently falls back to whatever the machine has.
 */
export function reportFontFaceCss(fontsDir: string = defaultFontsDir()): string {
  const cached = cache.get(fontsDir);
  if (cached) return cached;
  const css = faces
    .map((f) => {
      const data = fs.readFileSync(path.join(fontsDir, f.file)).toString('base64');
      return `@font-face{font-family:'${f.family}';font-style:normal;font-weight:${f.weight};font-display:block;src:url(data:font/ttf;base64,${data}) format('truetype');}`;
    })
    .join('\n');
  cache.set(fontsDir, css);
  return css;
}

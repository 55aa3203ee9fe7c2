import sansBold from '../../../../resources/fonts/NotoSans-Bold.ttf?url';
import sansRegular from '../../../../resources/fonts/NotoSans-Regular.ttf?url';
import bengaliBold from '../../../../resources/fonts/NotoSansBengali-Bold.ttf?url';
import bengaliRegular from '../../../../resources/fonts/NotoSansBengali-Regular.ttf?url';

/**
 * The report's font families for the preview frame, from the app's own font files: the CSP allows
 * fonts from 'self' only, so the data: URLs the printed report carries cannot be used here.
 */
export function previewFontCss(): string {
  const face = (family: string, weight: number, url: string) =>
    `@font-face{font-family:'${family}';font-weight:${weight};font-display:block;src:url('${new URL(url, document.baseURI).href}') format('truetype');}`;
  return [
    face('Report Sans', 400, sansRegular),
    face('Report Sans', 700, sansBold),
    face('Report Bengali', 400, bengaliRegular),
    face('Report Bengali', 700, bengaliBold),
  ].join('\n');
}

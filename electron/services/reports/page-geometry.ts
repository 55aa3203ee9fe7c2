/**
 * The report's page in millimetres. Chromium draws the running header and footer inside the top and
 * bottom margins, and the signature page places its box at a fixed spot inside the content area, so the
 * PDF rectangle of the signature widget follows from these numbers alone.
 */
export const page = { width: 210, height: 297 } as const;
export const margin = { top: 22, right: 18, bottom: 17, left: 18 } as const;

/** The box reserved on the signature page, from the top left of the content area. */
export const signatureBox = { left: 0, top: 135, width: 92, height: 32 } as const;

/** Height of the signature page's own block: less than the content area, so it never spills onto a blank page. */
export const signaturePageHeight = page.height - margin.top - margin.bottom - 12;

const pointsPerMm = 72 / 25.4;

/** The signature box in PDF points from the page's bottom left: [x1, y1, x2, y2]. */
export function signatureRect(): [number, number, number, number] {
  const left = margin.left + signatureBox.left;
  const top = margin.top + signatureBox.top;
  const round = (mm: number) => Math.round(mm * pointsPerMm * 100) / 100;
  return [round(left), round(page.height - top - signatureBox.height), round(left + signatureBox.width), round(page.height - top)];
}

const bengaliZero = 0x09e6;

/** Bengali digits (০–৯) typed on a Bangla keyboard become Western digits so numbers parse. */
export function toWesternDigits(text: string): string {
  return text.replace(/[০-৯]/g, (d) => String(d.charCodeAt(0) - bengaliZero));
}

export function toBengaliDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(bengaliZero + Number(d)));
}

/** Parses a user-typed number in either digit set; empty text is `null`, junk is `NaN`. */
export function parseLocalizedNumber(text: string): number | null {
  const normalized = toWesternDigits(text).trim().replace(/,/g, '');
  if (normalized === '') return null;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(normalized)) return Number.NaN;
  return Number(normalized);
}

/**
 * Text that a spreadsheet would run — a cell beginning with = + - @, a tab or a carriage return — gets a
 * leading apostrophe, so Excel, LibreOffice and Google Sheets show it as text instead of evaluating it
 * (OWASP "CSV injection"). Names of institutions and programmes, package contents and framework titles
 * are untrusted. Numbers the dashboard computed pass through unchanged: they are data, and a negative
 * change must stay a number. The one function used by both the CSV and the XLSX writer.
 */
export function safeCell(value: string | number | null | undefined): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

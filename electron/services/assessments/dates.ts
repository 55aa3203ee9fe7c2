/**
 * The calendar date of an instant on this machine's clock (the inspector's laptop is set to local time,
 * Asia/Dhaka in the field), so an assessment finalised at 01:00 is dated that day, not the day before.
 */
export function localDate(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A calendar date plus whole days; pure date arithmetic, no time zone or daylight-saving shifts. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

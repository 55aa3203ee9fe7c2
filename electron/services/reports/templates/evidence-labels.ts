import type { ReportContext } from '../report-context';

/** Evidence codes (DOC, OBS, …) as the framework names them, in the report's language. */
export function evidenceLabels(ctx: ReportContext, codes: readonly string[]): string {
  const types = new Map(ctx.data.framework.evidenceTypes.map((t) => [t.code, t.label]));
  return codes.map((c) => (types.has(c) ? ctx.text.fw(types.get(c)) : c)).join(', ');
}

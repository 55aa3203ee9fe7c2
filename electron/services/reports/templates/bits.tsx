import type { ReactNode } from 'react';
import type { LocalizedText } from '../../../../shared/framework/schema';
import type { ReportContext } from '../report-context';

/** A numbered section; `flow` continues on the same page, otherwise it starts a new one. */
export function Section({ id, n, title, flow, children }: { id: string; n: string; title: string; flow?: boolean; children: ReactNode }) {
  return (
    <section id={id} className={`sheet section${flow ? ' section--flow' : ''}`} aria-labelledby={`${id}-heading`}>
      <h1 id={`${id}-heading`}>
        {n}. {title}
      </h1>
      {children}
    </section>
  );
}

/** Framework text, marked as English where a Bangla report falls back to it (screen readers switch voice). */
export function Fw({ ctx, text }: { ctx: ReportContext; text: LocalizedText | undefined }) {
  const lang = ctx.text.fwLang(text);
  const value = ctx.text.fw(text);
  return lang === ctx.text.language ? <>{value}</> : <span lang={lang}>{value}</span>;
}

/** A rating as a coloured chip: 0–3, N/A, or none. */
export function RatingChip({ ctx, value }: { ctx: ReportContext; value: number | 'na' | null }) {
  const kind = value === null ? 'none' : String(value);
  return <span className={`chip chip--${kind}`}>{ctx.text.rating(value)}</span>;
}

export function FindingBadge({ ctx, findingClass }: { ctx: ReportContext; findingClass: string }) {
  return <span className={`badge badge--${findingClass}`}>{ctx.text.t(`assessments.finding.${findingClass}`)}</span>;
}

/** A table's header row (Chromium repeats it on every page the table spans); `num` columns align right. */
export function HeadRow({ columns }: { columns: { label: string; num?: boolean }[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c) => (
          <th key={c.label} scope="col" className={c.num ? 'num' : undefined}>
            {c.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** A framework group as the report names it everywhere: its id in bold, then its title. */
export function GroupName({ ctx, groupId }: { ctx: ReportContext; groupId: string }) {
  return (
    <>
      <strong>{groupId}</strong> <Fw ctx={ctx} text={ctx.group(groupId)?.title} />
    </>
  );
}

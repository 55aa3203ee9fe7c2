import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber } from '../../format';
import { localDigits, outcomeColours } from './display';

export interface Series {
  key: string;
  name: string;
  colour: string;
}

const axisTick = { fill: '#343d46', fontSize: 13 };
const valueFormatter = (v: unknown) => (typeof v === 'number' ? formatNumber(v) : String(v));

/**
 * A chart and the table with its figures side by side (the table below it in a narrow window). The
 * chart is one image with a text summary for screen readers; the table is what they read in full.
 */
export function ChartPanel({
  title,
  summary,
  chart,
  table,
  note,
  wideTable = false,
}: {
  title: string;
  summary: string;
  chart: ReactNode;
  table: ReactNode;
  note?: ReactNode;
  /** The table has many or long columns: it gets the larger share of the width. */
  wideTable?: boolean;
}) {
  const id = useId();
  return (
    <section className="ho-panel" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {note}
      <div className={`ho-panel__body${wideTable ? ' ho-panel__body--wide-table' : ''}`}>
        <div className="ho-chart" role="img" aria-label={summary}>
          {chart}
        </div>
        <div className="ho-panel__table">{table}</div>
      </div>
    </section>
  );
}

/** A table with no chart: full width, with a heading. */
export function TablePanel({ title, table, note }: { title: string; table: ReactNode; note?: ReactNode }) {
  const id = useId();
  return (
    <section className="ho-panel" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {note}
      {table}
    </section>
  );
}

/** "Title: A 3, B 5, C 1 and 4 more" — what a screen reader hears for a chart. */
export function useChartSummary() {
  const { t } = useTranslation();
  return (title: string, items: string[], max = 8) =>
    `${title}: ${items.slice(0, max).join('; ')}${items.length > max ? ` ${t('headOffice.chart.more', { n: formatNumber(items.length - max) })}` : ''}`;
}

/** Bars, one row per category (horizontal), stacked or side by side. */
export function HorizontalBars<T extends { label: string }>({
  data,
  series,
  stacked = false,
  labelWidth = 160,
}: {
  data: T[];
  series: Series[];
  stacked?: boolean;
  labelWidth?: number;
}) {
  const height = Math.max(160, data.length * (stacked ? 34 : 26 * series.length + 10) + 70);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} tickFormatter={valueFormatter} tick={axisTick} />
        <YAxis type="category" dataKey="label" width={labelWidth} tick={axisTick} interval={0} />
        <Tooltip formatter={valueFormatter} />
        <Legend wrapperStyle={{ fontSize: 13 }} itemSorter={null} />
        {series.map((s) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.name}
            fill={s.colour}
            stackId={stacked ? 'stack' : undefined}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Bars standing on an axis of categories (score bands), stacked by outcome. */
export function ColumnBars<T extends { label: string }>({ data, series }: { data: T[]; series: Series[] }) {
  return (
    <ResponsiveContainer width="100%" height={280}>
      <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={axisTick} interval={0} tickFormatter={(v: string) => localDigits(v)} />
        <YAxis allowDecimals={false} tickFormatter={valueFormatter} tick={axisTick} width={48} />
        <Tooltip formatter={valueFormatter} labelFormatter={(v) => localDigits(String(v))} />
        <Legend wrapperStyle={{ fontSize: 13 }} itemSorter={null} />
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.colour} stackId="stack" isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

/** A line of percentages over time, with the framework's thresholds as guides. */
export function PercentLine<T extends { label: string }>({
  data,
  dataKey,
  name,
  guides = [],
  height = 260,
}: {
  data: T[];
  dataKey: string;
  name: string;
  guides?: { value: number; label: string }[];
  height?: number;
}) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={data} margin={{ top: 16, right: 24, bottom: 8, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" tick={axisTick} tickFormatter={(v: string) => localDigits(v)} />
        <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tickFormatter={valueFormatter} tick={axisTick} width={48} />
        <Tooltip formatter={valueFormatter} labelFormatter={(v) => localDigits(String(v))} />
        {guides.map((g) => (
          <ReferenceLine
            key={g.value}
            y={g.value}
            stroke="#7a8591"
            strokeDasharray="4 4"
            label={{ value: g.label, position: 'insideTopRight', fill: '#343d46', fontSize: 12 }}
          />
        ))}
        <Line
          type="monotone"
          dataKey={dataKey}
          name={name}
          stroke="#0b5394"
          strokeWidth={2}
          dot={{ r: 3 }}
          isAnimationActive={false}
          connectNulls
        />
      </LineChart>
    </ResponsiveContainer>
  );
}

/** The three outcome series, in the user's language. */
export function useOutcomeSeries(): Series[] {
  const { t } = useTranslation();
  return [
    { key: 'aligned', name: t('headOffice.outcome.aligned'), colour: outcomeColours.aligned },
    { key: 'conditional', name: t('headOffice.outcome.conditional'), colour: outcomeColours.conditional },
    { key: 'notAligned', name: t('headOffice.outcome.not-aligned'), colour: outcomeColours.notAligned },
  ];
}

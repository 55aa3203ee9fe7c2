export interface TrendPoint {
  /** A short label for the x axis and the table, e.g. a date. */
  label: string;
  /** 0–100. */
  value: number;
  /** Shown in the text alternative, e.g. "Inspection, recommended". */
  detail: string;
}

interface ScoreTrendProps {
  points: readonly TrendPoint[];
  title: string;
  /** Horizontal guide lines, e.g. the 75 % and 60 % thresholds. */
  guides?: readonly { value: number; label: string }[];
  formatValue: (value: number) => string;
  /** Caption of the data table that stands in for the chart for screen readers. */
  tableCaption: string;
  columns: { when: string; score: string; detail: string };
}

const width = 520;
const height = 180;
const pad = { top: 24, right: 16, bottom: 28, left: 40 };
/** Points keep clear of the axis labels at both ends. */
const inset = 44;

/**
 * A score trend as a plain inline SVG line chart. The chart is an image with a title; the same figures
 * are given as a table (visually hidden), which is what a screen reader reads.
 */
export function ScoreTrend({ points, title, guides = [], formatValue, tableCaption, columns }: ScoreTrendProps) {
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const x = (i: number) =>
    pad.left + inset + (points.length === 1 ? (plotW - 2 * inset) / 2 : (i * (plotW - 2 * inset)) / (points.length - 1));
  const y = (v: number) => pad.top + plotH - (Math.max(0, Math.min(100, v)) / 100) * plotH;
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  return (
    <figure className="score-trend">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title} preserveAspectRatio="xMidYMid meet">
        <title>{title}</title>
        {[0, 50, 100].map((v) => (
          <g key={v}>
            <line x1={pad.left} x2={width - pad.right} y1={y(v)} y2={y(v)} className="score-trend__grid" />
            <text x={pad.left - 6} y={y(v) + 4} textAnchor="end" className="score-trend__axis">
              {formatValue(v)}
            </text>
          </g>
        ))}
        {guides.map((g) => (
          <g key={g.value}>
            <line x1={pad.left} x2={width - pad.right} y1={y(g.value)} y2={y(g.value)} className="score-trend__guide" />
            <text x={width - pad.right} y={y(g.value) - 3} textAnchor="end" className="score-trend__guide-label">
              {g.label}
            </text>
          </g>
        ))}
        {points.length > 1 ? <path d={path} className="score-trend__line" /> : null}
        {points.map((p, i) => (
          <g key={i}>
            <circle cx={x(i)} cy={y(p.value)} r={4} className="score-trend__point" />
            <text x={x(i)} y={y(p.value) - 8} textAnchor="middle" className="score-trend__value">
              {formatValue(p.value)}
            </text>
            <text x={x(i)} y={height - 8} textAnchor="middle" className="score-trend__axis">
              {p.label}
            </text>
          </g>
        ))}
      </svg>
      <table className="visually-hidden">
        <caption>{tableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{columns.when}</th>
            <th scope="col">{columns.score}</th>
            <th scope="col">{columns.detail}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p, i) => (
            <tr key={i}>
              <td>{p.label}</td>
              <td>{formatValue(p.value)}</td>
              <td>{p.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

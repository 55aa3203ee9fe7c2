import type { GroupScore } from '../../../../shared/scoring';
import type { ReportContext } from '../report-context';

const width = 660;
const labelWidth = 52;
const barLeft = labelWidth + 4;
const barRight = 600;
const rowHeight = 21;
const barHeight = 12;
const top = 18;

/** A horizontal bar per core group with the two group thresholds drawn across; inline SVG, no script. */
export function ScoreChart({ ctx, groups }: { ctx: ReportContext; groups: GroupScore[] }) {
  const { text, data } = ctx;
  const rules = data.framework.rules;
  const recommended = rules.recommended.minGroupPct;
  const conditional = rules.conditional.minGroupPct;
  const x = (pct: number) => barLeft + ((barRight - barLeft) * Math.max(0, Math.min(100, pct))) / 100;
  const height = top + groups.length * rowHeight + 6;
  const colour = (pct: number) => (pct >= recommended ? '#123c5a' : pct >= conditional ? '#b07400' : '#a1262d');
  const d = 'reports.document.scores';
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby="chart-title chart-desc"
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id="chart-title">{text.t(`${d}.chartTitle`)}</title>
      <desc id="chart-desc">{text.t(`${d}.chartDescription`, { recommended, conditional })}</desc>
      {[0, 25, 50, 75, 100].map((tick) => (
        <g key={tick}>
          <line x1={x(tick)} x2={x(tick)} y1={top - 4} y2={height - 6} stroke="#d5dbe1" strokeWidth="0.8" />
          <text x={x(tick)} y={top - 7} fontSize="9" fill="#5b6670" textAnchor="middle">
            {text.num(tick)}%
          </text>
        </g>
      ))}
      {groups.map((g, i) => {
        const y = top + i * rowHeight;
        const pct = g.pct;
        return (
          <g key={g.groupId}>
            <text x={labelWidth} y={y + barHeight - 2} fontSize="10" fontWeight="700" fill="#1d232a" textAnchor="end">
              {g.groupId}
            </text>
            <rect x={barLeft} y={y} width={barRight - barLeft} height={barHeight} fill="#eef1f4" />
            {pct === null ? null : <rect x={barLeft} y={y} width={x(pct) - barLeft} height={barHeight} fill={colour(pct)} />}
            <text x={barRight + 6} y={y + barHeight - 2} fontSize="9.5" fontWeight="700" fill="#1d232a">
              {text.pct(pct)}
            </text>
          </g>
        );
      })}
      <line x1={x(conditional)} x2={x(conditional)} y1={top - 2} y2={height - 6} stroke="#b07400" strokeWidth="1.4" strokeDasharray="4 3" />
      <line x1={x(recommended)} x2={x(recommended)} y1={top - 2} y2={height - 6} stroke="#1e6b3a" strokeWidth="1.4" strokeDasharray="4 3" />
    </svg>
  );
}

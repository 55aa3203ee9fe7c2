import type { ReportContext } from '../report-context';
import { programmeTitle } from '../report-context';
import { GroupName, HeadRow, Section } from './bits';
import { ScoreChart } from './ScoreChart';

/** Core groups as a chart and a table, then each programme's sector module. */
export function GroupScores({ ctx, n }: { ctx: ReportContext; n: string }) {
  const { data, text } = ctx;
  const { score, framework } = data;
  const d = 'reports.document.scores';
  const core = score.groups.filter((g) => g.kind === 'core' && g.rated + g.unanswered + g.excluded > 0);
  const sectorRows = score.programmes.filter((p) => p.sectorGroupId !== null);
  return (
    <Section id="scores" n={n} title={text.t('reports.document.sections.scores')} flow>
      <ScoreChart ctx={ctx} groups={core} />
      <p className="legend">
        <span>
          <i className="l-rec" />
          {text.t(`${d}.legendRecommended`, { pct: framework.rules.recommended.minGroupPct })}
        </span>
        <span>
          <i className="l-cond" />
          {text.t(`${d}.legendConditional`, { pct: framework.rules.conditional.minGroupPct })}
        </span>
      </p>
      <table>
        <HeadRow
          columns={[
            { label: text.t(`${d}.colGroup`) },
            { label: text.t(`${d}.colScore`), num: true },
            { label: text.t(`${d}.colPoints`), num: true },
            { label: text.t(`${d}.colRated`), num: true },
            { label: text.t(`${d}.colExcluded`), num: true },
          ]}
        />
        <tbody>
          {core.map((g) => (
            <tr key={g.groupId}>
              <td>
                <GroupName ctx={ctx} groupId={g.groupId} />
              </td>
              <td className="num">
                <strong>{text.pct(g.pct)}</strong>
              </td>
              <td className="num">{text.t(`${d}.points`, { earned: g.earned, possible: g.possible })}</td>
              <td className="num">{text.num(g.rated)}</td>
              <td className="num">{text.num(g.excluded)}</td>
            </tr>
          ))}
          <tr>
            <td>
              <strong>{text.t(`${d}.overallRow`)}</strong>
            </td>
            <td className="num">
              <strong>{text.pct(score.overall.pct)}</strong>
            </td>
            <td className="num">{text.t(`${d}.points`, { earned: score.overall.earned, possible: score.overall.possible })}</td>
            <td className="num">{text.num(score.overall.rated)}</td>
            <td className="num" />
          </tr>
        </tbody>
      </table>
      {sectorRows.length > 0 ? (
        <>
          <h2>{text.t(`${d}.sectorTitle`)}</h2>
          <table>
            <HeadRow
              columns={[
                { label: text.t('reports.document.programmes.colProgramme') },
                { label: text.t(`${d}.colGroup`) },
                { label: text.t(`${d}.colScore`), num: true },
                { label: text.t(`${d}.colPoints`), num: true },
              ]}
            />
            <tbody>
              {sectorRows.map((p) => (
                <tr key={p.programmeId}>
                  <td>{programmeTitle(ctx, p.programmeId)}</td>
                  <td>
                    <GroupName ctx={ctx} groupId={p.sectorGroupId ?? ''} />
                  </td>
                  <td className="num">
                    <strong>{text.pct(p.sectorModule?.pct)}</strong>
                  </td>
                  <td className="num">
                    {p.sectorModule ? text.t(`${d}.points`, { earned: p.sectorModule.earned, possible: p.sectorModule.possible }) : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </Section>
  );
}

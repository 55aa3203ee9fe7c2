import type { ReportContext } from '../report-context';
import { reasonText } from '../report-context';
import { HeadRow, Section } from './bits';

/** Each programme in scope: its sector module and, on a mobility track, whether it is mobility-ready and why not. */
export function Programmes({ ctx, n }: { ctx: ReportContext; n: string }) {
  const { data, text } = ctx;
  const d = 'reports.document.programmes';
  const results = new Map(data.score.programmes.map((p) => [p.programmeId, p]));
  return (
    <Section id="programmes" n={n} title={text.t('reports.document.sections.programmes')} flow>
      <table>
        <HeadRow
          columns={[
            { label: text.t(`${d}.colProgramme`) },
            { label: text.t(`${d}.colSectorModule`), num: true },
            { label: text.t(`${d}.colMobility`) },
            { label: text.t(`${d}.colReady`) },
          ]}
        />
        <tbody>
          {data.assessment.programmes.map((p) => {
            const result = results.get(p.id);
            const detail = data.programmeDetails.get(p.id);
            const ready = result?.mobilityReady ?? null;
            return (
              <tr key={p.id}>
                <td>
                  <strong>{text.name(p.titleEn, p.titleBn)}</strong>
                  <div className="muted small">
                    {text.t(`sector.${p.sector}`)}
                    {/* "ISCO-08 7212" is one code: it never splits over two lines (not even at its hyphen). */}
                    {detail ? (
                      <>
                        {` · ${text.occupation(detail.occupation, detail.iscoCode)} (`}
                        <span className="nowrap">ISCO-08 {detail.iscoCode}</span>)
                      </>
                    ) : (
                      ''
                    )}
                    {detail?.bnqfLevel ? ` · BNQF ${text.num(detail.bnqfLevel)}` : ''}
                    {detail?.eqfLevel ? ` · EQF ${text.num(detail.eqfLevel)}` : ''}
                  </div>
                </td>
                <td className="num">
                  {result?.sectorGroupId ? `${result.sectorGroupId} ${text.pct(result.sectorModule?.pct)}` : text.t(`${d}.noModule`)}
                </td>
                <td>
                  {p.mobilityTrack
                    ? text.t(`${d}.destination`, {
                        country: text.place('country', p.destinationCountry),
                        language: text.place('language', p.targetLanguage),
                        cefr: p.targetCefr,
                      })
                    : text.t(`${d}.notMobility`)}
                </td>
                <td>
                  {ready === null ? (
                    text.t(`${d}.notApplicable`)
                  ) : ready.ready ? (
                    <span className="ok">✓ {text.t(`${d}.ready`)}</span>
                  ) : (
                    <>
                      <span className="not-ok">✗ {text.t(`${d}.notReady`)}</span>
                      <ul className="small">
                        {ready.reasons.map((r, i) => (
                          <li key={i}>{reasonText(ctx, r)}</li>
                        ))}
                      </ul>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Section>
  );
}

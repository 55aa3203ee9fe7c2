import type { ReportContext } from '../report-context';
import { unitLabel } from '../report-context';
import { isPhoto } from '../report-photos';
import { HeadRow, Section } from './bits';
import { photoDate } from './PhotoEvidence';

/** Each attached evidence file with its SHA-256, so a reader holding a copy can prove it is the same file. */
export function EvidenceIndex({ ctx, n }: { ctx: ReportContext; n: string }) {
  const { data, text } = ctx;
  const d = 'reports.document.evidence';
  return (
    <Section id="evidence" n={n} title={text.t('reports.document.sections.evidence')} flow>
      {data.evidence.length === 0 ? (
        <p>{text.t(`${d}.none`)}</p>
      ) : (
        <>
          <p>{text.t(`${d}.intro`)}</p>
          <table className="evidence">
            <colgroup>
              <col className="c-ref" />
              <col className="c-file" />
              <col className="c-criterion" />
              <col className="c-size" />
              <col className="c-hash" />
            </colgroup>
            <HeadRow
              columns={[
                { label: text.t(`${d}.colRef`) },
                { label: text.t(`${d}.colFile`) },
                { label: text.t(`${d}.colCriterion`) },
                { label: text.t(`${d}.colSize`), num: true },
                { label: text.t(`${d}.colHash`) },
              ]}
            />
            <tbody>
              {data.evidence.map((e) => (
                <tr key={e.ref}>
                  <td>
                    <strong>{e.ref}</strong>
                  </td>
                  <td>
                    {e.fileName}
                    <div className="small muted">
                      {e.evidenceType}
                      {e.caption ? ` · ${e.caption}` : ''}
                    </div>
                    {isPhoto(e) ? <div className="small muted">{photoDate(ctx, e)}</div> : null}
                  </td>
                  <td>
                    {e.links.length === 0
                      ? text.t(`${d}.wholeAssessment`)
                      : e.links.map((l) => unitLabel(ctx, l.criterionId, l.programmeId)).join(', ')}
                  </td>
                  <td className="num">{fileSize(ctx, e.size)}</td>
                  <td className="mono">{e.sha256}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Section>
  );
}

function fileSize(ctx: ReportContext, bytes: number): string {
  const d = 'reports.document.evidence';
  if (bytes < 1024) return ctx.text.t(`${d}.bytes`, { count: bytes, n: bytes });
  if (bytes < 1024 * 1024) return ctx.text.t(`${d}.kilobytes`, { n: ctx.text.number(bytes / 1024) });
  return ctx.text.t(`${d}.megabytes`, { n: ctx.text.number(bytes / (1024 * 1024)) });
}

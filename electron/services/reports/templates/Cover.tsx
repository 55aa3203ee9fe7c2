import type { ReportContext } from '../report-context';
import { Fw } from './bits';

/** Page 1: who was assessed, against what, by whom, and the outcome in large type. */
export function Cover({ ctx }: { ctx: ReportContext }) {
  const { data, text } = ctx;
  const { assessment: a, institution, framework, score } = data;
  const decision = score.outcome.decision;
  const d = 'reports.document';
  const registration =
    institution && institution.registrationBody !== 'none'
      ? `${text.t(`registrationBody.${institution.registrationBody}`)} ${institution.registrationNumber}`.trim()
      : institution
        ? text.t('registrationBody.none')
        : '';
  const location = institution
    ? [text.place('district', institution.district), text.t(`division.${institution.division}`)].filter(Boolean).join(', ')
    : '';
  return (
    <section className="sheet cover" id="cover" aria-labelledby="cover-title">
      <p className="cover__overline">{text.t(`${d}.overline`)}</p>
      <div className="cover__rule" />
      <h1 id="cover-title">{text.t(`${d}.reportTitle.${a.kind}`)}</h1>
      <p className="cover__institution" lang="en">
        {a.institutionNameEn}
      </p>
      {a.institutionNameBn ? (
        <p className="cover__institution-bn" lang="bn">
          {a.institutionNameBn}
        </p>
      ) : null}
      <p className="cover__meta">
        {[registration, institution ? text.t(`institutionType.${institution.type}`) : '', location].filter(Boolean).join(' · ')}
      </p>
      {data.preview ? <p className="banner banner--preview">{text.t(`${d}.preview`)}</p> : null}
      {data.provisional ? <p className="banner">{text.t(`${d}.provisional`)}</p> : null}
      <div className={`outcome outcome--${decision}`}>
        <p className="outcome__label">
          {a.kind === 'self-assessment' ? text.t(`${d}.selfAssessmentOutcome`) : text.t(`${d}.outcomeLabel`)}
        </p>
        <p className="outcome__decision" data-decision={decision}>
          {text.t(`${d}.outcome.${decision}`)}
        </p>
        <p className="outcome__meaning">{text.t(`${d}.outcomeMeaning.${decision}`)}</p>
        <p className="outcome__score">{text.t(`${d}.overallScore`, { pct: text.pct(score.overall.pct) })}</p>
      </div>
      <table className="facts cover__facts">
        <tbody>
          <tr>
            <th scope="row">{text.t(`${d}.facts.programmes`)}</th>
            <td>
              {a.programmes.map((p) => (
                <div key={p.id}>
                  <strong>{text.name(p.titleEn, p.titleBn)}</strong> — {text.t(`sector.${p.sector}`)}
                  {p.mobilityTrack ? `; ${text.t(`${d}.mobilityTo`, { country: text.place('country', p.destinationCountry) })}` : ''}
                </div>
              ))}
            </td>
          </tr>
          <tr>
            <th scope="row">{text.t(`${d}.facts.kind`)}</th>
            <td>{text.t(`assessments.kind.${a.kind}`)}</td>
          </tr>
          <tr>
            <th scope="row">{text.t(`${d}.facts.plannedDates`)}</th>
            <td>{text.t(`${d}.facts.dateRange`, { start: text.date(a.plannedStart), end: text.date(a.plannedEnd) })}</td>
          </tr>
          <tr>
            <th scope="row">{text.t(`${d}.facts.siteVisit`)}</th>
            <td>{text.date(a.siteVisitDate)}</td>
          </tr>
          <tr>
            <th scope="row">{text.t(`${d}.facts.finalised`)}</th>
            <td>{a.finalisedAt ? text.date(a.finalisedAt) : text.t(`${d}.facts.notFinalised`)}</td>
          </tr>
          <tr>
            <th scope="row">{text.t(`${d}.facts.team`)}</th>
            <td>
              {a.team.map((m, i) => (
                <div key={i}>
                  {m.name} — {text.t(`assessments.role.${m.role}`)}
                </div>
              ))}
            </td>
          </tr>
          <tr>
            <th scope="row">{text.t(`${d}.facts.framework`)}</th>
            <td>
              <Fw ctx={ctx} text={framework.title} />, {text.t(`${d}.facts.frameworkVersion`, { version: a.frameworkVersion })}
              <div className="muted small">
                <Fw ctx={ctx} text={framework.publisher} />
              </div>
            </td>
          </tr>
          <tr>
            <th scope="row">{text.t(`${d}.facts.contentHash`)}</th>
            <td className="mono">{a.frameworkContentHash}</td>
          </tr>
          <tr>
            <th scope="row">{text.t(`${d}.facts.reportId`)}</th>
            <td>
              <span className="mono">{text.t(`${d}.facts.reportIdValue`, { id: a.id, revision: a.revisionNumber })}</span>
            </td>
          </tr>
          {data.issuer ? (
            <tr>
              <th scope="row">{text.t(`${d}.facts.issuedBy`)}</th>
              <td>{data.issuer}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <p className="cover__statement">{text.t(`${d}.againstFramework`, { framework: text.fw(framework.title) })}</p>
    </section>
  );
}

import type { ReportContext } from '../report-context';

/**
 * The last page. Its block has a fixed height and the signature box a fixed place in it (report-css,
 * page-geometry), so the signature widget added after printing covers exactly this box.
 */
export function SignaturePage({ ctx, n }: { ctx: ReportContext; n: string }) {
  const { data, text } = ctx;
  const d = 'reports.document.signature';
  const signer = data.signer;
  return (
    <section id="signature" className="sheet section" aria-labelledby="signature-heading">
      <div className="signature">
        <h1 id="signature-heading">
          {n}. {text.t('reports.document.sections.signature')}
        </h1>
        <p>{text.t(`${d}.declaration`)}</p>
        {signer === null ? (
          <p className="banner banner--preview">{text.t(`${d}.notSigned`)}</p>
        ) : (
          <table className="facts">
            <tbody>
              <tr>
                <th scope="row">{text.t(`${d}.signer`)}</th>
                <td>
                  <strong>{signer.name}</strong>
                </td>
              </tr>
              <tr>
                <th scope="row">{text.t(`${d}.role`)}</th>
                <td>{signer.role}</td>
              </tr>
              <tr>
                <th scope="row">{text.t(`${d}.organisation`)}</th>
                <td>{signer.organisation}</td>
              </tr>
              <tr>
                <th scope="row">{text.t(`${d}.certificate`)}</th>
                <td>
                  {signer.selfSigned ? (
                    <span className="trial">{text.t(`${d}.selfSigned`)}</span>
                  ) : (
                    text.t(`${d}.issuedBy`, { issuer: signer.issuer })
                  )}
                </td>
              </tr>
              <tr>
                <th scope="row">{text.t(`${d}.fingerprint`)}</th>
                <td className="mono">{signer.fingerprintSha256}</td>
              </tr>
              <tr>
                <th scope="row">{text.t(`${d}.signedAt`)}</th>
                <td>{signer.signedAt ? text.dateTime(signer.signedAt) : text.t('reports.document.none')}</td>
              </tr>
              {data.changeLog ? (
                <tr>
                  <th scope="row">{text.t(`${d}.changeLog`)}</th>
                  <td className="mono" data-change-log={`${data.changeLog.count}:${data.changeLog.hash}`}>
                    {text.t(`${d}.changeLogValue`, { count: data.changeLog.count, hash: data.changeLog.hash })}
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        )}
        <div className="signature__box" data-signature-box="">
          <p className="signature__box-label">{text.t(`${d}.box`)}</p>
          {signer?.signedAt ? (
            <>
              <p className="signature__box-name">{text.t(`${d}.boxSigned`, { name: signer.name })}</p>
              <p className="signature__box-time">{text.dateTime(signer.signedAt)}</p>
              {signer.selfSigned ? <p className="signature__box-time not-ok">{text.t(`${d}.selfSigned`)}</p> : null}
            </>
          ) : (
            <p className="signature__box-time muted">{text.t(`${d}.boxUnsigned`)}</p>
          )}
        </div>
        <p className="signature__after">{text.t(`${d}.verify`)}</p>
      </div>
    </section>
  );
}

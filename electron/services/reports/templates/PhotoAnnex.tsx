import type { ReportEvidenceFile } from '../../../../shared/reports/schema';
import { REPORT_IMAGE_SIZES } from '../../evidence/thumbnails';
import type { ReportContext } from '../report-context';
import { unitLabel } from '../report-context';
import { isPhoto } from '../report-photos';
import { Section } from './bits';
import { photoCaption, photoDate } from './PhotoEvidence';

const d = 'reports.document.photos';

/** Every photo, large, two to a page, with what it shows, what it supports, its date and the SHA-256 of the original. */
export function PhotoAnnex({ ctx, n }: { ctx: ReportContext; n: string }) {
  const { text } = ctx;
  const photos = ctx.data.evidence.filter(isPhoto);
  return (
    <Section id="photos" n={n} title={text.t('reports.document.sections.photos')}>
      <p>{text.t(`${d}.annexIntro`, { px: REPORT_IMAGE_SIZES.annex })}</p>
      {photos.map((file) => (
        <AnnexPhoto key={file.ref} ctx={ctx} file={file} />
      ))}
    </Section>
  );
}

function AnnexPhoto({ ctx, file }: { ctx: ReportContext; file: ReportEvidenceFile }) {
  const { text } = ctx;
  const image = ctx.data.photos.get(file.sha256);
  return (
    <figure className="annex-photo">
      <div className="annex-photo__frame">
        {image ? (
          <img className="annex-photo__image" src={image.annex} alt={photoCaption(file)} />
        ) : (
          <p className="photo__missing">{text.t(`${d}.notShown`)}</p>
        )}
      </div>
      <figcaption>
        <table className="facts annex-photo__facts">
          <tbody>
            <tr>
              <th scope="row">{text.t(`${d}.colCaption`)}</th>
              <td>
                <strong>{file.ref}</strong> {file.caption.trim() ? file.caption : <span className="muted">{text.t(`${d}.noCaption`)}</span>}
              </td>
            </tr>
            <tr>
              <th scope="row">{text.t(`${d}.colCriterion`)}</th>
              <td>
                {file.links.length === 0
                  ? text.t('reports.document.evidence.wholeAssessment')
                  : file.links.map((l) => unitLabel(ctx, l.criterionId, l.programmeId)).join(', ')}
              </td>
            </tr>
            <tr>
              <th scope="row">{text.t(`${d}.colDate`)}</th>
              <td>{photoDate(ctx, file)}</td>
            </tr>
            <tr>
              <th scope="row">{text.t(`${d}.colFile`)}</th>
              <td>{file.fileName}</td>
            </tr>
            <tr>
              <th scope="row">{text.t(`${d}.colHash`)}</th>
              <td className="mono">{file.sha256}</td>
            </tr>
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}

import { unitKey } from '../../../../shared/assessments/scope';
import type { ReportEvidenceFile } from '../../../../shared/reports/schema';
import type { Finding } from '../../../../shared/scoring';
import type { ReportContext } from '../report-context';
import { unitLabel } from '../report-context';
import { FindingBadge, Fw, RatingChip } from './bits';

const d = 'reports.document.photos';

/** Beside a finding at most this many; a criterion with more shows the rest in the annex only, so the findings stay readable. */
export const photosBesideFinding = 8;

/** When the photo was taken (EXIF, as the camera's local time), else when it was attached, labelled so. */
export function photoDate(ctx: ReportContext, file: ReportEvidenceFile): string {
  const { text } = ctx;
  if (file.takenAt) {
    const time = file.takenAt.slice(11, 16);
    return text.t(`${d}.taken`, { date: `${text.date(file.takenAt.slice(0, 10))}${time ? `, ${text.num(time)}` : ''}` });
  }
  return text.t(`${d}.added`, { date: text.date(file.attachedAt) });
}

/** The user's caption, or the file's name when there is none; it is also the image's text alternative. */
export function photoCaption(file: ReportEvidenceFile): string {
  return file.caption.trim() || file.fileName;
}

/** Thumbnails with caption and date, in index order; the full-size copies are in the annex. */
export function PhotoStrip({ ctx, photos }: { ctx: ReportContext; photos: readonly ReportEvidenceFile[] }) {
  const { text } = ctx;
  const shown = photos.slice(0, photosBesideFinding);
  const more = photos.length - shown.length;
  return (
    <div className="photo-strip">
      {shown.map((file) => {
        const image = ctx.data.photos.get(file.sha256);
        return (
          <figure key={file.ref} className="photo">
            {image ? (
              <img className="photo__image" src={image.finding} alt={photoCaption(file)} />
            ) : (
              <p className="photo__missing small">{text.t(`${d}.notShown`)}</p>
            )}
            <figcaption>
              <strong>{file.ref}</strong> {file.caption.trim() ? file.caption : <span className="muted">{file.fileName}</span>}
              <span className="photo__date">{photoDate(ctx, file)}</span>
            </figcaption>
          </figure>
        );
      })}
      {more > 0 ? <p className="photo-strip__more small muted">{text.t(`${d}.more`, { count: more, n: more })}</p> : null}
    </div>
  );
}

/** A full-width row under a finding of the non-conformities table, when photos support it. */
export function FindingPhotosRow({
  ctx,
  criterionId,
  programmeId,
  columns,
}: {
  ctx: ReportContext;
  criterionId: string;
  programmeId: string | null;
  columns: number;
}) {
  const photos = ctx.photosOf(criterionId, programmeId);
  if (photos.length === 0) return null;
  return (
    <tr className="finding-photos">
      <td colSpan={columns}>
        <PhotoStrip ctx={ctx} photos={photos} />
      </td>
    </tr>
  );
}

/** Observations are not in the non-conformities table; the ones with photos are shown here, each with its photos. */
export function ObservationPhotos({ ctx }: { ctx: ReportContext }) {
  const observations = ctx.data.score.findings.filter(
    (f) => f.class === 'observation' && ctx.photosOf(f.criterionId, f.programmeId).length > 0,
  );
  if (observations.length === 0) return null;
  const note = (f: Finding) => ctx.data.ratings.get(unitKey(f.criterionId, f.programmeId))?.note ?? '';
  return (
    <>
      <h2>{ctx.text.t(`${d}.observationsTitle`)}</h2>
      {observations.map((f) => (
        <div key={`${f.criterionId}@${f.programmeId ?? ''}`} className="observation-photos">
          <p>
            <FindingBadge ctx={ctx} findingClass={f.class} /> <strong>{unitLabel(ctx, f.criterionId, f.programmeId)}</strong>{' '}
            <Fw ctx={ctx} text={ctx.criterion(f.criterionId)?.criterion.title} /> <RatingChip ctx={ctx} value={f.rating} />
          </p>
          {note(f) ? <p className="pre small">{note(f)}</p> : null}
          <PhotoStrip ctx={ctx} photos={ctx.photosOf(f.criterionId, f.programmeId)} />
        </div>
      ))}
    </>
  );
}

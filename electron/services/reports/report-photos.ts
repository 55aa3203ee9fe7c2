import { evidenceMediaTypes, type EvidenceMediaType } from '../../../shared/evidence/media-types';
import type { ReportEvidenceFile } from '../../../shared/reports/schema';
import type { EvidenceService } from '../evidence/evidence-service';
import { reportResourceOrigin, type PrintResource } from './print-resources';

/** A photo's two images as the report's <img> elements refer to them. */
export interface ReportPhoto {
  /** The small copy beside its finding. */
  finding: string;
  /** The large copy in the annex. */
  annex: string;
}

export interface ReportPhotos {
  /** By the file's SHA-256; a photo whose file is missing or altered has none. */
  images: ReadonlyMap<string, ReportPhoto>;
  /** What the printer serves for the images' URLs (empty for the preview, whose images are inline). */
  resources: ReadonlyMap<string, PrintResource>;
}

/**
 * `print`: the report-sized JPEGs (480 px beside findings, 1200 px in the annex), by URL, handed to the
 * printer as the cached files themselves (never read into memory here). `preview`: the screens' 256 px previews inline as data: URLs in both
 * places, so the in-app preview stays a few megabytes even with hundreds of photos.
 */
export type ReportPhotoUse = 'preview' | 'print';

export type ReportPhotoSource = (files: readonly ReportEvidenceFile[], use: ReportPhotoUse) => Promise<ReportPhotos>;

export function isPhoto(file: Pick<ReportEvidenceFile, 'mediaType'>): boolean {
  return evidenceMediaTypes[file.mediaType as EvidenceMediaType] === 'image';
}

/** Photos from the evidence store's cached copies (made once per file content, so signing again is quick). */
export function photosForReport(evidence: EvidenceService): ReportPhotoSource {
  return async (files, use) => {
    const distinct = new Map(files.filter(isPhoto).map((f) => [f.sha256, f.mediaType as EvidenceMediaType]));
    const images = new Map<string, ReportPhoto>();
    const resources = new Map<string, PrintResource>();
    await Promise.all(
      [...distinct].map(async ([sha256, mediaType]) => {
        if (use === 'preview') {
          const preview = await evidence.previewImage(sha256, mediaType);
          if (preview !== null) {
            const url = `data:image/webp;base64,${preview.toString('base64')}`;
            images.set(sha256, { finding: url, annex: url });
          }
          return;
        }
        const copies = await evidence.reportImageFiles(sha256, mediaType);
        if (copies === null) return;
        const url = (size: keyof ReportPhoto) => `${reportResourceOrigin}photos/${sha256}.${size}.jpg`;
        images.set(sha256, { finding: url('finding'), annex: url('annex') });
        resources.set(url('finding'), { mediaType: 'image/jpeg', file: copies.finding });
        resources.set(url('annex'), { mediaType: 'image/jpeg', file: copies.annex });
      }),
    );
    return { images, resources };
  };
}

/**
 * The types evidence may have, and how the app shows each; everything else is refused. The services
 * decide a file's type from its bytes (electron/services/evidence/media-type.ts), never from its name.
 */
export const evidenceMediaTypes = {
  'image/jpeg': 'image',
  'image/png': 'image',
  'image/webp': 'image',
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'office',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'office',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'office',
  'application/vnd.oasis.opendocument.text': 'office',
  'application/vnd.oasis.opendocument.spreadsheet': 'office',
  'application/msword': 'office',
  'application/vnd.ms-excel': 'office',
  'text/plain': 'text',
  'text/csv': 'text',
  'audio/mpeg': 'audio',
  'audio/mp4': 'audio',
  'audio/wav': 'audio',
  'audio/ogg': 'audio',
} as const;

export type EvidenceMediaType = keyof typeof evidenceMediaTypes;
export type EvidenceKind = (typeof evidenceMediaTypes)[EvidenceMediaType];

export const evidenceMediaTypeList = Object.keys(evidenceMediaTypes) as EvidenceMediaType[];

/** The extension a copy handed to another program gets, so the system opens it with a viewer for its real type. */
export const extensionOf: Record<EvidenceMediaType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/msword': 'doc',
  'application/vnd.ms-excel': 'xls',
  'text/plain': 'txt',
  'text/csv': 'csv',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/wav': 'wav',
  'audio/ogg': 'ogg',
};

/** What a file chooser may offer (a hint only: the services check the bytes). */
export const acceptedExtensions = [
  'jpg',
  'jpeg',
  'png',
  'webp',
  'pdf',
  'docx',
  'xlsx',
  'pptx',
  'odt',
  'ods',
  'doc',
  'xls',
  'txt',
  'csv',
  'mp3',
  'm4a',
  'mp4',
  'aac',
  'wav',
  'ogg',
];

/** A name whose extension says what the bytes are, e.g. "report.exe" holding a PDF becomes "report.pdf". */
export function nameForType(name: string, mediaType: EvidenceMediaType): string {
  const ext = extensionOf[mediaType];
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const current = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const same = current === ext || (ext === 'jpg' && current === 'jpeg') || (ext === 'm4a' && ['mp4', 'aac'].includes(current));
  return same ? name : `${stem || 'file'}.${ext}`;
}

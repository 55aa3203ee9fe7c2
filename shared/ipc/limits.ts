/**
 * The largest request body the browser host reads: 40 MiB. The biggest legitimate request is a framework
 * spreadsheet of up to 20 MB sent as base64 (a third more, about 27 MB); evidence and packages travel in
 * pieces far below it. A bigger body is answered 413 without being read further.
 */
export const BROWSER_HOST_MAX_BODY_BYTES = 40 * 1024 * 1024;

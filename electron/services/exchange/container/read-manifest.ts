import { manifestSchema, type PackageManifest } from '../../../../shared/exchange/manifest';
import { PACKAGE_FORMAT, PACKAGE_FORMAT_VERSION } from '../../../../shared/exchange/schema';
import { inspectCms, type CmsInspection } from '../../signing/cms-verify';
import { refused } from './refuse';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads the manifest in the order that gives the most useful reason: is it JSON at all, is it our format
 * and a version this app knows (a newer version may sign differently, so it is named before the
 * signature is judged), is the signature intact over these exact bytes, and only then does the
 * content match the schema.
 */
export function readManifest(bytes: Buffer, signature: Buffer): { manifest: PackageManifest; cms: CmsInspection } {
  let json: unknown;
  try {
    json = JSON.parse(utf8.decode(bytes));
  } catch {
    throw refused('malformedManifest', { field: '(JSON)' });
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw refused('malformedManifest', { field: '(JSON)' });
  const { format, formatVersion } = json as Record<string, unknown>;
  if (format !== PACKAGE_FORMAT) throw refused('unknownFormat');
  if (typeof formatVersion !== 'number' || !Number.isSafeInteger(formatVersion))
    throw refused('malformedManifest', { field: 'formatVersion' });
  if (formatVersion > PACKAGE_FORMAT_VERSION)
    throw refused('newerFormatVersion', { version: formatVersion, supported: PACKAGE_FORMAT_VERSION });
  if (formatVersion !== PACKAGE_FORMAT_VERSION) throw refused('unsupportedFormatVersion', { version: formatVersion });

  const cms = inspectSignature(signature, bytes);
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw refused('malformedManifest', { field: parsed.error.issues[0]?.path.join('.') || '(root)' });
  return { manifest: parsed.data, cms };
}

/**
 * The signature must be intact over the manifest's bytes and made the way the app makes it: one
 * signer, detached, with the signing-certificate-v2 attribute binding the certificate, so the
 * certificate cannot be swapped for another one with the same key.
 */
function inspectSignature(signature: Buffer, bytes: Buffer): CmsInspection {
  let cms: CmsInspection;
  try {
    cms = inspectCms(signature, bytes);
  } catch {
    throw refused('badSignature');
  }
  if (!cms.intact || !cms.signer || !cms.padesAttributes) throw refused('badSignature');
  return cms;
}

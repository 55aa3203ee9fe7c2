/**
 * Why a package is refused, in English; `{{placeholders}}` are filled from the refusal's values.
 * `{{entry}}` is the name of a file inside the package, as the package spells it (made printable).
 */
export const exchangeRefusalsEn = {
  requestTooLarge: 'This piece of the file is too large to send at once.',
  // The zip file as a whole
  notAPackage: 'This file is not an assessment package: it is not a zip file.',
  damaged: 'The package is damaged and cannot be read. Ask the sender for a new copy.',
  tooManyEntries: 'The package holds {{count}} files; at most {{limit}} are accepted.',
  packageTooLarge: 'The package would unpack to {{size}} MB; at most {{limit}} MB are accepted.',
  // One file inside the package, before anything is unpacked
  unsafeEntryName: 'The package holds a file named “{{entry}}”, which points outside the package or contains forbidden characters.',
  entryNotAllowed: 'The package holds “{{entry}}”, which does not belong in an assessment package.',
  duplicateEntry: 'The package holds “{{entry}}” more than once (names that differ only in capital letters count as the same).',
  notARegularFile: '“{{entry}}” in the package is a link or a folder, not an ordinary file.',
  encryptedEntry: '“{{entry}}” in the package is encrypted; assessment packages are never encrypted.',
  unsupportedCompression: '“{{entry}}” in the package is compressed in a way TVET Inspector does not use.',
  entryTooLarge: '“{{entry}}” in the package is {{size}} MB; the limit for this kind of file is {{limit}} MB.',
  compressionRatio:
    '“{{entry}}” in the package would unpack to {{ratio}} times its packed size (at most {{limit}} times is accepted): this is how “zip bombs” fill a disk.',
  // The manifest and its signature
  missingManifest: 'The package has no manifest (manifest.json): it was not made by TVET Inspector or is incomplete.',
  missingSignature: 'The package’s manifest is not signed (manifest.json.p7s is missing).',
  malformedManifest: 'The package’s manifest (manifest.json) is not valid (at “{{field}}”).',
  unknownFormat: 'This file is not a TVET Inspector assessment package (its manifest names another format).',
  newerFormatVersion:
    'The package was made in package format version {{version}}; this version of TVET Inspector reads version {{supported}}. Install a newer TVET Inspector to open it.',
  unsupportedFormatVersion: 'The package’s format version ({{version}}) is not one TVET Inspector has ever written.',
  badSignature:
    'The signature (manifest.json.p7s) does not match the manifest (manifest.json): the package was changed after it was signed, or the signature is damaged.',
  signerMismatch: 'The manifest names a different signing certificate from the one that signed it.',
  // The files against the manifest
  entryNotListed: 'The package holds “{{entry}}”, which its signed manifest does not list.',
  entryMissing: 'The package’s manifest lists “{{entry}}”, but the package does not contain it.',
  sizeMismatch: '“{{entry}}” in the package does not have the size its manifest or zip directory records.',
  hashMismatch: 'The content of “{{entry}}” does not match its recorded SHA-256 fingerprint: it was changed or damaged.',
  entryDamaged: '“{{entry}}” in the package is damaged and cannot be unpacked.',
  nestedArchive: '“{{entry}}” in the package is itself an archive (zip, gzip, 7z, rar…); packages never contain archives.',
  invalidJson: '“{{entry}}” in the package is not valid JSON text.',
  // The records inside a package (electron/services/exchange: content, import and export)
  changeLogBroken: 'The change-log entry {{entry}} in the package does not match its hash: the package was altered. Nothing was imported.',
  recordsInvalid: 'The package’s records are not valid ({{detail}}). Nothing was imported.',
  frameworkDiffers: 'Framework {{framework}} on this computer differs from the package’s. Nothing was imported.',
  evidenceType: '“{{entry}}” in the package is not an allowed evidence type. Nothing was imported.',
  choicesMissing: '{{count}} conflicts have no choice (or appeared since the preview). Nothing was imported.',
  nothingToExport: 'This institution has no assessments to export yet.',
  // Making a package
  sourceHashMismatch:
    'The stored file for “{{entry}}” no longer matches its recorded SHA-256 fingerprint; it may be damaged. Nothing was exported.',
};

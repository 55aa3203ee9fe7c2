/** English messages of signing identities and signature verification (merged into the catalogue as `signing.*`). */
export const signingEn = {
  title: 'Signatures',
  identities: 'Signing identities',
  selfSigned: 'Self-signed (trial use only)',
  issuedBy: 'Issued by {{issuer}}',
  fingerprint: 'Certificate fingerprint (SHA-256)',
  validity: 'Valid {{from}} to {{to}}',
  passphrase: 'Passphrase',
  createSelfSigned: 'Create a trial identity',
  importP12: 'Import a certificate file (.p12 or .pfx)',
  trustedRoots: 'Trusted root certificates',
  verify: 'Verify a signed report',
  valid: 'The signature is valid and the report has not been changed since it was signed.',
  invalid: 'This report cannot be relied on: the signature check failed.',
  trusted: 'The signer’s certificate chains to a trusted root.',
  untrusted: 'The signer’s certificate is not issued by a trusted authority.',
  recordedHere: 'This exact report was made on this computer on {{when}}.',
  validation: {
    passphrase: 'Use a passphrase of at least 8 characters.',
  },
  /** Shown beside an identity whose key this host cannot open (command line, browser host). */
  keyInDesktopKeychainShort: 'desktop app only',
  errors: {
    keyInDesktopKeychain: "This identity's key is locked with the desktop app's operating-system keychain; open it in the desktop app.",
    keychainRefused:
      "The operating system's keychain did not open this identity's key. Was the keychain reset, or the data folder copied from another user account?",
  },
  /** One line per verification step (ids from the services' checks). */
  check: {
    byteRange: 'The signed bytes and the signature line up',
    signatureDictionary: 'The signature dictionary can be read',
    wholeDocument: 'The signature covers the whole document',
    cms: 'The signature is a detached CMS signature',
    signerCertificate: 'The signer’s certificate is included',
    contentType: 'The signed content type is correct',
    digest: 'The document has not been changed since signing',
    signatureValue: 'The signature verifies with the signer’s key',
    signingCertificate: 'The signature names the signer’s certificate',
    pades: 'PAdES baseline B-B signature',
    certificateValidity: 'The certificate was valid at signing time',
    trusted: 'The signer chains to a trusted root',
    nothingAppended: 'Nothing was added after signing',
    recorded: 'Recorded in this computer’s audit trail',
  },
};

import { createCipheriv, createHash, createPrivateKey, pbkdf2Sync, randomBytes, X509Certificate, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import forge from 'node-forge';
import { AppError } from '../../../shared/ipc/result';
import { toArrayBuffer } from './cms-sign';
import { checkPkcs12Mac, pkcs12MacData } from './pkcs12-mac';

export interface KeyAndCertificates {
  key: KeyObject;
  /** Every certificate in the file, in file order. */
  certificates: X509Certificate[];
}

const p12Oids = {
  data: '1.2.840.113549.1.7.1',
  shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  localKeyId: '1.2.840.113549.1.9.21',
  friendlyName: '1.2.840.113549.1.9.20',
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
  hmacWithSha256: '1.2.840.113549.2.9',
  aes256Cbc: '2.16.840.1.101.3.4.1.42',
};

/** PBKDF2-HMAC-SHA256 rounds for the stored key (OWASP 2023 figure); about a fifth of a second here. */
export const storedKeyIterations = 600_000;

/**
 * Opens a PKCS#12 file from a certificate authority. node-forge reads the legacy encryptions that
 * Windows and older CA tools still write (3DES, RC2) and checks the MAC, which is how a wrong passphrase
 * shows. Keys forge cannot model (ECDSA) come back as PKCS#8 and are handed to Node's crypto.
 */
export function readPkcs12(bytes: Buffer, passphrase: string): KeyAndCertificates {
  const notPkcs12 = new AppError('validation', 'This is not a PKCS#12 (.p12 or .pfx) certificate file.');
  let der: forge.asn1.Asn1;
  try {
    der = forge.asn1.fromDer(forge.util.createBuffer(bytes.toString('binary')));
  } catch {
    throw notPkcs12;
  }
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(der, false, passphrase);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/MAC could not be verified|wrong password|Invalid password/i.test(message))
      throw new AppError('validation', 'The passphrase does not open this certificate file.');
    if (/Cannot read PKCS#12 PFX|Unparsed DER|Too few bytes/i.test(message)) throw notPkcs12;
    throw new AppError('validation', `The certificate file could not be opened: ${message}`);
  }
  const keys: KeyObject[] = [];
  const certificates: X509Certificate[] = [];
  for (const content of p12.safeContents) {
    for (const bag of content.safeBags) {
      const asn1 = (bag as { asn1?: forge.asn1.Asn1 }).asn1;
      if (bag.type === forge.pki.oids.certBag) {
        const der = bag.cert ? forge.asn1.toDer(forge.pki.certificateToAsn1(bag.cert)) : asn1 ? forge.asn1.toDer(asn1) : undefined;
        if (der) certificates.push(new X509Certificate(Buffer.from(der.getBytes(), 'binary')));
      } else if (bag.type === forge.pki.oids.pkcs8ShroudedKeyBag || bag.type === forge.pki.oids.keyBag) {
        const info = bag.key ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key)) : asn1;
        if (info)
          keys.push(createPrivateKey({ key: Buffer.from(forge.asn1.toDer(info).getBytes(), 'binary'), format: 'der', type: 'pkcs8' }));
      }
    }
  }
  const key = keys[0];
  if (!key)
    throw new AppError(
      'signing',
      'This certificate file has no private key, so it cannot sign. Ask for the .p12 file that includes the key.',
    );
  if (keys.length > 1)
    throw new AppError('signing', 'This certificate file holds more than one private key; import a file with one signing identity.');
  return { key, certificates };
}

/**
 * Writes our own stored form: a standard PKCS#12 whose key bag is PBES2 (PBKDF2-HMAC-SHA256,
 * 600,000 rounds, AES-256-CBC), with an integrity MAC (HMAC-SHA-256, see pkcs12-mac.ts) over the whole
 * content, so `openssl pkcs12` and other tools open and verify it, and a changed certificate or key bag
 * is caught before anything is signed.
 */
export function writeStoredPkcs12(key: KeyObject, certificates: X509Certificate[], passphrase: string, friendlyName: string): Buffer {
  const leaf = certificates[0];
  const localKeyId = leaf ? createHash('sha1').update(leaf.raw).digest() : randomBytes(20);
  const attrs = (withName: boolean) =>
    new asn1js.Set({
      value: [
        bagAttribute(p12Oids.localKeyId, new asn1js.OctetString({ valueHex: toArrayBuffer(localKeyId) })),
        ...(withName ? [bagAttribute(p12Oids.friendlyName, new asn1js.BmpString({ value: friendlyName }))] : []),
      ],
    });
  const certBags = certificates.map(
    (c, i) =>
      new asn1js.Sequence({
        value: [
          new asn1js.ObjectIdentifier({ value: p12Oids.certBag }),
          explicit0(
            new asn1js.Sequence({
              value: [
                new asn1js.ObjectIdentifier({ value: p12Oids.x509Certificate }),
                explicit0(new asn1js.OctetString({ valueHex: toArrayBuffer(c.raw) })),
              ],
            }),
          ),
          ...(i === 0 ? [attrs(true)] : []),
        ],
      }),
  );
  const keyBag = new asn1js.Sequence({
    value: [new asn1js.ObjectIdentifier({ value: p12Oids.shroudedKeyBag }), explicit0(encryptPrivateKey(key, passphrase)), attrs(true)],
  });
  const authSafe = new asn1js.Sequence({
    value: [dataContentInfo(new asn1js.Sequence({ value: certBags })), dataContentInfo(new asn1js.Sequence({ value: [keyBag] }))],
  });
  const authSafeBytes = new Uint8Array(authSafe.toBER());
  const pfx = new asn1js.Sequence({
    value: [new asn1js.Integer({ value: 3 }), dataContentInfoOf(authSafeBytes), pkcs12MacData(authSafeBytes, passphrase)],
  });
  return Buffer.from(pfx.toBER());
}

/** Whether bytes have the shape of a PKCS#12 file (a DER PFX, version 3); a keychain-wrapped key file does not. */
export function looksLikePkcs12(bytes: Buffer): boolean {
  if (bytes[0] !== 0x30) return false;
  try {
    const version = children(parse(bytes, ''))[0];
    return version instanceof asn1js.Integer && version.valueBlock.valueDec === 3;
  } catch {
    return false;
  }
}

/** The one message for a MAC that does not match: the two causes cannot be told apart, by design. */
export const damagedOrWrongPassphrase = 'The passphrase does not open this signing identity, or its key file is damaged.';

/**
 * Opens our stored form with Node's native PBKDF2 (forge's pure-JS one takes seconds at 600,000 rounds).
 * The MAC is checked first: a changed byte anywhere (a swapped certificate included) stops here. Files
 * written before keys carried a MAC have none and still open; the key must then match the certificate.
 */
export function readStoredPkcs12(bytes: Buffer, passphrase: string): KeyAndCertificates {
  const pfx = parse(bytes, 'The stored identity file is damaged.');
  const authSafeBytes = dataOf(child(pfx, 1));
  const macData = children(pfx)[2];
  if (macData) {
    const mac = checkPkcs12Mac(macData, new Uint8Array(authSafeBytes), passphrase);
    if (mac === 'mismatch') throw new AppError('validation', damagedOrWrongPassphrase);
    if (mac === 'unsupported') throw new AppError('signing', 'The stored identity file uses an integrity check this app does not know.');
  }
  const authSafe = parse(authSafeBytes, 'The stored identity file is damaged.');
  let encryptedKey: Buffer | undefined;
  const certificates: X509Certificate[] = [];
  for (const info of children(authSafe)) {
    for (const bag of children(parse(dataOf(info), 'The stored identity file is damaged.'))) {
      const bagId = (child(bag, 0) as asn1js.ObjectIdentifier).valueBlock.toString();
      const value = (child(bag, 1) as asn1js.Constructed).valueBlock.value[0];
      if (!value) continue;
      if (bagId === p12Oids.certBag) {
        const inner = (child(value, 1) as asn1js.Constructed).valueBlock.value[0] as asn1js.OctetString;
        certificates.push(new X509Certificate(Buffer.from(inner.valueBlock.valueHexView)));
      } else if (bagId === p12Oids.shroudedKeyBag) {
        encryptedKey = Buffer.from(value.toBER());
      }
    }
  }
  if (!encryptedKey) throw new AppError('signing', 'The stored identity file has no private key.');
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: encryptedKey, format: 'der', type: 'pkcs8', passphrase });
  } catch {
    throw new AppError('validation', 'The passphrase is not right for this signing identity.');
  }
  return { key, certificates };
}

function encryptPrivateKey(key: KeyObject, passphrase: string): asn1js.Sequence {
  const salt = randomBytes(16);
  const iv = randomBytes(16);
  const derived = pbkdf2Sync(Buffer.from(passphrase, 'utf8'), salt, storedKeyIterations, 32, 'sha256');
  const cipher = createCipheriv('aes-256-cbc', derived, iv);
  const plain = key.export({ type: 'pkcs8', format: 'der' });
  const encrypted = Buffer.concat([cipher.update(plain), cipher.final()]);
  plain.fill(0);
  derived.fill(0);
  const algorithm = new asn1js.Sequence({
    value: [
      new asn1js.ObjectIdentifier({ value: p12Oids.pbes2 }),
      new asn1js.Sequence({
        value: [
          new asn1js.Sequence({
            value: [
              new asn1js.ObjectIdentifier({ value: p12Oids.pbkdf2 }),
              new asn1js.Sequence({
                value: [
                  new asn1js.OctetString({ valueHex: toArrayBuffer(salt) }),
                  new asn1js.Integer({ value: storedKeyIterations }),
                  new asn1js.Integer({ value: 32 }),
                  new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: p12Oids.hmacWithSha256 }), new asn1js.Null()] }),
                ],
              }),
            ],
          }),
          new asn1js.Sequence({
            value: [new asn1js.ObjectIdentifier({ value: p12Oids.aes256Cbc }), new asn1js.OctetString({ valueHex: toArrayBuffer(iv) })],
          }),
        ],
      }),
    ],
  });
  return new asn1js.Sequence({ value: [algorithm, new asn1js.OctetString({ valueHex: toArrayBuffer(encrypted) })] });
}

function bagAttribute(type: string, value: asn1js.BaseBlock): asn1js.Sequence {
  return new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: type }), new asn1js.Set({ value: [value] })] });
}

function explicit0(value: asn1js.BaseBlock): asn1js.Constructed {
  return new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [value] });
}

function dataContentInfo(content: asn1js.BaseBlock): asn1js.Sequence {
  return dataContentInfoOf(new Uint8Array(content.toBER()));
}

function dataContentInfoOf(bytes: Uint8Array): asn1js.Sequence {
  return new asn1js.Sequence({
    value: [new asn1js.ObjectIdentifier({ value: p12Oids.data }), explicit0(new asn1js.OctetString({ valueHex: toArrayBuffer(bytes) }))],
  });
}

function parse(bytes: Uint8Array | ArrayBuffer, message: string): asn1js.Sequence {
  const result = asn1js.fromBER(bytes);
  if (result.offset === -1 || !(result.result instanceof asn1js.Sequence)) throw new AppError('signing', message);
  return result.result;
}

function children(node: asn1js.BaseBlock): asn1js.BaseBlock[] {
  return (node as asn1js.Constructed).valueBlock.value;
}

function child(node: asn1js.BaseBlock, index: number): asn1js.BaseBlock {
  const value = children(node)[index];
  if (!value) throw new AppError('signing', 'The stored identity file is damaged.');
  return value;
}

/** The OCTET STRING inside a `data` ContentInfo. */
function dataOf(contentInfo: asn1js.BaseBlock): ArrayBuffer {
  const octets = (child(contentInfo, 1) as asn1js.Constructed).valueBlock.value[0] as asn1js.OctetString | undefined;
  if (!octets) throw new AppError('signing', 'The stored identity file is damaged.');
  return toArrayBuffer(octets.valueBlock.valueHexView);
}

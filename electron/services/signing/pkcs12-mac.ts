import { createHmac, hash, randomBytes, timingSafeEqual } from 'node:crypto';
import * as asn1js from 'asn1js';
import { toArrayBuffer } from './cms-sign';

const sha256Oid = '2.16.840.1.101.3.4.2.1';

/**
 * Rounds of the PKCS#12 MAC key derivation. Each round is one SHA-256 compression, and each PBKDF2-HMAC
 * round of the key bag is two, so twice the key bag's 600,000 rounds: the MAC must not give an attacker
 * who copied the file a cheaper way to test passphrases than the key itself.
 */
export const macIterations = 1_200_000;

/**
 * The integrity MAC of a PKCS#12 file (RFC 7292 §4 MacData): HMAC-SHA-256 over the AuthenticatedSafe's
 * bytes, keyed with the RFC 7292 Appendix B derivation — the scheme OpenSSL 3 writes and checks by
 * default (`openssl pkcs12 -info` says "MAC: sha256"). PBMAC1 (RFC 9579) would be PBKDF2 and native,
 * but OpenSSL before 3.4 cannot verify it.
 */
export function pkcs12MacData(authSafe: Uint8Array, passphrase: string, iterations = macIterations): asn1js.Sequence {
  const salt = randomBytes(16);
  const mac = macOf(authSafe, passphrase, salt, iterations);
  return new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [
          new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: sha256Oid }), new asn1js.Null()] }),
          new asn1js.OctetString({ valueHex: toArrayBuffer(mac) }),
        ],
      }),
      new asn1js.OctetString({ valueHex: toArrayBuffer(salt) }),
      new asn1js.Integer({ value: iterations }),
    ],
  });
}

export type MacCheck = 'verified' | 'mismatch' | 'unsupported';

/** Checks a MacData against the AuthenticatedSafe's bytes; 'unsupported' for a digest other than SHA-256. */
export function checkPkcs12Mac(macData: asn1js.BaseBlock, authSafe: Uint8Array, passphrase: string): MacCheck {
  const [digestInfo, saltBlock, iterationBlock] = (macData as asn1js.Constructed).valueBlock.value;
  const [algorithm, digestBlock] = (digestInfo as asn1js.Constructed | undefined)?.valueBlock.value ?? [];
  const oid = (algorithm as asn1js.Constructed | undefined)?.valueBlock.value[0];
  if (!(oid instanceof asn1js.ObjectIdentifier) || oid.valueBlock.toString() !== sha256Oid) return 'unsupported';
  if (!(digestBlock instanceof asn1js.OctetString) || !(saltBlock instanceof asn1js.OctetString)) return 'mismatch';
  const iterations = iterationBlock instanceof asn1js.Integer ? iterationBlock.valueBlock.valueDec : 1;
  // A file claiming billions of rounds would hang the app; ours use macIterations.
  if (iterations < 1 || iterations > 10 * macIterations) return 'unsupported';
  const expected = Buffer.from(digestBlock.valueBlock.valueHexView);
  const actual = macOf(authSafe, passphrase, Buffer.from(saltBlock.valueBlock.valueHexView), iterations);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? 'verified' : 'mismatch';
}

function macOf(authSafe: Uint8Array, passphrase: string, salt: Buffer, iterations: number): Buffer {
  const key = pkcs12MacKey(passphrase, salt, iterations);
  const mac = createHmac('sha256', key).update(authSafe).digest();
  key.fill(0);
  return mac;
}

/**
 * RFC 7292 Appendix B.2 with SHA-256 (u = 32, v = 64), ID 3 (MAC key), 32 bytes: one block,
 * A = H^iterations(D || S || P) with the passphrase as a NUL-terminated BMPString.
 */
export function pkcs12MacKey(passphrase: string, salt: Buffer, iterations: number): Buffer {
  const v = 64;
  const fill = (bytes: Buffer) => {
    if (bytes.length === 0) return bytes;
    const out = Buffer.alloc(v * Math.ceil(bytes.length / v));
    for (let i = 0; i < out.length; i += 1) out[i] = bytes[i % bytes.length]!;
    return out;
  };
  const bmp = Buffer.from(`${passphrase}\0`, 'utf16le').swap16();
  const first = hash('sha256', Buffer.concat([Buffer.alloc(v, 3), fill(salt), fill(bmp)]), 'buffer');
  bmp.fill(0);
  return iterateSha256(first, iterations - 1);
}

// prettier-ignore
const k = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const initial = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19] as const;

/**
 * SHA-256 applied `times` more times to a 32-byte digest. Node has no native iterated hash, and calling
 * `hash()` a million times costs four times as long as this loop: a 32-byte message is always exactly
 * one padded block, so the schedule's padding words are constants and nothing is allocated per round.
 * Checked against `hash()` in pkcs12.test.ts and against OpenSSL's MAC verification.
 */
function iterateSha256(digest: Buffer, times: number): Buffer {
  const w = new Int32Array(64);
  const h = new Int32Array(8);
  for (let i = 0; i < 8; i += 1) h[i] = digest.readInt32BE(i * 4);
  for (let n = 0; n < times; n += 1) {
    for (let i = 0; i < 8; i += 1) w[i] = h[i]!;
    w[8] = 0x80000000 | 0;
    for (let i = 9; i < 15; i += 1) w[i] = 0;
    w[15] = 256;
    for (let i = 16; i < 64; i += 1) {
      const w15 = w[i - 15]!;
      const w2 = w[i - 2]!;
      const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
      const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
    }
    let a = initial[0] | 0;
    let b = initial[1] | 0;
    let c = initial[2] | 0;
    let d = initial[3] | 0;
    let e = initial[4] | 0;
    let f = initial[5] | 0;
    let g = initial[6] | 0;
    let hh = initial[7] | 0;
    for (let i = 0; i < 64; i += 1) {
      const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (hh + s1 + ((e & f) ^ (~e & g)) + k[i]! + w[i]!) | 0;
      const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h[0] = (initial[0] + a) | 0;
    h[1] = (initial[1] + b) | 0;
    h[2] = (initial[2] + c) | 0;
    h[3] = (initial[3] + d) | 0;
    h[4] = (initial[4] + e) | 0;
    h[5] = (initial[5] + f) | 0;
    h[6] = (initial[6] + g) | 0;
    h[7] = (initial[7] + hh) | 0;
  }
  const out = Buffer.alloc(32);
  for (let i = 0; i < 8; i += 1) out.writeInt32BE(h[i]!, i * 4);
  return out;
}

/** For the test that checks the loop against Node's own SHA-256. */
export const iterateSha256ForTest = iterateSha256;

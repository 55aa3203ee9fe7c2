import * as asn1js from 'asn1js';
import { describe, expect, it } from 'vitest';
import { toArrayBuffer } from './cms-sign';
import { serialNumberFrom } from './certificate-builder';

describe('certificate serial numbers', () => {
  it('encode as a minimal, positive DER INTEGER whatever the random octets are', () => {
    for (let first = 0; first < 256; first++) {
      for (const second of [0x00, 0x7f, 0x80, 0xff]) {
        const random = Buffer.alloc(16, 0x11);
        random[0] = first;
        random[1] = second;
        const der = Buffer.from(new asn1js.Integer({ valueHex: toArrayBuffer(serialNumberFrom(random)) }).toBER());
        // Tag 0x02, length 16, then content that neither starts with a padding zero nor is negative.
        expect([der[0], der[1]]).toEqual([0x02, 16]);
        expect(der[2]).toBeGreaterThanOrEqual(0x40);
        expect(der[2]).toBeLessThan(0x80);
      }
    }
  });
});

import type * as crypto from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reportScenario } from '../reports/test-fixtures';

// Every opening of a stored key ends in Node decrypting its PKCS#8 with the passphrase (PBKDF2, 600,000
// rounds): counting those calls counts how often a task unlocks the identity.
const keyDecrypts = vi.hoisted(() => ({ count: 0 }));
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof crypto>();
  return {
    ...real,
    createPrivateKey: (key: Parameters<typeof real.createPrivateKey>[0]) => {
      if (typeof key === 'object' && key !== null && 'passphrase' in key && key.passphrase !== undefined) keyDecrypts.count += 1;
      return real.createPrivateKey(key);
    },
  };
});

const passphrase = 'correct horse battery';

afterEach(() => {
  keyDecrypts.count = 0;
});

describe('signing unlocks an identity once per signature', () => {
  it('a signed report and a signed package each decrypt the key exactly once', { timeout: 180_000 }, async () => {
    const { s, institution, inspection } = await reportScenario();
    try {
      const identityId = s.identities.createSelfSigned({
        name: 'Farida Yasmin',
        role: 'Lead inspector',
        organisation: 'NSDA',
        passphrase,
      }).id;

      keyDecrypts.count = 0;
      const report = await s.reports.sign({ assessmentId: inspection.id, language: 'en', identityId, passphrase });
      expect(report.pages).toBeGreaterThan(0);
      expect(keyDecrypts.count).toBe(1);

      keyDecrypts.count = 0;
      const exported = await s.exchange.exports.run({
        scope: { kind: 'institution', institutionId: institution.id },
        identityId,
        passphrase,
      });
      expect(exported.size).toBeGreaterThan(0);
      expect(keyDecrypts.count).toBe(1);
    } finally {
      s.close();
      await s.closing;
    }
  });
});

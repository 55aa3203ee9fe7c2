import { describe, expect, it } from 'vitest';
import { identitySchema, type Identity } from '../../../shared/signing/schema';
import { createDispatcher } from '../dispatcher';
import { createHandlers } from '../handlers';
import { openTestServices } from '../test-support/services';
import { minimalPdf } from './test-fixtures/minimal-pdf';
import { forgePkcs12, issueSigner, makeTestCa } from './test-fixtures/test-pki';

describe('signing channels', () => {
  it('create, import, list, trust and verify through the contract, and no response carries a key', async () => {
    const services = openTestServices();
    const dispatch = createDispatcher(createHandlers(services, 'browser'));

    const weak = await dispatch('signing:identities:create', { name: 'A', role: 'Inspector', organisation: 'O', passphrase: 'short' });
    expect(weak).toMatchObject({
      ok: false,
      error: { code: 'validation', issues: [{ path: ['passphrase'], message: 'signing.validation.passphrase' }] },
    });

    const created = await dispatch('signing:identities:create', {
      name: 'Trial User',
      role: 'Inspector',
      organisation: 'Head office',
      passphrase: 'long enough passphrase',
    });
    expect(created.ok && (created.value as Identity).selfSigned).toBe(true);

    const ca = makeTestCa();
    const signer = issueSigner(ca, { commonName: 'CA Issued', organisation: 'BTEB' });
    const p12Base64 = forgePkcs12(signer.key, [signer.certificate, ca.certificate], 'issued passphrase').toString('base64');
    expect(
      await dispatch('signing:identities:import', { p12Base64, passphrase: 'nope', role: 'Inspector', name: '', organisation: '' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    const imported = await dispatch('signing:identities:import', {
      p12Base64,
      passphrase: 'issued passphrase',
      role: 'Inspector',
      name: '',
      organisation: '',
    });
    expect(imported).toMatchObject({ ok: true, value: { name: 'CA Issued', selfSigned: false } });

    const list = await dispatch('signing:identities:list', {});
    expect(list.ok && (list.value as { items: Identity[] }).items).toHaveLength(2);
    for (const item of list.ok ? (list.value as { items: Identity[] }).items : [])
      expect(identitySchema.strict().safeParse(item).success).toBe(true);

    expect(await dispatch('signing:roots:add', { pem: ca.certificate.toString() })).toMatchObject({
      ok: true,
      value: { selfSigned: true },
    });
    expect(await dispatch('signing:roots:list', {})).toMatchObject({
      ok: true,
      value: { items: [{ commonName: 'TVET Test Accreditation CA' }] },
    });

    const id = imported.ok ? (imported.value as Identity).id : '';
    const signed = await services.identities.signPdf(id, 'issued passphrase', minimalPdf(), { page: 1, rect: [40, 40, 200, 90] });
    const verified = await dispatch('reports:verify', { pdfBase64: signed.toString('base64') });
    expect(verified).toMatchObject({ ok: true, value: { valid: true, trusted: true } });
    const unsigned = await dispatch('reports:verify', { pdfBase64: minimalPdf().toString('base64') });
    expect(unsigned).toMatchObject({ ok: true, value: { valid: false, problems: ['The file has no digital signature.'] } });
    services.close();
  });
});

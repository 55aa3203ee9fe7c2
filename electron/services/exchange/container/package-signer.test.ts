import type { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/ipc/result';
import { IdentityStore, type DetachedSignature } from '../../signing/identity-store';
import { forgePkcs12, issueSigner, makeTestCa } from '../../signing/test-fixtures/test-pki';
import { tempDir } from '../../test-support/temp-dir';
import { openPackage } from './open-package';
import { caSigner, expectRefused, header, sampleFiles, signedEntries, snapshot } from './test-fixtures/packages';
import { rawZip } from './test-fixtures/raw-zip';
import { writePackage } from './write-package';

const passphrase = 'correct horse battery';
const day = 24 * 60 * 60 * 1000;

/** A package written and signed with one of the identity store's identities, as the exporter does. */
async function signedWithIdentity(store: IdentityStore, identityId: string, out: string) {
  const identity = store.get(identityId);
  const seen: { signer?: DetachedSignature['signer'] } = {};
  await writePackage(out, {
    ...header({ certificate: { fingerprint256: identity.fingerprintSha256 } }),
    creator: {
      name: identity.name,
      organisation: identity.organisation,
      role: identity.role,
      certificateFingerprint: identity.fingerprintSha256,
    },
    sources: [{ path: 'data/assessments.json', bytes: Buffer.from('[]') }],
    sign: (bytes) => {
      const signed = store.signDetached(identityId, passphrase, bytes);
      seen.signer = signed.signer;
      return signed.cms;
    },
  });
  return { identity, signer: seen.signer };
}

async function signerOf(file: string, trustedRoots: X509Certificate[], now = new Date()) {
  const opened = await openPackage(file, { trustedRoots, now });
  opened.close();
  return opened.signer;
}

describe('who signed a package, and whether that is vouched for', () => {
  it('a CA-issued identity: trusted when its CA is a trusted root, untrusted (but not refused) otherwise', async () => {
    const dir = tempDir();
    const ca = makeTestCa();
    const issued = issueSigner(ca, { commonName: 'Karim Uddin', organisation: 'Bangladesh Technical Education Board', title: 'Inspector' });
    const store = new IdentityStore(path.join(dir, 'data'));
    const id = store.importPkcs12(forgePkcs12(issued.key, [issued.certificate, ca.certificate], passphrase), passphrase, {
      role: 'Lead inspector',
    }).id;
    const out = path.join(dir, 'out.tvetpkg');
    const { identity, signer } = await signedWithIdentity(store, id, out);

    expect(signer).toEqual({
      name: 'Karim Uddin',
      organisation: 'Bangladesh Technical Education Board',
      role: 'Lead inspector',
      fingerprint: issued.certificate.fingerprint256,
    });
    expect(await signerOf(out, [ca.certificate])).toEqual({
      ...signer,
      fingerprint: identity.fingerprintSha256,
      trust: 'trusted',
      validAtSigning: true,
    });
    expect(await signerOf(out, [])).toMatchObject({ name: 'Karim Uddin', trust: 'untrusted', validAtSigning: true });
    expect(await signerOf(out, [makeTestCa('Another CA').certificate])).toMatchObject({ trust: 'untrusted' });
  });

  it('a self-signed trial identity is shown as self-signed, whatever roots are trusted', async () => {
    const dir = tempDir();
    const store = new IdentityStore(path.join(dir, 'data'));
    const identity = store.createSelfSigned({ name: 'রহিমা খাতুন', role: 'Inspector', organisation: 'NSDA Quality Unit', passphrase });
    const out = path.join(dir, 'out.tvetpkg');
    await signedWithIdentity(store, identity.id, out);
    expect(await signerOf(out, [makeTestCa().certificate])).toEqual({
      name: 'রহিমা খাতুন',
      organisation: 'NSDA Quality Unit',
      role: 'Inspector',
      fingerprint: identity.fingerprintSha256,
      trust: 'self-signed',
      validAtSigning: true,
    });
    expect(() => store.signDetached(identity.id, 'wrong passphrase', Buffer.from('x'))).toThrow(AppError);
  });

  it('a certificate expired when the package claims to be signed is not trusted, and a claim in the future does not help', async () => {
    const dir = tempDir();
    const ca = makeTestCa();
    const expired = issueSigner(
      ca,
      { commonName: 'Old Key' },
      { notBefore: new Date(Date.now() - 400 * day), notAfter: new Date(Date.now() - day) },
    );
    const signer = { ...expired, chain: [ca.certificate] };
    const file = path.join(dir, 'p.tvetpkg');
    const files = sampleFiles(ca).slice(0, 1);
    fs.writeFileSync(file, rawZip(signedEntries(signer, files)));
    expect(await signerOf(file, [ca.certificate])).toMatchObject({ trust: 'untrusted', validAtSigning: false });
    fs.writeFileSync(file, rawZip(signedEntries(signer, files, { createdAt: new Date(Date.now() + 3650 * day).toISOString() })));
    expect(await signerOf(file, [ca.certificate])).toMatchObject({ trust: 'untrusted', validAtSigning: false });
  });

  it('refuses a manifest changed after signing, and a manifest naming another certificate than the signer’s', async () => {
    const dir = tempDir();
    const signer = caSigner();
    const files = sampleFiles(signer.ca);
    const file = path.join(dir, 'p.tvetpkg');
    const before = snapshot(dir);
    const tampered = signedEntries(signer, files).map((e) => {
      if (e.name !== 'manifest.json') return e;
      const manifest = JSON.parse(e.data.toString());
      manifest.creator.role = 'Director General';
      return { ...e, data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) };
    });
    fs.writeFileSync(file, rawZip(tampered));
    await expectRefused(openPackage(file, { trustedRoots: [signer.ca.certificate], now: new Date() }), 'badSignature');

    const other = caSigner(signer.ca);
    const namesOther = signedEntries(signer, files, {
      manifest: (m) => ({ ...m, creator: { ...(m.creator as object), certificateFingerprint: other.certificate.fingerprint256 } }),
    });
    fs.writeFileSync(file, rawZip(namesOther));
    await expectRefused(openPackage(file, { trustedRoots: [signer.ca.certificate], now: new Date() }), 'signerMismatch');
    fs.rmSync(file);
    expect(snapshot(dir)).toEqual(before);
  });
});

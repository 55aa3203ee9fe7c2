import http from 'node:http';
import { expect, test } from './support/fixtures';

const createRequest = {
  channel: 'institutions:create',
  request: { nameEn: 'X', registrationBody: 'none', type: 'other', division: 'dhaka', district: 'Dhaka', sectors: [] },
};

test('the browser host refuses calls without the token, from other origins and other host names', async ({ request, host }) => {
  const url = `${host.origin}/api/invoke`;
  const noToken = await request.post(url, { data: createRequest });
  expect(noToken.status()).toBe(401);

  const wrongToken = await request.post(url, { data: createRequest, headers: { Authorization: `Bearer ${'0'.repeat(64)}` } });
  expect(wrongToken.status()).toBe(401);

  const auth = { Authorization: `Bearer ${host.token}` };
  const crossSite = await request.post(url, { data: createRequest, headers: { ...auth, Origin: 'http://evil.example' } });
  expect(crossSite.status()).toBe(403);

  const rebinding = await request.post(url, { data: createRequest, headers: { ...auth, Host: 'evil.example' } });
  expect(rebinding.status()).toBe(421);

  const unknown = await request.post(url, { data: { channel: 'fs:read', request: { path: '/etc/passwd' } }, headers: auth });
  expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'validation' } });

  // None of the refused calls wrote anything.
  const list = await request.post(url, { data: { channel: 'institutions:list', request: {} }, headers: auth });
  expect(await list.json()).toMatchObject({ ok: true, value: { total: 0 } });
});

test('files outside the built renderer cannot be read', async ({ request, host }) => {
  const auth = { Authorization: `Bearer ${host.token}` };
  for (const path of [
    '/../package.json',
    '/..%2f..%2fpackage.json',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/assets/../../../package.json',
    '/%00',
  ]) {
    // Sent exactly as written: a browser or Playwright's client would fold the `..` away before sending.
    const response = await rawGet(host.origin, path, auth);
    expect(response.status, path).toBe(404);
    expect(response.body, path).not.toContain('"devDependencies"');
    expect(response.body, path).not.toContain('root:x:0:0');
    // Refused, not answered with the app's start page either.
    expect(response.body, path).not.toContain('<!doctype html>');
  }
  // The app itself is still served.
  const app = await request.get(`${host.origin}/`);
  expect(app.status()).toBe(200);
  expect(await app.text()).toContain('<div id="root">');
});

/** A GET whose path reaches the server byte for byte (no URL normalisation on the way). */
function rawGet(origin: string, path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = http.get({ hostname, port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
  });
}

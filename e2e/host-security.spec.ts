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
  for (const path of ['/../package.json', '/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/etc/passwd']) {
    const response = await request.get(`${host.origin}${path}`);
    const text = await response.text();
    expect(text).not.toContain('"devDependencies"');
    expect(text).not.toContain('root:x:0:0');
  }
});

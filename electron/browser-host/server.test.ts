import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_HOST_MAX_BODY_BYTES } from '../../shared/ipc/limits';
import { tempDir } from '../services/test-support/temp-dir';
import { startBrowserHost } from './server';

/**
 * The browser host's handling of request bodies, over a real HTTP server on the loopback: an oversized
 * body gets its 413 (the connection is not reset under the client while it is still sending), and a
 * body within the byte limit but with millions of keys is refused before it is parsed.
 */
const token = 'a'.repeat(64);
let server: http.Server;
let port: number;
const dispatched: unknown[] = [];

beforeAll(async () => {
  const started = await startBrowserHost({
    dispatch: (channel, request) => {
      dispatched.push({ channel, request });
      return Promise.resolve({ ok: true, value: { channel } });
    },
    rendererDir: tempDir(),
    token,
    port: 0,
  });
  server = started.server;
  port = started.port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

interface Answer {
  status: number;
  body: string;
}

/** POSTs a body written in pieces of 1 MiB, as a browser uploading would; with or without a declared length. */
function post(body: Buffer, options: { declareLength: boolean }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1',
      port,
      path: '/api/invoke',
      method: 'POST',
      headers: {
        host: `127.0.0.1:${port}`,
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        ...(options.declareLength ? { 'content-length': String(body.length) } : { 'transfer-encoding': 'chunked' }),
      },
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    const piece = 1024 * 1024;
    let at = 0;
    const writeMore = () => {
      while (at < body.length) {
        const ok = req.write(body.subarray(at, at + piece));
        at += piece;
        if (!ok) return void req.once('drain', writeMore);
      }
      req.end();
    };
    writeMore();
  });
}

const invoke = (request: unknown) => Buffer.from(JSON.stringify({ channel: 'app:info', request }));

describe('browser host request bodies', () => {
  it('answers a body over the limit with 413, whether its length is declared or not, and keeps serving', async () => {
    // A framework spreadsheet's worth of base64 and then some: over the 40 MiB limit.
    const oversized = Buffer.from(
      JSON.stringify({ channel: 'frameworks:check-file', request: { contentBase64: 'A'.repeat(BROWSER_HOST_MAX_BODY_BYTES) } }),
    );
    for (const declareLength of [true, false]) {
      const answer = await post(oversized, { declareLength });
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body)).toEqual({ ok: false, error: { code: 'validation', message: 'The request is too large.' } });
    }
    expect(dispatched).toEqual([]);
    const fine = await post(invoke({}), { declareLength: true });
    expect(fine).toEqual({ status: 200, body: JSON.stringify({ ok: true, value: { channel: 'app:info' } }) });
    dispatched.length = 0;
  }, 60_000);

  it('refuses a body within the limit but with millions of keys before parsing it', async () => {
    const keys = Array.from({ length: 2_000_000 }, (_, i) => `"k${i}":0`).join(',');
    const body = Buffer.from(`{"channel":"assessments:save-rating","request":{"patch":{"data":{${keys}}}}}`);
    expect(body.length).toBeLessThan(BROWSER_HOST_MAX_BODY_BYTES);
    const answer = await post(body, { declareLength: true });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({
      ok: false,
      error: { code: 'validation', issues: [{ message: 'validation.tooLong' }] },
    });
    expect(dispatched).toEqual([]);
  }, 60_000);

  it('refuses nesting deeper than any request before parsing it', async () => {
    const body = Buffer.from(`{"channel":"app:info","request":{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`);
    const answer = await post(body, { declareLength: true });
    expect(answer.status).toBe(400);
    expect(dispatched).toEqual([]);
  });
});

import http from 'node:http';
import fs from 'node:fs';
import { timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { BROWSER_HOST_MAX_BODY_BYTES } from '../../shared/ipc/limits';
import type { Dispatch } from '../services/dispatcher';
import { jsonTextIssue } from '../services/request-bounds';
import { contentSecurityPolicy } from '../hosting/content-security-policy';
import { leavesFolder, resolveStatic } from '../hosting/static-files';

export interface BrowserHostOptions {
  dispatch: Dispatch;
  rendererDir: string;
  token: string;
  port: number;
}

// Evidence photos and framework spreadsheets arrive base64-encoded (4/3 of their size).
const maxBodyBytes = BROWSER_HOST_MAX_BODY_BYTES;
/** After refusing a body, what is still read (and thrown away) so the client gets to read the 413, and for how long. */
const discardBytes = 256 * 1024 * 1024;
const discardMs = 30_000;

/**
 * A loopback-only HTTP host for the same dispatcher the desktop app uses. Other local processes and web
 * pages can reach 127.0.0.1, so every API call needs the per-run token, and Host and Origin must name
 * this server (defeats DNS rebinding and cross-site requests).
 */
export function startBrowserHost(options: BrowserHostOptions): Promise<{ server: http.Server; url: string; port: number }> {
  const server = http.createServer((req, res) => {
    void handle(req, res, options, server).catch(() => {
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'internal', message: 'Internal error.' } });
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, port, url: `http://127.0.0.1:${port}/#token=${options.token}` });
    });
  });
}

async function handle(req: http.IncomingMessage, res: http.ServerResponse, o: BrowserHostOptions, server: http.Server) {
  const port = (server.address() as AddressInfo).port;
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  if (!allowedHosts.has(req.headers.host ?? '')) return sendText(res, 421, 'Wrong host.');
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) return sendText(res, 403, 'Wrong origin.');

  const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
  if (url.pathname === '/api/invoke') {
    if (req.method !== 'POST') return sendText(res, 405, 'Use POST.');
    if (!tokenMatches(req.headers.authorization, o.token)) {
      return send(res, 401, { ok: false, error: { code: 'unauthorized', message: 'Missing or wrong access token.' } });
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return sendText(res, 415, 'Send JSON.');
    const body = await readBody(req);
    if (body === null) {
      // Answered before the rest is read, and the rest read and thrown away: closing the socket while the
      // client is still sending would reset the connection before it could read this answer.
      discardRest(req);
      return send(res, 413, { ok: false, error: { code: 'validation', message: 'The request is too large.' } });
    }
    const shape = jsonTextIssue(body, 1);
    if (shape !== null)
      return send(res, 400, { ok: false, error: { code: 'validation', message: 'The request is not valid.', issues: [shape] } });
    let message: unknown;
    try {
      message = JSON.parse(body);
    } catch {
      return send(res, 400, { ok: false, error: { code: 'validation', message: 'The request is not valid JSON.' } });
    }
    const { channel, request } = (message ?? {}) as { channel?: unknown; request?: unknown };
    return send(res, 200, await o.dispatch(channel, request));
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed.');
  // An attempt to leave the renderer's folder is refused, not answered with the start page. The path is
  // judged as sent: URL parsing would already have folded `..` and `%2e%2e` away.
  if (leavesFolder(o.rendererDir, (req.url ?? '/').split(/[?#]/)[0] ?? '/')) return sendText(res, 404, 'Not found.');
  const found = resolveStatic(o.rendererDir, url.pathname) ?? resolveStatic(o.rendererDir, '/');
  if (!found) return sendText(res, 404, 'The app has not been built. Run `npm run build:renderer`.');
  res.writeHead(200, {
    'Content-Type': found.type,
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  if (req.method === 'HEAD') return res.end();
  fs.createReadStream(found.file).pipe(res);
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from((header ?? '').replace(/^Bearer /, ''));
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The body as text, or null when it is (or says it will be) larger than the limit; a refused body is not kept. */
function readBody(req: http.IncomingMessage): Promise<string | null> {
  if (Number(req.headers['content-length'] ?? 0) > maxBodyBytes) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > maxBodyBytes) {
        refused = true;
        chunks.length = 0;
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!refused) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

/** Reads what is left of a refused body without keeping it, up to a bound in bytes and time; then closes the connection. */
function discardRest(req: http.IncomingMessage): void {
  let discarded = 0;
  const timer = setTimeout(() => req.socket.destroy(), discardMs);
  timer.unref();
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > discardBytes) req.socket.destroy();
  });
  req.on('end', () => clearTimeout(timer));
  req.on('close', () => clearTimeout(timer));
  req.resume();
}

function send(res: http.ServerResponse, status: number, value: unknown) {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(JSON.stringify(value));
}

function sendText(res: http.ServerResponse, status: number, text: string) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

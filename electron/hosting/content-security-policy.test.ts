import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBrowserHost } from '../browser-host/server';
import { tempDir } from '../services/test-support/temp-dir';
import { contentSecurityPolicy } from './content-security-policy';

function headersOf(port: number, urlPath: string): Promise<http.IncomingHttpHeaders> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: urlPath, headers: { host: `127.0.0.1:${port}` } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.headers));
      })
      .on('error', reject);
  });
}

describe('the content-security policy both hosts serve', () => {
  it('allows only the app’s own scripts, styles and connections, and no framing or inline code', () => {
    const directives = new Map(contentSecurityPolicy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('connect-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(contentSecurityPolicy).not.toContain('unsafe-inline');
    expect(contentSecurityPolicy).not.toContain('unsafe-eval');
  });

  it('is the header the browser host sends with the renderer', async () => {
    const rendererDir = tempDir();
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
    const { server, port } = await startBrowserHost({
      dispatch: () => Promise.resolve({ ok: true, value: null }),
      rendererDir,
      token: 'a'.repeat(64),
      port: 0,
    });
    try {
      const headers = await headersOf(port, '/');
      expect(headers['content-security-policy']).toBe(contentSecurityPolicy);
      expect(headers['x-content-type-options']).toBe('nosniff');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

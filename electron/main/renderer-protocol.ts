import fs from 'node:fs';
import path from 'node:path';
import { protocol } from 'electron';
import { contentSecurityPolicy } from '../hosting/content-security-policy';
import { resolveStatic } from '../hosting/static-files';

/** Must run before `app.ready`: app:// behaves like a secure, standard origin. */
export function registerRendererScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/**
 * Serves the built renderer from app://renderer/. Paths are resolved inside the renderer folder only
 * (the same containment as the browser host), and every response carries the strict CSP.
 */
export function serveRenderer(rendererDir: string): void {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'renderer') return new Response('Not found', { status: 404 });
    const found = resolveStatic(rendererDir, url.pathname) ?? resolveStatic(rendererDir, '/');
    if (!found) return new Response('Not found', { status: 404 });
    const body = await fs.promises.readFile(found.file);
    return new Response(body, {
      headers: { 'Content-Type': found.type, 'Content-Security-Policy': contentSecurityPolicy, 'X-Content-Type-Options': 'nosniff' },
    });
  });
}

export function rendererDirFor(mainDir: string): string {
  return path.join(mainDir, '..', 'renderer');
}

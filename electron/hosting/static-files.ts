import fs from 'node:fs';
import path from 'node:path';

const mediaTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** True when `candidate` is `root` or inside it, after resolving `..` and symlink-free normalisation. */
export function isPathInside(candidate: string, root: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * True when a URL path tries to leave the built renderer (`..`, encoded separators, a NUL, bad escapes):
 * such a request is refused outright rather than answered with the app's start page.
 */
export function leavesFolder(root: string, urlPath: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return true;
  }
  if (decoded.includes('\0')) return true;
  return !isPathInside(path.resolve(root, decoded.replace(/^\/+/, '')), root);
}

/**
 * Resolves a URL path to a file in the built renderer, or null. Anything that would leave the folder
 * (`..`, encoded separators, absolute paths) resolves to null, never to a file elsewhere on disk.
 */
export function resolveStatic(root: string, urlPath: string): { file: string; type: string } | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = path.resolve(root, relative);
  if (!isPathInside(file, root)) return null;
  const type = mediaTypes[path.extname(file).toLowerCase()];
  if (!type) return null;
  try {
    if (!fs.statSync(file).isFile()) return null;
  } catch {
    return null;
  }
  return { file, type };
}

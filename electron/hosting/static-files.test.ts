import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../services/test-support/temp-dir';
import { isPathInside, leavesFolder, resolveStatic } from './static-files';

describe('serving the built renderer', () => {
  it('serves files inside the folder and nothing outside it', () => {
    const root = tempDir();
    const app = path.join(root, 'renderer');
    fs.mkdirSync(path.join(app, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(app, 'index.html'), '<!doctype html>');
    fs.writeFileSync(path.join(app, 'assets', 'a.js'), '');
    fs.writeFileSync(path.join(root, 'secret.json'), '{}');
    expect(resolveStatic(app, '/')?.file).toBe(path.join(app, 'index.html'));
    expect(resolveStatic(app, '/assets/a.js')?.type).toMatch(/javascript/);
    for (const hostile of [
      '/../secret.json',
      '/..%2fsecret.json',
      '/%2e%2e/secret.json',
      '/assets/../../secret.json',
      '/%00',
      '/%E0%A4%A',
    ]) {
      expect(resolveStatic(app, hostile), hostile).toBeNull();
      expect(leavesFolder(app, hostile), hostile).toBe(true);
    }
    expect(resolveStatic(app, '/missing.js')).toBeNull();
    // A missing file is not an escape: the host answers it with the start page.
    expect(leavesFolder(app, '/missing.js')).toBe(false);
    expect(leavesFolder(app, '/')).toBe(false);
    expect(resolveStatic(app, '/assets')).toBeNull();
  });

  it('knows what is inside a folder', () => {
    expect(isPathInside('/a/b/c', '/a/b')).toBe(true);
    expect(isPathInside('/a/bc', '/a/b')).toBe(false);
    expect(isPathInside('/a', '/a/b')).toBe(false);
  });
});

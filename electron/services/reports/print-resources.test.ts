import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/temp-dir';
import { inlineResources, localPathOf, reportResourceOrigin } from './print-resources';

describe('report resources for a printer that loads one file (the desktop print window)', () => {
  const url = `${reportResourceOrigin}photos/${'a'.repeat(64)}.annex.jpg`;
  const file = path.join(tempDir(), 'annex.jpg');
  fs.writeFileSync(file, Buffer.from([0xff, 0xd8, 0xff]));
  const resources = new Map([[url, { mediaType: 'image/jpeg', file }]]);

  it('puts each photo inline as a data: URL read from its cached file, every place it is used', () => {
    const html = `<img src="${url}"><img src="${url}">`;
    expect(inlineResources(html, resources)).toBe('<img src="data:image/jpeg;base64,/9j/"><img src="data:image/jpeg;base64,/9j/">');
  });

  it('leaves other URLs alone: they are refused by the printer and never load', () => {
    const other = `${reportResourceOrigin}photos/${'b'.repeat(64)}.annex.jpg`;
    const html = `<img src="${other}"><a href="https://example.org/x">x</a>`;
    expect(inlineResources(html, resources)).toBe(html);
    expect(inlineResources(html, undefined)).toBe(html);
  });
});

describe('where the headless printer puts a resource beside the HTML', () => {
  it('keeps the path under the origin, inside its own resources folder', () => {
    expect(localPathOf(`${reportResourceOrigin}photos/abc.annex.jpg`)).toBe('resources/photos/abc.annex.jpg');
  });

  it('refuses any path that could leave the private print folder, and URLs of other origins', () => {
    for (const bad of ['photos/../../etc/passwd', '../x.jpg', 'photos//x.jpg', 'photos/./x.jpg', 'photos/x y.jpg', ''])
      expect(localPathOf(`${reportResourceOrigin}${bad}`), bad).toBeNull();
    expect(localPathOf('https://example.org/photos/x.jpg')).toBeNull();
  });
});

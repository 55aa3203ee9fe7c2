import { describe, expect, it } from 'vitest';
import { externalLinkAllowed, externalLinkHosts } from './external-links';

describe('links the system browser may open', () => {
  it('opens https pages on the listed documentation sites', () => {
    expect(externalLinkAllowed('https://ec.europa.eu/social/main.jsp?catId=1536&langId=en')).toBe(true);
    expect(externalLinkAllowed('https://www.nsda.gov.bd/')).toBe(true);
    expect(externalLinkAllowed('https://bteb.gov.bd/site/page/abc')).toBe(true);
    // Host names are compared as the URL parser writes them, so the case of the link does not matter.
    expect(externalLinkAllowed('https://EC.Europa.EU/')).toBe(true);
  });

  it('refuses every other scheme, host, port or address with credentials', () => {
    for (const url of [
      'http://ec.europa.eu/',
      'https://evil.example/',
      'https://ec.europa.eu.evil.example/',
      'https://evil-ec.europa.eu/',
      'https://ec.europa.eu./',
      'https://ec.europa.eu:8443/',
      'https://user:secret@ec.europa.eu/',
      'https://ec.europa.eu@evil.example/',
      'file:///C:/Windows/System32/calc.exe',
      'smb://attacker/share/run.exe',
      'ms-msdt:/id PCWDiagnostic',
      'javascript:alert(1)',
      'app://renderer/index.html',
      'not a url',
    ]) {
      expect(externalLinkAllowed(url), url).toBe(false);
    }
  });

  it('lists host names only: no schemes, paths, ports or wildcards', () => {
    for (const host of externalLinkHosts) expect(host).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
  });
});

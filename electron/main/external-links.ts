/**
 * The only sites a link in the app may open in the system browser: the public documentation behind the
 * framework (the EU's EQAVET and EQF pages, Bangladesh's NSDA and BTEB). Exact host names, no wildcards,
 * so that a look-alike subdomain or a host the app never links to cannot be opened from a crafted link.
 */
export const externalLinkHosts: ReadonlySet<string> = new Set([
  'europa.eu',
  'ec.europa.eu',
  'eur-lex.europa.eu',
  'europass.europa.eu',
  'nsda.gov.bd',
  'www.nsda.gov.bd',
  'bteb.gov.bd',
  'www.bteb.gov.bd',
]);

/**
 * True when `shell.openExternal` may be given this URL: https on the default port, a listed host, and no
 * user name or password in it. Everything else — http, file:, custom schemes that launch other programs,
 * an unlisted host — is refused, because openExternal hands the URL to whatever program the system picks.
 */
export function externalLinkAllowed(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === '' &&
    externalLinkHosts.has(parsed.hostname)
  );
}

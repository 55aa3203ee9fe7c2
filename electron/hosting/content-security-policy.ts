/**
 * The one content-security policy of the renderer, whichever host serves it (the Electron app:// protocol
 * or the loopback browser host): only our own scripts, no inline code, no remote anything.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  // Evidence PDFs are shown in an <iframe> of a blob: URL the renderer made from bytes the services sent.
  'frame-src blob:',
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

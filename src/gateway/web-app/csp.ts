/**
 * The web app's Content-Security-Policy: everything from the gateway's own origin, nothing from any
 * other host, no inline or eval'd script. Stricter than the playground's: the app adds no <style>
 * element at run time, so styles too come only from its own files.
 */
export const WEB_APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

type Directive =
  | 'default-src'
  | 'script-src'
  | 'style-src'
  | 'img-src'
  | 'font-src'
  | 'connect-src'
  | 'object-src'
  | 'base-uri'
  | 'form-action'
  | 'frame-ancestors';

/**
 * A Content-Security-Policy for a page the gateway serves: everything from its own origin and
 * nothing from any other host, no inline or eval'd script, no plugins, forms or framing. A page
 * that needs more names the directives it widens, so each widening is written where it is needed.
 */
export function ownOriginPolicy(widened: Partial<Record<Directive, string>> = {}): string {
  const directives: Record<Directive, string> = {
    'default-src': "'self'",
    'script-src': "'self'",
    'style-src': "'self'",
    'img-src': "'self' data:",
    'font-src': "'self'",
    'connect-src': "'self'",
    'object-src': "'none'",
    'base-uri': "'none'",
    'form-action': "'none'",
    'frame-ancestors': "'none'",
    ...widened,
  };
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

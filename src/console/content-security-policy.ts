/**
 * The console's Content-Security-Policy: its own scripts and styles only (no inline code, so an
 * injected case summary cannot run), and network calls only to Netra and the identity provider,
 * whose discovery and token endpoints the browser calls during sign-in.
 */
export function consoleContentSecurityPolicy(oidcIssuer: string | null): string {
  const connect = ["'self'", ...(oidcIssuer ? [new URL(oidcIssuer).origin] : [])];
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect.join(' ')}`,
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/**
 * The signed-in officer: the bearer token (a development token or the identity provider's access
 * token) kept in sessionStorage, so it dies with the tab and is never shared across tabs or
 * written to disk by us. The claims are read only to shape the screens; Netra verifies the token.
 */
const TOKEN_KEY = 'netra.token';

export interface Session {
  token: string;
  agency: string;
  /** Kemendagri code of the unit's jurisdiction; null = national. */
  region: string | null;
  /** Who signed in, for the header only. */
  subject: string;
  /** Milliseconds since the epoch; the session ends then. */
  expiresAt: number | null;
}

type Listener = () => void;
const listeners = new Set<Listener>();

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const changed = () => listeners.forEach((listener) => listener());

export function currentToken(): string | null {
  return currentSession()?.token ?? null;
}

export function currentSession(): Session | null {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) return null;
  const session = sessionOf(token);
  if (!session || (session.expiresAt !== null && session.expiresAt <= Date.now())) {
    sessionStorage.removeItem(TOKEN_KEY);
    return null;
  }
  return session;
}

export function signIn(token: string): Session {
  const session = sessionOf(token);
  if (!session) throw new Error('the token carries no agency claim');
  sessionStorage.setItem(TOKEN_KEY, token);
  changed();
  return session;
}

export function signOut(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  changed();
}

/** The claims of a JWT, unverified (the server verifies); null when it is not a JWT with an agency. */
export function sessionOf(token: string): Session | null {
  const claims = jwtClaims(token);
  if (!claims || typeof claims.agency !== 'string') return null;
  return {
    token,
    agency: claims.agency,
    region: typeof claims.region === 'string' && claims.region !== '' ? claims.region : null,
    subject: typeof claims.sub === 'string' ? claims.sub : '',
    expiresAt: typeof claims.exp === 'number' ? claims.exp * 1000 : null,
  };
}

export function jwtClaims(token: string): Record<string, unknown> | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    return null;
  }
}

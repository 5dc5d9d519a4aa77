/**
 * The signed-in officer: the bearer token (a development token or the identity provider's access
 * token) kept in sessionStorage, so it dies with the tab and is never written to disk by us. The
 * claims are read only to shape the screens; Netra verifies the token.
 *
 * Tabs of the same browser share it over a BroadcastChannel (same origin, in memory only): a new
 * tab with none asks the open ones, and one with a valid token answers (tabs.ts). Nothing goes to
 * localStorage or the address, so once the last tab closes the sign-in is gone. Signing out in one
 * tab signs out every tab.
 */
import { sessionTabs } from './tabs';

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
  const session = validSession(token);
  if (!session) sessionStorage.removeItem(TOKEN_KEY);
  return session;
}

/** The session a token stands for, unless it has no agency or has expired. */
export function validSession(token: string): Session | null {
  const session = sessionOf(token);
  return session && (session.expiresAt === null || session.expiresAt > Date.now()) ? session : null;
}

export function signIn(token: string): Session {
  const session = sessionOf(token);
  if (!session) throw new Error('the token carries no agency claim');
  sessionStorage.setItem(TOKEN_KEY, token);
  changed();
  tabs.signedIn(token);
  return session;
}

/** Signs out this tab and every other tab of this browser. */
export function signOut(): void {
  signOutHere();
  tabs.signedOut();
}

function signOutHere(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  changed();
}

/** A token another tab handed over: kept only when this tab has none and it is still valid. */
function adopt(token: string): void {
  if (currentSession() || !validSession(token)) return;
  sessionStorage.setItem(TOKEN_KEY, token);
  changed();
}

const tabs = sessionTabs({ current: () => currentSession()?.token ?? null, adopt, signedOut: signOutHere });

/** Resolves once this tab has a session from another tab, or none answered in time. */
export const askOtherTabs = (): Promise<void> => (currentSession() ? Promise.resolve() : tabs.ask());

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

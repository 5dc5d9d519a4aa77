import type * as Jose from 'jose';
import type { Actor } from '../case/decide-context';
import type { TokenVerifier } from './jwks-token';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const jose = (): typeof Jose => require('jose');

/** The longest a verified token is answered from memory before its signature is checked again. */
export const VERIFIED_TOKEN_MAX_AGE_MS = 60_000;
/** How many tokens are remembered; the oldest go first. Only tokens that passed verification get in. */
export const VERIFIED_TOKEN_CAPACITY = 10_000;

export interface RememberOptions {
  /**
   * What the verification rested on (the identity provider's key set as last fetched), or null when
   * the verifier would fetch it again: an entry stands only while this returns what it returned when
   * the token was verified. Absent: a fixed secret (development tokens).
   */
  trust?: () => string | null;
  maxAgeMs?: number;
  capacity?: number;
  now?: () => number;
}

interface Entry {
  actor: Actor;
  /** Epoch ms until which the entry stands: the token's expiry (with the clock skew) or the age limit, whichever is first. */
  until: number;
  trust: string | null;
}

/**
 * A verifier that checks each token once and answers its next uses from memory: a console sends the
 * same token with every request, and the signature check and claims were 2–5 % of the server's CPU
 * per mutation. Keyed by the whole token string, so only the very token verified can hit an entry.
 * What a fresh check would refuse is still refused:
 * - expiry: an entry stands only while `now < (exp + clockSkew) s`, jose's own test; after that the
 *   token is checked again and refused with the verifier's message;
 * - `nbf` and the bounded lifetime only become more acceptable as time passes: no recheck needed;
 * - a key the identity provider withdraws (Netra's only revocation): an entry stands only while the
 *   key set jose holds is the one it was verified against and jose would not fetch it again yet
 *   (`trust`), so the token is refused as soon as it would have been without this memory;
 * - and in any case an entry is checked again after VERIFIED_TOKEN_MAX_AGE_MS.
 * Refusals are never remembered: every wrong token pays the full check.
 */
export function rememberingVerifier(verify: TokenVerifier, clockSkewSeconds: number, options: RememberOptions = {}): TokenVerifier {
  const maxAgeMs = options.maxAgeMs ?? VERIFIED_TOKEN_MAX_AGE_MS;
  const capacity = options.capacity ?? VERIFIED_TOKEN_CAPACITY;
  const now = options.now ?? Date.now;
  const trust = options.trust ?? (() => '');
  const entries = new Map<string, Entry>();
  return async (token) => {
    const entry = entries.get(token);
    if (entry) {
      if (now() < entry.until && entry.trust !== null && trust() === entry.trust) return { ...entry.actor };
      entries.delete(token);
    }
    const actor = await verify(token);
    const exp = jose().decodeJwt(token).exp;
    // Every verifier requires exp; a token without one would not be remembered.
    if (typeof exp === 'number') {
      entries.set(token, { actor: { ...actor }, until: Math.min(now() + maxAgeMs, (exp + clockSkewSeconds) * 1000), trust: trust() });
      if (entries.size > capacity) entries.delete(entries.keys().next().value!);
    }
    return actor;
  };
}

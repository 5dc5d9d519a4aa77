import type * as Jose from 'jose';
import { CaseError } from '../case/case-error';
import type { Agency } from '../case/case-vocabulary';
import type { Actor } from '../case/decide-context';
import { actorFromClaims } from './actor-claims';
import { assertBoundedLifetime, DEFAULT_MAX_TOKEN_LIFETIME_SECONDS } from './token-lifetime';

/** jose (83 modules) loads on the first token, not on every start (README, "Start-up"). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const jose = (): typeof Jose => require('jose');

/**
 * Development tokens: HS256 JWTs signed with AUTH_DEV_SECRET, claims `sub`, `agency`, `region`
 * (a Kemendagri code; absent = national). Refused in production, where tokens come from the identity
 * provider (jwks-token.ts).
 */

const ALGORITHM = 'HS256';
const key = (secret: string) => new TextEncoder().encode(secret);

export async function signDevToken(
  secret: string,
  claims: { sub: string; agency: Agency; region?: string | null; name?: string | null },
  expiresIn: string | number = '12h',
): Promise<string> {
  const payload: Record<string, string> = { agency: claims.agency };
  if (claims.region) payload.region = claims.region;
  if (claims.name) payload.name = claims.name;
  // One instant for both: jose reads the clock once per claim, and a 12-hour token whose two reads
  // straddled a second lived 12 h + 1 s — over the maximum lifetime, so refused (a CI flake, 2026-12).
  const issuedAt = Math.floor(Date.now() / 1000);
  return new (jose().SignJWT)(payload)
    .setProtectedHeader({ alg: ALGORITHM })
    .setSubject(claims.sub)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + lifetimeSeconds(expiresIn))
    .sign(key(secret));
}

export async function verifyDevToken(
  secret: string,
  token: string,
  clockSkewSeconds = 30,
  maxLifetimeSeconds = DEFAULT_MAX_TOKEN_LIFETIME_SECONDS,
): Promise<Actor> {
  let payload: Jose.JWTPayload;
  try {
    ({ payload } = await jose().jwtVerify(token, key(secret), { algorithms: [ALGORITHM], clockTolerance: clockSkewSeconds, requiredClaims: ['exp'] }));
  } catch (error) {
    const { errors } = jose();
    const reason =
      error instanceof errors.JWTExpired
        ? 'the token has expired'
        : error instanceof errors.JWTClaimValidationFailed && error.claim === 'exp'
          ? 'the token has no expiry (exp)'
          : 'the token is not valid';
    throw new CaseError('UNAUTHENTICATED', reason);
  }
  assertBoundedLifetime(payload, maxLifetimeSeconds, clockSkewSeconds);
  return actorFromClaims(payload);
}

/** '90s', '30m', '12h', '1d' (or a number of seconds) as seconds. */
export function lifetimeSeconds(expiresIn: string | number): number {
  if (typeof expiresIn === 'number') return expiresIn;
  const match = /^(\d+)\s*(s|m|h|d)$/.exec(expiresIn.trim());
  if (!match) throw new Error(`a token lifetime such as 90s, 30m, 12h or 1d, not ${expiresIn}`);
  return Number(match[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[match[2] as 's' | 'm' | 'h' | 'd'];
}

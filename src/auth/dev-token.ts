import { jwtVerify, SignJWT, errors, type JWTPayload } from 'jose';
import { CaseError } from '../case/case-error';
import type { Agency } from '../case/case-vocabulary';
import type { Actor } from '../case/decide-context';
import { actorFromClaims } from './actor-claims';
import { assertBoundedLifetime, DEFAULT_MAX_TOKEN_LIFETIME_SECONDS } from './token-lifetime';

/**
 * Development tokens: HS256 JWTs signed with AUTH_DEV_SECRET, claims `sub`, `agency`, `region`
 * (a Kemendagri code; absent = national). Refused in production, where tokens come from the identity
 * provider (jwks-token.ts).
 */

const ALGORITHM = 'HS256';
const key = (secret: string) => new TextEncoder().encode(secret);

export async function signDevToken(
  secret: string,
  claims: { sub: string; agency: Agency; region?: string | null },
  expiresIn = '12h',
): Promise<string> {
  const payload: Record<string, string> = { agency: claims.agency };
  if (claims.region) payload.region = claims.region;
  return new SignJWT(payload)
    .setProtectedHeader({ alg: ALGORITHM })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(key(secret));
}

export async function verifyDevToken(
  secret: string,
  token: string,
  clockSkewSeconds = 30,
  maxLifetimeSeconds = DEFAULT_MAX_TOKEN_LIFETIME_SECONDS,
): Promise<Actor> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, key(secret), { algorithms: [ALGORITHM], clockTolerance: clockSkewSeconds, requiredClaims: ['exp'] }));
  } catch (error) {
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

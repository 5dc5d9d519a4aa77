import { jwtVerify, SignJWT, errors } from 'jose';
import { CaseError } from '../case/case-error';
import { AGENCIES, type Agency } from '../case/case-vocabulary';
import type { Actor } from '../case/decide-context';
import { assertKnownRegion } from '../case/validation/regions';

/**
 * Development tokens: HS256 JWTs signed with AUTH_DEV_SECRET, claims `sub`, `agency`, `region`
 * (a Kemendagri code; absent = national). Production JWKS verification arrives with the security issue.
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

export async function verifyDevToken(secret: string, token: string): Promise<Actor> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, key(secret), { algorithms: [ALGORITHM], clockTolerance: 30 }));
  } catch (error) {
    const reason = error instanceof errors.JWTExpired ? 'the token has expired' : 'the token is not valid';
    throw new CaseError('UNAUTHENTICATED', reason);
  }
  const agency = payload.agency;
  if (typeof agency !== 'string' || !AGENCIES.includes(agency as Agency)) {
    throw new CaseError('UNAUTHENTICATED', `the token's agency claim must be one of ${AGENCIES.join(', ')}`);
  }
  if (typeof payload.sub !== 'string' || payload.sub === '') {
    throw new CaseError('UNAUTHENTICATED', 'the token has no subject (sub)');
  }
  const region = payload.region;
  if (region !== undefined && region !== null) {
    try {
      assertKnownRegion(String(region), 'region');
    } catch {
      throw new CaseError('UNAUTHENTICATED', "the token's region claim is not a known Kemendagri code");
    }
  }
  return { agency: agency as Agency, region: region ? String(region) : null, userId: payload.sub };
}

import type { JWTPayload } from 'jose';
import { CaseError } from '../case/case-error';
import { TOKEN_AGENCIES, type Agency } from '../case/case-vocabulary';
import type { Actor } from '../case/decide-context';
import { assertKnownRegion } from '../case/validation/regions';

/**
 * The acting unit named by a verified token's claims (`sub`, `agency`, `region`), the same for
 * development and identity-provider tokens. Messages name the claim, never its value.
 */
export function actorFromClaims(payload: JWTPayload): Actor {
  const agency = payload.agency;
  if (typeof agency !== 'string' || !TOKEN_AGENCIES.includes(agency as Agency)) {
    throw new CaseError('UNAUTHENTICATED', `the token's agency claim must be one of ${TOKEN_AGENCIES.join(', ')}`);
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
  const name = displayName(payload.name);
  return { agency: agency as Agency, region: region ? String(region) : null, userId: payload.sub, ...(name ? { name } : {}) };
}

/** The `name` claim (OIDC standard) as the history shows it: trimmed, at most 120 characters, no control characters; else none. */
function displayName(claim: unknown): string | undefined {
  if (typeof claim !== 'string') return undefined;
  const name = claim.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  return name !== '' && name.length <= 120 ? name : undefined;
}

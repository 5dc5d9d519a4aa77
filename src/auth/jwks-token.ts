import type * as Jose from 'jose';
import { CaseError } from '../case/case-error';
import type { Actor } from '../case/decide-context';
import { actorFromClaims } from './actor-claims';
import { assertBoundedLifetime, DEFAULT_MAX_TOKEN_LIFETIME_SECONDS } from './token-lifetime';

/** jose (83 modules) loads when a verifier is made or a token read, not on every start (README, "Start-up"). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const jose = (): typeof Jose => require('jose');

/**
 * Production tokens: RS256/ES256 JWTs from the identity provider, checked against its JWKS, issuer
 * and audience. jose refetches the key set when a token names an unknown `kid` (key rotation), at
 * most once per cooldown, so a flood of forged kids cannot hammer the provider.
 */

export const JWKS_ALGORITHMS = ['RS256', 'ES256'];

export interface JwksOptions {
  url: string;
  issuer: string;
  audience: string;
  clockSkewSeconds: number;
  /** Tokens valid for longer than this (or without exp) are refused. */
  maxLifetimeSeconds?: number;
  /** Minimum time between two refetches triggered by unknown kids; jose's default is 30 s. */
  cooldownMs?: number;
  /** How long a fetched key set is used before it is fetched again; jose's default is 10 min. */
  cacheMaxAgeMs?: number;
}

export type TokenVerifier = (token: string) => Promise<Actor>;

/** Called when the key set could not be fetched: an operations problem, not the caller's fault. */
export type KeysUnavailable = (cause: string) => void;

/** A JWKS verifier, and what its answers rest on: the key set as last fetched, or null once jose would fetch it again (older than cacheMaxAge). */
export type JwksVerifier = TokenVerifier & { keySet(): string | null };

export function jwksVerifier(options: JwksOptions, onKeysUnavailable: KeysUnavailable = () => {}): JwksVerifier {
  const keys = jose().createRemoteJWKSet(new URL(options.url), {
    cooldownDuration: options.cooldownMs,
    cacheMaxAge: options.cacheMaxAgeMs,
  });
  const verify: TokenVerifier = async (token) => {
    let payload: Jose.JWTPayload;
    try {
      ({ payload } = await jose().jwtVerify(token, keys, {
        algorithms: JWKS_ALGORITHMS,
        issuer: options.issuer,
        audience: options.audience,
        clockTolerance: options.clockSkewSeconds,
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      const reason = refusalReason(error);
      if (reason === KEYS_UNAVAILABLE) onKeysUnavailable(error instanceof Error ? error.message : String(error));
      throw new CaseError('UNAUTHENTICATED', reason);
    }
    assertBoundedLifetime(payload, options.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS, options.clockSkewSeconds);
    return actorFromClaims(payload);
  };
  return Object.assign(verify, { keySet: () => (keys.fresh ? (JSON.stringify(keys.jwks() ?? null) ?? null) : null) });
}

const KEYS_UNAVAILABLE = "the identity provider's signing keys could not be fetched";

/** Why a token was refused, in words that never repeat the token or its claims. */
function refusalReason(error: unknown): string {
  const { errors } = jose();
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    switch (error.claim) {
      case 'iss':
        return 'the token was not issued by the trusted identity provider (issuer)';
      case 'aud':
        return 'the token is not meant for this service (audience)';
      case 'nbf':
        return 'the token is not valid yet (nbf)';
      case 'exp':
        return 'the token has no expiry (exp)';
      default:
        return `the token's ${error.claim} claim is not valid`;
    }
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return `the token must be signed with ${JWKS_ALGORITHMS.join(' or ')}`;
  if (error instanceof errors.JWKSNoMatchingKey) return 'the token was signed with an unknown key (kid)';
  if (error instanceof errors.JWKSMultipleMatchingKeys) return 'the token does not say which key signed it (kid)';
  if (error instanceof errors.JWSSignatureVerificationFailed) return "the token's signature is not valid";
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return KEYS_UNAVAILABLE;
  // jose's fetch fails with a generic JOSEError (status, JSON) or a system error (ECONNREFUSED, …).
  if (error instanceof errors.JOSEError && error.code === 'ERR_JOSE_GENERIC') return KEYS_UNAVAILABLE;
  if (!(error instanceof errors.JOSEError) && typeof (error as { code?: unknown })?.code === 'string') return KEYS_UNAVAILABLE;
  return 'the token is not valid';
}

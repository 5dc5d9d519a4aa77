import type { JWTPayload } from 'jose';
import { CaseError } from '../case/case-error';

/** The longest a token may be valid by default: one working day (AUTH_MAX_TOKEN_LIFETIME_SECONDS). */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 12 * 3600;

/**
 * A stolen token is worth as long as it lives: one without `exp`, or issued for longer than the
 * maximum, is refused in every mode. Measured from `iat` when the token has one, and always from
 * now, so a token cannot claim a recent `iat` and a far `exp`, nor an old `iat` and a far `exp`.
 */
export function assertBoundedLifetime(payload: JWTPayload, maxSeconds: number, clockSkewSeconds: number, nowMs = Date.now()): void {
  if (typeof payload.exp !== 'number') throw new CaseError('UNAUTHENTICATED', 'the token has no expiry (exp)');
  const now = Math.floor(nowMs / 1000);
  const fromIssue = typeof payload.iat === 'number' ? payload.exp - payload.iat : 0;
  if (fromIssue > maxSeconds || payload.exp - now > maxSeconds + clockSkewSeconds) {
    throw new CaseError('UNAUTHENTICATED', `the token is valid for longer than ${maxSeconds} seconds (exp)`);
  }
}

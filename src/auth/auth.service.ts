import { Inject, Injectable, Optional } from '@nestjs/common';
import type { Logger } from 'pino';
import { CaseError } from '../case/case-error';
import type { Agency } from '../case/case-vocabulary';
import type { Actor } from '../case/decide-context';
import { ConfigError, NETRA_CONFIG, type NetraConfig } from '../config/config';
import { LOGGER } from '../observability/logger';
import { resolveDevSecret } from './dev-secret';
import { signDevToken, verifyDevToken } from './dev-token';
import { jwksVerifier, type TokenVerifier } from './jwks-token';
import { rememberingVerifier } from './verified-tokens';

/**
 * Turns an `Authorization: Bearer …` header (HTTP) or metadata value (gRPC) into the acting unit.
 * JWKS mode (AUTH_JWKS_URL set): RS256/ES256 tokens from the identity provider. Development mode:
 * HS256 tokens signed with the development secret; never in production.
 */
@Injectable()
export class AuthService {
  readonly mode: 'jwks' | 'development';
  /** Where the development secret came from; null in JWKS mode, which has none. */
  readonly secretOrigin: 'environment' | 'stored' | 'generated' | null;
  private readonly verify: TokenVerifier;
  /** Kept so the console's development sign-in signs with the very secret tokens are checked against. */
  private readonly devSecret: string | null = null;
  /** The console's development tokens live 12 hours, or less when AUTH_MAX_TOKEN_LIFETIME_SECONDS says so. */
  private readonly devTokenLifetime: string;

  constructor(@Inject(NETRA_CONFIG) config: NetraConfig, @Optional() @Inject(LOGGER) logger?: Logger) {
    this.devTokenLifetime = `${Math.min(12 * 3600, config.authMaxTokenLifetimeSeconds)}s`;
    if (config.authJwks) {
      this.mode = 'jwks';
      this.secretOrigin = null;
      let warnedAt = -Infinity;
      const verify = jwksVerifier({ ...config.authJwks, clockSkewSeconds: config.authClockSkewSeconds, maxLifetimeSeconds: config.authMaxTokenLifetimeSeconds }, (cause) => {
        if (Date.now() - warnedAt < 60_000) return; // once a minute, not once per refused request
        warnedAt = Date.now();
        logger?.warn({ cause }, 'the JWKS at AUTH_JWKS_URL could not be fetched; tokens are refused until it can');
      });
      // Each token's signature is checked once a minute at most, not on every request (verified-tokens.ts).
      this.verify = rememberingVerifier(verify, config.authClockSkewSeconds, { trust: verify.keySet });
      return;
    }
    // loadConfig already refuses this; a hand-built config must not slip past it either.
    if (config.nodeEnv === 'production') throw new ConfigError('AUTH_JWKS_URL', 'required when NODE_ENV=production');
    const { secret, origin } = resolveDevSecret(config.authDevSecret, config.dataDir);
    this.mode = 'development';
    this.secretOrigin = origin;
    this.devSecret = secret;
    this.verify = rememberingVerifier((token) => verifyDevToken(secret, token, config.authClockSkewSeconds, config.authMaxTokenLifetimeSeconds), config.authClockSkewSeconds);
  }

  /** A development token for the console's sign-in form; null in JWKS mode, which has no such tokens. */
  async issueDevToken(claims: { sub: string; agency: Agency; region: string | null; name?: string | null }): Promise<string | null> {
    return this.devSecret === null ? null : signDevToken(this.devSecret, claims, this.devTokenLifetime);
  }

  /** null when no credentials were sent; throws UNAUTHENTICATED when they were sent and are wrong. */
  async actorFrom(authorization: string | undefined | null): Promise<Actor | null> {
    if (!authorization) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) throw new CaseError('UNAUTHENTICATED', 'the Authorization header must be "Bearer <token>"');
    return this.verify(match[1]);
  }
}

export function requireActor(actor: Actor | null | undefined): Actor {
  if (!actor) throw new CaseError('UNAUTHENTICATED', 'this operation needs a bearer token');
  return actor;
}

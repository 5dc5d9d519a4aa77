import { Inject, Injectable } from '@nestjs/common';
import { CaseError } from '../case/case-error';
import type { Actor } from '../case/decide-context';
import { NETRA_CONFIG, type NetraConfig } from '../config/config';
import { resolveDevSecret } from './dev-secret';
import { verifyDevToken } from './dev-token';

/** Turns an `Authorization: Bearer …` header (HTTP) or metadata value (gRPC) into the acting unit. */
@Injectable()
export class AuthService {
  readonly secret: string;
  readonly secretOrigin: 'environment' | 'stored' | 'generated';

  constructor(@Inject(NETRA_CONFIG) config: NetraConfig) {
    const { secret, origin } = resolveDevSecret(config.authDevSecret, config.dataDir);
    this.secret = secret;
    this.secretOrigin = origin;
  }

  /** null when no credentials were sent; throws UNAUTHENTICATED when they were sent and are wrong. */
  async actorFrom(authorization: string | undefined | null): Promise<Actor | null> {
    if (!authorization) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) throw new CaseError('UNAUTHENTICATED', 'the Authorization header must be "Bearer <token>"');
    return verifyDevToken(this.secret, match[1]);
  }
}

export function requireActor(actor: Actor | null | undefined): Actor {
  if (!actor) throw new CaseError('UNAUTHENTICATED', 'this operation needs a bearer token');
  return actor;
}

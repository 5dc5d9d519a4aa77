import { Global, Inject, Injectable, Module } from '@nestjs/common';
import { NETRA_CONFIG, type NetraConfig } from '../config/config';
import { MutationRateLimiter } from './mutation-rate-limit';

/**
 * What a caller without a token may spend: `perMinute` requests per client address (the socket's,
 * or the one TRUST_PROXY's proxies report), and queries costing at most `maxCost`. Shared by
 * GraphQL and the anonymous summary exports, so a client cannot double its share across them.
 */
@Injectable()
export class AnonymousLimits {
  private readonly limiter: MutationRateLimiter;
  readonly maxCost: number;

  constructor(@Inject(NETRA_CONFIG) config: NetraConfig) {
    this.limiter = new MutationRateLimiter(config.anonymousRateLimitPerMinute);
    this.maxCost = config.anonymousQueryCostLimit;
  }

  /** Counts one anonymous request from `client`; throws RateLimitedError (RATE_LIMITED, retryAfterSeconds) beyond the budget. */
  take(client: string): void {
    this.limiter.take(`ip|${client}`, Date.now(), 'requests without a token', 'client address');
  }
}

@Global()
@Module({ providers: [AnonymousLimits], exports: [AnonymousLimits] })
export class AnonymousLimitsModule {}

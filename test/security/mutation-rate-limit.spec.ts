import { status } from '@grpc/grpc-js';
import pino from 'pino';
import { toGrpcError } from '../../src/grpc/grpc-errors';
import { callerKey, MutationRateLimiter, RateLimitedError } from '../../src/security/mutation-rate-limit';

describe('the mutation rate limit', () => {
  const T0 = 1_700_000_000_000;

  it('lets a caller burst up to the limit, then refuses', () => {
    const limiter = new MutationRateLimiter(3);
    for (let i = 0; i < 3; i++) limiter.take('a', T0);
    expect(() => limiter.take('a', T0)).toThrow(RateLimitedError);
  });

  it('refills evenly: one mutation every 60/limit seconds', () => {
    const limiter = new MutationRateLimiter(60);
    for (let i = 0; i < 60; i++) limiter.take('a', T0);
    expect(() => limiter.take('a', T0 + 999)).toThrow(/retry in 1 s/);
    expect(() => limiter.take('a', T0 + 1000)).not.toThrow();
    expect(() => limiter.take('a', T0 + 1000)).toThrow(RateLimitedError);
  });

  it('never saves up more than one minute’s worth', () => {
    const limiter = new MutationRateLimiter(2);
    limiter.take('a', T0);
    limiter.take('a', T0 + 3_600_000);
    limiter.take('a', T0 + 3_600_000);
    expect(() => limiter.take('a', T0 + 3_600_000)).toThrow(RateLimitedError);
  });

  it('keeps one bucket per caller', () => {
    const limiter = new MutationRateLimiter(1);
    limiter.take(callerKey({ agency: 'PPK', region: '16.73', userId: 'u' }), T0);
    expect(() => limiter.take(callerKey({ agency: 'PPK', region: '16.74', userId: 'u' }), T0)).not.toThrow();
    expect(() => limiter.take(callerKey({ agency: 'PPK', region: null, userId: 'u' }), T0)).not.toThrow();
    expect(() => limiter.take(callerKey({ agency: 'PPK', region: '16.73', userId: 'u' }), T0)).toThrow(RateLimitedError);
  });

  it('remembers a bounded number of callers, forgetting full buckets first', () => {
    const limiter = new MutationRateLimiter(1, 100);
    limiter.take('busy', T0 + 1000);
    for (let i = 0; i < 1000; i++) limiter.take(`caller-${i}`, T0 + i);
    expect((limiter as unknown as { buckets: Map<string, unknown> }).buckets.size).toBeLessThanOrEqual(101);
  });

  it('is RESOURCE_EXHAUSTED on gRPC', () => {
    expect(toGrpcError(new RateLimitedError(60, 1), pino({ enabled: false })).code).toBe(status.RESOURCE_EXHAUSTED);
  });
});

/**
 * Per-caller token buckets for mutations: each caller (agency, unit and `sub` of the token) may
 * send `perMinute` mutations in a burst, refilled evenly over a minute. A refused mutation is
 * answered before the command runs, so it appends nothing.
 */
export class MutationRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly refillPerMs: number;

  constructor(
    readonly perMinute: number,
    /** Most callers remembered; full buckets are forgotten first (a full bucket is the default). */
    private readonly maxCallers = 10_000,
  ) {
    this.refillPerMs = perMinute / 60_000;
  }

  /** Takes one token for `caller`, or throws RateLimitedError saying when the next one is due. */
  take(caller: string, now: number = Date.now(), what = 'mutations', per = 'token'): void {
    const bucket = this.buckets.get(caller) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + Math.max(0, now - bucket.at) * this.refillPerMs);
    bucket.at = now;
    if (bucket.tokens < 1) {
      this.buckets.set(caller, bucket);
      throw new RateLimitedError(this.perMinute, Math.ceil((1 - bucket.tokens) / this.refillPerMs / 1000), what, per);
    }
    bucket.tokens -= 1;
    this.buckets.set(caller, bucket);
    if (this.buckets.size > this.maxCallers) this.forgetFull(now);
  }

  private forgetFull(now: number): void {
    for (const [caller, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * this.refillPerMs >= this.perMinute) this.buckets.delete(caller);
    }
    // Still too many callers mid-burst: forget the oldest, which at worst hands them a fresh bucket.
    for (const caller of this.buckets.keys()) {
      if (this.buckets.size <= this.maxCallers) break;
      this.buckets.delete(caller);
    }
  }
}

/** The caller key of a token: one bucket per person per unit. */
export const callerKey = (actor: { agency: string; region: string | null; userId: string }) =>
  `${actor.agency}|${actor.region ?? ''}|${actor.userId}`;

/**
 * A refused request: GraphQL answers it with `extensions.code: RATE_LIMITED`
 * (src/graphql/graphql-errors.ts), gRPC with RESOURCE_EXHAUSTED (src/grpc/grpc-errors.ts).
 */
export class RateLimitedError extends Error {
  constructor(
    readonly perMinute: number,
    readonly retryAfterSeconds: number,
    what = 'mutations',
    per = 'token',
  ) {
    super(`too many ${what}: at most ${perMinute} per minute per ${per}; retry in ${retryAfterSeconds} s`);
    this.name = 'RateLimitedError';
  }
}

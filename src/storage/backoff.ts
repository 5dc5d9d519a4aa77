/**
 * Capped exponential backoff with jitter, for everything that retries a database: the projection's
 * resubscription, the deadline process, the LISTEN connection and the start-up wait. The jitter keeps
 * several instances that lost the database together from all knocking at the same instant.
 */
export class Backoff {
  private attempt = 0;

  constructor(
    private readonly baseMs = 200,
    private readonly capMs = 10_000,
    private readonly random: () => number = Math.random,
  ) {}

  /** The next delay: between half and all of min(cap, base·2^attempt). */
  next(): number {
    const ceiling = Math.min(this.capMs, this.baseMs * 2 ** Math.min(this.attempt, 30));
    this.attempt++;
    return Math.round(ceiling / 2 + (ceiling / 2) * this.random());
  }

  /** After a success: the next failure starts again from the base delay. */
  reset(): void {
    this.attempt = 0;
  }

  get attempts(): number {
    return this.attempt;
  }
}

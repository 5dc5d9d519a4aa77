import type { Pool, PoolClient } from 'pg';
import { Backoff } from '../../storage/backoff';

/**
 * LISTENs on the append channel through one dedicated client from the pool and calls `onAppended`
 * for every notification, with the head position it carries. Best effort: while it is down the subscriptions still poll.
 */
export class PostgresListener {
  private client: PoolClient | null = null;
  private starting: Promise<void> | null = null;
  private closed = false;
  /** Reconnects from 200 ms up to 5 s, jittered: the subscriptions poll meanwhile. */
  private readonly backoff = new Backoff(200, 5000);

  constructor(
    private readonly pool: Pool,
    private readonly channel: string,
    /** `head`: the log's head after the append that notified, when the payload holds it. */
    private readonly onAppended: (head?: bigint) => void,
  ) {}

  /** Starts listening unless it already is (or is about to). */
  start(): void {
    if (this.closed || this.starting) return;
    this.starting = this.listen().catch(() => this.retryLater());
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.starting;
    // Destroyed, not released: a pooled connection must not go on listening for someone else.
    this.client?.release(true);
    this.client = null;
  }

  private async listen(): Promise<void> {
    const client = await this.pool.connect();
    if (this.closed) return client.release();
    client.on('notification', (message) => this.onAppended(headOf(message.payload)));
    client.on('error', (error) => {
      if (this.client !== client) return;
      this.client = null;
      client.release(error);
      this.retryLater();
    });
    try {
      await client.query(`LISTEN ${this.channel}`);
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
    this.client = client;
    this.backoff.reset();
    // An append that committed before LISTEN took effect sent its notification to nobody.
    this.onAppended();
  }

  private retryLater(): void {
    this.starting = null;
    if (this.closed) return;
    setTimeout(() => this.start(), this.backoff.next()).unref();
  }
}

/** The append function notifies with the log's head as text; anything else wakes without one. */
function headOf(payload: string | undefined): bigint | undefined {
  return payload !== undefined && /^[0-9]{1,19}$/.test(payload) ? BigInt(payload) : undefined;
}

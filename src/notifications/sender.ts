import { sql } from 'drizzle-orm';
import type { NotifyConfig } from '../config/notify-config';
import type { ReadDb } from '../storage/read-db';
import { rows } from '../inbox/inbox-tables';
import { Channels, SendFailure } from './channels';
import { payloadOf } from './notification-message';
import { toDeliveryRow, type DeliveryRow } from './notify-tables';

const BATCH = 20;
/** Longer than a send may take (webhook 10 s, SMTP timeouts 10/10/20 s): a claim outlives only a dead sender. */
const CLAIM_MS = 60_000;
const MAX_DELAY_MS = 3_600_000;

export interface SenderHooks {
  /** Names of the respondents of a case, from the read model once it has applied `position`. */
  names(caseId: string, respondentIds: string[], position: bigint): Promise<Map<string, string>>;
  /** Counts and ids only: never an address, a name or a message. */
  log(outcome: 'delivered' | 'retry' | 'failed', row: DeliveryRow, detail: { attempts: number; status: number | null; error?: string; retryInMs?: number }): void;
}

/**
 * Sends what the outbox holds: due rows are claimed (so a second instance on the same database skips
 * them), sent, then marked delivered — at least once: a crash between sending and marking sends that
 * one again after the claim runs out, with the same delivery id and Message-ID for the receiver to drop.
 * A failure is retried after base·2^(attempt−1) (capped at an hour) until NOTIFY_MAX_ATTEMPTS.
 */
export class Sender {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopping = false;
  private readonly channels: Channels;

  constructor(
    private readonly db: ReadDb,
    private readonly config: NotifyConfig,
    private readonly now: () => Date,
    private readonly hooks: SenderHooks,
  ) {
    this.channels = new Channels(config);
  }

  /**
   * `releaseClaims`: this process is the only sender (the embedded store's directory is locked to one
   * process), so a claim left by a process that was killed mid-send is its own and is released now
   * instead of after the claim time: that delivery is sent again (at least once).
   */
  async start(releaseClaims: boolean): Promise<void> {
    if (releaseClaims) await this.db.execute(sql`UPDATE netra_notify.deliveries SET claimed_until = NULL WHERE status = 'PENDING' AND claimed_until IS NOT NULL`);
    this.schedule(0);
  }

  /** New rows were queued: look now rather than at the next poll. */
  wake(): void {
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
    this.channels.close();
  }

  private schedule(delayMs: number): void {
    if (this.stopping) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.round().finally(() => {
        this.running = null;
        const next = this.again ? 0 : this.config.pollMs;
        this.again = false;
        this.schedule(next);
      });
    }, delayMs);
    this.timer.unref();
  }

  private async round(): Promise<void> {
    for (;;) {
      if (this.stopping) return;
      let claimed: DeliveryRow[];
      try {
        claimed = await this.claim();
      } catch {
        return; // the database does not answer: the next poll tries again
      }
      if (claimed.length === 0) return;
      for (const row of claimed) {
        if (this.stopping) return;
        await this.deliver(row).catch(() => undefined);
      }
    }
  }

  private async claim(): Promise<DeliveryRow[]> {
    const now = this.now();
    const until = new Date(now.getTime() + CLAIM_MS);
    const found = await rows(
      this.db,
      sql`UPDATE netra_notify.deliveries SET claimed_until = ${until.toISOString()}::timestamptz
          WHERE id IN (SELECT id FROM netra_notify.deliveries
                       WHERE status = 'PENDING' AND next_attempt_at <= ${now.toISOString()}::timestamptz
                         AND (claimed_until IS NULL OR claimed_until < ${now.toISOString()}::timestamptz)
                       ORDER BY position, id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
          RETURNING *`,
    );
    return found.map(toDeliveryRow).sort((a, b) => (BigInt(a.position) < BigInt(b.position) ? -1 : BigInt(a.position) > BigInt(b.position) ? 1 : a.id.localeCompare(b.id)));
  }

  private async deliver(row: DeliveryRow): Promise<void> {
    const attempts = row.attempts + 1;
    try {
      const names = row.visibleIds.length > 0 ? await this.hooks.names(row.caseId, row.visibleIds, BigInt(row.position)) : new Map<string, string>();
      const payload = payloadOf(row, names);
      let status: number | null = null;
      if (row.channel === 'EMAIL') await this.channels.email(row.recipient, payload);
      else status = await this.channels.webhook(row.unit, row.recipient, payload, this.now());
      await this.db.execute(
        sql`UPDATE netra_notify.deliveries SET status = 'DELIVERED', attempts = ${attempts}, delivered_at = ${this.now().toISOString()}::timestamptz,
            last_status = ${status}, last_error = NULL, claimed_until = NULL WHERE id = ${row.id}`,
      );
      this.hooks.log('delivered', row, { attempts, status });
    } catch (error) {
      const failure = error instanceof SendFailure ? error : new SendFailure('internal: could not compose the message', null);
      const done = attempts >= this.config.maxAttempts;
      const delay = Math.min(MAX_DELAY_MS, this.config.retryBaseMs * 2 ** (attempts - 1));
      const next = new Date(this.now().getTime() + delay);
      await this.db.execute(
        sql`UPDATE netra_notify.deliveries SET status = ${done ? 'FAILED' : 'PENDING'}, attempts = ${attempts}, next_attempt_at = ${next.toISOString()}::timestamptz,
            last_status = ${failure.status}, last_error = ${failure.message}, claimed_until = NULL WHERE id = ${row.id}`,
      );
      this.hooks.log(done ? 'failed' : 'retry', row, { attempts, status: failure.status, error: failure.message, retryInMs: done ? undefined : delay });
    }
  }
}

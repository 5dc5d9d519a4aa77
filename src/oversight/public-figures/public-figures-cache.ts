import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import { CLOCK, type Clock } from '../../config/clock';
import { NETRA_CONFIG, type NetraConfig } from '../../config/config';
import { READ_DB, type ReadDb } from '../../storage/read-db';
import { CheckpointReads } from './checkpoint-reads';
import { ProjectionService } from '../projection.service';
import type { Request, Response } from 'express';

/** One answer as it was sent: computed from the read model at `position`. */
export interface CachedAnswer {
  position: bigint;
  etag: string;
  /** Text, or the bytes of an XLSX summary. */
  body: string | Buffer;
  /** The content headers it was sent with (Content-Type, and an export's Content-Disposition). */
  headers: Record<string, string>;
  computedAt: number;
}

export type SentAnswer = Pick<CachedAnswer, 'body' | 'headers'>;

/** Bounds on what the cache holds: questions vary (filters, aliases, operation names), memory must not. */
const MAX_ENTRIES = 2000;
const MAX_BYTES = 32 * 2 ** 20;

/**
 * Anonymous figures are a function of the question and the log position — and of the clock, for
 * overdue and days waiting. So an answer is served again while the read model's checkpoint, read
 * at request time, is still the position it was computed at, and for at most `maxAge` (deadlines
 * pass without an event); identical questions arriving while one is computed wait for it. Nothing
 * a caller with a token asks ever comes here.
 */
@Injectable()
export class PublicFiguresCache {
  readonly maxAgeMs: number;
  private readonly answers = new Map<string, CachedAnswer>();
  private bytes = 0;
  private readonly computing = new Map<string, { position: bigint; answer: Promise<CachedAnswer | null> }>();
  private readonly checkpoints: CheckpointReads;

  constructor(@Inject(READ_DB) db: ReadDb, @Inject(NETRA_CONFIG) config: NetraConfig, projection: ProjectionService, @Inject(CLOCK) private readonly clock: Clock) {
    this.maxAgeMs = config.publicFiguresMaxAgeSeconds * 1000;
    // The read model's checkpoint. An embedded read model has one writer, this process's projection,
    // which knows the checkpoint it committed (and wakes read-your-writes waiters only after it
    // knows): asking PGlite, on this very thread, would cost a statement per batch of requests.
    // A PostgreSQL read model may be written by other instances: it is asked.
    const postgres = (config.databaseUrl ?? (config.eventStore.kind === 'postgres' ? config.eventStore.url : null)) !== null;
    this.checkpoints = new CheckpointReads(
      postgres
        ? async () => {
            const { rows } = (await db.execute(sql`SELECT position FROM rm_checkpoints WHERE name = 'cases'`)) as unknown as { rows: Array<{ position: unknown }> };
            return rows.length > 0 ? BigInt(String(rows[0].position)) : 0n;
          }
        : async () => projection.position,
    );
  }

  get enabled(): boolean {
    return this.maxAgeMs > 0;
  }

  /** The read model's checkpoint, from a read that began after this call. */
  position(): Promise<bigint> {
    return this.checkpoints.position();
  }

  /** The answer to `key` computed at `position` and still young enough, if any. */
  fresh(key: string, position: bigint, now = this.now()): CachedAnswer | undefined {
    const answer = this.answers.get(key);
    return answer && answer.position === position && now - answer.computedAt < this.maxAgeMs ? answer : undefined;
  }

  /** The computation of `key` at `position` under way, if one is. */
  underWay(key: string, position: bigint): Promise<CachedAnswer | null> | undefined {
    const computing = this.computing.get(key);
    return computing?.position === position ? computing.answer : undefined;
  }

  /**
   * This request computes `key` at `position`; others asking meanwhile wait. `done` with the body
   * sent (or null when it was not a clean answer) must be called exactly once.
   */
  lead(key: string, position: bigint): (sent: SentAnswer | null) => CachedAnswer | null {
    let settle!: (answer: CachedAnswer | null) => void;
    const answer = new Promise<CachedAnswer | null>((resolve) => (settle = resolve));
    const computing = { position, answer };
    this.computing.set(key, computing);
    let settled = false;
    return (sent) => {
      if (settled) return null;
      settled = true;
      if (this.computing.get(key) === computing) this.computing.delete(key);
      const computedAt = this.now();
      const cached = sent && { position, etag: `"pf-${position}-${key}-${computedAt.toString(36)}"`, body: sent.body, headers: sent.headers, computedAt };
      if (cached) this.remember(key, cached);
      settle(cached);
      return cached;
    };
  }

  /** The validators every public answer carries, with the seconds it has left. */
  validators(answer: CachedAnswer, now = this.now()): Record<string, string> {
    const left = Math.max(0, Math.floor((this.maxAgeMs - (now - answer.computedAt)) / 1000));
    return {
      ETag: answer.etag,
      'Cache-Control': `public, max-age=${left}, must-revalidate`,
      // The same URL with a token is another answer: a shared cache must not hand this one to it.
      Vary: 'Authorization, Accept',
      'X-Netra-Position': answer.position.toString(),
    };
  }

  /** The figures' clock (overdue and days are computed at it), so a moved clock ages answers too. */
  private now(): number {
    return this.clock().getTime();
  }

  /** Newest last; the oldest answers go first when the cache is full. */
  private remember(key: string, answer: CachedAnswer): void {
    this.forget(key);
    this.answers.set(key, answer);
    this.bytes += answer.body.length;
    while (this.answers.size > MAX_ENTRIES || this.bytes > MAX_BYTES) this.forget(this.answers.keys().next().value!);
  }

  private forget(key: string): void {
    const answer = this.answers.get(key);
    if (!answer) return;
    this.bytes -= answer.body.length;
    this.answers.delete(key);
  }
}

/** Whether an If-None-Match header names this answer (a list, or `*`). */
export function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * Sends a public answer — 304 without a body when the client holds it already — and says which.
 * The caller has spent the request's anonymous budget.
 */
export function sendPublic(cache: PublicFiguresCache, req: Request, res: Response, answer: CachedAnswer): 'not_modified' | 'sent' {
  res.set(answer.headers);
  res.set(cache.validators(answer));
  if (matches(req.headers['if-none-match'], answer.etag)) {
    res.status(304).end();
    return 'not_modified';
  }
  res.status(200).end(answer.body);
  return 'sent';
}

import { GENESIS_HASH, linkHash } from '../event-store/event-hash';
import type { EventStore } from '../event-store/event-store';
import type { EventStoreLocation } from '../config/config';
import { LogCursor } from './log-cursor';
import type { ChainKind } from './verify-ledger';

export interface LedgerHead {
  position: bigint;
  hash: string;
  count: number;
}

/** EventStoreDB keeps no hashes (its server orders `$all`); the other stores chain at append time. */
export function chainKindOf(location: EventStoreLocation): ChainKind {
  return location.kind === 'esdb' ? 'computed' : 'stored';
}

/**
 * The head of the hash chain, cheaply and without verifying anything (that is `npm run verify`):
 * a stored chain's head is its last event's hash (positions are dense, so the count is the
 * position); a computed chain is extended from where the last call left it, so only the first call
 * after start reads the whole log.
 */
export class LedgerHeadReader {
  private known: LedgerHead = { position: 0n, hash: GENESIS_HASH, count: 0 };
  private extending: Promise<LedgerHead> = Promise.resolve(this.known);

  constructor(
    private readonly store: EventStore,
    private readonly chain: ChainKind,
  ) {}

  async head(): Promise<LedgerHead> {
    if (this.chain === 'computed') return (this.extending = this.extending.then(() => this.extend(), () => this.extend()));
    const position = await this.store.headPosition();
    if (position === 0n) return { position, hash: GENESIS_HASH, count: 0 };
    const [last] = await this.store.readAll(position - 1n, 1);
    if (!last?.hash) throw new Error(`the event at ${position} has no hash: run npm run verify`);
    return { position: last.position, hash: last.hash, count: Number(last.position) };
  }

  private async extend(): Promise<LedgerHead> {
    let { position, hash, count } = this.known;
    const cursor = new LogCursor(this.store, position);
    for (let event = await cursor.next(); event; event = await cursor.next()) {
      count++;
      hash = linkHash(hash, event, BigInt(count));
      position = event.position;
    }
    return (this.known = { position, hash, count });
  }
}

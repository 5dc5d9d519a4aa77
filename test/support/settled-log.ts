import type { EventStore, RecordedEvent } from '../../src/event-store/event-store';

/**
 * The store as recomputeFigures reads it, for a suite that recomputes many figures from one large
 * history: each full page of the global log is read from the store once and then served again. A
 * full page can never change (positions are gap-free and the log is append-only); a short page is
 * the head, which may still grow, so it is read from the store every time. The recomputation itself
 * (filtering to the answer's position, folding each person, counting) runs in full on every call.
 */
export function settledLog(store: EventStore): EventStore & { pagesServedAgain(): number } {
  const pages = new Map<string, RecordedEvent[]>();
  let servedAgain = 0;
  return {
    async readAll(after: bigint, limit: number): Promise<RecordedEvent[]> {
      const key = `${after}:${limit}`;
      const kept = pages.get(key);
      if (kept) {
        servedAgain += 1;
        return kept.slice();
      }
      const page = await store.readAll(after, limit);
      if (page.length === limit) pages.set(key, page.slice());
      return page;
    },
    pagesServedAgain: () => servedAgain,
    append: (streamId, events, expected) => store.append(streamId, events, expected),
    readStream: (streamId) => store.readStream(streamId),
    subscribe: (handler, options) => store.subscribe(handler, options),
    headPosition: () => store.headPosition(),
    ping: () => store.ping(),
    close: () => store.close(),
  };
}

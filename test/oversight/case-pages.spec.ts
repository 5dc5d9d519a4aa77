import { CASE_EVENT_TYPES } from '../../src/case/case-events';
import type { EventStore, RecordedEvent } from '../../src/event-store/event-store';
import { casePages, erasedSegments } from '../../src/oversight/projection/case-pages';

/** The bulk load's read of the log case by case (case-pages.ts), on a store held in memory. */

const ERASED = CASE_EVENT_TYPES.find((t) => t.endsWith('Erased'))!;
const OTHER = CASE_EVENT_TYPES.find((t) => t !== ERASED)!;

let position = 0n;
const event = (streamId: string, version: number, type: string = OTHER): RecordedEvent => ({ id: `${streamId}/${version}`, type, data: {}, metadata: {} as RecordedEvent["metadata"], streamId, version, position: ++position });

/** Events interleaved across streams in the log; read by stream, as PostgreSQL does (`readStreamsInOrder`). */
function memoryStore(log: RecordedEvent[]): EventStore & { readAllCalls: number } {
  const streams = [...new Set(log.map((e) => e.streamId))].sort();
  const store = {
    readAllCalls: 0,
    async readAll() {
      store.readAllCalls++;
      return [];
    },
    async readStreamsInOrder(prefix: string, after: string | null, count: number, upTo: bigint) {
      const next = streams.filter((s) => s.startsWith(prefix) && (after === null || s > after)).slice(0, count);
      if (next.length === 0) return { events: [], last: null };
      const events = log.filter((e) => next.includes(e.streamId) && e.position <= upTo).sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : a.version - b.version));
      return { events, last: next[next.length - 1] };
    },
  };
  return store as unknown as EventStore & { readAllCalls: number };
}

describe('the log read case by case for a bulk load', () => {
  it('hands each case whole, up to the head it began at, erased cases apart and without their keys', async () => {
    const log = [event('case-b', 1), event('case-a', 1), event('other-x', 1), event('case-c', 1), event('case-a', 2), event('case-b', 2, ERASED), event('case-c', 2), event('case-b', 3)];
    const head = log[log.length - 1].position;
    log.push(event('case-a', 3)); // appended after the load began: the catch-up's, not the load's
    const store = memoryStore(log);
    const keys = { keys: async (ids: readonly string[]) => new Map(ids.map((id) => [id, Buffer.from(id)])) };
    const pages = [];
    for await (const page of casePages(store, keys as never, head, 2)) pages.push(page);
    expect(pages.map((p) => [...p.whole.keys()])).toEqual([['a'], ['c']]);
    expect(pages[0].whole.get('a')!.map((e) => e.version)).toEqual([1, 2]);
    expect(pages[0].erased.get('b')!.map((e) => e.version)).toEqual([1, 2, 3]);
    expect([...pages[0].caseKeys.keys()]).toEqual(['a']);
    expect(pages.reduce((n, p) => n + p.events, 0)).toBe(7);
    expect(store.readAllCalls).toBe(0);
  });

  it('cuts an erased case after each erasure, each part up to one with the history up to it', () => {
    const stream = [event('case-e', 1), event('case-e', 2, ERASED), event('case-e', 3), event('case-e', 4, ERASED), event('case-e', 5)];
    const segments = erasedSegments(stream);
    expect(segments.map((s) => s.events.map((e) => e.version))).toEqual([[1, 2], [3, 4], [5]]);
    expect(segments.map((s) => s.history?.map((e) => e.version))).toEqual([[1, 2], [1, 2, 3, 4], undefined]);
  });
});

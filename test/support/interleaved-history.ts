import { caseStreamId } from '../../src/case/case-events';
import { syntheticHistory } from '../../src/demo/synthetic-history';
import type { EventStore, NewEvent, RecordedEvent } from '../../src/event-store/event-store';
import { ProjectionRunner } from '../../src/oversight/projection/projection-runner';
import type { KeyStore } from '../../src/privacy/key-store';
import type { ReadDb } from '../../src/storage/read-db';

/** The bulk rebuild's tests (bulk-rebuild, parallel-rebuild): a history whose cases interleave in the log, and the live projection to compare with. */

export const CASES = 40;

/**
 * Appends the cases' events one or two at a time, round robin, so cases span pages. `erase`: the
 * 4th case is erased after the 3rd round (it gets no events after that), the others go on. `seal`:
 * the events as stored (personal values sealed with the case's key, as the command side stores them).
 */
export async function appendInterleaved(store: EventStore, erase = false, seal: (caseId: string, events: NewEvent[]) => Promise<NewEvent[]> = async (_, events) => events): Promise<number> {
  const pending = [...syntheticHistory(CASES, 77)].map((c) => ({ ...c, at: 0 }));
  let appended = 0;
  for (let round = 0; pending.some((c) => c.at < c.events.length); round++) {
    if (erase && round === 3) {
      const c = pending[3];
      const caseId = String(c.events[0].data.caseId);
      const at = '2026-01-02T03:00:00.000Z';
      await store.append(
        caseStreamId(caseId),
        [{ id: 'e0a8d7a2-0000-4000-8000-000000000002', type: 'PersonalDataErased', data: { caseId, erasedAt: at, reason: 'Permintaan pelapor', legalHoldOverridden: true }, metadata: { commandId: 'erase-2', agency: 'BAWASLU', unit: null, userId: 'bawaslu-ri', recordedAt: at } }],
        c.at,
      );
      c.at = c.events.length;
    }
    for (const c of pending) {
      if (c.at >= c.events.length) continue;
      const take = 1 + ((round + c.at) % 2);
      const events = c.events.slice(c.at, c.at + take);
      await store.append(c.streamId, await seal(String(c.events[0].data.caseId), events), c.at === 0 ? 'no_stream' : c.at);
      c.at += events.length;
      appended += events.length;
    }
  }
  return appended;
}

/** The live projection's read model: the runner, batch by batch, as the service builds it (opening sealed values with `keys`). */
export async function projectLive(store: EventStore, db: ReadDb, keys?: KeyStore): Promise<void> {
  const runner = new ProjectionRunner(store, db, { keys });
  await runner.start();
  await runner.stop();
}

/** A store whose `readAll` fails from the `failAt`-th call on: a rebuild cut off mid-load. */
export function failingAfter(store: EventStore, failAt: number): EventStore {
  let calls = 0;
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'readAll') {
        return async (after: bigint, limit: number): Promise<RecordedEvent[]> => {
          if (++calls >= failAt) throw new Error('connection lost (test)');
          return target.readAll(after, limit);
        };
      }
      if (property === 'readStreamsInOrder' && target.readStreamsInOrder) {
        const read = target.readStreamsInOrder.bind(target);
        return async (...args: Parameters<typeof read>) => {
          if (++calls >= failAt) throw new Error('connection lost (test)');
          return read(...args);
        };
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}


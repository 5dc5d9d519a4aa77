import type { PGlite } from '@electric-sql/pglite';
import { openPglite } from '../../src/event-store/pglite/open-pglite';
import { PgliteEventStore } from '../../src/event-store/pglite/pglite-event-store';
import { aStreamId, someEvents, waitFor } from './contract/contract-helpers';

/**
 * The embedded store acknowledges an append only once its WAL sync (afterCommit) resolves; with the
 * sync group-committed (wal-sync.ts) a first attempt can still be waiting for it when its retry
 * arrives, and the retry must not be acknowledged before the commit it answers with is durable.
 */
describe('embedded store: no append is acknowledged before its WAL sync', () => {
  let db: PGlite;
  let store: PgliteEventStore;
  const syncs: Array<() => void> = [];

  beforeEach(async () => {
    syncs.length = 0;
    db = await openPglite('memory:');
    store = new PgliteEventStore(db, { afterCommit: () => new Promise<void>((resolve) => syncs.push(resolve)) });
    await store.init();
  });
  afterEach(async () => {
    syncs.forEach((resolve) => resolve());
    await store.close();
    await db.close();
  });

  it('an append waits for the sync after its commit', async () => {
    let done = false;
    const append = store.append(aStreamId(), someEvents(1), 'no_stream').then(() => (done = true));
    await waitFor(() => syncs.length === 1, 'the append asks for a sync');
    expect(done).toBe(false);
    syncs[0]();
    await append;
    expect(done).toBe(true);
  });

  it.each(['no_stream', 'any'] as const)('a retry (expected %s) of an append still waiting for its sync waits for a sync of its own', async (expected) => {
    const streamId = aStreamId();
    const events = someEvents(2);
    const first = store.append(streamId, events, expected);
    await waitFor(() => syncs.length === 1, 'the first attempt asks for a sync');
    let retried = false;
    const retry = store.append(streamId, events, expected).then((result) => ((retried = true), result));
    await waitFor(() => syncs.length === 2, 'the retry asks for a sync before it answers');
    expect(retried).toBe(false);
    syncs[1]();
    await expect(retry).resolves.toMatchObject({ duplicate: true, nextVersion: 2 });
    syncs[0]();
    await expect(first).resolves.toMatchObject({ duplicate: false, nextVersion: 2 });
  });
});

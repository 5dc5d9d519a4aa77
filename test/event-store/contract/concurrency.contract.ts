import { WrongExpectedVersionError, type NewEvent } from '../../../src/event-store/event-store';
import { aStreamId, asAppended, someEvents, type ContractContext } from './contract-helpers';

const WRITERS = 20;

export function describeConcurrency({ store }: ContractContext): void {
  async function currentVersion(streamId: string): Promise<number> {
    return (await store().readStream(streamId)).length;
  }

  /** Appends at the version it read; on a conflict reads again and retries. */
  async function appendWithRetry(streamId: string, event: NewEvent): Promise<number> {
    for (let attempt = 1; attempt <= 10 * WRITERS; attempt++) {
      const version = await currentVersion(streamId);
      try {
        await store().append(streamId, [event], version === 0 ? 'no_stream' : version);
        return attempt;
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
      }
    }
    throw new Error(`writer of ${event.id} never landed`);
  }

  async function expectExactlyOnceEach(streamId: string, events: NewEvent[]): Promise<void> {
    const stored = await store().readStream(streamId);
    expect(stored.map((event) => event.version)).toEqual(events.map((_, index) => index + 1));
    expect(stored.map((event) => event.id).sort()).toEqual(events.map((event) => event.id).sort());
    const positions = stored.map((event) => event.position);
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(positions).size).toBe(events.length);
  }

  describe(`optimistic concurrency with ${WRITERS} writers on one stream`, () => {
    it('lets exactly one writer win each round at the version they all read; the others land on later rounds', async () => {
      const streamId = aStreamId();
      const events = someEvents(WRITERS, 'writer');
      let waiting = [...events];
      const accepted: NewEvent[] = [];

      while (waiting.length > 0) {
        const versions = await Promise.all(waiting.map(() => currentVersion(streamId)));
        const outcomes = await Promise.allSettled(
          waiting.map((event, index) => store().append(streamId, [event], versions[index] === 0 ? 'no_stream' : versions[index])),
        );
        const winners = waiting.filter((_, index) => outcomes[index].status === 'fulfilled');
        const losers = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');

        expect(winners).toHaveLength(1);
        losers.forEach((loser) => expect(loser.reason).toBeInstanceOf(WrongExpectedVersionError));
        accepted.push(...winners);
        waiting = waiting.filter((event) => !winners.includes(event));
      }

      expect((await store().readStream(streamId)).map(asAppended)).toEqual(accepted);
      await expectExactlyOnceEach(streamId, events);
    });

    it('lands every writer exactly once, without gaps, when each retries on conflict with a fresh read', async () => {
      const streamId = aStreamId();
      const events = someEvents(WRITERS, 'retrying writer');

      const attempts = await Promise.all(events.map((event) => appendWithRetry(streamId, event)));

      await expectExactlyOnceEach(streamId, events);
      // At least one writer had to retry, or the writers were not concurrent at all.
      expect(Math.max(...attempts)).toBeGreaterThan(1);
    });
  });
}

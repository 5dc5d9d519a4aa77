import { GENESIS_HASH, linkHash } from '../../../src/event-store/event-hash';
import type { RecordedEvent } from '../../../src/event-store/event-store';
import type { ContractContext } from './contract-helpers';

/**
 * Stores that chain at append time (embedded, PostgreSQL) give every event the hash of the log up
 * to it; EventStoreDB gives none (its server orders `$all`: src/ledger computes the chain there).
 * Runs last, over everything the other tests appended: unicode, numbers, 1 MB payloads, refusals.
 */
export function describeLedger({ store, positions }: ContractContext): void {
  describe('hash chain', () => {
    it('links every event to the one before it, over the data as stored, when the store keeps hashes', async () => {
      const log: RecordedEvent[] = [];
      for (let page = await store().readAll(0n, 2000); page.length > 0; page = await store().readAll(page[page.length - 1].position, 2000)) {
        log.push(...page);
      }
      expect(log.length).toBeGreaterThan(0);
      if (positions() === 'ordered') {
        expect(log.filter((event) => event.hash !== undefined)).toEqual([]);
        return;
      }
      let previous = GENESIS_HASH;
      log.forEach((event, index) => {
        expect({ position: event.position, previousHash: event.previousHash }).toEqual({ position: BigInt(index + 1), previousHash: previous });
        expect(event.hash).toBe(linkHash(previous, event, event.position));
        previous = event.hash!;
      });
    });
  });
}

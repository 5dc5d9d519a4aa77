/**
 * The event-store contract: the same tests for every adapter, written against the port only.
 * The store is opened once per suite and may already hold events (a real PostgreSQL or
 * EventStoreDB cannot be wiped per test), so tests use fresh stream ids and positions relative to
 * the head they read first. Jest runs the tests of one file one after another.
 * Every test runs against every store. Position tests assert what every store promises (positions
 * increase strictly in global order) and, where the factory reports dense positions (the default),
 * the exact arithmetic as well.
 */
import type { EventStore } from '../../src/event-store/event-store';
import { describeAppending } from './contract/appending.contract';
import { describeConcurrency } from './contract/concurrency.contract';
import { describeLedger } from './contract/ledger.contract';
import type { ContractContext, OpenedStore, StoreFactory } from './contract/contract-helpers';
import { describePayloads } from './contract/payloads.contract';
import { describeSubscribing } from './contract/subscribing.contract';

export function describeEventStoreContract(name: string, factory: StoreFactory): void {
  describe(`event store contract: ${name}`, () => {
    let opened: OpenedStore | undefined;

    beforeAll(async () => {
      opened = await factory();
    });

    afterAll(async () => {
      await opened?.dispose();
    });

    const context: ContractContext = {
      store(): EventStore {
        if (!opened) throw new Error('the store under test did not open');
        return opened.store;
      },
      factory,
      positions: () => {
        if (!opened) throw new Error('the store under test did not open');
        return opened.positions ?? 'dense';
      },
    };

    describeAppending(context);
    describeConcurrency(context);
    describeSubscribing(context);
    describePayloads(context);
    describeLedger(context);
  });
}

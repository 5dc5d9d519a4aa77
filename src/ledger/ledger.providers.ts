import type { Provider } from '@nestjs/common';
import { NETRA_CONFIG, type NetraConfig } from '../config/config';
import { EVENT_STORE, type EventStore } from '../event-store/event-store';
import { LedgerHeadReader, chainKindOf } from './ledger-head';
import { LedgerResolver } from './ledger.resolver';

/** The `ledger` query, registered by the oversight module beside the other read-side queries. */
export const LEDGER_PROVIDERS: Provider[] = [
  {
    provide: LedgerHeadReader,
    inject: [EVENT_STORE, NETRA_CONFIG],
    useFactory: (store: EventStore, config: NetraConfig) => new LedgerHeadReader(store, chainKindOf(config.eventStore)),
  },
  LedgerResolver,
];

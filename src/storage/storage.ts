import type { PGlite } from '@electric-sql/pglite';
import { ConfigError, type NetraConfig } from '../config/config';
import type { EventStore } from '../event-store/event-store';
import { openPglite } from '../event-store/pglite/open-pglite';
import { PgliteEventStore } from '../event-store/pglite/pglite-event-store';
import { lockDataDir } from './data-dir-lock';
import { openPgliteReadDb } from '../oversight/read-model/open-read-db';
import type { ReadDb } from '../oversight/read-model/read-db';

/** The event store and the read-model database a process works on, and how to close them. */
export interface Storage {
  store: EventStore;
  readDb: ReadDb;
  describe: string;
  close(): Promise<void>;
}

/** Opens what the configuration names; never falls back silently to another store. */
export async function openStorage(config: NetraConfig): Promise<Storage> {
  if (config.eventStore.kind !== 'embedded') {
    throw new ConfigError('EVENT_STORE_URL', `the ${config.eventStore.kind} event store is not available in this version yet; use file:DIR or memory:`);
  }
  if (config.databaseUrl) {
    throw new ConfigError('DATABASE_URL', 'a PostgreSQL read model is not available in this version yet; leave it unset');
  }
  const location = config.eventStore.location;
  const unlock = location === 'memory:' ? () => undefined : lockDataDir(location);
  const pglite: PGlite = await openPglite(location);
  const store = new PgliteEventStore(pglite);
  await store.init();
  const readDb = await openPgliteReadDb(pglite);
  return {
    store,
    readDb,
    describe: `embedded (${config.eventStore.location === 'memory:' ? 'in memory' : config.eventStore.location})`,
    close: async () => {
      await store.close();
      await pglite.close();
      unlock();
    },
  };
}

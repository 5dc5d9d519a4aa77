import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { NETRA_CONFIG, type NetraConfig } from '../config/config';
import { EVENT_STORE } from '../event-store/event-store';
import { READ_DB } from '../oversight/read-model/read-db';
import { KEY_STORE } from '../privacy/key-store';
import { openStorage, type Storage } from './storage';

export const STORAGE = Symbol('STORAGE');

@Global()
@Module({
  providers: [
    { provide: STORAGE, inject: [NETRA_CONFIG], useFactory: (config: NetraConfig) => openStorage(config) },
    { provide: EVENT_STORE, inject: [STORAGE], useFactory: (storage: Storage) => storage.store },
    { provide: READ_DB, inject: [STORAGE], useFactory: (storage: Storage) => storage.readDb },
    { provide: KEY_STORE, inject: [STORAGE], useFactory: (storage: Storage) => storage.keys },
  ],
  exports: [STORAGE, EVENT_STORE, READ_DB, KEY_STORE],
})
export class StorageModule implements OnApplicationShutdown {
  constructor(@Inject(STORAGE) private readonly storage: Storage) {}

  /** Runs after every other module stopped (projection first), so nothing writes to a closed database. */
  async onApplicationShutdown(): Promise<void> {
    await this.storage.close();
  }
}

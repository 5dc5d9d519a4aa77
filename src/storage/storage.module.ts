import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { NETRA_CONFIG, type NetraConfig } from '../config/config';
import { loggableError } from '../observability/loggable-error';
import { LOGGER } from '../observability/logger';
import { EVENT_STORE } from '../event-store/event-store';
import { READ_DB } from './read-db';
import { KEY_STORE } from '../privacy/key-store';
import { openStorage, type Storage } from './storage';
import { BLOB_STORE } from './blob-store';

export const STORAGE = Symbol('STORAGE');

@Global()
@Module({
  providers: [
    { provide: STORAGE, inject: [NETRA_CONFIG, LOGGER], useFactory: (config: NetraConfig, logger: Logger) => openStorage(config, watchStorage(logger)) },
    { provide: EVENT_STORE, inject: [STORAGE], useFactory: (storage: Storage) => storage.store },
    { provide: READ_DB, inject: [STORAGE], useFactory: (storage: Storage) => storage.readDb },
    { provide: KEY_STORE, inject: [STORAGE], useFactory: (storage: Storage) => storage.keys },
    { provide: BLOB_STORE, inject: [STORAGE], useFactory: (storage: Storage) => storage.blobs },
  ],
  exports: [STORAGE, EVENT_STORE, READ_DB, KEY_STORE, BLOB_STORE],
})
export class StorageModule implements OnApplicationShutdown {
  constructor(@Inject(STORAGE) private readonly storage: Storage) {}

  /** Runs after every other module stopped (projection first), so nothing writes to a closed database. */
  async onApplicationShutdown(): Promise<void> {
    await this.storage.close();
  }
}

/** Connection faults as log lines: the dependency and the failure's type and code, never a message (it may quote SQL parameters). */
export function watchStorage(logger: Logger) {
  return {
    connectionLost: (dependency: string, error: Error) =>
      logger.warn({ dependency, failure: loggableError(error) }, 'database connection lost; the pool replaces it'),
    waiting: (dependency: string, error: unknown, delayMs: number) =>
      logger.warn({ dependency, failure: loggableError(error), retryInMs: delayMs }, `waiting for the ${dependency} to answer`),
    erasedBlobsLeft: (error: unknown) =>
      logger.warn({ failure: loggableError(error) }, 'the documents of an erased case could not be removed now: they stay sealed under its destroyed key, and the next start removes them'),
  };
}

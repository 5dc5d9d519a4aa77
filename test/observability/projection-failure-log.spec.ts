import { DrizzleQueryError } from 'drizzle-orm/errors';
import type { Logger } from 'pino';
import type { NetraConfig } from '../../src/config/config';
import type { EventStore, SubscribeOptions } from '../../src/event-store/event-store';
import type { NetraMetrics } from '../../src/observability/metrics';
import { ProjectionService } from '../../src/oversight/projection.service';
import type { ReadDb } from '../../src/storage/read-db';
import type { KeyStore } from '../../src/privacy/key-store';

const NIP = '198911052014022002';

describe('the projection service’s log when the projection stops', () => {
  it('logs the error’s type and SQL state, not the failed statement with its parameters', async () => {
    let onError: ((error: unknown) => void) | undefined;
    const store = { subscribe: (_handler: unknown, options: SubscribeOptions) => ((onError = options.onError), { caughtUp: Promise.resolve(), close: async () => {} }) } as unknown as EventStore;
    const logged: Array<[unknown, string]> = [];
    const logger = { error: (object: unknown, message: string) => logged.push([object, message]), info: () => {} } as unknown as Logger;
    const service = new ProjectionService(store, {} as ReadDb, logger, {} as NetraMetrics, {} as KeyStore, {} as NetraConfig);
    // What the runner hands on when the subscription fails: start() would first read the checkpoint.
    (service.runner as unknown as { subscribeFrom(after: bigint): Promise<void> }).subscribeFrom(0n);

    const driver = Object.assign(new Error('duplicate key value violates unique constraint'), { name: 'DatabaseError', code: '23505' });
    onError!(new DrizzleQueryError('INSERT INTO "rm_follow_ups" SELECT * FROM jsonb_populate_recordset(NULL::"rm_follow_ups", $1::jsonb)', [JSON.stringify([{ nip: NIP }])], driver));

    await service.runner.stop();

    expect(logged).toEqual([
      [
        { dependency: 'event store', failure: { type: 'DrizzleQueryError', cause: { type: 'DatabaseError', code: '23505' } }, connection: false, retryInMs: expect.any(Number) },
        'projection failed; resubscribing from its checkpoint',
      ],
    ]);
    expect(JSON.stringify(logged)).not.toContain(NIP);
  });
});

import { ProjectionService } from '../../src/oversight/projection.service';
import type { Storage } from '../../src/storage/storage';
import { STORAGE } from '../../src/storage/storage.module';
import type { RunningNetra } from './netra-app';

/**
 * Appends a large history to a running Netra with its projection stopped, then starts the projection
 * again: it catches up from its checkpoint in batches of 500, as at a start, instead of one read-model
 * transaction per appended case while the history is written (the Pilkada 2020 history: about 6 s to
 * append, 40 s projected live; README, "Pilkada 2020"). For suites about what is read from a large
 * history; live projection, command by command, is test/oversight/projection.int-spec.ts's subject.
 * Resolves once the read model holds everything appended. The restarted runner does not resubscribe
 * after a failure (its stop() is final for that), so it suits no suite that injects one.
 */
export async function appendUnprojected(netra: RunningNetra, append: (storage: Storage) => Promise<unknown>): Promise<void> {
  const storage = netra.app.get<Storage>(STORAGE);
  const { runner } = netra.app.get(ProjectionService);
  await runner.stop();
  try {
    await append(storage);
  } finally {
    await runner.start();
  }
  const head = await storage.store.headPosition();
  if (runner.position !== head) throw new Error(`the projection caught up to ${runner.position}, not to the head ${head}`);
}

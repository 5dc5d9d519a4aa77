import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { CaseMutations } from '../api/case-mutations.service';
import { messageFor } from '../case/case-command-messages';
import { NETRA_CONFIG, type NetraConfig } from '../config/config';
import { uuidFrom } from '../event-store/event-id';
import { EVENT_STORE, type EventStore } from '../event-store/event-store';
import { LOGGER } from '../observability/logger';
import { KEY_STORE, type KeyStore } from '../privacy/key-store';
import { demoCases } from './demo-scenarios';
import { appendPilkada2020 } from './pilkada-2020';

/**
 * Loads the demo on the first start of an empty embedded store: the seed scenarios (default), or
 * with NETRA_DEMO=pilkada-2020 the synthetic Pilkada 2020 history; NETRA_DEMO=0 turns it off.
 */
@Injectable()
export class DemoLoader implements OnApplicationBootstrap {
  constructor(
    @Inject(NETRA_CONFIG) private readonly config: NetraConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
    private readonly mutations: CaseMutations,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demo || this.config.eventStore.kind !== 'embedded') return;
    if ((await this.store.headPosition()) > 0n) return;
    if (this.config.demo === 'pilkada-2020') {
      // Appended as the generator's events (decided with its fixed context): the store holds exactly the history its tests count.
      const events = await appendPilkada2020(this.store, this.keys);
      this.logger.info({ events }, 'Pilkada 2020 synthetic history loaded (NETRA_DEMO=pilkada-2020)');
      return;
    }
    const cases = demoCases(new Date());
    for (const demo of cases) {
      const caseId = uuidFrom(`demo:${demo.key}`);
      for (const [index, step] of demo.steps.entries()) {
        await this.mutations.run(messageFor(step(caseId), `demo:${demo.key}:${index}`));
      }
    }
    this.logger.info({ cases: cases.length }, 'demo cases loaded (NETRA_DEMO=0 turns this off)');
  }
}

import { caseStreamId } from '../case/case-events';
import { CaseRules } from '../case/case-rules.service';
import { loadConfig } from '../config/config';
import { uuidFrom } from '../event-store/event-id';
import type { EventStore } from '../event-store/event-store';
import type { KeyStore } from '../privacy/key-store';
import { sealEvent } from '../privacy/personal-data';
import { PILKADA_2020_NOW } from './pilkada-2020-curve';
import { caseCommands } from './pilkada-2020-commands';
import { planEscalations } from './pilkada-2020-escalations';
import { planTimeline } from './pilkada-2020-timeline';
import { random } from './synthetic-commands';
import { appendCases, decideAll, type SyntheticCase } from './synthetic-history';

/**
 * A synthetic history that reproduces the published Pilkada 2020 follow-up curve
 * (pilkada-2020-curve.ts) person by person: every event made by the real decider from the
 * commands Bawaslu, KASN, the PPKs, Kemendagri and BKN would have sent.
 */

export const PILKADA_2020_SEED = 2020;

export function* pilkada2020History(seed = PILKADA_2020_SEED): Generator<SyntheticCase> {
  const rnd = random(seed);
  const plans = planTimeline(rnd);
  planEscalations(plans, rnd);
  // Production's rules with default settings: the default deadline policy and register template.
  const ctx = new CaseRules(loadConfig({})).context(PILKADA_2020_NOW);
  for (const plan of plans) {
    const key = `pilkada-2020:${seed}:${plan.n}`;
    const caseId = uuidFrom(key);
    yield { streamId: caseStreamId(caseId), events: decideAll(caseCommands(plan, caseId, rnd), ctx, key) };
  }
}

/**
 * Appends the history, one append per case; returns the number of events. With `keys`, personal
 * data is sealed with each case's data key as the write side stores them (src/privacy).
 */
export function appendPilkada2020(store: EventStore, keys?: KeyStore, seed = PILKADA_2020_SEED): Promise<number> {
  return appendCases(store, keys ? sealed(pilkada2020History(seed), keys) : pilkada2020History(seed));
}

async function* sealed(cases: Iterable<SyntheticCase>, keys: KeyStore): AsyncGenerator<SyntheticCase> {
  for (const c of cases) {
    const caseId = String(c.events[0].data.caseId);
    const key = await keys.keyFor(caseId);
    if (!key) throw new Error(`the data key of case ${caseId} was destroyed`);
    yield { ...c, events: c.events.map((e) => sealEvent(e, key)) };
  }
}

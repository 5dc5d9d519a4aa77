import { decide, evolve, initialState, type CaseCommand, type CaseEvent, type CaseState } from '../case/case';
import { caseStreamId } from '../case/case-events';
import { DEFAULT_DEADLINE_POLICY, policyReportingLimit } from '../case/deadlines/deadline-policy';
import { WorkingDayCalendar } from '../case/deadlines/working-day-calendar';
import type { DecideContext } from '../case/decide-context';
import { eventId } from '../event-store/event-id';
import type { EventStore, NewEvent } from '../event-store/event-store';
import { caseScriptStream } from './synthetic-commands';

/**
 * A synthetic, reproducible history of many cases: the commands of synthetic-commands.ts, every
 * event produced by the real decider, for store migration tests and benchmarks.
 */

const DAY = 86_400_000;

export interface SyntheticCase {
  streamId: string;
  events: NewEvent[];
}

const fixedContext = (now: Date): DecideContext => ({
  now,
  deadline: (_kind, step, start) => ({
    dueAt: new Date(start.getTime() + (step === 'EXECUTION' ? 14 : 7) * DAY),
    applied: { policyVersion: 'synthetic', days: step === 'EXECUTION' ? 14 : 7, unit: 'CALENDAR', basis: 'synthetic history' },
  }),
  registerNumber: ({ caseId }) => `SYN/${caseId.slice(0, 8)}`,
  reportingLimit: policyReportingLimit(DEFAULT_DEADLINE_POLICY, WorkingDayCalendar.indonesia()),
});

export function* syntheticHistory(cases: number, seed = 2024): Generator<SyntheticCase> {
  const ctx = fixedContext(new Date('2026-01-01T00:00:00Z'));
  for (const script of caseScriptStream(seed)) {
    if (script.n >= cases) return;
    yield { streamId: caseStreamId(script.caseId), events: decideAll(script.commands, ctx, `synthetic:${script.n}`) };
  }
}

/** One case's commands through the real decider, in order; command ids are `<commandPrefix>:<index>`. */
export function decideAll(commands: CaseCommand[], ctx: DecideContext, commandPrefix: string): NewEvent[] {
  let state: CaseState = initialState();
  const events: NewEvent[] = [];
  commands.forEach((command, c) => {
    const commandId = `${commandPrefix}:${c}`;
    decide(command, state, ctx).forEach((event: CaseEvent, i) => {
      state = evolve(state, event);
      events.push({
        id: eventId(commandId, i),
        type: event.type,
        data: event.data as unknown as Record<string, unknown>,
        metadata: { commandId, agency: command.actor.agency, unit: command.actor.region, userId: command.actor.userId, recordedAt: ctx.now.toISOString() },
      });
    });
  });
  return events;
}

/** Appends a synthetic history, one append per case; returns the number of events. */
export function appendSyntheticHistory(store: EventStore, cases: number, seed = 2024): Promise<number> {
  return appendCases(store, syntheticHistory(cases, seed));
}

/** Appends each case as a new stream, one append per case; returns the number of events. */
export async function appendCases(store: EventStore, cases: Iterable<SyntheticCase> | AsyncIterable<SyntheticCase>): Promise<number> {
  let count = 0;
  for await (const { streamId, events } of cases) {
    await store.append(streamId, events, 'no_stream');
    count += events.length;
  }
  return count;
}

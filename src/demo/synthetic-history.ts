import { decide, evolve, initialState, type CaseCommand, type CaseEvent, type CaseState } from '../case/case';
import { caseStreamId } from '../case/case-events';
import { SANCTION_KINDS, VIOLATION_CODES } from '../case/case-vocabulary';
import type { Actor, DecideContext } from '../case/decide-context';
import { eventId, uuidFrom } from '../event-store/event-id';
import type { EventStore, NewEvent } from '../event-store/event-store';

/**
 * A synthetic, reproducible history of many cases, every event produced by the real decider, for
 * store migration tests and benchmarks. Mix (shared/DOMAIN.md §1): about 1.4 respondents per case,
 * ~78% proven, most recommended, ~90% of decisions a sanction, most executed, some lighter.
 */

const REGIONS = ['16.01', '16.02', '16.03', '16.04', '16.05', '16.06', '16.07', '16.08', '16.71', '16.72', '16.73', '16.74', '13.72', '64.02'];
const DAY = 86_400_000;

export interface SyntheticCase {
  streamId: string;
  events: NewEvent[];
}

/** Mulberry32: small, fast and the same on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const fixedContext = (now: Date): DecideContext => ({
  now,
  deadline: (_kind, step, start) => ({
    dueAt: new Date(start.getTime() + (step === 'EXECUTION' ? 14 : 7) * DAY),
    applied: { policyVersion: 'synthetic', days: step === 'EXECUTION' ? 14 : 7, unit: 'CALENDAR', basis: 'synthetic history' },
  }),
  registerNumber: ({ caseId }) => `SYN/${caseId.slice(0, 8)}`,
});

export function* syntheticHistory(cases: number, seed = 2024): Generator<SyntheticCase> {
  const rnd = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rnd() * items.length)];
  const ctx = fixedContext(new Date('2026-01-01T00:00:00Z'));
  for (let n = 0; n < cases; n++) {
    const caseId = uuidFrom(`synthetic:${seed}:${n}`);
    const region = pick(REGIONS);
    const bawaslu: Actor = { agency: 'BAWASLU', region, userId: `bawaslu-${region}` };
    const bkn: Actor = { agency: 'BKN', region: null, userId: 'bkn' };
    const ppk: Actor = { agency: 'PPK', region, userId: `ppk-${region}` };
    let t = new Date('2024-09-01T02:00:00Z').getTime() + Math.floor(rnd() * 200) * DAY;
    const at = (days: number) => new Date((t += days * DAY)).toISOString();
    const respondents = rnd() < 0.65 ? 1 : rnd() < 0.75 ? 2 : 3;
    const commands: CaseCommand[] = [
      {
        type: 'ReportCase', actor: bawaslu, caseId,
        input: {
          source: rnd() < 0.85 ? 'FINDING' : 'REPORT', election: { kind: 'PILKADA', year: 2024, regionCode: region }, handlingUnit: region,
          knownAt: at(0), receivedAt: at(1), summary: `Synthetic case ${n}`, violations: [pick(VIOLATION_CODES.slice(0, 15))],
          respondents: Array.from({ length: respondents }, (_, i) => ({ name: `Respondent ${n}-${i + 1}`, employment: 'PNS', institution: `Pemerintah ${region}` })),
          reporter: undefined,
        },
      },
    ];
    const report = commands[0] as Extract<CaseCommand, { type: 'ReportCase' }>;
    if (report.input.source === 'REPORT') report.input.reporter = { name: `Reporter ${n}` };
    const ids = Array.from({ length: respondents }, (_, i) => `R${i + 1}`);
    const outcomes = ids.map(() => (rnd() < 0.785 ? 'VIOLATION' : rnd() < 0.7 ? 'NO_VIOLATION' : 'FORWARDED'));
    commands.push({ type: 'RecordStudy', actor: bawaslu, caseId, input: { studiedAt: at(3), findings: ids.map((id, i) => ({ respondentId: id, outcome: outcomes[i] })) } });
    const proven = ids.filter((_, i) => outcomes[i] === 'VIOLATION');
    if (proven.length > 0 && rnd() < 0.95) {
      commands.push({ type: 'IssueRecommendation', actor: bawaslu, caseId, input: { respondentIds: proven, recipient: 'BKN', letterNumber: `REK/${n}`, issuedAt: at(2) } });
      for (const id of proven) {
        const sanction = pick(SANCTION_KINDS.slice(0, 8));
        if (rnd() < 0.1) {
          commands.push({ type: 'DecideSanction', actor: bkn, caseId, input: { respondentId: id, decision: 'CLEAR', letterNumber: `BKN/${n}/${id}`, decidedAt: at(5) } });
          continue;
        }
        commands.push({
          type: 'DecideSanction', actor: bkn, caseId,
          input: { respondentId: id, decision: 'SANCTION', sanction, ppk: { title: `PPK ${region}`, regionCode: region }, letterNumber: `BKN/${n}/${id}`, decidedAt: at(10) },
        });
        const fate = rnd();
        if (fate < 0.7) commands.push(execution(ppk, caseId, id, sanction, at(5 + Math.floor(rnd() * 60))));
        else if (fate < 0.85) commands.push(execution(ppk, caseId, id, SANCTION_KINDS[Math.max(0, SANCTION_KINDS.indexOf(sanction) - 1)], at(20)));
        else if (fate < 0.9) commands.push({ type: 'DeclareFollowUpImpossible', actor: ppk, caseId, input: { respondentId: id, reason: 'RETIRED', note: 'Retired', declaredAt: at(15) } });
      }
    }
    yield { streamId: caseStreamId(caseId), events: run(commands, ctx, n) };
  }
}

function execution(actor: Actor, caseId: string, respondentId: string, sanction: string, executedAt: string): CaseCommand {
  return { type: 'RecordSanctionExecution', actor, caseId, input: { respondentId, sanction, decreeNumber: `SK/${caseId.slice(0, 6)}/${respondentId}`, executedAt } };
}

function run(commands: CaseCommand[], ctx: DecideContext, n: number): NewEvent[] {
  let state: CaseState = initialState();
  const events: NewEvent[] = [];
  commands.forEach((command, c) => {
    const commandId = `synthetic:${n}:${c}`;
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
export async function appendSyntheticHistory(store: EventStore, cases: number, seed = 2024): Promise<number> {
  let count = 0;
  for (const { streamId, events } of syntheticHistory(cases, seed)) {
    await store.append(streamId, events, 'no_stream');
    count += events.length;
  }
  return count;
}

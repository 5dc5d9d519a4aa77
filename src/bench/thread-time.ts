import { PgliteThread, type StatementTiming } from '../event-store/pglite/pglite-thread';
import { round } from './stats';

/** What the embedded database's thread did during a phase, by kind of call, per command of the phase. */
export interface ThreadTimeRow {
  kind: string;
  callsPerCommand: number;
  /** Taken from the queue → answered, on the database's thread (a `begin` includes waiting for the transaction before it). */
  threadMsPerCommand: number;
  /** Posted → taken from the queue: the call waiting for the thread. */
  queuedMsPerCall: number;
  /** Answered → handled on the main thread: the answer waiting for the event loop. */
  replyMsPerCall: number;
}

/** The kind of a call to the embedded database, from its operation and SQL text (the bench's breakdown only). */
function kindOf(t: StatementTiming): string {
  if (t.op !== 'query' && t.op !== 'exec') return t.op;
  const sql = t.sql;
  if (sql.includes('es_append')) return 'append (one call)';
  if (/INSERT INTO es_events/.test(sql) || /FROM es_events WHERE stream_id = \$1\)::text AS v/.test(sql)) return 'append statements';
  if (sql.includes('case_keys')) return 'case key';
  if (/FROM es_events WHERE position >/.test(sql)) return 'log reads (subscriptions)';
  if (t.op === 'exec') return 'exec (projection batch writes)';
  if (/inbox/i.test(sql)) return 'inbox';
  if (/outbox|notification/i.test(sql)) return 'outbox';
  if (/projection|checkpoint|case_state|packed/i.test(sql)) return 'projection reads';
  return 'other';
}

/** Starts recording every call to the embedded database's thread; the returned function stops and sums them over `commands`. */
export function threadTime(): (commands: number) => ThreadTimeRow[] {
  const seen: StatementTiming[] = [];
  PgliteThread.timing = (t) => void seen.push(t);
  return (commands) => {
    PgliteThread.timing = null;
    const kinds = new Map<string, StatementTiming[]>();
    for (const t of seen) {
      const kind = kindOf(t);
      if (!kinds.has(kind)) kinds.set(kind, []);
      kinds.get(kind)!.push(t);
    }
    const sum = (ts: StatementTiming[], f: (t: StatementTiming) => number) => ts.reduce((a, t) => a + f(t), 0);
    return [...heldOpen(seen, commands), ...[...kinds].map(([kind, ts]) => ({
      kind,
      callsPerCommand: round(ts.length / commands, 2),
      threadMsPerCommand: round(sum(ts, (t) => t.replied - t.received) / commands, 3),
      queuedMsPerCall: round(sum(ts, (t) => t.received - t.posted) / ts.length, 3),
      replyMsPerCall: round(sum(ts, (t) => t.handled - t.replied) / ts.length, 3),
    })).sort((a, b) => b.threadMsPerCommand - a.threadMsPerCommand)];
  };
}

/**
 * Transactions hold the database from `begin`'s answer to `end`'s, one at a time (PGlite runs one
 * transaction at a time, so the k-th begin answered pairs with the k-th end): every other call
 * waits meanwhile, also while the main thread works between the transaction's calls. A row per
 * command: the time the database was held, and of it the time its statements ran.
 */
function heldOpen(seen: StatementTiming[], commands: number): ThreadTimeRow[] {
  const begins = seen.filter((t) => t.op === 'begin').map((t) => t.replied).sort((a, b) => a - b);
  const ends = seen.filter((t) => t.op === 'end').map((t) => t.received).sort((a, b) => a - b);
  const pairs = Math.min(begins.length, ends.length);
  let held = 0;
  let working = 0;
  for (let k = 0; k < pairs; k++) {
    held += ends[k] - begins[k];
    for (const t of seen) if ((t.op === 'query' || t.op === 'exec') && t.received >= begins[k] && t.replied <= ends[k]) working += t.replied - t.received;
  }
  if (pairs === 0) return [];
  return [
    { kind: 'transactions held open', callsPerCommand: round(pairs / commands, 2), threadMsPerCommand: round(held / commands, 3), queuedMsPerCall: 0, replyMsPerCall: 0 },
    { kind: '… of which statements ran', callsPerCommand: 0, threadMsPerCommand: round(working / commands, 3), queuedMsPerCall: 0, replyMsPerCall: 0 },
  ];
}

export const threadTimeLines = (rows: readonly ThreadTimeRow[]): string[] =>
  rows.map((r) => `    ${r.kind.padEnd(32)} ${r.callsPerCommand.toFixed(2).padStart(6)} calls/cmd, ${r.threadMsPerCommand.toFixed(3).padStart(7)} ms/cmd on its thread; per call queued ${r.queuedMsPerCall.toFixed(3)} ms, answer waited ${r.replyMsPerCall.toFixed(3)} ms`);

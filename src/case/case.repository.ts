import { Inject, Injectable } from '@nestjs/common';
import { EventPublisher } from '@nestjs/cqrs';
import { randomBytes, randomUUID } from 'node:crypto';
import { CLOCK, type Clock } from '../config/clock';
import { eventId } from '../event-store/event-id';
import { nextSteps, type NextStep } from './next-steps';
import type { Actor } from './decide-context';
import { EVENT_STORE, WrongExpectedVersionError, type AppendResult, type EventStore, type RecordedEvent } from '../event-store/event-store';
import { KEY_STORE, KeyStore } from '../privacy/key-store';
import { sealEvent } from '../privacy/personal-data';
import { hasPersonal } from '../privacy/personal-fields';
import { assertMayReadCase } from './case-access';
import { conflict, forbidden } from './case-error';
import { caseStreamId, type CaseEvent } from './case-events';
import type { CaseCommandMessage, CaseWriteResult } from './case-command';
import { CaseAggregate } from './case.aggregate';
import { initialState, type CaseState } from './case';
import { fold } from './case-evolve';
import { staleness } from './case-concurrency';
import { CaseRules } from './case-rules.service';
import { currentRequestId } from '../observability/request-context';
import { inSpan, traceMetadata } from '../observability/tracing';
import { mark } from '../event-store/write-timing';

/** Appends lost to concurrent writers before giving up; with 50 writers on one case each round lets at least one through. */
const MAX_ATTEMPTS = 100;
/** Full-jitter backoff between attempts: up to 10 ms, doubling, capped at 1 s, so racing writers spread out instead of colliding again. */
const BACKOFF_BASE_MS = 10;
const BACKOFF_CAP_MS = 1000;

const pause = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(attempt, 10))));

/**
 * Load, fold, decide, append with the version read. Commands on one case are queued within the
 * process; a writer in another process that got there first makes us re-read and decide again on
 * the new state, after a jittered pause, until the command is appended or refused on its merits. A caller's `expectedVersion` is judged per track
 * (case-concurrency.ts): CONFLICT only when an event since then touched the command's own tracks,
 * or the case as a whole.
 */
@Injectable()
export class CaseRepository {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly rules: CaseRules,
    private readonly publisher: EventPublisher,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Personal values (src/privacy/personal-fields.ts) leave the process only sealed with the case's
   * data key. Once the case was erased its key is gone: what a later step brings is sealed with a key
   * nobody keeps, so it is erased on arrival, as the case's erasure says.
   */
  private async sealPersonalData(caseId: string, events: CaseEvent[]): Promise<CaseEvent[]> {
    if (!events.some(hasPersonal)) return events;
    const key = (await this.keys.keyFor(caseId, { forAppend: true })) ?? randomBytes(32);
    return events.map((e) => sealEvent(e, key));
  }

  /** What `actor` may do next on the case, asked of the decider on the state as stored now (next-steps.ts), or on `state` when the caller holds it (a write's result). */
  async nextSteps(caseId: string, actor: Actor, state?: CaseState): Promise<NextStep[]> {
    return nextSteps(state ?? (await this.load(caseId)).aggregate.state, actor, this.rules.context(this.clock()));
  }

  async load(caseId: string): Promise<{ aggregate: CaseAggregate; history: RecordedEvent[] }> {
    const history = await this.store.readStream(caseStreamId(caseId));
    return { aggregate: CaseAggregate.from(history as unknown as CaseEvent[]), history };
  }

  /** Commands on one case queue up in this process, so they do not race each other; other processes still can. */
  private readonly queues = new Map<string, Promise<void>>();

  handle(message: CaseCommandMessage): Promise<CaseWriteResult> {
    return inSpan(`command ${message.command.type}`, { 'netra.command': message.command.type, 'netra.case_id': message.command.caseId }, () => this.queued(message));
  }

  private async queued(message: CaseCommandMessage): Promise<CaseWriteResult> {
    mark('bus');
    const key = message.command.caseId;
    const previous = this.queues.get(key) ?? Promise.resolve();
    const run = previous.then(() => this.decideAndAppend(message));
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(key, tail);
    try {
      return await run;
    } finally {
      if (this.queues.get(key) === tail) this.queues.delete(key);
    }
  }

  /**
   * The state of the cases this process wrote last, by stream, at the version it was appended at:
   * the next command on the case decides on it instead of reading and folding the stream again.
   * It is a guess, never the truth: the append expects that version, so the store still refuses it
   * when anyone else (another process, a write outside this repository) moved the case on, and then
   * the entry is dropped and the command decided again on the stream read afresh. A command the
   * cached state refuses (a rule, a stale `expectedVersion`, access) or an append the store answers
   * as a retry is decided again on a fresh read too, so no answer but a successful append ever rests
   * on it. Commands on one case are queued (above), so an entry changes under one command at a time.
   */
  private readonly cache = new StreamCache(CACHED_STREAMS);

  private async decideAndAppend(message: CaseCommandMessage): Promise<CaseWriteResult> {
    const { command } = message;
    const commandId = message.commandId ?? randomUUID();
    const streamId = caseStreamId(command.caseId);
    mark('queue');
    // Once the kept state failed this command (refused, conflicted, or already stored), it reads the stream.
    let useCache = true;
    for (let attempt = 1; ; attempt++) {
      const cached = useCache ? this.cache.take(streamId, commandId, command.type === 'ReportCase') : null;
      let aggregate: CaseAggregate;
      let commandIds: Set<string>;
      if (cached) {
        aggregate = CaseAggregate.fromState(cached.state);
        commandIds = cached.commandIds;
      } else {
        this.cache.drop(streamId);
        const loaded = await this.load(command.caseId);
        aggregate = loaded.aggregate;
        const { history } = loaded;
        commandIds = new Set(history.map((e) => e.metadata.commandId));
        // Before the command id and the version say anything about the case: unreadable = NOT_FOUND.
        if (command.type !== 'ReportCase') assertMayReadCase(command.actor, aggregate.state, command.caseId);
        const earlier = history.filter((e) => e.metadata.commandId === commandId);
        if (earlier.length > 0) {
          assertSameCommand(earlier[0], message);
          const last = earlier[earlier.length - 1];
          return { caseId: command.caseId, position: last.position, version: last.version, replayed: true, history };
        }
      }
      mark(cached ? 'load (kept state)' : 'load (stream read)');
      const before = aggregate.state;
      const version = before.version;
      const now = this.clock();
      try {
        if (cached && command.type !== 'ReportCase') assertMayReadCase(command.actor, before, command.caseId);
        const stale = message.expectedVersion === null ? null : staleness(before, command, message.expectedVersion);
        if (stale) throw conflict(stale, 'version.stale', { version, expected: message.expectedVersion });
        aggregate.execute(command, this.rules.context(now));
      } catch (error) {
        // Refused on a state this process kept: only the stream as stored may refuse it.
        if (cached) {
          useCache = false;
          continue;
        }
        throw error;
      }
      mark('decide');
      const decided = await this.sealPersonalData(command.caseId, aggregate.getUncommittedEvents());
      mark('seal (case key)');
      const events = decided.map((event, index) => ({
        // Per case: a client reusing its command id on another case cannot collide with the first.
        id: eventId(`${command.caseId}:${commandId}`, index),
        type: event.type,
        data: event.data as unknown as Record<string, unknown>,
        metadata: {
          commandId,
          command: command.type,
          agency: command.actor.agency,
          unit: command.actor.region,
          userId: command.actor.userId,
          // The officer's display name (token `name` claim) for the history; metadata is never logged.
          ...(command.actor.name ? { actorName: command.actor.name } : {}),
          recordedAt: now.toISOString(),
          ...requestIdMetadata(),
          ...traceMetadata(),
        },
      }));
      mark('build events');
      let result: AppendResult;
      try {
        result = await inSpan('eventStore.append', { 'netra.events': events.length, 'netra.expected_version': version }, () =>
          this.store.append(streamId, events, version === 0 ? 'no_stream' : version),
        );
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        // The case moved on without this process: read it again at once, then back off as before.
        if (cached) {
          useCache = false;
          continue;
        }
        if (attempt >= MAX_ATTEMPTS) {
          throw conflict(`the case changed ${MAX_ATTEMPTS} times while this command was decided (${error.message}); try again`, 'version.busy', { attempts: MAX_ATTEMPTS });
        }
        await pause(attempt);
        continue;
      }
      mark('append returned');
      // Already stored by another process: the fresh read answers it as a replay, after its checks.
      if (result.duplicate && cached) {
        useCache = false;
        continue;
      }
      const after = result.duplicate ? undefined : foldStored(before, decided);
      if (after) this.cache.put(streamId, after, commandIds.add(commandId));
      this.publisher.mergeObjectContext(aggregate).commit();
      mark('keep state, publish');
      // Crypto-shredding; the projection destroys the key again if we die right here.
      if (decided.some((e) => e.type === 'PersonalDataErased')) {
        await this.keys.destroy(command.caseId, now);
        await this.keys.vacuum();
      }
      return { caseId: command.caseId, position: result.position, version: result.nextVersion, replayed: result.duplicate, ...(after ? { state: after } : {}) };
    }
  }
}

/** Cases whose state a repository keeps (StreamCache); a few kB each. */
const CACHED_STREAMS = 5000;

/** A case's state as this process appended it, and the command ids it holds (a retry of one is answered from the stream). */
interface CachedStream {
  state: CaseState;
  commandIds: Set<string>;
}

/**
 * Least recently used first out. `take` removes the entry it returns: it is put back only after the
 * append it is decided on succeeds, so a failure of any kind (refusal, conflict, lost connection)
 * leaves nothing behind and the next command reads the stream.
 */
class StreamCache {
  private readonly entries = new Map<string, CachedStream>();

  constructor(private readonly capacity: number) {}

  /**
   * The state to decide on without reading the stream, or null to read it: no entry, or the command
   * id is in the case already (a retry, answered from the stream). A case being reported has no
   * stream yet (its id comes from the command id): it starts empty, and the append's `no_stream`
   * says if it was not.
   */
  take(streamId: string, commandId: string, reporting: boolean): CachedStream | null {
    const entry = this.entries.get(streamId);
    this.entries.delete(streamId);
    if (entry) return entry.commandIds.has(commandId) ? null : entry;
    return reporting ? { state: initialState(), commandIds: new Set() } : null;
  }

  put(streamId: string, state: CaseState, commandIds: Set<string>): void {
    this.entries.delete(streamId);
    this.entries.set(streamId, { state, commandIds });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  drop(streamId: string): void {
    this.entries.delete(streamId);
  }
}

/** The state a read of the stream would fold: the appended events as stored (sealed, after a JSON round trip). */
function foldStored(before: CaseState, decided: readonly CaseEvent[]): CaseState {
  return fold(JSON.parse(JSON.stringify(decided.map(({ type, data }) => ({ type, data })))) as CaseEvent[], before);
}

/** A retry must be the same command from the same caller; anything else reusing the id is refused. */
function assertSameCommand(first: RecordedEvent, message: CaseCommandMessage): void {
  const { actor, type } = message.command;
  const meta = first.metadata;
  if (meta.agency !== actor.agency || (meta.unit ?? null) !== actor.region || meta.userId !== actor.userId) {
    throw forbidden('this commandId was used by another caller; use a new commandId', 'command.otherCaller');
  }
  if (meta.command !== undefined && meta.command !== type) {
    throw conflict(`this commandId was already used for ${String(meta.command)}; use a new commandId`, 'command.reused', { command: String(meta.command) });
  }
}

/** The HTTP request that caused the command, so an operator can follow one request from its log line to its events. */
function requestIdMetadata(): { requestId?: string } {
  const requestId = currentRequestId();
  return requestId ? { requestId } : {};
}

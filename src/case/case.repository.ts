import { Inject, Injectable } from '@nestjs/common';
import { EventPublisher } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { eventId } from '../event-store/event-id';
import { EVENT_STORE, WrongExpectedVersionError, type EventStore, type RecordedEvent } from '../event-store/event-store';
import { KEY_STORE, KeyStore } from '../privacy/key-store';
import { sealCaseReported } from '../privacy/personal-data';
import { conflict, forbidden } from './case-error';
import { caseStreamId, type CaseEvent } from './case-events';
import type { CaseCommandMessage, CaseWriteResult } from './case-command';
import { CaseAggregate } from './case.aggregate';
import { CaseRules } from './case-rules.service';
import { currentRequestId } from '../observability/request-context';
import { inSpan, traceMetadata } from '../observability/tracing';

const MAX_ATTEMPTS = 5;

/**
 * Load, fold, decide, append with the expected version. A concurrent writer that got there first
 * makes us decide again on the new state (unless the caller pinned `expectedVersion`: then CONFLICT).
 */
@Injectable()
export class CaseRepository {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly rules: CaseRules,
    private readonly publisher: EventPublisher,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
  ) {}

  /** Reporter identity and NIPs leave the process only sealed with the case's data key. */
  private async sealPersonalData(caseId: string, events: CaseEvent[]): Promise<CaseEvent[]> {
    if (!events.some((e) => e.type === 'CaseReported')) return events;
    const key = await this.keys.keyFor(caseId);
    if (!key) throw new Error(`the data key of case ${caseId} was destroyed`);
    return events.map((e) => (e.type === 'CaseReported' ? sealCaseReported(e, key) : e));
  }

  async load(caseId: string): Promise<{ aggregate: CaseAggregate; history: RecordedEvent[] }> {
    const history = await this.store.readStream(caseStreamId(caseId));
    return { aggregate: CaseAggregate.from(history as unknown as CaseEvent[]), history };
  }

  handle(message: CaseCommandMessage): Promise<CaseWriteResult> {
    return inSpan(`command ${message.command.type}`, { 'netra.command': message.command.type, 'netra.case_id': message.command.caseId }, () => this.decideAndAppend(message));
  }

  private async decideAndAppend(message: CaseCommandMessage): Promise<CaseWriteResult> {
    const { command } = message;
    const commandId = message.commandId ?? randomUUID();
    for (let attempt = 1; ; attempt++) {
      const { aggregate, history } = await this.load(command.caseId);
      const earlier = history.filter((e) => e.metadata.commandId === commandId);
      if (earlier.length > 0) {
        assertSameCommand(earlier[0], message);
        const last = earlier[earlier.length - 1];
        return { caseId: command.caseId, position: last.position, version: last.version, replayed: true, history };
      }
      const version = aggregate.state.version;
      if (message.expectedVersion !== null && message.expectedVersion !== version) {
        throw conflict(`the case is at version ${version}, not ${message.expectedVersion}: it moved on; reload it`);
      }
      const now = new Date();
      aggregate.execute(command, this.rules.context(now));
      const decided = await this.sealPersonalData(command.caseId, aggregate.getUncommittedEvents());
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
          recordedAt: now.toISOString(),
          ...requestIdMetadata(),
          ...traceMetadata(),
        },
      }));
      try {
        const result = await inSpan('eventStore.append', { 'netra.events': events.length, 'netra.expected_version': version }, () =>
          this.store.append(caseStreamId(command.caseId), events, version === 0 ? 'no_stream' : version),
        );
        this.publisher.mergeObjectContext(aggregate).commit();
        // Crypto-shredding; the projection destroys the key again if we die right here.
        if (decided.some((e) => e.type === 'PersonalDataErased')) await this.keys.destroy(command.caseId, now);
        return { caseId: command.caseId, position: result.position, version: result.nextVersion, replayed: result.duplicate };
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        if (message.expectedVersion !== null || attempt >= MAX_ATTEMPTS) {
          throw conflict(`the case changed while this command was decided (${error.message}); try again`);
        }
      }
    }
  }
}

/** A retry must be the same command from the same caller; anything else reusing the id is refused. */
function assertSameCommand(first: RecordedEvent, message: CaseCommandMessage): void {
  const { actor, type } = message.command;
  const meta = first.metadata;
  if (meta.agency !== actor.agency || (meta.unit ?? null) !== actor.region || meta.userId !== actor.userId) {
    throw forbidden('this commandId was used by another caller; use a new commandId');
  }
  if (meta.command !== undefined && meta.command !== type) {
    throw conflict(`this commandId was already used for ${String(meta.command)}; use a new commandId`);
  }
}

/** The HTTP request that caused the command, so an operator can follow one request from its log line to its events. */
function requestIdMetadata(): { requestId?: string } {
  const requestId = currentRequestId();
  return requestId ? { requestId } : {};
}

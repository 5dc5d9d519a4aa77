import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '../config/clock';
import type { Actor } from '../case/decide-context';
import type { SummaryDimension } from './models/summary.model';
import { CaseReader } from './queries/case-reader';
import { readSource } from './queries/read-source';
import type { CaseFilter, FollowUpFilter } from './queries/filters.input';
import { FollowUpSummaryReader } from './queries/follow-up-summary';

/** The read side on the QueryBus, so GraphQL and gRPC ask the same questions the same way. */

/** `asOf`, where given, asks what the answer was at that instant (from the history); absent = now. */

export class GetCaseQuery {
  constructor(readonly id: string, readonly actor: Actor, readonly asOf?: Date | null) {}
}
export class ListCasesQuery {
  constructor(
    readonly filter: CaseFilter | undefined,
    readonly first: number,
    readonly after: string | undefined,
    readonly actor: Actor,
    readonly asOf?: Date | null,
  ) {}
}
export class ListFollowUpsQuery {
  constructor(
    readonly filter: FollowUpFilter | undefined,
    readonly first: number,
    readonly after: string | undefined,
    readonly actor: Actor,
    readonly asOf?: Date | null,
  ) {}
}
export class FollowUpSummaryQuery {
  constructor(
    readonly groupBy: SummaryDimension[],
    readonly filter: FollowUpFilter | undefined,
    readonly actor: Actor | null,
    readonly asOf?: Date | null,
    /** Aborted when the client goes away: the read stops. */
    readonly signal?: AbortSignal,
  ) {}
}

@QueryHandler(GetCaseQuery)
export class GetCaseHandler implements IQueryHandler<GetCaseQuery> {
  constructor(private readonly reader: CaseReader) {}
  execute(q: GetCaseQuery) {
    return this.reader.case(q.id, q.actor, q.asOf);
  }
}

@QueryHandler(ListCasesQuery)
export class ListCasesHandler implements IQueryHandler<ListCasesQuery> {
  constructor(private readonly reader: CaseReader, @Inject(CLOCK) private readonly clock: Clock) {}
  execute(q: ListCasesQuery) {
    return this.reader.cases(q.filter, q.first, q.after, q.actor, readSource(q.asOf, this.clock()));
  }
}

@QueryHandler(ListFollowUpsQuery)
export class ListFollowUpsHandler implements IQueryHandler<ListFollowUpsQuery> {
  constructor(private readonly reader: CaseReader, @Inject(CLOCK) private readonly clock: Clock) {}
  execute(q: ListFollowUpsQuery) {
    return this.reader.followUps(q.filter, q.first, q.after, q.actor, readSource(q.asOf, this.clock()));
  }
}

@QueryHandler(FollowUpSummaryQuery)
export class FollowUpSummaryHandler implements IQueryHandler<FollowUpSummaryQuery> {
  constructor(private readonly reader: FollowUpSummaryReader, @Inject(CLOCK) private readonly clock: Clock) {}
  execute(q: FollowUpSummaryQuery) {
    return this.reader.summary(q.groupBy, q.filter, q.actor, readSource(q.asOf, this.clock()), 'filter.', q.signal);
  }
}

export const OVERSIGHT_QUERY_HANDLERS = [GetCaseHandler, ListCasesHandler, ListFollowUpsHandler, FollowUpSummaryHandler];

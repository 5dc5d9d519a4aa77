import { Controller, UseFilters } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { Metadata, ServerWritableStream } from '@grpc/grpc-js';
import type { Observable } from 'rxjs';
import { AuthService, requireActor } from '../auth/auth.service';
import type { CaseCommandMessage } from '../case/case-command';
import { CaseMutations } from '../api/case-mutations.service';
import type { Actor } from '../case/decide-context';
import { EventWatchService, type FeedMessage } from './event-watch.service';
import { GrpcErrorFilter } from './grpc-errors';
import { fromProto, toProto } from './grpc-enums';
import { CalendarRecount } from '../case/calendar/calendar-recount.service';
import { CalendarService } from '../case/calendar/calendar.service';
import { GrpcInboxReads } from './grpc-inbox-reads';
import { GrpcReads } from './grpc-reads';
import { isGrpcStepMethod, type GrpcStepMethod } from './grpc-step';
import { stepFiles } from '../api/step-files';
import { caseMessage } from './grpc-responses';
import { assertSafeText } from '../api/text-safety';

type Request = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * netra.v1.CaseWorkflow: the gRPC face of the same CommandBus and QueryBus GraphQL uses. Each
 * handler authenticates from the `authorization` metadata, maps the request, and answers the case
 * as the read model shows it after the write. The steps' methods are their folders' `*.grpc.ts`
 * (served below, for every one found), so a new step adds no method here.
 */
@Controller()
@UseFilters(GrpcErrorFilter)
export class CaseWorkflowController {
  constructor(
    private readonly auth: AuthService,
    private readonly mutations: CaseMutations,
    private readonly reads: GrpcReads,
    private readonly watches: EventWatchService,
    private readonly calendar: CalendarService,
    private readonly recount: CalendarRecount,
    private readonly inboxReads: GrpcInboxReads,
  ) {}

  @GrpcMethod('CaseWorkflow', 'PublishCalendar')
  async publishCalendar(request: Request, metadata: Metadata) {
    const actor = await this.actor(metadata, request);
    // The decider checks the year field by field, as it does for GraphQL (names like `holidays[2].date`).
    const input = {
      year: request.year,
      status: fromProto('CalendarStatus', request.status),
      legalBasis: request.legalBasis ? { decree: request.legalBasis.decree, signedAt: request.legalBasis.signedAt ?? null, source: request.legalBasis.source } : undefined,
      holidays: (request.holidays ?? []).map((h: Request) => ({ date: h.date, name: h.name, kind: fromProto('HolidayKind', h.kind) })),
    };
    const { event, replayed } = await this.calendar.publish(actor, input, request.commandId || null);
    const counted = await this.recount.year(event.data.year, `${event.data.year}:${event.data.publishedAt}`);
    return {
      year: event.data.year,
      status: toProto('CalendarStatus', event.data.status),
      publishedAt: event.data.publishedAt,
      recomputedDueTimes: counted.recomputed,
      withdrawnOverdueRecords: counted.withdrawn,
      replayed,
    };
  }

  @GrpcMethod('CaseWorkflow', 'GetCase')
  async getCase(request: Request, metadata: Metadata) {
    const actor = await this.actor(metadata, request);
    return { case: caseMessage(await this.reads.case(request.caseId, actor, request.asOf)) };
  }

  @GrpcMethod('CaseWorkflow', 'ListFollowUps')
  async listFollowUps(request: Request, metadata: Metadata) {
    return this.reads.followUps(request, await this.actor(metadata, request));
  }

  @GrpcMethod('CaseWorkflow', 'SearchCases')
  async searchCases(request: Request, metadata: Metadata) {
    return this.reads.search(request, await this.actor(metadata, request));
  }

  @GrpcMethod('CaseWorkflow', 'ListInbox')
  async listInbox(request: Request, metadata: Metadata) {
    return this.inboxReads.listInbox(request, await this.actor(metadata, request));
  }

  @GrpcMethod('CaseWorkflow', 'ListDocuments')
  async listDocuments(request: Request, metadata: Metadata) {
    return this.inboxReads.listDocuments(request, await this.actor(metadata, request));
  }

  @GrpcMethod('CaseWorkflow', 'WatchEvents')
  async watchEvents(request: Request, metadata: Metadata, call: ServerWritableStream<unknown, unknown>): Promise<Observable<FeedMessage>> {
    return this.watches.watch(await this.actor(metadata, request), request.afterPosition, call);
  }

  /** A step's method: the caller, the request mapped to the step's command, the case after the write. */
  step(step: GrpcStepMethod, request: Request, metadata: Metadata) {
    return this.command(request, metadata, (actor) => step.request(request, actor));
  }

  private async command(request: Request, metadata: Metadata, build: (actor: Actor) => Promise<CaseCommandMessage>) {
    const actor = await this.actor(metadata, request);
    const view = await this.mutations.execute(await build(actor));
    return { case: caseMessage(await this.reads.complete(view, actor, 'grpc:command')) };
  }

  /** The caller, then the request's text checked (NUL, unpaired surrogates, bidi controls: INVALID_ARGUMENT naming the field). */
  private async actor(metadata: Metadata, request: Request): Promise<Actor> {
    const [authorization] = metadata.get('authorization');
    const actor = requireActor(await this.auth.actorFrom(typeof authorization === 'string' ? authorization : undefined));
    assertSafeText(request, '');
    return actor;
  }
}

// Each step folder's gRPC method, served as if written above (a method named after it, lower camel case).
for (const step of stepFiles('grpc').flatMap((exports) => Object.values(exports).filter(isGrpcStepMethod))) {
  const name = step.method.charAt(0).toLowerCase() + step.method.slice(1);
  const descriptor: PropertyDescriptor = {
    value: function (this: CaseWorkflowController, request: Request, metadata: Metadata) {
      return this.step(step, request, metadata);
    },
    writable: true,
    configurable: true,
  };
  Object.defineProperty(CaseWorkflowController.prototype, name, descriptor);
  GrpcMethod('CaseWorkflow', step.method)(CaseWorkflowController.prototype, name, descriptor);
}

import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { AccessAudit } from '../audit/access-audit';
import { newRequestKey, respondentReads } from '../audit/personal-fields';
import { isUUID } from '../security/input-rules';
import { badInput, CaseError, notFound } from '../case/case-error';
import type { Actor } from '../case/decide-context';
import { parseInstant } from '../case/validation/dates';
import type { CaseView } from '../oversight/models/case.model';
import type { FollowUpConnection } from '../oversight/models/connections.model';
import { GetCaseQuery, ListFollowUpsQuery } from '../oversight/oversight.queries';
import type { CaseSummaryView } from '../oversight/queries/case-reader';
import { CaseReader } from '../oversight/queries/case-reader';
import { checkedFollowUpFilter } from '../oversight/queries/checked-filter';
import type { FollowUpFilter } from '../oversight/queries/filters.input';
import { ReporterReader } from '../oversight/reporter-reader';
import { TimelineReader } from '../oversight/queries/timeline-reader';
import type { SearchPage } from '../oversight/search/case-search';
import { recordPersonalMatches } from '../audit/search-matches';
import { SearchCasesQuery } from '../oversight/search/search.query';
import { fromProto, listToProto } from './grpc-enums';
import { caseMessage, followUpMessage, type FullCaseView } from './grpc-responses';

type Request = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const DEFAULT_PAGE = 20;

/** The read side for gRPC, through the same QueryBus queries as GraphQL; a case comes whole (respondents, timeline, reporter). */
@Injectable()
export class GrpcReads {
  constructor(
    private readonly queries: QueryBus,
    private readonly reader: CaseReader,
    private readonly reporters: ReporterReader,
    private readonly timelines: TimelineReader,
    private readonly audit: AccessAudit,
  ) {}

  async case(caseId: string | undefined, actor: Actor, asOf?: string | null): Promise<FullCaseView> {
    if (!caseId || !isUUID(caseId, 'all')) throw badInput('caseId', 'must be a case id (UUID)', 'grpc.caseId');
    const view = await this.queries.execute<GetCaseQuery, CaseSummaryView | null>(new GetCaseQuery(caseId, actor, instantOf(asOf)));
    // Outside the caller's region looks exactly like no case at all.
    if (!view) throw notFound(`no case ${caseId}`, 'case.notFound');
    return this.complete(view, actor, 'grpc:GetCase');
  }

  /** Adds what GraphQL resolves lazily; the reporter only for the handling Bawaslu unit. The personal fields it carries go to the access audit. */
  async complete(view: CaseSummaryView | CaseView, actor: Actor, via: string): Promise<FullCaseView> {
    const full = view as Partial<CaseView> & CaseSummaryView;
    const [respondents, timeline, reporter] = await Promise.all([
      full.respondents ?? this.reader.respondents(view.id, full.asOf, actor),
      full.timeline ?? this.timelines.timeline(view.id, view.handlingUnit, full.asOf, actor),
      this.reporters.reporter(view.id, view.handlingUnit, actor),
    ]);
    const request = newRequestKey();
    for (const read of respondentReads(actor, via, request, respondents)) this.audit.record(read);
    if (reporter) {
      const fields = (['name', 'address', 'phone', 'email'] as const).filter((f) => reporter[f] !== null).map((f) => `reporter.${f}`);
      this.audit.record({ actor, via, request, caseId: view.id, respondentId: null, fields });
    }
    return { ...view, respondents, timeline, reporter };
  }

  async followUps(request: Request, actor: Actor) {
    const pageSize = request.pageSize ?? 0;
    if (!Number.isInteger(pageSize) || pageSize < 0 || pageSize > 100) throw badInput('pageSize', 'must be between 1 and 100 (0 means 20)', 'page.size', { minimum: 1, maximum: 100 });
    const filter = await filterOf(request.filter ?? {});
    let page: FollowUpConnection;
    try {
      page = await this.queries.execute<ListFollowUpsQuery, FollowUpConnection>(
        new ListFollowUpsQuery(filter, pageSize || DEFAULT_PAGE, request.pageToken || undefined, actor, instantOf(request.asOf)),
      );
    } catch (error) {
      if (error instanceof CaseError && error.field === 'after') throw badInput('pageToken', 'is not a token this query returned', 'page.cursor');
      throw error;
    }
    const call = newRequestKey();
    for (const read of respondentReads(actor, 'grpc:ListFollowUps', call, page.edges.map((e) => e.node))) this.audit.record(read);
    return {
      followUps: page.edges.map((edge) => followUpMessage(edge.node)),
      nextPageToken: page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? '') : '',
      totalCount: page.totalCount,
    };
  }

  /** A page of cases found by `query` (GraphQL `search`), each case whole, as GetCase answers it. */
  async search(request: Request, actor: Actor) {
    const pageSize = request.pageSize ?? 0;
    if (!Number.isInteger(pageSize) || pageSize < 0 || pageSize > 100) throw badInput('pageSize', 'must be between 1 and 100 (0 means 20)', 'page.size', { minimum: 1, maximum: 100 });
    let page: SearchPage;
    try {
      page = await this.queries.execute<SearchCasesQuery, SearchPage>(new SearchCasesQuery(request.query ?? '', pageSize || DEFAULT_PAGE, request.pageToken || undefined, actor));
    } catch (error) {
      if (error instanceof CaseError && error.field === 'after') throw badInput('pageToken', 'is not a token this query returned', 'page.cursor');
      throw error;
    }
    recordPersonalMatches(this.audit, actor, 'grpc:SearchCases', newRequestKey(), page);
    const hits = [];
    for (const edge of page.edges) {
      hits.push({
        case: caseMessage(await this.complete(edge.node, actor, 'grpc:SearchCases')),
        matchedOn: listToProto('SearchKey', edge.matchedOn),
        respondentIds: edge.respondentIds,
        score: edge.score,
      });
    }
    return { hits, nextPageToken: page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? '') : '', totalCount: page.totalCount };
  }
}

/** `as_of` read with the same rules as every other instant; empty or unset means now. */
function instantOf(value: string | null | undefined): Date | null {
  return value ? parseInstant(value, 'asOf') : null;
}

/** GraphQL's FollowUpFilter from the proto one, checked by the same rules; fields named `filter.…`. */
async function filterOf(f: Request): Promise<FollowUpFilter> {
  const date = (value: string | undefined, field: string) => (value ? parseInstant(value, `filter.${field}`) : undefined);
  const plain = {
    electionKind: fromProto('ElectionKind', f.electionKind),
    electionYear: f.electionYear,
    regionPrefix: f.regionPrefix,
    violation: fromProto('ViolationCode', f.violation),
    waitingOn: fromProto('Agency', f.waitingOn),
    overdue: f.overdue,
    respondentNip: f.respondentNip,
    receivedFrom: date(f.receivedFrom, 'receivedFrom'),
    receivedTo: date(f.receivedTo, 'receivedTo'),
    stage: fromProto('RespondentStage', f.stage),
    followUpStatus: fromProto('FollowUpStatus', f.followUpStatus),
    ppkRegionPrefix: f.ppkRegionPrefix,
    caseId: f.caseId,
  };
  return checkedFollowUpFilter(plain, 'filter.');
}

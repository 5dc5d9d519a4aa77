import fc from 'fast-check';
import { status } from '@grpc/grpc-js';
import { CaseWorkflowClient, BAWASLU_LUBUK_LINGGAU, OVERSIGHT, aLaporan as aProtoLaporan, refusal } from '../grpc/grpc-client';
import { download, tokenFor } from '../oversight/exports-support';
import { startTestNetra, type RunningNetra } from '../support/netra-app';
import { UNSAFE_TEXT } from './malformed-values';
import { appendedSince, codesOf, post, storeHead } from './security-support';

/**
 * NUL, unpaired surrogates and bidi controls in every string argument of the read paths — GraphQL
 * query arguments and filters (with and without a token), export query parameters, gRPC requests —
 * and in the text of mutations over gRPC: BAD_USER_INPUT / INVALID_ARGUMENT naming the field, never
 * an internal error, nothing appended. (GraphQL mutations are in malformed-input.e2e-spec.ts.)
 */

const RUNS = { numRuns: 12 };
/** gRPC names fields as the proto does: snake_case. */
const snake = (path: string) => path.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const FILTER_TEXT = ['regionPrefix', 'respondentNip', 'ppkRegionPrefix', 'caseId', 'receivedFromMonth', 'receivedToMonth'];

describe('invalid text on every read path and over gRPC', () => {
  let netra: RunningNetra;
  let oversight: string;
  let grpc: CaseWorkflowClient;

  beforeAll(async () => {
    netra = await startTestNetra({ ANONYMOUS_RATE_LIMIT_PER_MINUTE: '1000000' });
    oversight = await tokenFor('OVERSIGHT');
    grpc = new CaseWorkflowClient(netra.grpcAddress);
  }, 300_000);
  afterAll(async () => {
    grpc?.close();
    await netra?.close();
  });

  it('a case id with NUL, a surrogate or a bidi control is BAD_USER_INPUT naming id, not an internal error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uuid(), UNSAFE_TEXT, async (id, text) => {
        const answer = await post(netra.url, { query: 'query($id: ID!) { case(id: $id) { id } }', variables: { id: `${id}${text}` } }, oversight);
        expect(codesOf(answer)).toEqual(['BAD_USER_INPUT']);
        expect(answer.body?.errors?.[0].extensions?.field).toBe('id');
      }),
      RUNS,
    );
  });

  it.each([
    ['cases', 'query($filter: CaseFilter) { cases(filter: $filter) { totalCount } }', ['regionPrefix', 'respondentNip', 'receivedFromMonth']],
    ['followUps', 'query($filter: FollowUpFilter) { followUps(filter: $filter) { totalCount } }', FILTER_TEXT],
    ['followUpSummary', 'query($filter: FollowUpFilter) { followUpSummary(filter: $filter) { position } }', FILTER_TEXT],
  ])('every text filter of %s refuses it, naming filter.<field>, with a token and without', async (name, query, fields) => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields), UNSAFE_TEXT, fc.boolean(), async (field, text, anonymous) => {
        const token = anonymous && name === 'followUpSummary' ? null : oversight;
        const answer = await post(netra.url, { query, variables: { filter: { [field]: `16${text}` } } }, token);
        expect(codesOf(answer)).toEqual(['BAD_USER_INPUT']);
        expect(answer.body?.errors?.[0].extensions?.field).toBe(`filter.${field}`);
      }),
      RUNS,
    );
  });

  it('every text parameter of the exports refuses it with 400 naming the parameter, and never answers 500', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('follow-ups.csv', 'follow-ups.json', 'summary.csv', 'summary.json'),
        fc.constantFrom(...FILTER_TEXT, 'electionKind', 'stage', 'groupBy', 'asOf', 'headers'),
        UNSAFE_TEXT,
        fc.boolean(),
        async (path, parameter, text, anonymous) => {
          if (path.startsWith('summary') === false && parameter === 'groupBy') return;
          const file = await download(netra, `/exports/${path}`, { [parameter]: text }, anonymous && path.startsWith('summary') ? undefined : oversight);
          expect(file.status).toBe(400);
          expect(JSON.parse(file.text)).toMatchObject({ code: 'BAD_USER_INPUT', field: parameter });
        },
      ),
      RUNS,
    );
  });

  it('gRPC reads refuse it with INVALID_ARGUMENT naming the field', async () => {
    await fc.assert(
      fc.asyncProperty(UNSAFE_TEXT.filter((t) => !/[\uD800-\uDFFF]/.test(t)), fc.constantFrom('regionPrefix', 'respondentNip', 'caseId', 'ppkRegionPrefix'), async (text, field) => {
        const byId = await refusal(grpc.call('GetCase', { caseId: `00000000-0000-4000-8000-000000000000${text}` }, OVERSIGHT));
        expect([byId.code, byId.field]).toEqual([status.INVALID_ARGUMENT, 'case_id']);
        const listed = await refusal(grpc.call('ListFollowUps', { filter: { [field]: `16${text}` } }, OVERSIGHT));
        expect([listed.code, listed.field]).toEqual([status.INVALID_ARGUMENT, `filter.${snake(field)}`]);
      }),
      RUNS,
    );
  });

  it('gRPC mutations refuse it in any text of the request and append nothing', async () => {
    const head = await storeHead(netra);
    await fc.assert(
      fc.asyncProperty(UNSAFE_TEXT.filter((t) => !/[\uD800-\uDFFF]/.test(t)), fc.constantFrom('name', 'position', 'institution'), async (text, field) => {
        const laporan = aProtoLaporan();
        const respondents = laporan.respondents as Array<Record<string, unknown>>;
        respondents[1] = { ...respondents[1], [field]: `Dewi ${text}` };
        const refused = await refusal(grpc.call('ReportCase', laporan, BAWASLU_LUBUK_LINGGAU));
        expect([refused.code, refused.field]).toEqual([status.INVALID_ARGUMENT, `respondents[1].${snake(field)}`]);
      }),
      RUNS,
    );
    expect(await appendedSince(netra, head)).toEqual([]);
  });
});

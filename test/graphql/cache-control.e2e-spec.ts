import { GraphQLSchemaHost } from '@nestjs/graphql';
import { signDevToken } from '../../src/auth/dev-token';
import { REPORT_CASE, aLaporan } from '../e2e/fixtures';
import { startTestNetra, TEST_SECRET, type RunningNetra } from '../support/netra-app';

/**
 * Apollo's default cache-control plugin is replaced by graphql/no-store.plugin.ts: answers carry the
 * same `Cache-Control: no-store`, and no plugin hooks into every field any more, so Apollo leaves the
 * schema's resolvers unwrapped (the hook was ~5 % of the server's CPU on a case as the console reads it).
 */
describe('GraphQL answers are not cacheable, without a hook on every field', () => {
  let netra: RunningNetra;
  let token: string;
  beforeAll(async () => {
    netra = await startTestNetra();
    token = await signDevToken(TEST_SECRET, { sub: 'bawaslu-1673', agency: 'BAWASLU', region: '16.73' });
  });
  afterAll(() => netra.close());

  const post = (body: object, headers: Record<string, string> = {}) =>
    fetch(netra.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers }, body: JSON.stringify(body) });

  it('a mutation, a read with a token and a refused request each answer Cache-Control: no-store', async () => {
    const mutation = await post({ query: REPORT_CASE.toString(), variables: { input: aLaporan() } });
    const body = (await mutation.json()) as { data: { reportCase: { id: string } } };
    const read = await post({ query: 'query C($id: ID!) { case(id: $id) { id version respondents { name } } }', variables: { id: body.data.reportCase.id } });
    const refused = await post({ query: '{ case(id: "x") { nope } }' });
    expect([mutation.status, read.status, refused.status]).toEqual([200, 200, 400]);
    for (const answer of [mutation, read, refused]) expect(answer.headers.get('cache-control')).toBe('no-store');
  });

  it("after answering, the schema's field resolvers are still the resolvers Nest built (Apollo wrapped none)", async () => {
    await post({ query: '{ me { agency } }' });
    const { schema } = netra.app.get(GraphQLSchemaHost);
    const wrapped = Object.getOwnPropertySymbols(schema).map((s) => s.description);
    expect(wrapped).not.toContain('apolloServerPluginsEnabled');
  });
});

import { getIntrospectionQuery } from 'graphql';
import { AuthService } from '../../src/auth/auth.service';
import { signDevToken } from '../../src/auth/dev-token';
import { loadConfig } from '../../src/config/config';
import { MAX_QUERY_COST, MAX_QUERY_DEPTH, MAX_QUERY_TOKENS } from '../../src/graphql/query-limits';
import { READ_DB, type ReadDb } from '../../src/storage/read-db';
import { FULL_CASE } from '../e2e/case-steps';
import { aLaporan } from '../e2e/fixtures';
import { startTestNetra, TEST_SECRET, type RunningNetra } from '../support/netra-app';
import { appendedSince, codesOf, leaksOf, post, storeHead, storeOf } from './security-support';

const REPORT = `mutation($input: ReportCaseInput!) { reportCase(input: $input) { id version } }`;
const tokenFor = (agency: string, region: string | null, sub = `${agency}-${region ?? 'national'}`) =>
  signDevToken(TEST_SECRET, { sub, agency: agency as never, region });

describe('hardening the GraphQL endpoint', () => {
  let netra: RunningNetra;
  let oversight: string;
  let bawaslu: string;

  beforeAll(async () => {
    netra = await startTestNetra({ MUTATION_RATE_LIMIT_PER_MINUTE: '100000' });
    oversight = await tokenFor('OVERSIGHT', null);
    bawaslu = await tokenFor('BAWASLU', '16.73');
  });
  afterAll(() => netra.close());

  describe('query depth', () => {
    // Netra's schema has no cycles today (the deepest valid query is 5 levels); the rule guards
    // against any that come, and its arithmetic is tested on a cyclic schema in query-limits.spec.ts.
    it(`a query nested deeper than ${MAX_QUERY_DEPTH} levels is refused before it runs`, async () => {
      const query = `query deep { cases { edges { node { respondents { ppk { a { b { c { d { e { f { g } } } } } } } } } } } }`;
      const answer = await post(netra.url, { query }, oversight);
      expect(answer.status).toBe(400);
      expect(new Set(codesOf(answer))).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));
      expect(answer.body?.errors?.map((e) => e.message)).toContain(`operation deep is nested 11 levels deep; the limit is ${MAX_QUERY_DEPTH}`);
      expect(answer.body?.data).toBeUndefined();
    });

    it('a query thousands of levels deep is refused by the parser, without a trace of the inside', async () => {
      const query = `{${'cases{'.repeat(20_000)}id${'}'.repeat(20_000)}}`;
      const answer = await post(netra.url, { query }, oversight);
      expect(answer.status).toBe(400);
      expect(codesOf(answer)).toEqual(['GRAPHQL_PARSE_FAILED']);
      expect(leaksOf(answer)).toEqual([]);
    });

    it('introspection keeps working: the standard introspection query runs', async () => {
      const answer = await post(netra.url, { query: getIntrospectionQuery() }, null);
      expect(answer.body?.errors).toBeUndefined();
      expect((answer.body?.data as { __schema: unknown }).__schema).toBeDefined();
    });
  });

  describe('query cost', () => {
    it('a wide aliased query is refused, naming its estimated cost and the budget', async () => {
      const aliases = Array.from({ length: 300 }, (_, i) => `a${i}: followUps(first: 100) { edges { node { id name nip } } }`);
      const answer = await post(netra.url, { query: `query wide { ${aliases.join(' ')} }` }, oversight);
      expect(answer.status).toBe(400);
      expect(codesOf(answer)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(answer.body?.errors?.[0].message).toMatch(new RegExp(`^operation wide would resolve about \\d+ fields; the limit is ${MAX_QUERY_COST}`));
    });

    it(`a document of more than ${MAX_QUERY_TOKENS} tokens is not even parsed`, async () => {
      const aliases = Array.from({ length: MAX_QUERY_COST }, (_, i) => `t${i}: __typename`);
      const answer = await post(netra.url, { query: `{ ${aliases.join(' ')} }` }, oversight);
      expect(codesOf(answer)).toEqual(['GRAPHQL_PARSE_FAILED']);
      // graphql-js spells it "more that".
      expect(answer.body?.errors?.[0].message).toMatch(new RegExp(`more tha[nt] ${MAX_QUERY_TOKENS} tokens`));
    });

    it('a page size given as a variable is costed at the largest page', async () => {
      const query = `query pages($n: Int!) { ${Array.from({ length: 3 }, (_, i) => `p${i}: cases(first: $n) { edges { node { ...FullCase } } }`).join(' ')} } ${FULL_CASE}`;
      const answer = await post(netra.url, { query, variables: { n: 1 } }, oversight);
      expect(codesOf(answer)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    });

    it('the heaviest page an officer asks for — 100 cases with every field — runs', async () => {
      const query = `query($n: Int!) { cases(first: $n) { totalCount edges { node { ...FullCase } } } } ${FULL_CASE}`;
      const answer = await post(netra.url, { query, variables: { n: 100 } }, oversight);
      expect(answer.body?.errors).toBeUndefined();
    });

    it('a wide aliased mutation is refused before any of it runs', async () => {
      const head = await storeHead(netra);
      const aliases = Array.from({ length: 700 }, (_, i) => `r${i}: reportCase(input: $input) { id respondents { name nip stage } timeline { version type description } }`);
      const answer = await post(netra.url, { query: `mutation many($input: ReportCaseInput!) { ${aliases.join(' ')} }`, variables: { input: aLaporan() } }, bawaslu);
      expect(codesOf(answer)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(await appendedSince(netra, head)).toEqual([]);
    });
  });

  describe('request body size', () => {
    it('a body over 1 MB is refused with 413 and appends nothing', async () => {
      const head = await storeHead(netra);
      const input = aLaporan({ summary: 'x'.repeat(1024 * 1024 + 1) });
      const answer = await post(netra.url, { query: REPORT, variables: { input } }, bawaslu);
      expect(answer.status).toBe(413);
      expect(leaksOf(answer)).toEqual([]);
      expect(answer.text).not.toMatch(/at \S+ \(|node_modules|raw-body|body-parser/);
      expect(await appendedSince(netra, head)).toEqual([]);
    });

    it('a body just under it is read (and refused on its merits: the summary is too long)', async () => {
      const head = await storeHead(netra);
      const input = aLaporan({ summary: 'x'.repeat(1000 * 1000) });
      const answer = await post(netra.url, { query: REPORT, variables: { input } }, bawaslu);
      expect(answer.status).toBe(200);
      expect(codesOf(answer)).toEqual(['BAD_USER_INPUT']);
      expect(await appendedSince(netra, head)).toEqual([]);
    });
  });

  describe('failures inside Netra', () => {
    const SQL_FAILURE = () =>
      Object.assign(new Error('relation "rm_cases" does not exist: SELECT c.* FROM rm_cases c WHERE c.id = $1 at /work/main/src/oversight/queries/case-reader.ts:24:5'), {
        code: '42P01',
      });

    it('a read-model failure answers a bare INTERNAL_SERVER_ERROR: no SQL, no stack, no path', async () => {
      const db = netra.app.get<symbol, ReadDb>(READ_DB);
      const spy = jest.spyOn(db, 'execute').mockRejectedValueOnce(SQL_FAILURE());
      try {
        const answer = await post(netra.url, { query: '{ cases(first: 5) { totalCount } }' }, oversight);
        expect(codesOf(answer)).toEqual(['INTERNAL_SERVER_ERROR']);
        expect(answer.body?.errors?.[0].message).toBe('Internal error; it has been logged');
        expect(leaksOf(answer)).toEqual([]);
        expect(answer.text).not.toContain('rm_cases');
      } finally {
        spy.mockRestore();
      }
    });

    it('an event-store failure during a write answers the same and appends nothing', async () => {
      const head = await storeHead(netra);
      const store = storeOf(netra);
      const spy = jest.spyOn(store, 'append').mockRejectedValueOnce(
        new Error('duplicate key value violates unique constraint: INSERT INTO netra_events.es_events (stream_id) VALUES ($1)'),
      );
      try {
        const answer = await post(netra.url, { query: REPORT, variables: { input: aLaporan() } }, bawaslu);
        expect(codesOf(answer)).toEqual(['INTERNAL_SERVER_ERROR']);
        expect(leaksOf(answer)).toEqual([]);
        expect(answer.text).not.toMatch(/INSERT|es_events|duplicate key/);
      } finally {
        spy.mockRestore();
      }
      expect(await appendedSince(netra, head)).toEqual([]);
    });

    it('an unreachable dependency while reading the caller’s token answers a bare UNAVAILABLE (Apollo’s own errors pass the same gate)', async () => {
      const auth = netra.app.get(AuthService);
      const spy = jest.spyOn(auth, 'actorFrom').mockRejectedValueOnce(
        // As Node's network errors are: the code is what the log keeps (loggableError), not the message.
        Object.assign(new Error('connect ECONNREFUSED 10.0.0.7:443 at /work/main/src/auth/jwks-token.ts:88:13'), { code: 'ECONNREFUSED' }),
      );
      try {
        const answer = await post(netra.url, { query: '{ cases(first: 5) { totalCount } }' }, oversight);
        // A connection refused is an outage, retriable: never INTERNAL_SERVER_ERROR (issue 12).
        expect(codesOf(answer)).toEqual(['UNAVAILABLE']);
        expect(answer.body?.errors?.[0].extensions?.retryAfterSeconds).toBe(2);
        expect(answer.body?.errors?.[0].message).toBe('A store or service Netra depends on does not answer; retry later (a mutation with the same commandId, which never appends twice)');
        expect(answer.text).not.toMatch(/ECONNREFUSED|jwks-token|10\.0\.0\.7/);
      } finally {
        spy.mockRestore();
      }
      expect(netra.logs.some((line) => line.includes('answered UNAVAILABLE') && line.includes('ECONNREFUSED'))).toBe(true);
    });

    it('more than 50 bad values in one input is BAD_USER_INPUT, like one', async () => {
      const input = aLaporan({ respondents: Array.from({ length: 60 }, () => ({ name: 'A', employment: 'NOPE', institution: 'B' })) });
      const answer = await post(netra.url, { query: REPORT, variables: { input } }, bawaslu);
      expect(new Set(codesOf(answer))).toEqual(new Set(['BAD_USER_INPUT']));
      expect(answer.body?.errors?.at(-1)?.message).toMatch(/^Too many errors processing variables/);
    });

    it.each([['a list', ['2024-09-26T09:00:00+07:00']], ['a number', 20240926]])('a DateTime given as %s is BAD_USER_INPUT, not read as text', async (_name, receivedAt) => {
      const head = await storeHead(netra);
      const answer = await post(netra.url, { query: REPORT, variables: { input: aLaporan({ receivedAt }) } }, bawaslu);
      expect(codesOf(answer)).toEqual(['BAD_USER_INPUT']);
      expect(answer.body?.errors?.[0].message).toContain('DateTime must be a string');
      expect(await appendedSince(netra, head)).toEqual([]);
    });

    it.each([
      ['a syntax error', { query: '{ cases(first: ) }' }, 'GRAPHQL_PARSE_FAILED'],
      ['an unknown field', { query: '{ cases { nope } }' }, 'GRAPHQL_VALIDATION_FAILED'],
      ['a variable of the wrong type', { query: 'query($n: Int!) { cases(first: $n) { totalCount } }', variables: { n: 'ten' } }, 'BAD_USER_INPUT'],
      ['a forged cursor', { query: '{ cases(first: 5, after: "eyJ4IjoxfQ") { totalCount } }' }, 'BAD_USER_INPUT'],
      ['a page of a million', { query: '{ followUps(first: 1000000) { totalCount } }' }, 'BAD_USER_INPUT'],
      ['a region prefix with SQL in it', { query: `{ followUps(filter: { regionPrefix: "16' OR 1=1 --" }) { totalCount } }` }, 'BAD_USER_INPUT'],
      ['a case id with SQL in it', { query: `{ case(id: "x' OR '1'='1") { id } }` }, 'OK'],
    ])('%s answers its code and shows nothing of the inside', async (_name, body, code) => {
      const answer = await post(netra.url, body, oversight);
      expect(codesOf(answer)).toEqual(code === 'OK' ? [] : [code]);
      expect(leaksOf(answer)).toEqual([]);
    });
  });
});

describe('the per-token mutation rate limit', () => {
  let netra: RunningNetra;
  beforeAll(async () => {
    netra = await startTestNetra({ MUTATION_RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => netra.close());

  it('the fourth mutation within a minute is RATE_LIMITED and appends nothing; other tokens go on', async () => {
    const officer = await tokenFor('BAWASLU', '16.73', 'officer-1');
    for (let i = 0; i < 3; i++) {
      const answer = await post(netra.url, { query: REPORT, variables: { input: aLaporan() } }, officer);
      expect(codesOf(answer)).toEqual([]);
    }
    const head = await storeHead(netra);
    const refused = await post(netra.url, { query: REPORT, variables: { input: aLaporan() } }, officer);
    expect(codesOf(refused)).toEqual(['RATE_LIMITED']);
    expect(refused.body?.errors?.[0].message).toMatch(/at most 3 per minute per token; retry in \d+ s/);
    expect(refused.body?.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
    expect(await appendedSince(netra, head)).toEqual([]);

    // Another officer of the same unit, and the same person's other role, have their own buckets.
    const colleague = await tokenFor('BAWASLU', '16.73', 'officer-2');
    expect(codesOf(await post(netra.url, { query: REPORT, variables: { input: aLaporan() } }, colleague))).toEqual([]);
    const elsewhere = await tokenFor('BAWASLU', '16', 'officer-1');
    expect(codesOf(await post(netra.url, { query: REPORT, variables: { input: aLaporan() } }, elsewhere))).toEqual([]);
  });

  it('refused inputs count too, and reads are never limited', async () => {
    const officer = await tokenFor('BAWASLU', '16.73', 'officer-3');
    const bad = aLaporan({ respondents: [] });
    for (let i = 0; i < 3; i++) expect(codesOf(await post(netra.url, { query: REPORT, variables: { input: bad } }, officer))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await post(netra.url, { query: REPORT, variables: { input: bad } }, officer))).toEqual(['RATE_LIMITED']);
    for (let i = 0; i < 10; i++) expect(codesOf(await post(netra.url, { query: '{ cases(first: 1) { totalCount } }' }, officer))).toEqual([]);
  });

  it('is counted in the command metrics', async () => {
    const metrics = await (await fetch(`${netra.origin}/metrics`)).text();
    expect(metrics).toMatch(/netra_commands_total\{command="ReportCase",outcome="RATE_LIMITED"\} [1-9]/);
  });
});

describe('MUTATION_RATE_LIMIT_PER_MINUTE', () => {
  it('defaults to 60', () => {
    expect(loadConfig({ EVENT_STORE_URL: 'memory:' }).mutationRateLimitPerMinute).toBe(60);
  });

  it.each(['0', '-5', 'ten', '1.5', '2000000'])('refuses %s, naming the variable', (value) => {
    expect(() => loadConfig({ EVENT_STORE_URL: 'memory:', MUTATION_RATE_LIMIT_PER_MINUTE: value })).toThrow(/^MUTATION_RATE_LIMIT_PER_MINUTE: /);
  });
});

import fc from 'fast-check';
import { signDevToken } from '../../src/auth/dev-token';
import {
  CASE_SOURCES,
  ELECTION_KINDS,
  EMPLOYMENTS,
  IMPOSSIBILITY_REASONS,
  RECOMMENDATION_RECIPIENTS,
  SANCTION_DECISIONS,
  SANCTION_KINDS,
  STUDY_OUTCOMES,
  VIOLATION_CODES,
  type Agency,
} from '../../src/case/case-vocabulary';
import { startTestNetra, TEST_SECRET, type RunningNetra } from '../support/netra-app';
import { invalidValue, NESTED_GARBAGE, type Bad, type Code, type Kind } from './malformed-values';
import { appendedSince, codesOf, leaksOf, post, storeHead, type RawAnswer } from './security-support';

/**
 * 10,000 malformed inputs, spread over every mutation, sent over HTTP as GraphQL variables by the
 * caller who may make that step, against a case in the stage it needs: each must be refused with
 * the code its shape calls for (never INTERNAL_SERVER_ERROR), show nothing of the inside, and
 * append nothing. Each input starts valid and is broken on purpose, so a refusal is always the
 * right answer; the codes a shape allows are listed with its generator (malformed-values.ts).
 */

const SEED = 20_240_927;
/** Requests in flight per mutation: a few at a time. */
const STREAMS = 3;

type Path = Array<string | number>;
interface Target {
  path: Path;
  kind: Kind;
  /** Removing it, or sending null, is refused (by the schema or by the domain). */
  required: boolean;
}
interface Spec {
  operation: string;
  inputType: string;
  caller: [Agency, string | null];
  runs: number;
  base: (cases: Fixtures) => Record<string, unknown>;
  targets: Target[];
  /** Input objects an unknown field can be slipped into. */
  objects: Path[];
}
interface Fixtures {
  reported: string;
  studied: string;
  recommended: string;
  decided: string;
  closed: string;
}

const text = (max: number, optional = false): Kind => ({ type: 'text', max, optional });
const date: Kind = { type: 'date' };
const enumOf = (values: readonly string[]): Kind => ({ type: 'enum', values });
const req = (path: Path, kind: Kind): Target => ({ path, kind, required: true });
const opt = (path: Path, kind: Kind): Target => ({ path, kind, required: false });
const OPTIONS = [opt(['commandId'], { type: 'commandId' }), opt(['expectedVersion'], { type: 'expectedVersion' })];
const stepTargets = (...targets: Target[]) => [req(['caseId'], { type: 'caseId' }), ...OPTIONS, ...targets];

const RESPONDENT = { name: 'Hendra Wijaya', nip: '197905122006041003', employment: 'PNS', position: 'Lurah', institution: 'Kelurahan Taba Jemekeh', institutionRegionCode: '16.73' };
const FINDING = { respondentId: 'R1', outcome: 'VIOLATION', violations: ['SOCIAL_MEDIA_ENGAGEMENT'], note: 'Terbukti' };

const SPECS: Spec[] = [
  {
    operation: 'reportCase',
    inputType: 'ReportCaseInput',
    caller: ['BAWASLU', '16.73'],
    runs: 2500,
    base: () => ({
      source: 'REPORT',
      election: { kind: 'PILKADA', year: 2024, regionCode: '16.73' },
      handlingUnit: '16.73',
      occurredAt: '2024-09-25T08:00:00+07:00',
      knownAt: '2024-09-25T12:00:00+07:00',
      receivedAt: '2024-09-26T09:00:00+07:00',
      place: 'Aula Kecamatan',
      summary: 'A lurah handed out a candidate’s calendar at a village meeting.',
      violations: ['PARTISAN_ACTIVITY'],
      respondents: [RESPONDENT],
      reporter: { name: 'Siti Rahmawati', address: 'Jl. Yos Sudarso 1', phone: '+62 811 7000 2222', email: 'siti@example.org' },
      evidence: ['Foto kegiatan'],
      registerNumber: '001/LP/PW/Kota/06.05/IX/2024',
    }),
    targets: [
      ...OPTIONS,
      req(['source'], enumOf(CASE_SOURCES)),
      req(['election'], { type: 'object' }),
      req(['election', 'kind'], enumOf(ELECTION_KINDS)),
      req(['election', 'year'], { type: 'year' }),
      req(['election', 'regionCode'], { type: 'region' }),
      req(['handlingUnit'], { type: 'region' }),
      req(['receivedAt'], date),
      req(['knownAt'], date),
      opt(['occurredAt'], { type: 'date', earlyIsValid: true }),
      opt(['place'], text(500, true)),
      req(['summary'], text(10000)),
      req(['violations'], { type: 'enumList', values: VIOLATION_CODES, minimum: 1 }),
      req(['respondents'], { type: 'objectList', minimum: 1, maximum: 200, item: RESPONDENT }),
      req(['respondents', 0], { type: 'object' }),
      req(['respondents', 0, 'name'], text(200)),
      opt(['respondents', 0, 'nip'], { type: 'nip' }),
      req(['respondents', 0, 'employment'], enumOf(EMPLOYMENTS)),
      opt(['respondents', 0, 'position'], text(300, true)),
      req(['respondents', 0, 'institution'], text(300)),
      opt(['respondents', 0, 'institutionRegionCode'], { type: 'region', optional: true }),
      // Optional in the schema, required by the domain for a laporan (REPORT).
      req(['reporter'], { type: 'object' }),
      req(['reporter', 'name'], text(200)),
      opt(['reporter', 'address'], text(500, true)),
      opt(['reporter', 'phone'], text(40, true)),
      opt(['reporter', 'email'], text(200, true)),
      opt(['evidence', 0], text(1000)),
      opt(['registerNumber'], text(120, true)),
    ],
    objects: [[], ['election'], ['respondents', 0], ['reporter']],
  },
  {
    operation: 'recordStudy',
    inputType: 'RecordStudyInput',
    caller: ['BAWASLU', '16.73'],
    runs: 1250,
    base: (cases) => ({ caseId: cases.reported, studiedAt: '2024-09-28T10:00:00+07:00', findings: [FINDING] }),
    targets: stepTargets(
      req(['studiedAt'], date),
      req(['findings'], { type: 'objectList', minimum: 1, maximum: 200, item: FINDING }),
      req(['findings', 0], { type: 'object' }),
      req(['findings', 0, 'respondentId'], { type: 'respondentId' }),
      req(['findings', 0, 'outcome'], enumOf(STUDY_OUTCOMES)),
      opt(['findings', 0, 'violations'], { type: 'enumList', values: VIOLATION_CODES, minimum: 0 }),
      opt(['findings', 0, 'note'], text(4000, true)),
    ),
    objects: [[], ['findings', 0]],
  },
  {
    operation: 'issueRecommendation',
    inputType: 'IssueRecommendationInput',
    caller: ['BAWASLU', '16.73'],
    runs: 1250,
    base: (cases) => ({ caseId: cases.studied, respondentIds: ['R1'], recipient: 'BKN', letterNumber: '0456/PP.01.02/K.SS-16.73/09/2024', issuedAt: '2024-09-30T10:00:00+07:00' }),
    targets: stepTargets(
      req(['respondentIds'], { type: 'respondentIds' }),
      req(['recipient'], enumOf(RECOMMENDATION_RECIPIENTS)),
      req(['letterNumber'], text(120)),
      req(['issuedAt'], date),
    ),
    objects: [[]],
  },
  {
    operation: 'decideSanction',
    inputType: 'DecideSanctionInput',
    caller: ['BKN', null],
    runs: 1250,
    base: (cases) => ({
      caseId: cases.recommended,
      respondentId: 'R1',
      decision: 'SANCTION',
      letterNumber: 'B-1444/JP.01/10/2024',
      decidedAt: '2024-10-07T10:00:00+07:00',
      sanction: 'MORAL_OPEN',
      ppk: { title: 'Walikota Lubuk Linggau', regionCode: '16.73' },
    }),
    targets: stepTargets(
      req(['respondentId'], { type: 'respondentId' }),
      req(['decision'], enumOf(SANCTION_DECISIONS)),
      req(['letterNumber'], text(120)),
      req(['decidedAt'], date),
      // Optional in the schema, required by the domain for a SANCTION.
      req(['sanction'], enumOf(SANCTION_KINDS)),
      req(['ppk'], { type: 'object' }),
      req(['ppk', 'title'], text(200)),
      req(['ppk', 'regionCode'], { type: 'region' }),
      opt(['dueAt'], { type: 'date', futureIsValid: true }),
    ),
    objects: [[], ['ppk']],
  },
  {
    operation: 'recordSanctionExecution',
    inputType: 'RecordSanctionExecutionInput',
    caller: ['PPK', '16.73'],
    runs: 1250,
    base: (cases) => ({ caseId: cases.decided, respondentId: 'R1', decreeNumber: '800/101/KPTS/BKPSDM/2024', executedAt: '2024-10-14T10:00:00+07:00', sanction: 'MORAL_OPEN' }),
    targets: stepTargets(
      req(['respondentId'], { type: 'respondentId' }),
      req(['decreeNumber'], text(120)),
      req(['executedAt'], date),
      req(['sanction'], enumOf(SANCTION_KINDS)),
    ),
    objects: [[]],
  },
  {
    operation: 'declareFollowUpImpossible',
    inputType: 'DeclareFollowUpImpossibleInput',
    caller: ['PPK', '16.73'],
    runs: 1250,
    base: (cases) => ({ caseId: cases.decided, respondentId: 'R1', reason: 'RETIRED', note: 'Pensiun (BUP) per 1 Oktober 2024', declaredAt: '2024-10-15T10:00:00+07:00' }),
    targets: stepTargets(
      req(['respondentId'], { type: 'respondentId' }),
      req(['reason'], enumOf(IMPOSSIBILITY_REASONS)),
      req(['note'], text(4000)),
      req(['declaredAt'], date),
    ),
    objects: [[]],
  },
  {
    operation: 'erasePersonalData',
    inputType: 'ErasePersonalDataInput',
    caller: ['BAWASLU', '16.73'],
    runs: 1250,
    base: (cases) => ({ caseId: cases.closed, reason: 'Permintaan subjek data (UU 27/2022 Pasal 8)' }),
    targets: stepTargets(req(['reason'], text(2000)), opt(['overrideLegalHold'], { type: 'boolean' })),
    objects: [[]],
  },
];

// ---- breaking an input ------------------------------------------------------------------------

interface Break {
  apply(input: Record<string, unknown>): void;
  codes: Code[];
  shape: string;
}

/** The object holding `path`'s last step, or null when an earlier break replaced it by something else. */
function holder(input: unknown, path: Path): Record<string | number, unknown> | null {
  let node = input;
  for (const step of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return null;
    node = (node as Record<string | number, unknown>)[step];
  }
  return node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>) : null;
}

const at = (path: Path, change: (parent: Record<string | number, unknown>, key: string | number) => void) => (input: Record<string, unknown>) => {
  const parent = holder(input, path);
  if (parent) change(parent, path[path.length - 1]);
};

const FIELD_NAMES = new Set(['caseId', 'commandId', 'expectedVersion', 'name', 'title', 'regionCode', 'kind', 'year', 'nip', 'note', 'reason']);

function breaks(spec: Spec): fc.Arbitrary<Break> {
  const required = spec.targets.filter((t) => t.required);
  const setValue = fc
    .constantFrom(...spec.targets)
    .chain((t) => invalidValue(t.kind).map((bad: Bad): Break => ({ apply: at(t.path, (p, k) => void (p[k] = structuredClone(bad.value))), codes: bad.codes, shape: `${t.path.join('.')}: ${bad.shape}` })));
  const remove = fc
    .constantFrom(...required)
    .map((t): Break => ({ apply: at(t.path, (p, k) => (Array.isArray(p) ? p.splice(Number(k), 1) : delete p[k])), codes: ['BAD_USER_INPUT'], shape: `${t.path.join('.')}: missing` }));
  const nullify = fc
    .constantFrom(...required)
    .map((t): Break => ({ apply: at(t.path, (p, k) => void (p[k] = null)), codes: ['BAD_USER_INPUT'], shape: `${t.path.join('.')}: null` }));
  const extra = fc
    .tuple(fc.constantFrom(...spec.objects), fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }), fc.oneof(fc.jsonValue({ maxDepth: 2 }), NESTED_GARBAGE))
    .filter(([, key]) => !FIELD_NAMES.has(key) && !spec.targets.some((t) => t.path[t.path.length - 1] === key))
    .map(([path, key, garbage]): Break => ({
      apply: (input) => {
        const value = structuredClone(garbage);
        const object = holder(input, [...path, key]);
        // An own property even for `__proto__`, so that it is sent.
        if (object && !Array.isArray(object)) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
      },
      codes: ['BAD_USER_INPUT'],
      shape: `${path.join('.') || 'input'}: an unknown field`,
    }));
  return fc.oneof({ weight: 8, arbitrary: setValue }, { weight: 1, arbitrary: remove }, { weight: 1, arbitrary: nullify }, { weight: 1, arbitrary: extra });
}

interface Malformed {
  variables: Record<string, unknown>;
  codes: Set<Code>;
  shapes: string[];
}

function malformed(spec: Spec, fixtures: Fixtures): fc.Arbitrary<Malformed> {
  // Mostly one break, so that schema-level breaks do not hide the domain's checks behind them.
  const list = fc.oneof({ weight: 3, arbitrary: breaks(spec).map((b) => [b]) }, { weight: 1, arbitrary: fc.array(breaks(spec), { minLength: 2, maxLength: 3 }) });
  const broken = list.map((list): Malformed => {
    const input = structuredClone(spec.base(fixtures));
    for (const b of list) b.apply(input);
    return { variables: { input }, codes: new Set(list.flatMap((b) => b.codes)), shapes: list.map((b) => b.shape) };
  });
  const garbage = NESTED_GARBAGE.map((input): Malformed => ({ variables: { input }, codes: new Set(['BAD_USER_INPUT']), shapes: ['input: garbage'] }));
  const missing = fc.constantFrom<Malformed>(
    { variables: {}, codes: new Set(['BAD_USER_INPUT']), shapes: ['input: not sent'] },
    { variables: { input: null }, codes: new Set(['BAD_USER_INPUT']), shapes: ['input: null'] },
  );
  return fc.oneof({ weight: 18, arbitrary: broken }, { weight: 1, arbitrary: garbage }, { weight: 1, arbitrary: missing });
}

// ---- the property -------------------------------------------------------------------------------

/** Why an answer is wrong for an input of these shapes, or null when it is a proper refusal. */
function problemWith(answer: RawAnswer, operation: string, allowed: Set<Code>): string | null {
  if (answer.status !== 200 && answer.status !== 400) return `HTTP ${answer.status}: ${answer.text.slice(0, 300)}`;
  if (!answer.body) return `not JSON: ${answer.text.slice(0, 300)}`;
  const data = answer.body.data as Record<string, unknown> | null | undefined;
  if (data && data[operation] != null) return `accepted: ${JSON.stringify(data[operation])}`;
  const codes = codesOf(answer);
  if (codes.length === 0) return 'no error and no data';
  const wrong = codes.filter((c) => !allowed.has(c as Code));
  if (wrong.length > 0) return `codes ${codes.join(', ')} (allowed: ${[...allowed].join(', ')}): ${answer.body.errors?.map((e) => e.message).join(' | ')}`;
  const leaks = leaksOf(answer);
  return leaks.length > 0 ? `leaks ${leaks.join('; ')}` : null;
}

describe('10,000 malformed inputs over HTTP', () => {
  let netra: RunningNetra;
  let fixtures: Fixtures;
  let headAtStart: bigint;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    // 10,000 refused mutations from seven tokens: the rate limit is its own suite's subject.
    netra = await startTestNetra({ MUTATION_RATE_LIMIT_PER_MINUTE: '1000000', LOG_LEVEL: 'warn' });
    for (const spec of SPECS) {
      const [agency, region] = spec.caller;
      tokens.set(spec.operation, await signDevToken(TEST_SECRET, { sub: `fuzz-${agency}`, agency, region }));
    }
    fixtures = await buildFixtures(netra);
    headAtStart = await storeHead(netra);
  });
  afterAll(() => netra.close());

  it('the fixed seed spreads exactly 10,000 runs over every mutation', () => {
    expect(SPECS.reduce((sum, s) => sum + s.runs, 0)).toBe(10_000);
    expect(SPECS.map((s) => s.operation).sort()).toEqual(
      ['decideSanction', 'declareFollowUpImpossible', 'erasePersonalData', 'issueRecommendation', 'recordSanctionExecution', 'recordStudy', 'reportCase'],
    );
  });

  it.each(SPECS.map((s) => [s.operation, s.runs, s] as const))('%s: %i malformed inputs are each refused with their code', async (operation, runs, spec) => {
    const document = `mutation fuzz($input: ${spec.inputType}!) { ${operation}(input: $input) { id version } }`;
    const token = tokens.get(operation)!;
    const seen = new Map<string, number>();
    let pastCoercion = 0;
    const property = fc.asyncProperty(malformed(spec, fixtures), async (m) => {
      const answer = await post(netra.url, { query: document, variables: m.variables }, token);
      for (const code of codesOf(answer)) seen.set(code, (seen.get(code) ?? 0) + 1);
      if (answer.body?.errors?.length && !answer.body.errors[0].message.startsWith('Variable "$input"')) pastCoercion += 1;
      const problem = problemWith(answer, operation, m.codes);
      if (problem) throw new Error(`${m.shapes.join('; ')} → ${problem}`);
    });
    const per = Math.ceil(runs / STREAMS);
    const index = SPECS.indexOf(spec);
    await Promise.all(
      Array.from({ length: STREAMS }, (_, i) =>
        fc.assert(property, { seed: SEED + index * 100 + i, numRuns: Math.min(per, runs - i * per), endOnFailure: false }),
      ),
    );
    expect(await appendedSince(netra, headAtStart)).toEqual([]);
    // The generators reach past the schema into class-validator and the domain, not only GraphQL coercion.
    expect(pastCoercion).toBeGreaterThan(runs / 5);
    expect([...seen.keys()]).toContain('BAD_USER_INPUT');
    if (operation !== 'reportCase') expect([...seen.keys()]).toContain('NOT_FOUND');
  }, 300_000);

  it('nothing was appended and nothing failed inside', async () => {
    expect(await appendedSince(netra, headAtStart)).toEqual([]);
    expect(netra.logs.filter((line) => line.includes('internal error'))).toEqual([]);
  });
});

/** One case in each stage a step needs, made by the agencies that may. */
async function buildFixtures(netra: RunningNetra): Promise<Fixtures> {
  const [bawaslu, bkn] = await Promise.all([netra.client('BAWASLU', '16.73'), netra.client('BKN')]);
  const run = async (client: typeof bawaslu, spec: Spec, input: Record<string, unknown>) => {
    const result = await client.request<Record<string, { id: string }>>(
      `mutation($input: ${spec.inputType}!) { ${spec.operation}(input: $input) { id } }`,
      { input },
    );
    return result[spec.operation].id;
  };
  const [report, study, recommend, decide] = SPECS;
  const empty = {} as Fixtures;
  const open = async () => run(bawaslu, report, report.base(empty));
  const reported = await open();
  const studied = await open();
  await run(bawaslu, study, study.base({ ...empty, reported: studied }));
  const recommended = await open();
  await run(bawaslu, study, study.base({ ...empty, reported: recommended }));
  await run(bawaslu, recommend, recommend.base({ ...empty, studied: recommended }));
  const decided = await open();
  await run(bawaslu, study, study.base({ ...empty, reported: decided }));
  await run(bawaslu, recommend, recommend.base({ ...empty, studied: decided }));
  await run(bkn, decide, decide.base({ ...empty, recommended: decided }));
  const closed = await open();
  await run(bawaslu, study, { ...study.base({ ...empty, reported: closed }), findings: [{ respondentId: 'R1', outcome: 'NO_VIOLATION' }] });
  return { reported, studied, recommended, decided, closed };
}

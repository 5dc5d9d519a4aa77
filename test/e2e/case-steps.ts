import { gql, type GraphQLClient } from 'graphql-request';
import type { RunningNetra } from '../support/netra-app';
import { aLaporan } from './fixtures';

/**
 * Lifecycle steps for the end-to-end suites, in the words of the domain: inputs for each mutation,
 * documents that ask for everything an officer would look at, and small readers for what changed.
 */

/** The dates of one Pilkada 2024 case in Lubuk Linggau, in WIB as officers write them. */
export const DATES = {
  studiedAt: '2024-09-28T10:00:00+07:00',
  issuedAt: '2024-09-30T10:00:00+07:00',
  decidedAt: '2024-10-07T10:00:00+07:00',
  executedAt: '2024-10-14T10:00:00+07:00',
  correctedAt: '2024-10-21T10:00:00+07:00',
  declaredAt: '2024-10-15T10:00:00+07:00',
} as const;

export const WALIKOTA_LUBUK_LINGGAU = { title: 'Walikota Lubuk Linggau', regionCode: '16.73' };
export const BUPATI_MUSI_RAWAS = { title: 'Bupati Musi Rawas', regionCode: '16.05' };

export const FULL_CASE = gql`
  fragment FullCase on Case {
    id
    registerNumber
    source
    stage
    version
    handlingUnit
    receivedAt
    knownAt
    occurredAt
    summary
    violations
    election { kind year regionCode }
    reporter { name address phone email }
    respondents {
      id caseId respondentId name nip nrp nik employment stage outcome waitingOn since dueAt overdue followUpStatus
      decidedBy recommendationRecipient recommendedSanction executedSanction decreeNumber impossibleReason regionCode
      ppk { title regionCode regionName }
    }
    timeline { version type occurredAt agency unit description }
  }
`;

const mutation = (name: string, inputType: string) => gql`
  mutation ${name}($input: ${inputType}!) { ${name}(input: $input) { ...FullCase } }
  ${FULL_CASE}
`;

export const REPORT = mutation('reportCase', 'ReportCaseInput');
export const STUDY = mutation('recordStudy', 'RecordStudyInput');
export const RECOMMEND = mutation('issueRecommendation', 'IssueRecommendationInput');
export const DECIDE = mutation('decideSanction', 'DecideSanctionInput');
export const EXECUTE = mutation('recordSanctionExecution', 'RecordSanctionExecutionInput');
export const DECLARE = mutation('declareFollowUpImpossible', 'DeclareFollowUpImpossibleInput');
export const CORRECT = mutation('correctSanctionExecution', 'CorrectSanctionExecutionInput');

/** What a track adds beyond FULL_CASE: its version, the study's note and a decree correction. */
export const TRACK_DETAILS = gql`
  query trackDetails($id: ID!) {
    case(id: $id) { version respondents { respondentId name trackVersion studyNote decreeCorrection { reason correctedBy replacedDecreeNumber corrections } } }
  }
`;

export interface TrackDetails {
  respondentId: string;
  name: string;
  trackVersion: number;
  studyNote: string | null;
  decreeCorrection: { reason: string; correctedBy: string; replacedDecreeNumber: string; corrections: number } | null;
}

export async function trackDetails(client: GraphQLClient, caseId: string): Promise<{ version: number; respondents: TrackDetails[] } | null> {
  return (await client.request<{ case: { version: number; respondents: TrackDetails[] } | null }>(TRACK_DETAILS, { id: caseId })).case;
}

export const CASE = gql`
  query case($id: ID!) { case(id: $id) { ...FullCase } }
  ${FULL_CASE}
`;

export const CASES = gql`
  query cases($filter: CaseFilter, $first: Int, $after: String) {
    cases(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id stage version handlingUnit } }
    }
  }
`;

export const FOLLOW_UPS = gql`
  query followUps($filter: FollowUpFilter, $first: Int, $after: String) {
    followUps(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges {
        cursor
        node {
          id caseId respondentId name nip stage waitingOn since dueAt overdue followUpStatus regionCode
          recommendedSanction executedSanction ppk { title regionCode }
        }
      }
    }
  }
`;

export const SUMMARY = gql`
  query followUpSummary($groupBy: [SummaryDimension!], $filter: FollowUpFilter) {
    followUpSummary(groupBy: $groupBy, filter: $filter) {
      asOf
      overall { ...Figures }
      buckets { ...Figures }
    }
  }
  fragment Figures on SummaryBucket {
    key { regionCode regionName ppk violation election waitingOn respondentKind }
    total
    cases
    byStage { stage count }
    byStatus { status count }
    overdue
    actedOnRate
    medianDaysToExecute
  }
`;

export interface Track {
  id: string;
  caseId: string;
  respondentId: string;
  name: string;
  nip: string | null;
  nrp: string | null;
  nik: string | null;
  employment: string;
  stage: string;
  outcome: string | null;
  waitingOn: string | null;
  since: string;
  dueAt: string | null;
  overdue: boolean;
  followUpStatus: string | null;
  decidedBy: string | null;
  recommendationRecipient: string | null;
  recommendedSanction: string | null;
  executedSanction: string | null;
  decreeNumber: string | null;
  impossibleReason: string | null;
  regionCode: string;
  ppk: { title: string; regionCode: string; regionName: string | null } | null;
}

export interface TimelineLine {
  version: number;
  type: string;
  occurredAt: string;
  agency: string;
  unit: string | null;
  description: string;
}

export interface FullCase {
  id: string;
  registerNumber: string;
  source: string;
  stage: string;
  version: number;
  handlingUnit: string;
  receivedAt: string;
  knownAt: string;
  occurredAt: string | null;
  summary: string;
  violations: string[];
  election: { kind: string; year: number; regionCode: string };
  reporter: { name: string; address: string | null; phone: string | null; email: string | null } | null;
  respondents: Track[];
  timeline: TimelineLine[];
}

export interface FollowUpRow {
  id: string;
  caseId: string;
  respondentId: string;
  name: string;
  nip: string | null;
  stage: string;
  waitingOn: string | null;
  since: string;
  dueAt: string | null;
  overdue: boolean;
  followUpStatus: string | null;
  regionCode: string;
  recommendedSanction: string | null;
  executedSanction: string | null;
  ppk: { title: string; regionCode: string } | null;
}

export interface FollowUpPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: Array<{ cursor: string; node: FollowUpRow }>;
}

export interface Figures {
  key: {
    regionCode: string | null;
    regionName: string | null;
    ppk: string | null;
    violation: string | null;
    election: string | null;
    waitingOn: string | null;
    respondentKind: string | null;
  };
  total: number;
  cases: number;
  byStage: Array<{ stage: string; count: number }>;
  byStatus: Array<{ status: string; count: number }>;
  overdue: number;
  actedOnRate: number | null;
  medianDaysToExecute: number | null;
}

export interface Summary {
  asOf: string;
  overall: Figures;
  buckets: Figures[];
}

type Input = Record<string, unknown>;

// ---- inputs -------------------------------------------------------------------------------------

/** A temuan (finding): Bawaslu's own, without an outside reporter. */
export function aTemuan(overrides: Input = {}): Input {
  const { reporter: _none, ...laporan } = aLaporan({
    source: 'FINDING',
    summary: 'Patroli pengawasan: an ASN posted campaign material of a candidate on social media.',
    violations: ['SOCIAL_MEDIA_ENGAGEMENT'],
    respondents: [
      { name: 'Yusuf Hidayat', nip: '198807112014031003', employment: 'PNS', position: 'Guru', institution: 'SMP Negeri 3 Lubuk Linggau', institutionRegionCode: '16.73' },
    ],
    evidence: ['Tangkapan layar unggahan'],
  });
  return { ...laporan, ...overrides };
}

export function aStudy(caseId: string, outcomes: Record<string, string>, overrides: Input = {}): Input {
  return {
    caseId,
    studiedAt: DATES.studiedAt,
    // A proven finding names what was proven: the laporan's own violation.
    findings: Object.entries(outcomes).map(([respondentId, outcome]) => ({ respondentId, outcome, ...(outcome === 'VIOLATION' ? { violations: ['SOCIAL_MEDIA_ENGAGEMENT'] } : {}) })),
    ...overrides,
  };
}

export function aRecommendation(caseId: string, respondentIds: string[], overrides: Input = {}): Input {
  return { caseId, respondentIds, recipient: 'BKN', letterNumber: '0456/PP.01.02/K.SS-16.73/09/2024', issuedAt: DATES.issuedAt, ...overrides };
}

export function aSanctionDecision(caseId: string, respondentId: string, overrides: Input = {}): Input {
  return {
    caseId,
    respondentId,
    decision: 'SANCTION',
    letterNumber: `B-1444/JP.01/10/2024/${respondentId}`,
    decidedAt: DATES.decidedAt,
    sanction: 'MORAL_OPEN',
    ppk: WALIKOTA_LUBUK_LINGGAU,
    ...overrides,
  };
}

export function aClearance(caseId: string, respondentId: string, overrides: Input = {}): Input {
  return { caseId, respondentId, decision: 'CLEAR', letterNumber: `B-1445/JP.01/10/2024/${respondentId}`, decidedAt: DATES.decidedAt, ...overrides };
}

export function anExecution(caseId: string, respondentId: string, overrides: Input = {}): Input {
  return {
    caseId,
    respondentId,
    decreeNumber: `800/101/KPTS/BKPSDM/2024/${respondentId}`,
    executedAt: DATES.executedAt,
    sanction: 'MORAL_OPEN',
    ...overrides,
  };
}

export function aCorrection(caseId: string, respondentId: string, overrides: Input = {}): Input {
  return {
    caseId,
    respondentId,
    decreeNumber: `800/245/KPTS/BKPSDM/2024/${respondentId}`,
    executedAt: DATES.correctedAt,
    sanction: 'MORAL_OPEN',
    reason: 'SK sebelumnya dicabut setelah teguran BKN; diganti sesuai rekomendasi.',
    ...overrides,
  };
}

export function aDeclaration(caseId: string, respondentId: string, overrides: Input = {}): Input {
  return { caseId, respondentId, reason: 'RETIRED', note: 'Pensiun (BUP) per 1 Oktober 2024', declaredAt: DATES.declaredAt, ...overrides };
}

// ---- requests -----------------------------------------------------------------------------------

export async function mutate(client: GraphQLClient, document: string, input: Input): Promise<FullCase> {
  const result = await client.request<Record<string, FullCase>>(document, { input });
  return Object.values(result)[0];
}

export async function readCase(client: GraphQLClient, id: string): Promise<FullCase | null> {
  return (await client.request<{ case: FullCase | null }>(CASE, { id })).case;
}

export async function followUpPage(client: GraphQLClient, filter: Input | null, first = 20, after: string | null = null): Promise<FollowUpPage> {
  return (await client.request<{ followUps: FollowUpPage }>(FOLLOW_UPS, { filter, first, after })).followUps;
}

/** Walks every page; each row is returned in page order. */
export async function allFollowUps(client: GraphQLClient, filter: Input | null = null, first = 100): Promise<FollowUpRow[]> {
  const rows: FollowUpRow[] = [];
  let after: string | null = null;
  for (let page = 0; page < 1000; page++) {
    const result: FollowUpPage = await followUpPage(client, filter, first, after);
    rows.push(...result.edges.map((e) => e.node));
    if (!result.pageInfo.hasNextPage) return rows;
    after = result.pageInfo.endCursor;
  }
  throw new Error('followUps never ended');
}

export async function summary(client: GraphQLClient, groupBy: string[], filter: Input | null = null): Promise<Summary> {
  return (await client.request<{ followUpSummary: Summary }>(SUMMARY, { groupBy, filter })).followUpSummary;
}

export async function caseCount(client: GraphQLClient): Promise<number> {
  return (await client.request<{ cases: { totalCount: number } }>(CASES, { first: 100 })).cases.totalCount;
}

/** What must not change when a step is refused: the version and the whole timeline. */
export async function historyOf(netra: RunningNetra, caseId: string): Promise<{ version: number; timeline: TimelineLine[] }> {
  const found = await readCase(await netra.client('OVERSIGHT'), caseId);
  if (!found) throw new Error(`no case ${caseId}`);
  return { version: found.version, timeline: found.timeline };
}

export const track = (found: FullCase, respondentId: string): Track => {
  const t = found.respondents.find((r) => r.respondentId === respondentId);
  if (!t) throw new Error(`case ${found.id} has no respondent ${respondentId}`);
  return t;
};

export const countOf = <T extends { count: number }>(list: T[], pick: (item: T) => boolean) => list.find(pick)?.count ?? 0;
export const statusCount = (figures: Figures, status: string) => countOf(figures.byStatus, (s) => s.status === status);
export const stageCount = (figures: Figures, stage: string) => countOf(figures.byStage, (s) => s.stage === stage);

/** The case reported by Bawaslu 16.73 (two respondents), studied and recommended to BKN, both sanctioned to the Walikota. */
export async function aCaseWithTwoSanctionsDecided(netra: RunningNetra, report: Input = aLaporan()): Promise<FullCase> {
  const bawaslu = await netra.client('BAWASLU', '16.73');
  const bkn = await netra.client('BKN');
  const reported = await mutate(bawaslu, REPORT, report);
  await mutate(bawaslu, STUDY, aStudy(reported.id, { R1: 'VIOLATION', R2: 'VIOLATION' }));
  await mutate(bawaslu, RECOMMEND, aRecommendation(reported.id, ['R1', 'R2']));
  await mutate(bkn, DECIDE, aSanctionDecision(reported.id, 'R1'));
  return mutate(bkn, DECIDE, aSanctionDecision(reported.id, 'R2', { sanction: 'WRITTEN_REPRIMAND' }));
}

import { gql } from 'graphql-request';

/** Inputs and documents shared by the end-to-end suites, in the words of the domain. */

export const CASE_FIELDS = gql`
  fragment CaseFields on Case {
    id
    registerNumber
    source
    stage
    version
    handlingUnit
    reporter { name phone }
    respondents {
      respondentId name nip stage waitingOn dueAt overdue followUpStatus
      recommendedSanction executedSanction ppk { title regionCode }
    }
    timeline { version type agency unit description }
  }
`;

export const REPORT_CASE = gql`
  mutation Report($input: ReportCaseInput!) { reportCase(input: $input) { ...CaseFields } }
  ${CASE_FIELDS}
`;
export const RECORD_STUDY = gql`
  mutation Study($input: RecordStudyInput!) { recordStudy(input: $input) { ...CaseFields } }
  ${CASE_FIELDS}
`;
export const ISSUE_RECOMMENDATION = gql`
  mutation Recommend($input: IssueRecommendationInput!) { issueRecommendation(input: $input) { ...CaseFields } }
  ${CASE_FIELDS}
`;
export const DECIDE_SANCTION = gql`
  mutation Decide($input: DecideSanctionInput!) { decideSanction(input: $input) { ...CaseFields } }
  ${CASE_FIELDS}
`;
export const RECORD_EXECUTION = gql`
  mutation Execute($input: RecordSanctionExecutionInput!) { recordSanctionExecution(input: $input) { ...CaseFields } }
  ${CASE_FIELDS}
`;
export const DECLARE_IMPOSSIBLE = gql`
  mutation Impossible($input: DeclareFollowUpImpossibleInput!) { declareFollowUpImpossible(input: $input) { ...CaseFields } }
  ${CASE_FIELDS}
`;
export const GET_CASE = gql`
  query Case($id: ID!) { case(id: $id) { ...CaseFields } }
  ${CASE_FIELDS}
`;

export interface CaseResult {
  id: string;
  registerNumber: string;
  source: string;
  stage: string;
  version: number;
  handlingUnit: string;
  reporter: { name: string; phone: string | null } | null;
  respondents: Array<{
    respondentId: string;
    name: string;
    nip: string | null;
    stage: string;
    waitingOn: string | null;
    dueAt: string | null;
    overdue: boolean;
    followUpStatus: string | null;
    recommendedSanction: string | null;
    executedSanction: string | null;
    ppk: { title: string; regionCode: string } | null;
  }>;
  timeline: Array<{ version: number; type: string; agency: string; unit: string | null; description: string }>;
}

export const REPORTER = { name: 'Rina Marlina', phone: '+62 812 0000 1111', email: 'rina@example.org' };
export const NIP_CAMAT = '198203152008011002';
export const NIP_STAFF = '199001202015032001';

/** A laporan in Lubuk Linggau (16.73) naming a camat and a staff member. */
export function aLaporan(overrides: Record<string, unknown> = {}) {
  return {
    source: 'REPORT',
    election: { kind: 'PILKADA', year: 2024, regionCode: '16.73' },
    handlingUnit: '16.73',
    occurredAt: '2024-09-25T08:00:00+07:00',
    knownAt: '2024-09-25T12:00:00+07:00',
    receivedAt: '2024-09-26T09:00:00+07:00',
    summary: 'A camat wore a candidate’s T-shirt at a sub-district event.',
    violations: ['PARTISAN_ACTIVITY'],
    respondents: [
      { name: 'Ahmad Fauzi', nip: NIP_CAMAT, employment: 'PNS', position: 'Camat', institution: 'Kecamatan Lubuk Linggau Barat I', institutionRegionCode: '16.73' },
      { name: 'Dewi Anggraini', nip: NIP_STAFF, employment: 'PNS', position: 'Staf', institution: 'Kecamatan Lubuk Linggau Barat I', institutionRegionCode: '16.73' },
    ],
    reporter: REPORTER,
    evidence: ['Foto kegiatan'],
    ...overrides,
  };
}

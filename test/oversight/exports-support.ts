import type { GraphQLClient } from 'graphql-request';
import { signDevToken } from '../../src/auth/dev-token';
import type { Agency } from '../../src/case/case-vocabulary';
import { TEST_SECRET, type RunningNetra } from '../support/netra-app';

/** What an export test reads back: the HTTP answer, and the GraphQL answers it must agree with. */

export interface Download {
  status: number;
  headers: Headers;
  text: string;
}

export const tokenFor = (agency: Agency, region: string | null = null) => signDevToken(TEST_SECRET, { sub: `${agency}-${region ?? 'national'}`, agency, region });

export async function download(netra: RunningNetra, path: string, query: Record<string, string | undefined> = {}, token?: string): Promise<Download> {
  const url = new URL(`${netra.origin}${path}`);
  for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.append(name, value);
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  // ignoreBOM keeps a byte-order mark in the text, where a test can see it.
  return { status: response.status, headers: response.headers, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer()) };
}

/** RFC 4180, strictly: a test of the encoder must not lean on a lenient parser. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      for (i++; !(text[i] === '"' && text[i + 1] !== '"'); i++) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') i++;
        field += text[i];
      }
      i++;
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '"') field += text[i++];
    }
    row.push(field);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
  if (row.length > 0) throw new Error('the last line has no CRLF');
  return rows;
}

/** Rows keyed by the header line. */
export function csvRecords(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(text);
  return rows.map((cells) => {
    expect(cells).toHaveLength(header.length);
    return Object.fromEntries(header.map((name, i) => [name, cells[i]]));
  });
}

/** Every FollowUp field, so a test compares whole rows. */
export const FOLLOW_UP_FIELDS = `
  id caseId respondentId identityWithheld name nip nrp nik employment position institution institutionRegionCode stage outcome violations
  waitingOn since dueAt overdue overdueSince overdueStep latestEscalation { kind letterNumber escalatedAt escalatedBy } siasnBlocked
  daysWaiting daysLate followUpStatus recommendationRecipient recommendationLetter recommendedAt decidedBy decisionLetter decidedAt
  recommendedSanction ppk { title regionCode regionName } ppkRegionCode executedSanction decreeNumber executedAt impossibleReason regionCode
  dueAtProvisional missingDocument studyNote trackVersion decreeCorrection { reason correctedBy replacedDecreeNumber corrections }
`;

const FOLLOW_UPS = `query ($filter: FollowUpFilter, $after: String, $asOf: DateTime) {
  followUps(filter: $filter, first: 100, after: $after, asOf: $asOf) { pageInfo { hasNextPage endCursor } edges { node { ${FOLLOW_UP_FIELDS} } } }
}`;

export type FollowUpJson = Record<string, unknown>;

/** Every page of followUps, in page order. */
export async function graphqlFollowUps(client: GraphQLClient, filter: Record<string, unknown> | null, asOf?: string): Promise<FollowUpJson[]> {
  const rows: FollowUpJson[] = [];
  let after: string | null = null;
  for (;;) {
    type Page = { followUps: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: Array<{ node: FollowUpJson }> } };
    const page: Page = await client.request<Page>(FOLLOW_UPS, { filter, after, asOf });
    rows.push(...page.followUps.edges.map((e) => e.node));
    if (!page.followUps.pageInfo.hasNextPage) return rows;
    after = page.followUps.pageInfo.endCursor;
  }
}

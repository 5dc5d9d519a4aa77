/** The GraphQL of the case list and search (`cases` and `search` of src/schema.graphql). */

const ROW = `id registerNumber source stage summary receivedAt handlingUnit handlingUnitName election { kind year regionCode }
  respondents { respondentId name identityWithheld }`;

export const CASES_QUERY = `query CaseList($filter: CaseFilter, $first: Int!, $after: String) {
  cases(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { ${ROW} } }
  }
}`;

export const SEARCH_QUERY = `query CaseSearch($query: String!, $first: Int!, $after: String) {
  search(query: $query, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { matchedOn respondentIds node { ${ROW} } }
  }
}`;

export interface CaseRow {
  id: string;
  registerNumber: string;
  source: string;
  stage: string;
  summary: string;
  receivedAt: string;
  handlingUnit: string;
  handlingUnitName: string | null;
  election: { kind: string; year: number; regionCode: string };
  respondents: Array<{ respondentId: string; name: string | null; identityWithheld: boolean }>;
}

export interface CasePage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ node: CaseRow; matchedOn?: string[]; respondentIds?: string[] }>;
}

export const PAGE_SIZE = 20;

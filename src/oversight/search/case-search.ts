import { Inject, Injectable } from '@nestjs/common';
import { sql, type SQL } from 'drizzle-orm';
import { badInput } from '../../case/case-error';
import type { Actor } from '../../case/decide-context';
import { ERASED } from '../../privacy/personal-fields';
import type { CaseView } from '../models/case.model';
import { respondentVisible, scopeCondition, whereAll } from '../queries/follow-up-conditions';
import { decodeCursor, encodeCursor, toCase } from '../queries/row-mapping';
import { READ_DB, type ReadDb } from '../../storage/read-db';
import { LETTERS_COMPACT, REGISTER_COMPACT, SUMMARY_WORDS } from '../read-model/search-expressions';
import type { SearchKey } from './search.model';
import type { SearchTerms } from './search-terms';

const MAX_PAGE = 100;

/** One case found: the case, what matched, and which respondents' keys did (identity-level fields, for the access audit). */
export interface SearchHit {
  cursor: string;
  node: CaseView;
  matchedOn: SearchKey[];
  respondentIds: string[];
  score: number;
  /** `respondentId:field` of each identity-level match (name, nip, nrp, nik). */
  personalMatches: string[];
}

export interface SearchPage {
  edges: SearchHit[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/**
 * Finds cases by the keys officers know them by, strictly within what the caller sees. Every key of
 * a respondent (name, NIP/NRP/NIK, letter and decree numbers) is matched only on follow-up rows that
 * pass `respondentVisible` — the SQL form of case-access.ts `maySeeRespondent` — before anything is
 * counted or ranked, so a withheld respondent adds no hit, no count and no score; the case-level keys
 * (register number, summary) are those every reader of the case sees. Every hit then passes the
 * case's read scope. Names and summaries of an erased case match nothing (they read `[erased]`).
 */
@Injectable()
export class CaseSearch {
  constructor(@Inject(READ_DB) private readonly db: ReadDb) {}

  async search(terms: SearchTerms, first: number, after: string | undefined, actor: Actor): Promise<SearchPage> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw badInput('first', `must be between 1 and ${MAX_PAGE}`, 'page.size', { minimum: 1, maximum: MAX_PAGE });
    const position = after ? cursorValues(after) : null;
    const matched = sql`WITH hits(case_id, respondent_id, field, key, score) AS (${sql.join(hitQueries(terms, actor), sql` UNION ALL `)}),
      matched AS (
        SELECT h.case_id, round(max(h.score)::numeric, 3) AS score, array_agg(DISTINCT h.key ORDER BY h.key) AS keys,
               array_remove(array_agg(DISTINCT h.respondent_id), NULL) AS respondent_ids,
               array_remove(array_agg(DISTINCT h.respondent_id || ':' || h.field), NULL) AS personal
          FROM hits h JOIN rm_cases c ON c.id = h.case_id ${whereAll([scopeCondition(actor)].filter((c): c is SQL => c !== null))}
         GROUP BY h.case_id)`;
    const total = await this.rows(sql`${matched} SELECT count(*) AS n FROM matched`);
    const page = position ? sql`WHERE (m.score, c.received_at, c.id) < (${position.score}::numeric, ${position.receivedAt}::timestamptz, ${position.id})` : sql``;
    const rows = await this.rows(
      sql`${matched} SELECT c.*, m.score::text AS search_score, m.keys AS search_keys, m.respondent_ids AS search_respondents, m.personal AS search_personal
          FROM matched m JOIN rm_cases c ON c.id = m.case_id ${page}
          ORDER BY m.score DESC, c.received_at DESC, c.id DESC LIMIT ${first + 1}`,
    );
    const edges = rows.slice(0, first).map((row) => ({
      cursor: encodeCursor([String(row.search_score), new Date(row.received_at as string).toISOString(), String(row.id)]),
      node: { ...toCase(row), asOf: null } as unknown as CaseView,
      matchedOn: textArray(row.search_keys) as SearchKey[],
      respondentIds: textArray(row.search_respondents).sort((a, b) => a.length - b.length || a.localeCompare(b)),
      score: Number(row.search_score),
      personalMatches: textArray(row.search_personal),
    }));
    return {
      edges,
      totalCount: Number(total[0].n),
      pageInfo: { hasNextPage: rows.length > first, hasPreviousPage: Boolean(after), startCursor: edges[0]?.cursor ?? null, endCursor: edges[edges.length - 1]?.cursor ?? null },
    };
  }

  private async rows(query: SQL): Promise<Array<Record<string, unknown>>> {
    return ((await this.db.execute(query)) as unknown as { rows: Array<Record<string, unknown>> }).rows;
  }
}

/**
 * One SELECT per key the query can be: (case_id, respondent_id, field, key, score). Each reads one
 * table, unqualified, so the expressions are the very ones the indexes were built on (search-expressions.ts).
 */
function hitQueries(terms: SearchTerms, actor: Actor): SQL[] {
  const visible = respondentVisible(actor);
  const seen = visible ? sql` AND ${visible}` : sql``;
  const queries: SQL[] = [
    // Names: word similarity, so a first name, a surname or a misspelt one (Santosa for Santoso) matches; the GIN trigram index serves `%>`.
    sql`SELECT f.case_id, f.respondent_id, 'name', 'NAME', public.word_similarity(${terms.text}, f.name)
          FROM rm_follow_ups f WHERE f.name OPERATOR(public.%>) ${terms.text} AND f.name <> ${ERASED}${seen}`,
    sql`SELECT c.id, NULL, NULL, 'SUMMARY', 0.5
          FROM rm_cases c WHERE ${sql.raw(SUMMARY_WORDS)} @@ websearch_to_tsquery('simple', ${terms.text}) AND c.personal_data_erased_at IS NULL`,
  ];
  if (terms.digits) {
    const d = terms.digits;
    queries.push(sql`SELECT f.case_id, f.respondent_id, CASE WHEN f.nip = ${d} THEN 'nip' WHEN f.nrp = ${d} THEN 'nrp' ELSE 'nik' END, 'IDENTIFIER', 1.0
          FROM rm_follow_ups f WHERE (f.nip = ${d} OR f.nrp = ${d} OR f.nik = ${d})${seen}`);
  }
  if (terms.compact) {
    // Only letters and digits reach LIKE: nothing to escape. An exact number ranks above a part of one.
    const part = `%${terms.compact}%`;
    const whole = `% ${terms.compact} %`;
    queries.push(sql`SELECT c.id, NULL, NULL, 'REGISTER_NUMBER', CASE WHEN ${sql.raw(REGISTER_COMPACT)} = ${terms.compact} THEN 1.0 ELSE 0.8 END
          FROM rm_cases c WHERE (${sql.raw(REGISTER_COMPACT)}) LIKE ${part}`);
    queries.push(sql`SELECT f.case_id, f.respondent_id, NULL, 'LETTER_NUMBER', CASE WHEN ' ' || (${sql.raw(LETTERS_COMPACT)}) || ' ' LIKE ${whole} THEN 1.0 ELSE 0.8 END
          FROM rm_follow_ups f WHERE (${sql.raw(LETTERS_COMPACT)}) LIKE ${part}${seen}`);
  }
  return queries;
}

function cursorValues(cursor: string): { score: string; receivedAt: string; id: string } {
  const values = decodeCursor(cursor, 3);
  const valid =
    values !== null &&
    values.every((v) => typeof v === 'string') &&
    /^\d(\.\d+)?$/.test(values[0] as string) &&
    /^\d{4}-\d{2}-\d{2}T/.test(values[1] as string) &&
    !Number.isNaN(Date.parse(values[1] as string));
  if (!valid) throw badInput('after', 'is not a cursor this query returned', 'page.cursor');
  return { score: values[0] as string, receivedAt: values[1] as string, id: values[2] as string };
}

/** node-postgres parses text[]; PGlite too, but a driver that hands back the literal `{a,b}` is read here. */
function textArray(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string' && value.startsWith('{')) return value.slice(1, -1).split(',').filter(Boolean).map((v) => v.replace(/^"|"$/g, ''));
  return [];
}

import { createHash } from 'node:crypto';
import { Kind, parse, print, type DocumentNode } from 'graphql';
import { MAX_QUERY_TOKENS } from '../../graphql/query-limits';

/**
 * The cache key of an anonymous GraphQL request whose every root field is `followUpSummary` (or
 * `__typename`): the document printed canonically (whitespace and comments do not matter), the
 * operation name, the variables with their keys sorted, and the Accept header (which picks the
 * answer's content type). null for anything else, which the cache leaves to Apollo.
 */
export function summaryRequestKey(query: unknown, variables: unknown, operationName: unknown, accept: string | undefined): string | null {
  if (typeof query !== 'string') return null;
  const printed = canonical(query);
  if (printed === null) return null;
  const name = typeof operationName === 'string' ? operationName : '';
  return hashKey(`${printed}\n${name}\n${stable(variables ?? null)}\n${accept ?? ''}`);
}

/** The cache key of an anonymous summary export: its path and its query parameters, sorted. */
export function exportRequestKey(path: string, query: unknown): string {
  return hashKey(`export ${path}\n${stable(query ?? null)}`);
}

const hashKey = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 22);

/** Parsed and printed once per distinct query text (bounded: the cache of texts is cleared when full). */
const printedTexts = new Map<string, string | null>();
const MAX_TEXTS = 1000;

function canonical(query: string): string | null {
  const known = printedTexts.get(query);
  if (known !== undefined) return known;
  let printed: string | null = null;
  try {
    const document = parse(query, { maxTokens: MAX_QUERY_TOKENS });
    printed = onlySummary(document) ? print(document) : null;
  } catch {
    printed = null;
  }
  if (printedTexts.size >= MAX_TEXTS) printedTexts.clear();
  printedTexts.set(query, printed);
  return printed;
}

function onlySummary(document: DocumentNode): boolean {
  if (document.definitions.length !== 1) return false;
  const [operation] = document.definitions;
  if (operation.kind !== Kind.OPERATION_DEFINITION || operation.operation !== 'query') return false;
  const fields = operation.selectionSet.selections;
  return fields.every((f) => f.kind === Kind.FIELD && (f.name.value === 'followUpSummary' || f.name.value === '__typename')) &&
    fields.some((f) => f.kind === Kind.FIELD && f.name.value === 'followUpSummary');
}

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` are one request. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

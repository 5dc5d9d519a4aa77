import { EVENT_STORE, type EventStore, type RecordedEvent } from '../../src/event-store/event-store';
import type { RunningNetra } from '../support/netra-app';

/** Helpers the security suites share: the store's head, what was appended since, and raw HTTP GraphQL. */

export const storeOf = (netra: RunningNetra) => netra.app.get<symbol, EventStore>(EVENT_STORE);

export const storeHead = (netra: RunningNetra) => storeOf(netra).headPosition();

/** Events appended by callers after `position`; Netra's own processes (agency NETRA) are not callers. */
export async function appendedSince(netra: RunningNetra, position: bigint): Promise<RecordedEvent[]> {
  const appended: RecordedEvent[] = [];
  for (let after = position; ; ) {
    const batch = await storeOf(netra).readAll(after, 500);
    if (batch.length === 0) return appended.filter((e) => e.metadata.agency !== 'NETRA');
    appended.push(...batch);
    after = batch[batch.length - 1].position;
  }
}

export interface GraphqlError {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
  [key: string]: unknown;
}

export interface RawAnswer {
  status: number;
  text: string;
  body: { data?: Record<string, unknown> | null; errors?: GraphqlError[] } | null;
}

/** POSTs a GraphQL request as JSON (or any body) and keeps the status and the text as sent back. */
export async function post(url: string, body: unknown, token: string | null = null, raw = false): Promise<RawAnswer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(url, { method: 'POST', headers, body: raw ? (body as string) : JSON.stringify(body) });
  const text = await response.text();
  let parsed: RawAnswer['body'] = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  return { status: response.status, text, body: parsed };
}

export const codesOf = (answer: RawAnswer) => (answer.body?.errors ?? []).map((e) => e.extensions?.code ?? 'NO_CODE');

/** What must never reach a caller: a stack, SQL, or a path on the server. */
export function leaksOf(answer: RawAnswer): string[] {
  const found: string[] = [];
  for (const error of answer.body?.errors ?? []) {
    if (error.extensions && 'stacktrace' in error.extensions) found.push('extensions.stacktrace');
    if ('stack' in error || (error.extensions && 'exception' in error.extensions)) found.push('a stack');
    if (/\b(SELECT|INSERT|UPDATE|DELETE)\b[\s\S]*\b(FROM|INTO|SET|WHERE)\b/i.test(error.message)) found.push(`SQL in "${error.message}"`);
    if (/(\/work\/|\/src\/|\/node_modules\/|\.ts:\d+|\.js:\d+|\bat \S+ \()/.test(error.message)) found.push(`a path in "${error.message}"`);
  }
  if (/\bat \S+ \(\/|node_modules/.test(answer.text)) found.push('a stack frame in the body');
  return found;
}

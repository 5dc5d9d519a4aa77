import type { EventMetadata, RecordedEvent } from './event-store';

/**
 * The events an append has just stored, as a read of the log would return them, so that the
 * subscriptions in this process take them instead of reading them back (catch-up-subscription.ts).
 * `stored` is what was sent to the database (already through JSON, so no Date or undefined is left);
 * its objects get jsonb's key order — shorter keys first, then by their UTF-8 bytes — because a read
 * returns jsonb's text and JSON.parse keeps that order: a handler that walks the keys sees the same
 * order live and on a replay. Ids go lower-case, as the uuid column returns them; an id in another
 * form than the canonical one makes it return null, and the subscriptions read the log instead.
 */
export function asStoredEvents(
  streamId: string,
  firstVersion: number,
  firstPosition: bigint,
  stored: ReadonlyArray<{ id: string; type: string; data: unknown; metadata: unknown }>,
  links: ReadonlyArray<{ hash: string; previousHash: string }>,
): RecordedEvent[] | null {
  if (!stored.every((event) => UUID.test(event.id))) return null;
  return stored.map((event, i) => ({
    id: event.id.toLowerCase(),
    type: event.type,
    data: inJsonbOrder(event.data) as Record<string, unknown>,
    metadata: inJsonbOrder(event.metadata) as EventMetadata,
    streamId,
    version: firstVersion + i,
    position: firstPosition + BigInt(i),
    hash: links[i].hash,
    previousHash: links[i].previousHash,
  }));
}

/** A copy of a JSON value whose objects hold their keys in the order jsonb stores them. */
export function inJsonbOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(inJsonbOrder);
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  const ordered: Record<string, unknown> = {};
  for (const key of Object.keys(object).sort(jsonbKeyOrder)) ordered[key] = inJsonbOrder(object[key]);
  return ordered;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ASCII = /^[\x00-\x7f]*$/;

/** jsonb's order of object keys (PostgreSQL's lengthCompareJsonbString): byte length, then bytes. */
export function jsonbKeyOrder(a: string, b: string): number {
  if (ASCII.test(a) && ASCII.test(b)) return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length !== y.length ? x.length - y.length : Buffer.compare(x, y);
}

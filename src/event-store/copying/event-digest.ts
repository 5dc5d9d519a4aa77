import { createHash, type Hash } from 'node:crypto';
import type { RecordedEvent } from '../event-store';

/** JSON with object keys sorted, so the same event digests the same in every store (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A running SHA-256 over events in global order: stream, version, id, type, data and metadata. */
export class EventDigest {
  private readonly hash: Hash = createHash('sha256');
  count = 0;

  add(event: RecordedEvent): void {
    this.hash.update(canonicalJson([event.streamId, event.version, event.id, event.type, event.data, event.metadata]));
    this.hash.update('\n');
    this.count++;
  }

  /** The digest so far (the running hash is copied, so adding may go on). */
  hex(): string {
    return this.hash.copy().digest('hex');
  }
}

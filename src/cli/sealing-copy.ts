import { randomBytes } from 'node:crypto';
import { CASE_STREAM_PREFIX } from '../case/case-events';
import type { EventTransform } from '../event-store/copying/copy-events';
import type { RecordedEvent } from '../event-store/event-store';
import type { KeyStore } from '../privacy/key-store';
import { openEvent, sealEvent } from '../privacy/personal-data';

const caseIdOf = (event: RecordedEvent) => (event.streamId.startsWith(CASE_STREAM_PREFIX) ? event.streamId.slice(CASE_STREAM_PREFIX.length) : null);

/**
 * The copy that brings a store written before a field was sealed forward (`npm run copy -- --seal`):
 * every personal value (personal-fields.ts) still in plaintext is sealed with its case's key in the
 * target's key store (copied from the source first; made for a case that never had one). A case
 * whose key was destroyed had its data erased: its plaintext is sealed with a key nobody keeps, so
 * the copy erases what the old version left readable.
 *
 * Both sides are compared opened: a case's values must read the same in source and target, and an
 * erased case's read as erased in both — so the digest proves each copied event maps to its source.
 */
export function sealingCopy(keys: KeyStore): EventTransform {
  const made = new Map<string, Buffer>();
  const keyOf = async (caseId: string) => {
    let key = made.get(caseId);
    if (!key) made.set(caseId, (key = (await keys.keyFor(caseId)) ?? randomBytes(32)));
    return key;
  };
  return {
    async apply(events) {
      const sealed: RecordedEvent[] = [];
      for (const event of events) {
        const caseId = caseIdOf(event);
        sealed.push(caseId === null ? event : { ...event, data: sealEvent(event, await keyOf(caseId)).data });
      }
      return sealed;
    },
    async comparable(events) {
      const ids = [...new Set(events.map(caseIdOf).filter((id): id is string => id !== null))];
      const [open, erased] = await Promise.all([keys.keys(ids), keys.destroyed(ids)]);
      return events.map((event) => {
        const caseId = caseIdOf(event);
        if (caseId === null) return event;
        return { ...event, data: openEvent(event, open.get(caseId) ?? null, erased.has(caseId)).data };
      });
    },
  };
}

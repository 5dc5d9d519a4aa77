import { createHash } from 'node:crypto';

const NAMESPACE = 'netra:event:';

/** A UUID (version 5 layout) derived from the command id and the event's index in the command's result. */
export function eventId(commandId: string, index: number): string {
  return uuidFrom(`${NAMESPACE}${commandId}:${index}`);
}

/** Deterministic UUID from any string: same input, same id, on every machine. */
export function uuidFrom(input: string): string {
  const hash = createHash('sha1').update(input).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

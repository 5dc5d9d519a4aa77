import { randomUUID } from 'node:crypto';
import { uuidFrom } from '../../event-store/event-id';
import type { Actor } from '../decide-context';

/**
 * The id of the case a reportCase opens. The same caller retrying the same command id opens the
 * same case, so a retried report cannot open a second one; the caller is part of the name, so
 * another unit sending the same command id opens a case of its own and learns nothing about the
 * first (which it may not read).
 */
export function reportedCaseId(actor: Actor, commandId: string | null | undefined): string {
  return commandId ? uuidFrom(`case:${actor.agency}:${actor.region ?? ''}:${actor.userId}:${commandId}`) : randomUUID();
}

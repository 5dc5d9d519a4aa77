import type { QueueRow } from '../api/types';

/** Overdue first (the longest late on top), then by due time; tracks without a due time last. */
export function queueOrder(a: Pick<QueueRow, 'overdue' | 'dueAt'>, b: Pick<QueueRow, 'overdue' | 'dueAt'>): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  const due = (row: Pick<QueueRow, 'dueAt'>) => (row.dueAt ? Date.parse(row.dueAt) : Number.MAX_SAFE_INTEGER);
  return due(a) - due(b);
}

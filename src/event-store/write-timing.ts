import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Where one command's time goes, for the bench's breakdown (`--breakdown`): the repository and the
 * stores' append paths call `mark(name)` at each step, and the bench runs each command inside
 * `timedWrite`, which collects them in order with `performance.now()`. Off unless the bench turns
 * it on (`WriteTiming.enabled`): then `mark` is one property read, and no AsyncLocalStorage context
 * is ever entered. Marks carry step names only, never a value of the command.
 */
export type WriteMarks = Array<[step: string, at: number]>;

const marks = new AsyncLocalStorage<WriteMarks>();

export const WriteTiming = { enabled: false };

/** Records that the current command reached `step` (a no-op outside `timedWrite` or when off). */
export function mark(step: string): void {
  if (WriteTiming.enabled) marks.getStore()?.push([step, performance.now()]);
}

/** The current command's marks, for work that runs later outside its async context (a group commit). */
export function currentMarks(): WriteMarks | undefined {
  return WriteTiming.enabled ? marks.getStore() : undefined;
}

/** Records `step` in `into` (marks captured earlier by `currentMarks`). */
export function markIn(into: WriteMarks | undefined, step: string): void {
  into?.push([step, performance.now()]);
}

/** Runs `work` with a fresh list of marks, starting with `start` and ending with `end`. */
export async function timedWrite<T>(work: () => Promise<T>): Promise<{ result: T; marks: WriteMarks }> {
  const list: WriteMarks = [['start', performance.now()]];
  const result = await marks.run(list, work);
  list.push(['end', performance.now()]);
  return { result, marks: list };
}

/**
 * Runs tasks with the same key one after another, and tasks with different keys side by side. An
 * upload holds its blob's key (`<caseId>/<sha256>`) from committing the bytes until its command is
 * decided, so a refused upload that removes the bytes it created cannot remove them from under a
 * concurrent upload of the same file to the same case, which found them already there.
 */
export class OneAtATime {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const before = this.tails.get(key) ?? Promise.resolve();
    const mine = before.then(task, task);
    const tail = mine.catch(() => undefined);
    this.tails.set(key, tail);
    try {
      return await mine;
    } finally {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /** Keys with a task running or waiting (tests). */
  get size(): number {
    return this.tails.size;
  }
}

/**
 * The one queue of blob keys for the process: uploads and generated letters (the same facts render
 * the same bytes, so two officers generating one letter at once commit one blob) share it.
 */
export const SAME_BLOB = new OneAtATime();

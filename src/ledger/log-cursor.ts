import type { EventStore, RecordedEvent } from '../event-store/event-store';

/** Reads the global log forward in pages, one event at a time, with a look at the next one. */
export class LogCursor {
  private page: RecordedEvent[] = [];
  private index = 0;
  private done = false;

  constructor(
    private readonly store: EventStore,
    private after: bigint,
    private readonly pageSize = 1000,
  ) {}

  async next(): Promise<RecordedEvent | null> {
    const event = await this.peek();
    if (event) this.index++;
    return event;
  }

  async peek(): Promise<RecordedEvent | null> {
    if (this.index === this.page.length && !this.done) {
      this.page = await this.store.readAll(this.after, this.pageSize);
      this.index = 0;
      if (this.page.length === 0) this.done = true;
      else this.after = this.page[this.page.length - 1].position;
    }
    return this.page[this.index] ?? null;
  }
}

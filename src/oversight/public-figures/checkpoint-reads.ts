/**
 * The read model's checkpoint, read for many requests at once without ever answering a request
 * with a read that began before it arrived: a request that comes while a read is in flight waits
 * for the next one, which starts when the current one ends and serves everyone who came meanwhile.
 * Under load that is one checkpoint read per round trip, whatever the number of requests.
 */
export class CheckpointReads {
  private running: Promise<bigint> | null = null;
  private next: Promise<bigint> | null = null;

  constructor(private readonly read: () => Promise<bigint>) {}

  position(): Promise<bigint> {
    if (this.running === null) return this.start();
    this.next ??= this.running.then(
      () => this.afterCurrent(),
      () => this.afterCurrent(),
    );
    return this.next;
  }

  private afterCurrent(): Promise<bigint> {
    this.next = null;
    return this.start();
  }

  private start(): Promise<bigint> {
    const read = this.read().finally(() => {
      if (this.running === read) this.running = null;
    });
    this.running = read;
    return read;
  }
}

import type { ClientReadableStream, ServiceError } from '@grpc/grpc-js';

type Message = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What an agency system keeps from WatchEvents: the events in order and the checkpoint to resume from. */
export class Feed {
  readonly events: Message[] = [];
  checkpoint = '';
  readonly caughtUp: Promise<void>;
  readonly ended: Promise<ServiceError | null>;

  constructor(private readonly stream: ClientReadableStream<Message>) {
    let caughtUp!: () => void;
    this.caughtUp = new Promise((resolve) => (caughtUp = resolve));
    this.ended = new Promise((resolve) => {
      stream.on('error', (error: ServiceError) => resolve(error));
      stream.on('end', () => resolve(null));
    });
    stream.on('data', (message: Message) => {
      if (message.event) this.events.push(message.event);
      if (message.caughtUp) caughtUp();
      this.checkpoint = message.checkpoint;
    });
  }

  /** Waits until `count` events arrived (or fails after `ms`). */
  async until(count: number, ms = 15_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (this.events.length < count) {
      if (Date.now() > deadline) throw new Error(`feed has ${this.events.length} events, expected ${count}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  cancel(): void {
    this.stream.cancel();
  }
}

/** The identity of an event in a feed: where it is in the log, and which version of which case. */
export const identity = (e: Message) => `${e.position} ${e.caseId} v${e.version}`;

/**
 * The sign-in shared between tabs of one browser, in memory: a BroadcastChannel reaches only
 * pages of the same origin in the same browser profile, and keeps nothing once they close.
 */
type Message = { kind: 'ask' } | { kind: 'token'; token: string } | { kind: 'signed-out' };

interface Here {
  /** This tab's valid token, if it has one. */
  current(): string | null;
  adopt(token: string): void;
  signedOut(): void;
}

/** How long a new tab waits for an open one to answer before it shows the sign-in page. */
const ANSWER_WITHIN_MS = 400;

export function sessionTabs(here: Here) {
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('netra.session') : null;
  const waiting = new Set<() => void>();
  if (channel) {
    channel.onmessage = (event: MessageEvent<Message>) => {
      const message = event.data;
      if (message.kind === 'ask') {
        const token = here.current();
        if (token) channel.postMessage({ kind: 'token', token } satisfies Message);
      } else if (message.kind === 'token') {
        here.adopt(message.token);
        waiting.forEach((done) => done());
      } else if (message.kind === 'signed-out') {
        here.signedOut();
      }
    };
  }
  return {
    ask(): Promise<void> {
      if (!channel) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const done = () => {
          waiting.delete(done);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(done, ANSWER_WITHIN_MS);
        waiting.add(done);
        channel.postMessage({ kind: 'ask' } satisfies Message);
      });
    },
    /** A tab that signed in answers the others' questions from now on; those waiting on the sign-in page take it. */
    signedIn(token: string): void {
      channel?.postMessage({ kind: 'token', token } satisfies Message);
    },
    signedOut(): void {
      channel?.postMessage({ kind: 'signed-out' } satisfies Message);
    },
  };
}

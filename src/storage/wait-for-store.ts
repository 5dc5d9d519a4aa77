import { loggableError } from '../observability/loggable-error';
import { Backoff } from './backoff';
import { isConnectionFailure } from './unavailable';

export interface StartupWait {
  /** How long to keep trying a store that does not answer (STARTUP_WAIT_SECONDS); 0 = one try. */
  seconds: number;
  /** Told before each pause: which store, why (a connection-class failure) and for how long. */
  onWaiting?: (dependency: string, error: unknown, delayMs: number) => void;
}

/** A store did not answer during the whole start-up wait. The message names it and the last failure's code, never a URL. */
export class StoreUnreachableError extends Error {
  constructor(
    readonly dependency: string,
    seconds: number,
    readonly lastFailure: unknown,
  ) {
    const { type, code, cause } = loggableError(lastFailure);
    const reason = code ?? cause?.code ?? type;
    super(`${dependency} did not answer within ${seconds} s (last failure: ${reason}); check that it runs and that its URL is right, or raise STARTUP_WAIT_SECONDS`);
    this.name = 'StoreUnreachableError';
  }
}

/**
 * Runs `open` until it succeeds, retrying connection-class failures with capped, jittered backoff for
 * up to `wait.seconds` (a PostgreSQL that is still starting answers 57P03 or refuses connections, as
 * under every `docker compose up`). Any other failure — a wrong password, a bad schema — fails at once.
 */
export async function untilAnswering<T>(dependency: string, open: () => Promise<T>, wait: StartupWait): Promise<T> {
  const deadline = Date.now() + wait.seconds * 1000;
  const backoff = new Backoff(250, 5000);
  for (;;) {
    try {
      return await open();
    } catch (error) {
      if (!isConnectionFailure(error)) throw error;
      const left = deadline - Date.now();
      if (left <= 0) throw new StoreUnreachableError(dependency, wait.seconds, error);
      const delay = Math.min(backoff.next(), left);
      wait.onWaiting?.(dependency, error, delay);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

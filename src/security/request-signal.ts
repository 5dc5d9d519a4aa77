import { setMaxListeners } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Aborted when the client closes the connection before its answer was sent, so the reads behind a
 * request stop (and PostgreSQL cancels the statement) instead of running for nobody.
 */
export function requestSignal(req: IncomingMessage, res: ServerResponse): AbortSignal {
  const controller = new AbortController();
  // Every field of a request (up to the cost limit's aliases) may wait on it at once: not a leak.
  setMaxListeners(1_000, controller.signal);
  const gone = () => {
    if (!res.writableFinished) controller.abort(new Error('the client went away'));
  };
  res.once('close', gone);
  req.once('aborted', gone);
  return controller.signal;
}

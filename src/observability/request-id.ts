import { randomUUID } from 'node:crypto';

/** A caller's own id is kept when it looks like one (a proxy's or a client's); anything else gets a fresh UUID. */
const CALLER_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The id a request is served under: the offered `x-request-id` (HTTP header or gRPC metadata) if it is one, else a new UUID. */
export function acceptRequestId(offered: unknown): string {
  return typeof offered === 'string' && CALLER_REQUEST_ID.test(offered) ? offered : randomUUID();
}

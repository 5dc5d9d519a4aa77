import { AsyncLocalStorage } from 'node:async_hooks';

/** What one request carries through the calls it causes, so command metadata and logs can name it. */
export interface RequestContext {
  readonly requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runInRequest<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

/** The id of the request being served, or undefined outside one (the deadline process, the CLI). */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/**
 * One read per request and case version: the resolvers of one GraphQL answer that need the same
 * thing — the case's stream (documents, reporter, another region's timeline) or its key — share one
 * read instead of each making its own. Keyed by the request (its context object) and the case
 * version the answer shows, so a second mutation in the same request, which moves the version, reads
 * afresh. Without a request (gRPC, HTTP controllers, processes) every call reads.
 */
export interface SharedReads {
  /** The request: entries live as long as it does (a WeakMap). */
  request: object;
  /** The version of the case the answer shows. */
  version: number;
}

const reads = new WeakMap<object, Map<string, Promise<unknown>>>();

export function sharedRead<T>(shared: SharedReads | undefined, key: string, load: () => Promise<T>): Promise<T> {
  if (!shared) return load();
  let byKey = reads.get(shared.request);
  if (!byKey) reads.set(shared.request, (byKey = new Map()));
  const id = `${key}@${shared.version}`;
  let read = byKey.get(id) as Promise<T> | undefined;
  if (!read) byKey.set(id, (read = load()));
  return read;
}

import type { Pool, PoolClient } from 'pg';

/**
 * Makes a pool safe against connections the server or the network ends (pg_terminate_backend, a
 * failover, a proxy cutting it):
 * - node-postgres emits 'error' on the client, and on a client that is checked out (a transaction, a
 *   LISTEN) nobody listens, so the process would die: each client gets a listener as it connects;
 * - a checked-out client that breaks is given back to the pool at once (which discards it), and its
 *   owner's own release becomes a no-op. Without this a client whose BEGIN failed stays checked out
 *   for good (drizzle's transaction() releases only after BEGIN succeeded): the pool shrinks with
 *   every such fault and `pool.end()` at shutdown never returns.
 * The next query opens a new connection.
 */
export function guardPool(pool: Pool, onLost: (error: Error) => void = () => undefined): Pool {
  pool.on('error', () => undefined); // an idle client's error, already reported by its own listener below
  pool.on('connect', (client: PoolClient) => {
    client.on('error', (error: Error) => onLost(error));
  });
  const connect = pool.connect.bind(pool) as (callback?: unknown) => Promise<PoolClient> | void;
  // pool.query checks out with a callback and already releases a broken client itself.
  pool.connect = ((callback?: unknown) => (callback ? connect(callback) : (connect() as Promise<PoolClient>).then(releasedWhenBroken))) as Pool['connect'];
  return pool;
}

function releasedWhenBroken(client: PoolClient): PoolClient {
  const release = client.release;
  let released = false;
  const onError = (error: Error) => releaseOnce(error);
  const releaseOnce = (error?: Error | boolean) => {
    if (released) return;
    released = true;
    client.removeListener('error', onError);
    release(error);
  };
  client.on('error', onError);
  client.release = releaseOnce;
  // Broken between the pool handing it out and now.
  if ((client as unknown as { _queryable?: boolean })._queryable === false) releaseOnce(new Error('Connection terminated'));
  return client;
}

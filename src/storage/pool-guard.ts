import type { Pool, PoolClient } from 'pg';

/**
 * Makes a pool safe against connections the server or the network ends (pg_terminate_backend, a
 * failover, a proxy cutting it): node-postgres emits 'error' on the client, and on a client that is
 * checked out (a transaction, a LISTEN) nobody listens, so the process would die. Each client gets a
 * listener the moment it connects; a broken client is not queryable any more, so the pool discards it
 * on release and the next query opens a new connection.
 */
export function guardPool(pool: Pool, onLost: (error: Error) => void = () => undefined): Pool {
  pool.on('error', () => undefined); // the same error, already reported by the client's listener below
  pool.on('connect', (client: PoolClient) => {
    client.on('error', (error: Error) => onLost(error));
  });
  return pool;
}

/**
 * Tables of the PostgreSQL event store. `es_streams` holds each stream's version: the row the
 * expected-version check updates, so the database (a row lock and a primary key) decides which of
 * two racing writers wins. The constraints on `es_events` are the last guard against a forked stream.
 * `hash` and `prev_hash` link each event to the one before it (src/event-store/event-hash.ts); a
 * table from before the ledger gets them at init (hash-chain-migration.ts).
 */
export interface PostgresNames {
  events: string;
  streams: string;
  /** Key of the transaction-scoped advisory lock that serialises position assignment. */
  lockName: string;
  /** LISTEN/NOTIFY channel woken by every append. */
  channel: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,40}$/;

/** Names in `schema` (created by init) or, without one, unqualified names on the search path. */
export function postgresNames(schema?: string): PostgresNames {
  if (schema !== undefined && !IDENTIFIER.test(schema)) {
    throw new Error(`schema name ${JSON.stringify(schema)} must be a lower-case identifier`);
  }
  const prefix = schema ? `${schema}.` : '';
  return {
    events: `${prefix}es_events`,
    streams: `${prefix}es_streams`,
    lockName: `netra.event-store:${schema ?? ''}`,
    channel: schema ? `${schema}_es_appended` : 'es_appended',
  };
}

export function createTables(names: PostgresNames, schema?: string): string {
  return `
    ${schema ? `CREATE SCHEMA IF NOT EXISTS ${schema};` : ''}
    CREATE TABLE IF NOT EXISTS ${names.streams} (
      stream_id text    PRIMARY KEY,
      version   integer NOT NULL CHECK (version > 0)
    );
    CREATE TABLE IF NOT EXISTS ${names.events} (
      position  bigint  PRIMARY KEY CHECK (position > 0),
      stream_id text    NOT NULL,
      version   integer NOT NULL CHECK (version > 0),
      id        uuid    NOT NULL CONSTRAINT es_events_id_unique UNIQUE,
      type      text    NOT NULL,
      data      jsonb   NOT NULL,
      metadata  jsonb   NOT NULL,
      hash      text    NOT NULL,
      prev_hash text    NOT NULL,
      CONSTRAINT es_events_stream_version_unique UNIQUE (stream_id, version)
    );`;
}

export const STREAM_VERSION_CONSTRAINT = 'es_events_stream_version_unique';
export const EVENT_ID_CONSTRAINT = 'es_events_id_unique';

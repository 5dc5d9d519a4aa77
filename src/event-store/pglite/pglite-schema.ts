/**
 * Tables of the PGlite event store. Prefixed `es_` because the same database holds the read model.
 * The constraints are the real guards: a racing or buggy append fails instead of forking a stream.
 * `hash` and `prev_hash` link each event to the one before it (src/event-store/event-hash.ts); a
 * table from before the ledger gets them at init (hash-chain-migration.ts).
 */
export const CREATE_EVENT_STORE_TABLES = `
  CREATE TABLE IF NOT EXISTS es_events (
    position  bigint  PRIMARY KEY CHECK (position > 0),
    stream_id text    NOT NULL,
    version   integer NOT NULL CHECK (version > 0),
    id        uuid    NOT NULL UNIQUE,
    type      text    NOT NULL,
    data      jsonb   NOT NULL,
    metadata  jsonb   NOT NULL,
    hash      text    NOT NULL,
    prev_hash text    NOT NULL,
    UNIQUE (stream_id, version)
  );
`;

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
  /** The function that does a whole append in one statement (createAppendFunction). */
  append: string;
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
    append: `${prefix}es_append`,
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

/**
 * A whole append in one statement, so one round trip and the statement's own commit: claim the
 * stream's versions (or answer `conflict` with the stream's version, changing nothing), take the
 * advisory lock, read the head — a statement of its own inside the function, so under READ
 * COMMITTED it sees every append committed before the lock was granted — insert the events with
 * their chain links, notify. The lock is held from the head read to the commit that ends the
 * statement: no round trip to the client inside it.
 *
 * The link is event-hash.ts's, computed here: SHA-256 over the previous hash, a newline and
 * canonicalJson([sequence, streamId, version, id, type, data, metadata]), where the client sends
 * JSON.stringify(streamId) and the canonical JSON of id, type, data and metadata (`tails`), and
 * this function adds what only the lock knows: the sequence and the link before.
 */
export function createAppendFunction(names: PostgresNames): string {
  const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
  return `
    CREATE OR REPLACE FUNCTION ${names.append}(p_stream text, p_stream_json text, p_expected text, p_events jsonb, p_tails text[])
    RETURNS TABLE (outcome text, next_version integer, last_position bigint) LANGUAGE plpgsql AS $append$
    DECLARE
      n integer := jsonb_array_length(p_events);
      previous integer;
      claimed integer := 1;
      head bigint;
      link text;
      linked text;
      e jsonb;
    BEGIN
      IF p_expected = 'any' THEN
        INSERT INTO ${names.streams} AS s (stream_id, version) VALUES (p_stream, n)
          ON CONFLICT (stream_id) DO UPDATE SET version = s.version + EXCLUDED.version RETURNING s.version - n INTO previous;
      ELSIF p_expected = 'no_stream' OR p_expected = '0' THEN
        INSERT INTO ${names.streams} (stream_id, version) VALUES (p_stream, n) ON CONFLICT (stream_id) DO NOTHING;
        GET DIAGNOSTICS claimed = ROW_COUNT;
        previous := 0;
      ELSE
        UPDATE ${names.streams} SET version = version + n WHERE stream_id = p_stream AND version = p_expected::integer;
        GET DIAGNOSTICS claimed = ROW_COUNT;
        previous := p_expected::integer;
      END IF;
      IF claimed = 0 THEN
        RETURN QUERY SELECT 'conflict'::text, coalesce((SELECT version FROM ${names.streams} WHERE stream_id = p_stream), 0), NULL::bigint;
        RETURN;
      END IF;
      PERFORM pg_advisory_xact_lock(hashtextextended(${literal(names.lockName)}, 0));
      SELECT position, hash INTO head, link FROM ${names.events} ORDER BY position DESC LIMIT 1;
      head := coalesce(head, 0);
      link := coalesce(link, repeat('0', 64));
      FOR i IN 1..n LOOP
        e := p_events -> (i - 1);
        linked := encode(sha256(convert_to(link || E'\\n' || '["' || (head + i)::text || '",' || p_stream_json || ',' || (previous + i)::text || ',' || p_tails[i] || ']', 'UTF8')), 'hex');
        INSERT INTO ${names.events} (position, stream_id, version, id, type, data, metadata, hash, prev_hash)
          VALUES (head + i, p_stream, previous + i, (e->>'id')::uuid, e->>'type', e->'data', e->'metadata', linked, link);
        link := linked;
      END LOOP;
      PERFORM pg_notify(${literal(names.channel)}, (head + n)::text);
      RETURN QUERY SELECT 'appended'::text, previous + n, head + n;
    END
    $append$;`;
}

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
  /** The function that does several appends in one statement (createAppendFunction). */
  appendBatch: string;
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
    appendBatch: `${prefix}es_append_batch_linked`,
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
 * Several appends in one statement, so one round trip and one commit for the lot (group commit:
 * postgres-event-store.ts gathers the appends waiting to be sent). Each append is decided on its
 * own: an append whose event ids are already stored answers `exists`, one whose expected version
 * does not hold answers `conflict` with the stream's version, and neither changes anything nor
 * fails the others. The streams' versions are claimed in stream order (so two batches never wait
 * on each other's rows), then the advisory lock is taken and the head read — a statement of its
 * own inside the function, so under READ COMMITTED it sees every append committed before the lock
 * was granted — and the claimed appends are inserted in the order they came, with their chain
 * links, and notified once. The lock is held from the head read to the commit that ends the
 * statement: no round trip to the client inside it.
 *
 * The link is event-hash.ts's, computed here: SHA-256 over the previous hash, a newline and
 * canonicalJson([sequence, streamId, version, id, type, data, metadata]), where the client sends
 * JSON.stringify(streamId) and the canonical JSON of id, type, data and metadata (`tails`, one
 * array per append), and this function adds what only the lock knows: the sequence and the link
 * before. Each appended append also answers with its `links`: the link before its first event, then
 * each event's hash, comma-separated, so that the subscriptions in this process can take its events
 * from the append instead of reading them back (catch-up-subscription.ts).
 *
 * It is `es_append_batch_linked`, not the `es_append_batch` of earlier versions (which answered without
 * `links`; CREATE OR REPLACE cannot add a result column): a database keeps the old one, so an
 * earlier version still starts and appends on it, beside this one, under the same lock.
 */
export function createAppendFunction(names: PostgresNames): string {
  const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
  return `
    CREATE OR REPLACE FUNCTION ${names.appendBatch}(p_streams text[], p_stream_jsons text[], p_expected text[], p_events jsonb, p_tails jsonb)
    RETURNS TABLE (ord integer, outcome text, next_version integer, last_position bigint, links text) LANGUAGE plpgsql AS $append$
    DECLARE
      m integer := cardinality(p_streams);
      outcomes text[] := array_fill(NULL::text, ARRAY[m]);
      versions integer[] := array_fill(0, ARRAY[m]);
      lasts bigint[] := array_fill(NULL::bigint, ARRAY[m]);
      chains text[] := array_fill(NULL::text, ARRAY[m]);
      any_claimed boolean := false;
      k integer;
      n integer;
      previous integer;
      claimed integer;
      head bigint;
      link text;
      linked text;
      e jsonb;
    BEGIN
      FOR k IN SELECT i FROM generate_subscripts(p_streams, 1) AS i ORDER BY p_streams[i], i LOOP
        n := jsonb_array_length(p_events -> (k - 1));
        IF EXISTS (SELECT 1 FROM ${names.events} WHERE id IN (SELECT (x ->> 'id')::uuid FROM jsonb_array_elements(p_events -> (k - 1)) AS x)) THEN
          outcomes[k] := 'exists';
          CONTINUE;
        END IF;
        claimed := 1;
        IF p_expected[k] = 'any' THEN
          INSERT INTO ${names.streams} AS s (stream_id, version) VALUES (p_streams[k], n)
            ON CONFLICT (stream_id) DO UPDATE SET version = s.version + EXCLUDED.version RETURNING s.version - n INTO previous;
        ELSIF p_expected[k] = 'no_stream' OR p_expected[k] = '0' THEN
          INSERT INTO ${names.streams} (stream_id, version) VALUES (p_streams[k], n) ON CONFLICT (stream_id) DO NOTHING;
          GET DIAGNOSTICS claimed = ROW_COUNT;
          previous := 0;
        ELSE
          UPDATE ${names.streams} SET version = version + n WHERE stream_id = p_streams[k] AND version = p_expected[k]::integer;
          GET DIAGNOSTICS claimed = ROW_COUNT;
          previous := p_expected[k]::integer;
        END IF;
        IF claimed = 0 THEN
          outcomes[k] := 'conflict';
          versions[k] := coalesce((SELECT version FROM ${names.streams} WHERE stream_id = p_streams[k]), 0);
        ELSE
          outcomes[k] := 'appended';
          versions[k] := previous;
          any_claimed := true;
        END IF;
      END LOOP;
      IF any_claimed THEN
        PERFORM pg_advisory_xact_lock(hashtextextended(${literal(names.lockName)}, 0));
        SELECT position, hash INTO head, link FROM ${names.events} ORDER BY position DESC LIMIT 1;
        head := coalesce(head, 0);
        link := coalesce(link, repeat('0', 64));
        FOR k IN 1..m LOOP
          CONTINUE WHEN outcomes[k] <> 'appended';
          previous := versions[k];
          n := jsonb_array_length(p_events -> (k - 1));
          chains[k] := link;
          FOR i IN 1..n LOOP
            e := p_events -> (k - 1) -> (i - 1);
            head := head + 1;
            linked := encode(sha256(convert_to(link || E'\\n' || '["' || head::text || '",' || p_stream_jsons[k] || ',' || (previous + i)::text || ',' || (p_tails -> (k - 1) ->> (i - 1)) || ']', 'UTF8')), 'hex');
            INSERT INTO ${names.events} (position, stream_id, version, id, type, data, metadata, hash, prev_hash)
              VALUES (head, p_streams[k], previous + i, (e->>'id')::uuid, e->>'type', e->'data', e->'metadata', linked, link);
            link := linked;
            chains[k] := chains[k] || ',' || linked;
          END LOOP;
          versions[k] := previous + n;
          lasts[k] := head;
        END LOOP;
        PERFORM pg_notify(${literal(names.channel)}, head::text);
      END IF;
      RETURN QUERY SELECT i, outcomes[i], versions[i], lasts[i], chains[i] FROM generate_series(1, m) AS i;
    END
    $append$;`;
}

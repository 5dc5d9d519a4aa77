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

/**
 * One append in one statement, so one call to the database's thread and no transaction held open
 * across calls (an open transaction keeps every other statement waiting, while this thread answers
 * each of its calls in turn). PGlite runs one statement at a time, so the stream's version and the
 * log's head read here cannot change before the inserts. The link is event-hash.ts's, computed as
 * PostgreSQL's `es_append_batch_linked` does (postgres-schema.ts): SHA-256 over the previous hash, a
 * newline and `["<position>",<stream as JSON>,<version>,<tail>]`, where `p_tails` holds each event's
 * canonical JSON of id, type, data and metadata (hashTails). A wrong expected version answers
 * `conflict` with the stream's version and writes nothing; an event id already stored fails the
 * statement (23505) and writes nothing, and the caller looks for a retry.
 */
export const CREATE_APPEND_FUNCTION = `
  CREATE OR REPLACE FUNCTION es_append(p_stream text, p_stream_json text, p_expected text, p_events jsonb, p_tails jsonb)
  RETURNS TABLE (outcome text, next_version integer, last_position bigint) LANGUAGE plpgsql AS $append$
  DECLARE
    n integer := jsonb_array_length(p_events);
    current integer;
    head bigint;
    link text;
    linked text;
    e jsonb;
  BEGIN
    SELECT coalesce(max(version), 0) INTO current FROM es_events WHERE stream_id = p_stream;
    IF NOT (p_expected = 'any' OR p_expected = current::text OR (p_expected = 'no_stream' AND current = 0)) THEN
      RETURN QUERY SELECT 'conflict'::text, current, NULL::bigint;
      RETURN;
    END IF;
    SELECT position, hash INTO head, link FROM es_events ORDER BY position DESC LIMIT 1;
    head := coalesce(head, 0);
    link := coalesce(link, repeat('0', 64));
    FOR i IN 1..n LOOP
      e := p_events -> (i - 1);
      head := head + 1;
      linked := encode(sha256(convert_to(link || E'\\n' || '["' || head::text || '",' || p_stream_json || ',' || (current + i)::text || ',' || (p_tails ->> (i - 1)) || ']', 'UTF8')), 'hex');
      INSERT INTO es_events (position, stream_id, version, id, type, data, metadata, hash, prev_hash)
        VALUES (head, p_stream, current + i, (e ->> 'id')::uuid, e ->> 'type', e -> 'data', e -> 'metadata', linked, link);
      link := linked;
    END LOOP;
    RETURN QUERY SELECT 'appended'::text, current + n, head;
  END
  $append$;
`;

-- Every dot-prefix of a case's scope codes ('16.73.01' gives '16', '16.73', '16.73.01'): a code lies
-- within a region R (code = R OR code LIKE R || '.%') exactly when R is one of its dot-prefixes. In the
-- read model's own schema (a rebuild makes it with the tables and drops it with the old ones).
CREATE FUNCTION rm_scope_prefixes(codes text[]) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT array_to_string(parts[1:i], '.')), '{}'::text[])
  FROM unnest(codes) AS code, string_to_array(code, '.') AS parts, generate_series(1, cardinality(parts)) AS i
$$;--> statement-breakpoint
CREATE INDEX "rm_cases_scope_prefixes_idx" ON "rm_cases" USING gin (rm_scope_prefixes(scope_codes)) WHERE (cardinality(scope_codes) > 1);

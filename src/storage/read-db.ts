import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/** The read-model database, embedded PGlite or PostgreSQL: the same Drizzle API over either driver. */
export type ReadDb = PgDatabase<PgQueryResultHKT, Record<string, never>>;

export const READ_DB = Symbol('READ_DB');

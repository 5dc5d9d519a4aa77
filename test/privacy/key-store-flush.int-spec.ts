import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { randomBytes } from 'node:crypto';
import { KeyStore } from '../../src/privacy/key-store';
import type { ReadDb } from '../../src/storage/read-db';
import { createThrowawayDatabase, describeWithPostgres, type ThrowawayDatabase } from '../support/throwaway-database';

/**
 * A case's key made for an append, where the keys share the log's database, commits without its own
 * WAL flush (the append's synchronous commit flushes it); every other key is flushed as it commits.
 * A trigger records the setting each key's insert committed under.
 */
describeWithPostgres('case keys made for an append (PostgreSQL)', () => {
  let database: ThrowawayDatabase;
  let db: ReadDb;
  const master = randomBytes(32);

  beforeAll(async () => {
    database = await createThrowawayDatabase(4);
    db = drizzle(database.pool) as unknown as ReadDb;
    await new KeyStore(db, master).init();
    await database.pool.query(`
      CREATE TABLE public.key_commits (case_id text, synchronous_commit text);
      CREATE FUNCTION public.record_key_commit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN INSERT INTO public.key_commits VALUES (NEW.case_id, current_setting('synchronous_commit')); RETURN NEW; END $$;
      CREATE TRIGGER record_key_commit AFTER INSERT ON netra_keys.case_keys FOR EACH ROW EXECUTE FUNCTION public.record_key_commit();`);
  });
  afterAll(async () => database?.drop());

  const committedUnder = async (caseId: string) =>
    (await database.pool.query<{ synchronous_commit: string }>('SELECT synchronous_commit FROM public.key_commits WHERE case_id = $1', [caseId])).rows.map((row) => row.synchronous_commit);

  it('commits a key made for an append without a flush of its own when the log shares the database, and finds it again', async () => {
    const keys = new KeyStore(db, master, { flushedByTheLog: true });

    const made = await keys.keyFor('case-for-append', { forAppend: true });

    expect(await committedUnder('case-for-append')).toEqual(['off']);
    expect(made).toHaveLength(32);
    expect(await keys.keyFor('case-for-append', { forAppend: true })).toEqual(made);
    expect(await keys.keyFor('case-for-append')).toEqual(made);
    // The setting was the statement's own: the next statement on the connection commits as configured.
    const { rows } = await database.pool.query<{ s: string }>(`SELECT current_setting('synchronous_commit') AS s`);
    expect(rows[0].s).toBe('on');
  });

  it('flushes every other key as it commits: not for an append, or keys on another database than the log', async () => {
    await new KeyStore(db, master, { flushedByTheLog: true }).keyFor('case-for-a-document');
    await new KeyStore(db, master).keyFor('case-keys-elsewhere', { forAppend: true });

    expect(await committedUnder('case-for-a-document')).toEqual(['on']);
    expect(await committedUnder('case-keys-elsewhere')).toEqual(['on']);
  });

  it('still makes a key once and never again after its destruction', async () => {
    const keys = new KeyStore(db, master, { flushedByTheLog: true });
    await keys.keyFor('case-erased', { forAppend: true });
    await keys.destroy('case-erased', new Date());

    expect(await keys.keyFor('case-erased', { forAppend: true })).toBeNull();
    expect((await db.execute(sql`SELECT count(*)::int AS n FROM netra_keys.case_keys WHERE case_id = 'case-erased'`)) as unknown as { rows: unknown[] }).toMatchObject({ rows: [{ n: 1 }] });
  });
});

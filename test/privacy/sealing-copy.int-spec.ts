import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { randomBytes } from 'node:crypto';
import { caseStreamId } from '../../src/case/case-events';
import { syntheticHistory } from '../../src/demo/synthetic-history';
import { copyEvents, type EventTransform } from '../../src/event-store/copying/copy-events';
import type { EventStore, RecordedEvent } from '../../src/event-store/event-store';
import { openPglite } from '../../src/event-store/pglite/open-pglite';
import { PgliteEventStore } from '../../src/event-store/pglite/pglite-event-store';
import { rebuildInPlace } from '../../src/oversight/projection/rebuild';
import { openPgliteReadDb, openPostgresReadDb } from '../../src/oversight/read-model/open-read-db';
import type { ReadDb } from '../../src/storage/read-db';
import { dumpReadModel } from '../../src/oversight/read-model/read-model-dump';
import { copyKeys, KeyStore } from '../../src/privacy/key-store';
import { ERASED, mapPersonal } from '../../src/privacy/personal-fields';
import { sealingCopy } from '../../src/cli/sealing-copy';
import { isSealed } from '../../src/privacy/sealing';
import { sealAsBefore } from '../support/old-event-shape';
import { createThrowawayDatabase, describeWithPostgres, type ThrowawayDatabase } from '../support/throwaway-database';

const CASES = 60;
const master = randomBytes(32);

interface Side {
  store: EventStore;
  keyDb: ReadDb;
  /** A fresh read model rebuilt from this side's log with its keys. */
  readModel(): Promise<{ db: ReadDb; close: () => Promise<void> }>;
  close(): Promise<void>;
}

async function embedded(): Promise<Side & { pglite: PGlite }> {
  const pglite = await openPglite('memory:');
  const store = new PgliteEventStore(pglite);
  await store.init();
  const keyDb = drizzlePglite(pglite) as unknown as ReadDb;
  return {
    pglite,
    store,
    keyDb,
    readModel: async () => {
      const db = await openPgliteReadDb(pglite);
      await rebuildInPlace(store, db, new KeyStore(keyDb, master));
      return { db, close: async () => undefined };
    },
    close: () => pglite.close(),
  };
}

async function postgres(database: ThrowawayDatabase): Promise<Side> {
  const { store, dispose } = await database.openStore({ schema: 'netra_events' });
  const keyDb = drizzlePostgres(database.pool) as unknown as ReadDb;
  return {
    store,
    keyDb,
    readModel: async () => {
      const { db, pool } = await openPostgresReadDb(database.url);
      await rebuildInPlace(store, db, new KeyStore(keyDb, master));
      return { db, close: () => pool.end() };
    },
    close: dispose,
  };
}

/** A store as the previous version wrote it: reporter and NIPs sealed, names and texts in plaintext; one case erased then. */
async function writeOldStore(side: Side): Promise<{ erasedCaseId: string; erasedNames: string[] }> {
  const keys = new KeyStore(side.keyDb, master);
  let erased: { caseId: string; version: number; names: string[] } | null = null;
  for (const c of syntheticHistory(CASES, 7)) {
    const caseId = String(c.events[0].data.caseId);
    const key = (await keys.keyFor(caseId))!;
    await side.store.append(c.streamId, c.events.map((e) => sealAsBefore(e, key)), 'no_stream');
    erased ??= { caseId, version: c.events.length, names: (c.events[0].data.respondents as Array<{ name: string }>).map((r) => r.name) };
  }
  const at = new Date('2026-01-02T03:00:00Z');
  await side.store.append(
    caseStreamId(erased!.caseId),
    [{ id: 'e0a8d7a2-0000-4000-8000-000000000001', type: 'PersonalDataErased', data: { caseId: erased!.caseId, erasedAt: at.toISOString(), reason: `Permintaan ${erased!.names[0]}`, legalHoldOverridden: true }, metadata: { commandId: 'erase-1', agency: 'BAWASLU', unit: null, userId: 'bawaslu-ri', recordedAt: at.toISOString() } }],
    erased!.version,
  );
  await keys.destroy(erased!.caseId, at);
  return { erasedCaseId: erased!.caseId, erasedNames: erased!.names };
}

/** Every personal value an event holds in plaintext. */
function plaintextOf(events: readonly RecordedEvent[]): Set<string> {
  const found = new Set<string>();
  for (const event of events) mapPersonal(event, (value) => (typeof value === 'string' && !isSealed(value) && found.add(value), value));
  return found;
}

const withoutPersonal = (e: RecordedEvent) => [e.id, e.streamId, e.version, e.type, e.metadata, mapPersonal(e, () => '•').data];

function migrationSuite(targetKind: string, openTarget: () => Promise<Side>, dropTarget: () => Promise<void> = async () => undefined): void {
  describe(`to ${targetKind}`, () => {
    let source: Side & { pglite: PGlite };
    let target: Side;
    let old: { erasedCaseId: string; erasedNames: string[] };

    beforeAll(async () => {
      source = await embedded();
      target = await openTarget();
      old = await writeOldStore(source);
    }, 120_000);
    afterAll(async () => {
      await target.close();
      await source.close();
      await dropTarget();
    });

    it('an interrupted sealing copy, run again, is verified: every event reads as its source', async () => {
      await copyKeys(source.keyDb, target.keyDb);
      const transform = sealingCopy(new KeyStore(target.keyDb, master));
      const interrupted = await copyEvents(source.store, target.store, { transform, stopAfter: 100, batchSize: 50 });
      expect(interrupted.verified).toBe(false);
      const report = await copyEvents(source.store, target.store, { transform, batchSize: 50 });
      expect(report).toMatchObject({ verified: true, alreadyCopied: interrupted.targetCount, targetCount: report.sourceCount });
    }, 120_000);

    it('names, summaries, notes and the erasure reason are sealed; ids, versions, metadata and everything else are the same', async () => {
      const [before, after] = [await source.store.readAll(0n, 10_000), await target.store.readAll(0n, 10_000)];
      const plaintext = plaintextOf(before);
      expect(plaintext.size).toBeGreaterThan(CASES); // the old store did hold them readable
      expect(plaintextOf(after)).toEqual(new Set());
      const text = JSON.stringify(after.map((e) => e.data));
      for (const value of plaintext) expect(text).not.toContain(`"${value}"`);
      expect(after.map(withoutPersonal)).toEqual(before.map(withoutPersonal));
    });

    it('the copy’s read model equals the source’s, figures included; the case erased before reads as erased in both', async () => {
      const [a, b] = [await source.readModel(), await target.readModel()];
      try {
        const [dumpA, dumpB] = [await dumpReadModel(a.db), await dumpReadModel(b.db)];
        // The copy has a hash chain of its own (its events are sealed): the checkpoint's link differs by design.
        const unlinked = (dump: typeof dumpA) => ({ ...dump, rm_checkpoints: dump.rm_checkpoints.map((row: string) => row.replace(/"hash": "[0-9a-f]+", /, '')) });
        expect(unlinked(dumpB)).toEqual(unlinked(dumpA));
        const text = JSON.stringify(dumpB);
        for (const name of old.erasedNames) expect(text).not.toContain(name);
        expect(text).toContain(ERASED);
        expect(text).toContain('Respondent 1-1'); // a case not erased opens with its key in the copy
      } finally {
        await a.close();
        await b.close();
      }
    }, 120_000);
  });
}

describe('bringing a store written before names and texts were sealed forward (npm run copy -- --seal)', () => {
  migrationSuite('the embedded store', embedded);

  it('a transformation that changes anything but the representation of personal values fails verification', async () => {
    const [source, target] = [await embedded(), await embedded()];
    try {
      await writeOldStore(source);
      await copyKeys(source.keyDb, target.keyDb);
      const honest = sealingCopy(new KeyStore(target.keyDb, master));
      const tampering: EventTransform = {
        apply: async (events) => (await honest.apply(events)).map((e) => (e.type === 'RecommendationIssued' ? { ...e, data: { ...e.data, letterNumber: 'REK/forged' } } : e)),
        comparable: honest.comparable,
      };
      expect((await copyEvents(source.store, target.store, { transform: tampering })).verified).toBe(false);
    } finally {
      await source.close();
      await target.close();
    }
  }, 120_000);
});

describeWithPostgres('bringing an old embedded store forward into PostgreSQL', () => {
  let database: ThrowawayDatabase;
  migrationSuite(
    'PostgreSQL',
    async () => postgres((database = await createThrowawayDatabase())),
    () => database.drop(),
  );
});

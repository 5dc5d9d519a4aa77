import type { PGlite } from '@electric-sql/pglite';
import { GraphQLClient } from 'graphql-request';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signDevToken } from '../../src/auth/dev-token';
import { openPglite } from '../../src/event-store/pglite/open-pglite';
import { PgliteEventStore } from '../../src/event-store/pglite/pglite-event-store';
import { ProjectionRunner } from '../../src/oversight/projection/projection-runner';
import { openPgliteReadDb } from '../../src/oversight/read-model/open-read-db';
import { dumpReadModel } from '../../src/oversight/read-model/read-model-dump';
import { TEST_SECRET } from '../support/netra-app';
import { drizzle } from 'drizzle-orm/pglite';
import type { ReadDb } from '../../src/storage/read-db';
import { KeyStore } from '../../src/privacy/key-store';
import { resolveMasterKey } from '../../src/privacy/master-key';
import { spawnNetra } from '../support/netra-process';
import { aLaporan, GET_CASE, REPORT_CASE, RECORD_STUDY, type CaseResult } from './fixtures';

describe('a crash in the middle of a stream of mutations', () => {
  let dir: string;
  beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'netra-crash-'))));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('loses no acknowledged command, and the read model equals a fresh rebuild after restart', async () => {
    const env = { EVENT_STORE_URL: `file:${dir}` };
    const first = await spawnNetra(env);
    const token = await signDevToken(TEST_SECRET, { sub: 'crash-test', agency: 'BAWASLU', region: '16.73' });
    const client = new GraphQLClient(first.url, { headers: { authorization: `Bearer ${token}` } });

    const acknowledged: Array<{ caseId: string; studied: boolean }> = [];
    let writing = true;
    const writer = async () => {
      while (writing) {
        try {
          const { reportCase } = await client.request<{ reportCase: CaseResult }>(REPORT_CASE, {
            input: aLaporan({ commandId: `crash-${randomUUID()}` }),
          });
          const entry = { caseId: reportCase.id, studied: false };
          acknowledged.push(entry);
          await client.request(RECORD_STUDY, {
            input: {
              caseId: reportCase.id,
              studiedAt: '2024-09-30T10:00:00+07:00',
              findings: [
                { respondentId: 'R1', outcome: 'VIOLATION', violations: ['SOCIAL_MEDIA_ENGAGEMENT'] },
                { respondentId: 'R2', outcome: 'NO_VIOLATION' },
              ],
            },
          });
          entry.studied = true;
        } catch {
          return; // the server died under us: requests in flight were never acknowledged
        }
      }
    };
    const writers = [writer(), writer(), writer()];
    await new Promise((resolve) => setTimeout(resolve, 2500));
    first.child.kill('SIGKILL');
    writing = false;
    await Promise.all(writers);
    await first.exited;
    expect(acknowledged.length).toBeGreaterThan(5);

    const second = await spawnNetra(env);
    const reader = new GraphQLClient(second.url, { headers: { authorization: `Bearer ${token}` } });
    for (const { caseId, studied } of acknowledged) {
      const { case: found } = await reader.request<{ case: CaseResult | null }>(GET_CASE, { id: caseId });
      expect(found?.id).toBe(caseId);
      if (studied) expect(found?.stage).toBe('STUDIED');
    }
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    let disk: PGlite | null = null;
    let spare: PGlite | null = null;
    try {
      disk = await openPglite(dir);
      const store = new PgliteEventStore(disk);
      const recovered = await dumpReadModel(await openPgliteReadDb(disk));
      spare = await openPglite('memory:');
      const rebuilt = await openPgliteReadDb(spare);
      const keys = new KeyStore(drizzle(disk) as unknown as ReadDb, resolveMasterKey(null, dir, false).key);
      const runner = new ProjectionRunner(store, rebuilt, { keys });
      await runner.start();
      await runner.stop();
      expect(await dumpReadModel(rebuilt)).toEqual(recovered);
      expect(recovered.rm_cases.length).toBeGreaterThanOrEqual(acknowledged.length);
    } finally {
      await disk?.close();
      await spare?.close();
    }
  }, 180_000);
});

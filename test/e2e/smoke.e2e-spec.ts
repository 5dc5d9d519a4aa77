import type { PGlite } from '@electric-sql/pglite';
import type { Storage } from '../../src/storage/storage';
import { STORAGE } from '../../src/storage/storage.module';
import { startTestNetra, type RunningNetra } from '../support/netra-app';
import { aLaporan, REPORT_CASE, type CaseResult } from './fixtures';

describe('smoke', () => {
  let netra: RunningNetra;
  beforeAll(async () => (netra = await startTestNetra()));
  afterAll(() => netra.close());

  it('a Bawaslu unit reports a case and reads it back', async () => {
    const bawaslu = await netra.client('BAWASLU', '16.73');
    const { reportCase } = await bawaslu.request<{ reportCase: CaseResult }>(REPORT_CASE, { input: aLaporan() });
    expect(reportCase.stage).toBe('REPORTED');
    expect(reportCase.reporter?.name).toBe('Rina Marlina');
  });

  it('answers /health as ready when the store, the read model and the projection answer', async () => {
    const response = await fetch(netra.url.replace('/graphql', '/health'));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      info: { eventStore: { status: 'up' }, readModel: { status: 'up' }, projection: { status: 'up' } },
    });
  });

  it('exposes Prometheus metrics with the commands handled and the projection position', async () => {
    const text = await (await fetch(netra.url.replace('/graphql', '/metrics'))).text();
    expect(text).toMatch(/netra_commands_total\{command="ReportCase",outcome="ok"\} 1/);
    expect(text).toMatch(/netra_projection_position [1-9]/);
  });

  it('answers /health/live while a slow statement runs on the embedded database (its own thread)', async () => {
    const embedded = (netra.app.get<Storage>(STORAGE).readDb as unknown as { $client: PGlite }).$client;
    let statementEnded = false;
    const slow = embedded.query('SELECT pg_sleep(3)').then(() => (statementEnded = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const response = await fetch(`${netra.url.replace('/graphql', '')}/health/live`);
    expect(response.status).toBe(200);
    expect(statementEnded).toBe(false);
    await slow;
  });
});

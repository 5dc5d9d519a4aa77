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
});

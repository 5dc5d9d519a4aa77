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
});

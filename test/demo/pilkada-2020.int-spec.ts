import type { CaseReported } from '../../src/case/reporting/report-case';
import { loadConfig } from '../../src/config/config';
import { appendPilkada2020, pilkada2020History } from '../../src/demo/pilkada-2020';
import { openReporter } from '../../src/privacy/personal-data';
import { isSealed } from '../../src/privacy/sealing';
import { openStorage, type Storage } from '../../src/storage/storage';

describe('the Pilkada 2020 history on the embedded store', () => {
  let storage: Storage;
  beforeAll(async () => (storage = await openStorage(loadConfig({ EVENT_STORE_URL: 'memory:', NETRA_DEMO: '0' }))));
  afterAll(async () => storage.close());

  it('appends every generated event, one stream per case, with reporters sealed as the write side stores them', async () => {
    const generated = [...pilkada2020History()];
    const expected = generated.reduce((sum, c) => sum + c.events.length, 0);

    expect(await appendPilkada2020(storage.store, storage.keys)).toBe(expected);

    expect(await storage.store.headPosition()).toBe(BigInt(expected));
    const report = generated.find((c) => c.events[0].data.source === 'REPORT')!;
    const [stored] = (await storage.store.readStream(report.streamId)) as unknown as CaseReported[];
    expect(isSealed(stored.data.reporter)).toBe(true);
    const key = (await storage.keys.keys([stored.data.caseId])).get(stored.data.caseId)!;
    expect(openReporter(stored.data, key)).toEqual((report.events[0].data as CaseReported['data']).reporter);
  });
});

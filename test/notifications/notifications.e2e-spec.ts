import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gql } from 'graphql-request';
import { aRecommendation, aSanctionDecision, aStudy, anExecution, BUPATI_MUSI_RAWAS, DECIDE, EXECUTE, mutate, RECOMMEND, REPORT, STUDY } from '../e2e/case-steps';
import { aLaporan, NIP_CAMAT } from '../e2e/fixtures';
import { startTestNetra, type RunningNetra } from '../support/netra-app';
import { createThrowawayDatabase, describeWithPostgres } from '../support/throwaway-database';
import { receivers, until, verified } from './receivers';

const BKN_SECRET = 'bkn-webhook-secret-0123456789';
const PPK_SECRET = 'ppk-1673-webhook-secret-abcdef';

const DELIVERIES = gql`
  query deliveries($status: DeliveryStatus) {
    notificationDeliveries(first: 50, status: $status) { totalCount edges { node { id eventId channel recipient unit kind status attempts lastStatus lastError deliveredAt } } }
  }
`;

interface Delivery {
  id: string;
  eventId: string;
  channel: string;
  recipient: string;
  unit: string;
  kind: string;
  status: string;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
}

function suite(storeEnv: () => Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }>) {
  it('each lifecycle step reaches its unit by exactly one e-mail and one signed webhook, also across a restart; a failing webhook is retried, then delivered', async () => {
    // /bkn answers 500 to its first two requests.
    const rx = await receivers((path, count) => path === '/bkn' && count <= 2);
    const store = await storeEnv();
    const units = {
      BKN: { emails: ['netralitas@bkn.example.go.id'], webhooks: [{ url: `${rx.hookUrl}/bkn`, secret: BKN_SECRET }] },
      'PPK:16.73': { emails: ['bkpsdm@lubuklinggau.example.go.id'], webhooks: [{ url: `${rx.hookUrl}/ppk-16.73`, secret: PPK_SECRET }] },
      'PPK:16.05': { emails: ['bkpsdm@musirawas.example.go.id'] },
    };
    const env = { ...store.env, NOTIFY_SMTP_URL: rx.smtpUrl, NOTIFY_UNITS: JSON.stringify(units), NOTIFY_POLL_MS: '100', NOTIFY_RETRY_BASE_MS: '100' };
    let netra: RunningNetra | null = await startTestNetra(env);
    try {
      const bawaslu = await netra.client('BAWASLU', '16.73');
      const bkn = await netra.client('BKN');
      const caseId = (await mutate(bawaslu, REPORT, aLaporan())).id;
      await mutate(bawaslu, STUDY, aStudy(caseId, { R1: 'VIOLATION', R2: 'VIOLATION' }));
      await mutate(bawaslu, RECOMMEND, aRecommendation(caseId, ['R1', 'R2']));
      await mutate(bkn, DECIDE, aSanctionDecision(caseId, 'R1'));
      await mutate(bkn, DECIDE, aSanctionDecision(caseId, 'R2', { ppk: BUPATI_MUSI_RAWAS }));

      const delivered = () => rx.hooks.filter((h) => h.status === 204);
      await until('3 e-mails and 2 delivered webhooks', () => rx.mails.length >= 3 && delivered().length >= 2);
      await new Promise((r) => setTimeout(r, 500)); // room for a duplicate to show up
      expect(rx.mails.map((m) => m.to).sort()).toEqual(['bkpsdm@lubuklinggau.example.go.id', 'bkpsdm@musirawas.example.go.id', 'netralitas@bkn.example.go.id']);
      // BKN's endpoint failed twice: three requests for one delivery, the same delivery id each time.
      const bknHooks = rx.hooks.filter((h) => h.path === '/bkn');
      expect(bknHooks.map((h) => h.status)).toEqual([500, 500, 204]);
      expect(new Set(bknHooks.map((h) => h.headers['x-netra-delivery'])).size).toBe(1);
      expect(delivered().map((h) => h.path).sort()).toEqual(['/bkn', '/ppk-16.73']);
      for (const hook of rx.hooks) expect(verified(hook, hook.path === '/bkn' ? BKN_SECRET : PPK_SECRET)).toBe(true);
      // A receiver holding the wrong secret, or a body changed in transit, fails the check.
      expect(verified(bknHooks[2], PPK_SECRET)).toBe(false);
      expect(verified({ ...bknHooks[2], body: bknHooks[2].body.replace('RECOMMENDATION', 'SANCTION') }, BKN_SECRET)).toBe(false);

      // What each unit is told follows what it may see: Musi Rawas's PPK never reads R1's name.
      const mailTo = (address: string) => rx.mails.find((m) => m.to === address)!.raw;
      expect(mailTo('netralitas@bkn.example.go.id')).toMatch(/Ahmad Fauzi[\s\S]*Dewi Anggraini/);
      expect(mailTo('netralitas@bkn.example.go.id')).toContain('Rekomendasi Bawaslu diterima');
      expect(mailTo('bkpsdm@musirawas.example.go.id')).toContain('Dewi Anggraini');
      expect(mailTo('bkpsdm@musirawas.example.go.id')).not.toContain('Ahmad Fauzi');
      expect(mailTo('bkpsdm@lubuklinggau.example.go.id')).toContain('Ahmad Fauzi');
      expect(mailTo('bkpsdm@lubuklinggau.example.go.id')).not.toContain('Dewi Anggraini');
      const ppkHook = JSON.parse(delivered().find((h) => h.path === '/ppk-16.73')!.body);
      expect(ppkHook).toMatchObject({ kind: 'SANCTION_DECIDED', caseId, unit: 'PPK:16.73', respondents: [{ respondentId: 'R1', name: 'Ahmad Fauzi', identityWithheld: false }], ppkTitle: 'Walikota Lubuk Linggau' });
      for (const m of rx.mails) expect(m.raw).not.toContain(NIP_CAMAT);

      // The delivery log: BKN's webhook took three attempts.
      const log = (await (await netra.client('OVERSIGHT')).request<{ notificationDeliveries: { totalCount: number; edges: Array<{ node: Delivery }> } }>(DELIVERIES, {})).notificationDeliveries;
      expect(log.totalCount).toBe(5);
      expect(log.edges.map((e) => e.node).find((d) => d.channel === 'WEBHOOK' && d.unit === 'BKN')).toMatchObject({ status: 'DELIVERED', attempts: 3, lastStatus: 204, lastError: null });
      // A unit reads only its own deliveries.
      const own = (await (await netra.client('PPK', '16.05')).request<{ notificationDeliveries: { edges: Array<{ node: Delivery }> } }>(DELIVERIES, {})).notificationDeliveries;
      expect(own.edges.map((e) => e.node.unit)).toEqual(['PPK:16.05']);

      // Stop and start again on the same store: nothing is sent twice; the next step is sent once.
      await netra.close();
      netra = null;
      netra = await startTestNetra(env);
      await new Promise((r) => setTimeout(r, 1_000));
      expect(rx.mails).toHaveLength(3);
      expect(rx.hooks).toHaveLength(4);
      await mutate(await netra.client('PPK', '16.73'), EXECUTE, anExecution(caseId, 'R1'));
      await until('the decree to BKN', () => rx.mails.length >= 4 && delivered().length >= 3);
      await new Promise((r) => setTimeout(r, 500));
      expect(rx.mails).toHaveLength(4);
      expect(rx.mails[3]).toMatchObject({ to: 'netralitas@bkn.example.go.id' });
      expect(rx.mails[3].raw).toContain('Sanksi telah dilaksanakan');
      expect(rx.hooks).toHaveLength(5);
      expect(JSON.parse(rx.hooks[4].body)).toMatchObject({ kind: 'SANCTION_EXECUTED', decreeNumber: '800/101/KPTS/BKPSDM/2024/R1' });

      // Logs name deliveries by id, channel and unit: never an address or a name.
      const logs = netra.logs.join('\n');
      expect(logs).toContain('notification delivered');
      for (const secret of ['Ahmad Fauzi', 'Dewi Anggraini', 'netralitas@bkn', 'bkpsdm@', BKN_SECRET]) expect(logs).not.toContain(secret);
    } finally {
      await netra?.close();
      await rx.close();
      await store.cleanup();
    }
  }, 90_000);
}

describe('notifications on the embedded store (on disk)', () => {
  suite(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netra-notify-'));
    return { env: { EVENT_STORE_URL: `file:${dir}` }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  });
});

describeWithPostgres('notifications on PostgreSQL', () => {
  suite(async () => {
    const database = await createThrowawayDatabase(5);
    return { env: { EVENT_STORE_URL: database.url, DATABASE_URL: database.url }, cleanup: () => database.drop() };
  });
});

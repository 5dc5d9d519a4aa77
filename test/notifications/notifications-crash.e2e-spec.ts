import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphQLClient } from 'graphql-request';
import { signDevToken } from '../../src/auth/dev-token';
import type { Agency } from '../../src/case/case-vocabulary';
import { aRecommendation, aSanctionDecision, aStudy, DECIDE, mutate, RECOMMEND, REPORT, STUDY } from '../e2e/case-steps';
import { aLaporan } from '../e2e/fixtures';
import { TEST_SECRET } from '../support/netra-app';
import { spawnNetra, type NetraProcess } from '../support/netra-process';
import { receivers, until, verified } from './receivers';

const BKN_SECRET = 'bkn-webhook-secret-0123456789';

async function as(netra: NetraProcess, agency: Agency, region: string | null): Promise<GraphQLClient> {
  const token = await signDevToken(TEST_SECRET, { sub: `${agency}-${region ?? 'national'}`, agency, region });
  return new GraphQLClient(netra.url, { headers: { authorization: `Bearer ${token}` } });
}

async function kill(netra: NetraProcess): Promise<void> {
  netra.child.kill('SIGKILL');
  await netra.exited;
}

/** The built server (dist/main.js), SIGKILLed and started again on the same embedded store. */
describe('notifications across a killed Netra', () => {
  it('a webhook failing while Netra is killed is delivered once after the restart; a step acknowledged just before the kill is mailed once', async () => {
    let bknUp = false;
    const rx = await receivers((path) => path === '/bkn' && !bknUp);
    const dir = mkdtempSync(join(tmpdir(), 'netra-notify-kill-'));
    const units = {
      BKN: { emails: ['netralitas@bkn.example.go.id'], webhooks: [{ url: `${rx.hookUrl}/bkn`, secret: BKN_SECRET }] },
      'PPK:16.73': { emails: ['bkpsdm@lubuklinggau.example.go.id'] },
    };
    const env = { EVENT_STORE_URL: `file:${dir}`, NOTIFY_SMTP_URL: rx.smtpUrl, NOTIFY_UNITS: JSON.stringify(units), NOTIFY_POLL_MS: '100', NOTIFY_RETRY_BASE_MS: '100' };
    let netra: NetraProcess | null = await spawnNetra(env);
    try {
      const bawaslu = await as(netra, 'BAWASLU', '16.73');
      const caseId = (await mutate(bawaslu, REPORT, aLaporan())).id;
      await mutate(bawaslu, STUDY, aStudy(caseId, { R1: 'VIOLATION', R2: 'VIOLATION' }));
      await mutate(bawaslu, RECOMMEND, aRecommendation(caseId, ['R1', 'R2']));
      await until('the e-mail to BKN and two failed webhook attempts', () => rx.mails.length === 1 && rx.hooks.length >= 2);
      // BKN decides and Netra is killed as soon as the decision is acknowledged: queued or not, it must go out once.
      await mutate(await as(netra, 'BKN', null), DECIDE, aSanctionDecision(caseId, 'R1'));
      await kill(netra);
      netra = null;

      bknUp = true;
      netra = await spawnNetra(env);
      await until('the webhook delivered and the decision mailed to the PPK', () => rx.hooks.some((h) => h.status === 204) && rx.mails.some((m) => m.to === 'bkpsdm@lubuklinggau.example.go.id'));
      await new Promise((r) => setTimeout(r, 1_000)); // room for a duplicate to show up

      expect(rx.mails.map((m) => m.to)).toEqual(['netralitas@bkn.example.go.id', 'bkpsdm@lubuklinggau.example.go.id']);
      expect(rx.hooks.filter((h) => h.status === 204)).toHaveLength(1);
      expect(new Set(rx.hooks.map((h) => h.headers['x-netra-delivery'])).size).toBe(1);
      for (const hook of rx.hooks) expect(verified(hook, BKN_SECRET)).toBe(true);
      expect(rx.mails[1].raw).toContain('Ahmad Fauzi');
    } finally {
      if (netra) await kill(netra);
      await rx.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

import { CLOCK } from '../../src/config/clock';
import type { GraphQLClient } from 'graphql-request';
import { EventPublisher } from '@nestjs/cqrs';
import { CaseRepository } from '../../src/case/case.repository';
import { CaseRules } from '../../src/case/case-rules.service';
import type { DecideSanction } from '../../src/case/sanctioning/decide-sanction';
import { messageFor } from '../../src/case/case-command-messages';
import { EVENT_STORE } from '../../src/event-store/event-store';
import { KEY_STORE } from '../../src/privacy/key-store';
import { codeOf, messageOf, type RunningNetra } from '../support/netra-app';
import { onBothStores } from '../support/on-both-stores';
import { aRecommendation, aSanctionDecision, aStudy, anExecution, DECIDE, EXECUTE, historyOf, mutate, readCase, RECOMMEND, REPORT, STUDY, trackDetails, type FullCase } from './case-steps';
import { aLaporan } from './fixtures';

const RESPONDENTS = 50;

/** Fifty respondents of one case, all recommended to BKN: one report, one study, one recommendation. */
async function aCaseWithFiftyRecommended(bawaslu: GraphQLClient): Promise<FullCase> {
  const respondents = Array.from({ length: RESPONDENTS }, (_, i) => ({
    name: `Pegawai ${i + 1}`,
    employment: 'PNS',
    position: 'Staf',
    institution: 'Sekretariat Daerah Kota Lubuk Linggau',
    institutionRegionCode: '16.73',
  }));
  const ids = respondents.map((_, i) => `R${i + 1}`);
  const reported = await mutate(bawaslu, REPORT, aLaporan({ respondents }));
  await mutate(bawaslu, STUDY, aStudy(reported.id, Object.fromEntries(ids.map((id) => [id, 'VIOLATION']))));
  return mutate(bawaslu, RECOMMEND, aRecommendation(reported.id, ids));
}

/**
 * Per-track concurrency (issue 14 item 8, issue 12 item 8): commands on different respondents of one
 * case never conflict with each other; CONFLICT is kept for a track that really moved.
 */
onBothStores(
  'concurrent commands on one case',
  (start) => {
    let netra: RunningNetra;
    let cleanup: () => Promise<void>;
    let bawaslu: GraphQLClient;
    let oversight: GraphQLClient;

    beforeAll(async () => {
      ({ netra, cleanup } = await start());
      [bawaslu, oversight] = await Promise.all([netra.client('BAWASLU', '16.73'), netra.client('OVERSIGHT')]);
    });
    afterAll(() => cleanup());

    it(`${RESPONDENTS} decisions sent at once without expectedVersion, each on another respondent: none is a CONFLICT, all are appended once`, async () => {
      const recommended = await aCaseWithFiftyRecommended(bawaslu);
      expect(recommended.version).toBe(3);
      const clients = await Promise.all(Array.from({ length: RESPONDENTS }, () => netra.client('BKN')));

      const started = Date.now();
      const outcomes = await Promise.all(
        clients.map((client, i) => codeOf(mutate(client, DECIDE, aSanctionDecision(recommended.id, `R${i + 1}`, { letterNumber: `B-${1000 + i}/JP.01/10/2024` })))),
      );
      const seconds = (Date.now() - started) / 1000;

      expect(outcomes.filter((o) => o !== 'OK')).toEqual([]);
      const final = (await readCase(oversight, recommended.id))!;
      expect(final.version).toBe(3 + RESPONDENTS);
      expect(final.respondents.map((r) => r.stage)).toEqual(Array(RESPONDENTS).fill('SANCTION_DECIDED'));
      for (let i = 0; i < RESPONDENTS; i++) {
        expect(final.timeline.filter((t) => t.description.includes(`(B-${1000 + i}/JP.01/10/2024)`))).toHaveLength(1);
      }
      process.stdout.write(`fifty concurrent decisions on one case: ${seconds.toFixed(2)} s\n`);
    }, 180_000);

    it(`${RESPONDENTS} writers that share no queue (as ${RESPONDENTS} processes would), without expectedVersion: every append lost to a race is re-decided, none is a CONFLICT`, async () => {
      const recommended = await aCaseWithFiftyRecommended(bawaslu);
      const { app } = netra;
      // Each writer is a repository of its own on the app's real store: nothing serialises them but the store's version check.
      const writers = Array.from({ length: RESPONDENTS }, () => new CaseRepository(app.get(EVENT_STORE), app.get(CaseRules), app.get(EventPublisher), app.get(KEY_STORE), app.get(CLOCK)));
      const decision = (i: number): DecideSanction => ({
        type: 'DecideSanction',
        actor: { agency: 'BKN', region: null, userId: 'bkn-netralitas' },
        caseId: recommended.id,
        input: { respondentId: `R${i + 1}`, decision: 'SANCTION', letterNumber: `B-${2000 + i}/JP.01/10/2024`, decidedAt: '2024-10-07T10:00:00+07:00', sanction: 'MORAL_OPEN', ppk: { title: 'Walikota Lubuk Linggau', regionCode: '16.73' } },
      });

      const started = Date.now();
      const results = await Promise.allSettled(writers.map((writer, i) => writer.handle(messageFor(decision(i)))));
      const seconds = (Date.now() - started) / 1000;

      expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
      const versions = results.map((r) => (r as PromiseFulfilledResult<{ version: number }>).value.version).sort((a, b) => a - b);
      expect(versions).toEqual(Array.from({ length: RESPONDENTS }, (_, i) => 4 + i));
      const stream = await app.get<symbol, { readStream(id: string): Promise<Array<{ type: string; data: Record<string, unknown> }>> }>(EVENT_STORE).readStream(`case-${recommended.id}`);
      const letters = stream.filter((e) => e.type === 'SanctionDecided').map((e) => e.data.letterNumber as string).sort();
      expect(letters).toEqual(Array.from({ length: RESPONDENTS }, (_, i) => `B-${2000 + i}/JP.01/10/2024`).sort());
      process.stdout.write(`fifty racing writers without a shared queue: ${seconds.toFixed(2)} s\n`);
    }, 180_000);

    describe('two PPK officers holding the same stale version', () => {
      let decided: FullCase;
      let officers: GraphQLClient[];

      beforeEach(async () => {
        const reported = await mutate(bawaslu, REPORT, aLaporan());
        await mutate(bawaslu, STUDY, aStudy(reported.id, { R1: 'VIOLATION', R2: 'VIOLATION' }));
        await mutate(bawaslu, RECOMMEND, aRecommendation(reported.id, ['R1', 'R2']));
        const bkn = await netra.client('BKN');
        await mutate(bkn, DECIDE, aSanctionDecision(reported.id, 'R1'));
        decided = await mutate(bkn, DECIDE, aSanctionDecision(reported.id, 'R2'));
        officers = await Promise.all([netra.client('PPK', '16.73'), netra.client('PPK', '16.73')]);
      });

      it('deciding different respondents at once: both are accepted, each decided on the fresh state', async () => {
        expect(decided.version).toBe(5);
        const outcomes = await Promise.all([
          codeOf(mutate(officers[0], EXECUTE, anExecution(decided.id, 'R1', { expectedVersion: 5 }))),
          codeOf(mutate(officers[1], EXECUTE, anExecution(decided.id, 'R2', { expectedVersion: 5 }))),
        ]);
        expect(outcomes).toEqual(['OK', 'OK']);
        const final = (await readCase(oversight, decided.id))!;
        expect(final.version).toBe(7);
        expect(final.respondents.map((r) => [r.respondentId, r.stage])).toEqual([
          ['R1', 'SANCTION_EXECUTED'],
          ['R2', 'SANCTION_EXECUTED'],
        ]);
      });

      it('the same respondent at once: one is accepted, the other is a CONFLICT naming the track, and appends nothing', async () => {
        const requests = [
          mutate(officers[0], EXECUTE, anExecution(decided.id, 'R1', { expectedVersion: 5, decreeNumber: 'SK/A/2024' })),
          mutate(officers[1], EXECUTE, anExecution(decided.id, 'R1', { expectedVersion: 5, decreeNumber: 'SK/B/2024', sanction: 'MORAL_CLOSED' })),
        ];
        const outcomes = await Promise.all(requests.map(codeOf));
        expect([...outcomes].sort()).toEqual(['CONFLICT', 'OK']);
        expect(await messageOf(requests[outcomes.indexOf('CONFLICT')])).toMatch(/respondent R1 changed at version 6/);
        const history = await historyOf(netra, decided.id);
        expect(history.version).toBe(6);
        expect(history.timeline.filter((t) => t.type === 'SanctionExecuted')).toHaveLength(1);
      });

      it('a version older than the track’s own is a CONFLICT; the track’s version, or any later case version, is accepted', async () => {
        const details = (await trackDetails(oversight, decided.id))!;
        expect(details.respondents.map((r) => [r.respondentId, r.trackVersion])).toEqual([
          ['R1', 4],
          ['R2', 5],
        ]);
        expect(await codeOf(mutate(officers[0], EXECUTE, anExecution(decided.id, 'R1', { expectedVersion: 3 })))).toBe('CONFLICT');
        expect((await historyOf(netra, decided.id)).version).toBe(5);
        expect(await codeOf(mutate(officers[0], EXECUTE, anExecution(decided.id, 'R1', { expectedVersion: 4 })))).toBe('OK');
        // The case is now at 6 (R1's decree); R2 last moved at 5, so 5 is still current for R2.
        expect(await codeOf(mutate(officers[1], EXECUTE, anExecution(decided.id, 'R2', { expectedVersion: 5 })))).toBe('OK');
        expect((await historyOf(netra, decided.id)).version).toBe(7);
      });
    });
  },
  { MUTATION_RATE_LIMIT_PER_MINUTE: '1000' },
);

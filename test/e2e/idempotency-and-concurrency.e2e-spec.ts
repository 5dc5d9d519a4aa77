import type { GraphQLClient } from 'graphql-request';
import { codeOf, messageOf, startTestNetra, type RunningNetra } from '../support/netra-app';
import {
  aCaseWithTwoSanctionsDecided,
  aDeclaration,
  anExecution,
  aRecommendation,
  aStudy,
  caseCount,
  DATES,
  DECLARE,
  EXECUTE,
  historyOf,
  mutate,
  readCase,
  RECOMMEND,
  REPORT,
  STUDY,
  track,
  type FullCase,
} from './case-steps';
import { aLaporan } from './fixtures';

/** commandId makes a retry harmless; expectedVersion and the store's version check make racing writers safe. */
describe('idempotency and concurrency', () => {
  let netra: RunningNetra;
  let bawaslu: GraphQLClient;
  let oversight: GraphQLClient;

  beforeAll(async () => {
    netra = await startTestNetra();
    [bawaslu, oversight] = await Promise.all([netra.client('BAWASLU', '16.73'), netra.client('OVERSIGHT')]);
  });
  afterAll(() => netra.close());

  describe('a retried reportCase (same commandId)', () => {
    it('returns the same case and opens it once', async () => {
      const before = await caseCount(oversight);
      const input = aLaporan({ commandId: 'lapor-16.73-2024-0001' });

      const first = await mutate(bawaslu, REPORT, input);
      const retry = await mutate(bawaslu, REPORT, input);

      expect(retry.id).toBe(first.id);
      expect(retry.registerNumber).toBe(first.registerNumber);
      expect(retry.version).toBe(1);
      expect(retry.timeline.map((t) => t.type)).toEqual(['CaseReported']);
      expect(await caseCount(oversight)).toBe(before + 1);
      expect((await historyOf(netra, first.id)).version).toBe(1);
    });

    it('returns the first case even when the retry’s body differs, and changes nothing', async () => {
      const first = await mutate(bawaslu, REPORT, aLaporan({ commandId: 'lapor-16.73-2024-0002', summary: 'First wording.' }));
      const before = await caseCount(oversight);
      const retry = await mutate(bawaslu, REPORT, aLaporan({ commandId: 'lapor-16.73-2024-0002', summary: 'Second wording.' }));
      expect(retry.id).toBe(first.id);
      expect(retry.summary).toBe('First wording.');
      expect(await caseCount(oversight)).toBe(before);
    });

    it('sent ten times at once still opens one case', async () => {
      const before = await caseCount(oversight);
      const input = aLaporan({ commandId: 'lapor-16.73-2024-0003' });
      const clients = await Promise.all(Array.from({ length: 10 }, () => netra.client('BAWASLU', '16.73')));

      const answers = await Promise.all(clients.map((c) => mutate(c, REPORT, input)));

      expect(new Set(answers.map((a) => a.id)).size).toBe(1);
      expect(await caseCount(oversight)).toBe(before + 1);
      expect(await historyOf(netra, answers[0].id)).toMatchObject({ version: 1, timeline: [{ type: 'CaseReported' }] });
    });

    it('replayed by a unit outside the case’s region is FORBIDDEN, not an answer and not an internal error', async () => {
      const first = await mutate(bawaslu, REPORT, aLaporan({ commandId: 'lapor-16.73-2024-0004' }));
      const before = await historyOf(netra, first.id);
      const outsider = await netra.client('BAWASLU', '16.74');
      expect(await codeOf(mutate(outsider, REPORT, aLaporan({ commandId: 'lapor-16.73-2024-0004' })))).toBe('FORBIDDEN');
      const ppk = await netra.client('PPK', '16.73');
      expect(await codeOf(mutate(ppk, REPORT, aLaporan({ commandId: 'lapor-16.73-2024-0004' })))).toBe('FORBIDDEN');
      expect(await historyOf(netra, first.id)).toEqual(before);
    });
  });

  describe('a retried step (same commandId)', () => {
    let reported: FullCase;
    let firstStudy: FullCase;
    const study = () => aStudy(reported.id, { R1: 'VIOLATION', R2: 'VIOLATION' }, { commandId: 'kajian-0001', expectedVersion: 1 });

    beforeAll(async () => {
      reported = await mutate(bawaslu, REPORT, aLaporan());
      firstStudy = await mutate(bawaslu, STUDY, study());
      await mutate(bawaslu, RECOMMEND, aRecommendation(reported.id, ['R1', 'R2']));
    });

    it('is answered without error although the case moved on (a second study would be INVALID_TRANSITION, its old expectedVersion a CONFLICT), and appends nothing', async () => {
      const before = await historyOf(netra, reported.id);
      expect(before.version).toBe(3);

      expect(await codeOf(mutate(bawaslu, STUDY, study()))).toBe('OK');

      const after = await historyOf(netra, reported.id);
      expect(after).toEqual(before);
      expect(after.timeline.filter((t) => t.type === 'CaseStudied')).toHaveLength(1);
    });

    it('answers the first result: the case as the study left it', async () => {
      const retry = await mutate(bawaslu, STUDY, study());
      expect({ version: retry.version, stages: retry.respondents.map((r) => r.stage) }).toEqual({
        version: firstStudy.version,
        stages: firstStudy.respondents.map((r) => r.stage),
      });
    });

    it('without the commandId, the same study is refused as a second study', async () => {
      const { commandId: _none, expectedVersion: _old, ...again } = study();
      expect(await codeOf(mutate(bawaslu, STUDY, again))).toBe('INVALID_TRANSITION');
    });

    it('a commandId already used on another case is not an internal error, and the other case is untouched unless the step was applied there', async () => {
      const other = await mutate(bawaslu, REPORT, aLaporan());
      const reused = mutate(bawaslu, STUDY, aStudy(other.id, { R1: 'VIOLATION', R2: 'NO_VIOLATION' }, { commandId: 'kajian-0001' }));
      const code = await codeOf(reused);
      expect(['OK', 'CONFLICT', 'BAD_USER_INPUT']).toContain(code);
      const after = await historyOf(netra, other.id);
      if (code === 'OK') expect(after.timeline.map((t) => t.type)).toEqual(['CaseReported', 'CaseStudied']);
      else expect(after.version).toBe(1);
      expect((await historyOf(netra, reported.id)).version).toBe(3);
    });
  });

  describe('expectedVersion', () => {
    let decided: FullCase;
    let ppk: GraphQLClient;

    beforeAll(async () => {
      decided = await aCaseWithTwoSanctionsDecided(netra);
      ppk = await netra.client('PPK', '16.73');
    });

    it('an expectedVersion from before the track last moved answers CONFLICT and appends nothing', async () => {
      expect(decided.version).toBe(5);
      const before = await historyOf(netra, decided.id);
      // R1's sanction was decided at version 4 (R2's at 5): version 3 is stale for R1.
      const request = mutate(ppk, EXECUTE, anExecution(decided.id, 'R1', { expectedVersion: 3 }));
      expect(await codeOf(request)).toBe('CONFLICT');
      expect(await messageOf(request)).toMatch(/version 5/);
      expect(await historyOf(netra, decided.id)).toEqual(before);
    });

    it('an expectedVersion ahead of the case answers CONFLICT and appends nothing', async () => {
      const before = await historyOf(netra, decided.id);
      expect(await codeOf(mutate(ppk, EXECUTE, anExecution(decided.id, 'R1', { expectedVersion: 9 })))).toBe('CONFLICT');
      expect(await historyOf(netra, decided.id)).toEqual(before);
    });

    it('the current expectedVersion succeeds, and the same one used again on that track is then stale', async () => {
      const executed = await mutate(ppk, EXECUTE, anExecution(decided.id, 'R1', { expectedVersion: 5 }));
      expect(executed.version).toBe(6);
      expect(track(executed, 'R1').followUpStatus).toBe('AS_RECOMMENDED');

      const before = await historyOf(netra, decided.id);
      const declared = mutate(ppk, DECLARE, aDeclaration(decided.id, 'R1', { expectedVersion: 5 }));
      expect(await codeOf(declared)).toBe('CONFLICT');
      expect(await historyOf(netra, decided.id)).toEqual(before);
    });

    it('the same version is not stale for another respondent whose track did not move', async () => {
      const declared = await mutate(ppk, DECLARE, aDeclaration(decided.id, 'R2', { expectedVersion: 5 }));
      expect(declared.version).toBe(7);
      expect(track(declared, 'R2').followUpStatus).toBe('CANNOT_BE_ACTED_ON');
    });
  });

  describe('twenty liaisons acting on one case at once', () => {
    interface Attempt {
      marker: string;
      respondentId: 'R1' | 'R2';
      kind: 'execution' | 'declaration';
      pinned: boolean;
      send: (client: GraphQLClient, caseId: string) => Promise<FullCase>;
      agency: 'PPK' | 'BKN';
    }

    /** A mix of PPK decrees for R1 and R2 (as recommended, lighter, heavier) and PPK/BKN declarations for R2; every third pins expectedVersion 5. */
    function attempts(): Attempt[] {
      const list: Attempt[] = [];
      const r1 = ['MORAL_CLOSED', 'MORAL_OPEN', 'VERBAL_REPRIMAND', 'MORAL_CLOSED', 'MORAL_OPEN', 'WRITTEN_REPRIMAND', 'MORAL_CLOSED', 'MORAL_OPEN'];
      const r2 = ['VERBAL_REPRIMAND', 'WRITTEN_REPRIMAND', 'MORAL_OPEN', 'WRITTEN_REPRIMAND', 'DEMOTION_12M', 'WRITTEN_REPRIMAND'];
      const declarations: Array<['PPK' | 'BKN', string]> = [
        ['BKN', 'DECEASED'],
        ['PPK', 'RETIRED'],
        ['BKN', 'COURT_PROCESS'],
        ['PPK', 'RESIGNED'],
        ['BKN', 'FORCE_MAJEURE'],
        ['PPK', 'DISMISSED'],
      ];
      const pinned = () => list.length % 3 === 2;
      const executions = (respondentId: 'R1' | 'R2', sanctions: string[]) =>
        sanctions.forEach((sanction, i) => {
          const marker = `SK/${respondentId}/${String(i + 1).padStart(2, '0')}/2024`;
          const pin = pinned();
          list.push({
            marker: `decree ${marker}`,
            respondentId,
            kind: 'execution',
            pinned: pin,
            agency: 'PPK',
            send: (client, caseId) =>
              mutate(client, EXECUTE, anExecution(caseId, respondentId, { sanction, decreeNumber: marker, executedAt: DATES.executedAt, ...(pin ? { expectedVersion: 5 } : {}) })),
          });
        });
      executions('R1', r1);
      executions('R2', r2);
      for (const [agency, reason] of declarations) {
        const pin = pinned();
        list.push({
          marker: `${agency} declared follow-up impossible for R2: ${reason}`,
          respondentId: 'R2',
          kind: 'declaration',
          pinned: pin,
          agency,
          send: (client, caseId) => mutate(client, DECLARE, aDeclaration(caseId, 'R2', { reason, ...(pin ? { expectedVersion: 5 } : {}) })),
        });
      }
      // Interleave so that R1 and R2 commands and both agencies start side by side.
      return list.map((a, i) => ({ a, k: (i * 7) % list.length })).sort((x, y) => x.k - y.k).map((x) => x.a);
    }

    it('lose no update: every accepted command is in the timeline once, every refused one was a CONFLICT or INVALID_TRANSITION', async () => {
      const setup = await aCaseWithTwoSanctionsDecided(netra);
      expect(setup.version).toBe(5);
      const list = attempts();
      expect(list).toHaveLength(20);
      const clients = await Promise.all(list.map((a) => netra.client(a.agency, a.agency === 'PPK' ? '16.73' : null)));

      const outcomes = await Promise.all(list.map((a, i) => codeOf(a.send(clients[i], setup.id))));

      const accepted = list.filter((_, i) => outcomes[i] === 'OK');
      const refusedCodes = outcomes.filter((code) => code !== 'OK');
      expect(new Set(refusedCodes)).toEqual(new Set(refusedCodes.filter((c) => c === 'CONFLICT' || c === 'INVALID_TRANSITION')));
      expect(accepted.length).toBeGreaterThanOrEqual(2); // at least the first step on each respondent

      const final = (await readCase(oversight, setup.id))!;
      expect(final.version).toBe(5 + accepted.length);
      expect(final.timeline.map((t) => t.version)).toEqual(Array.from({ length: final.version }, (_, i) => i + 1));
      const added = final.timeline.slice(5);
      expect(added).toHaveLength(accepted.length);
      for (const attempt of list) {
        const lines = added.filter((t) => t.description.includes(attempt.marker));
        expect({ marker: attempt.marker, times: lines.length }).toEqual({ marker: attempt.marker, times: accepted.includes(attempt) ? 1 : 0 });
      }

      // Each accepted command was decided on the state it was appended to; a pinned one only while its own track had not moved.
      const pinnedAccepted = accepted.filter((a) => a.pinned);
      expect(pinnedAccepted.length).toBeLessThanOrEqual(2);
      for (const a of pinnedAccepted) {
        expect(added.find((t) => new RegExp(`\\b${a.respondentId}\\b`).test(t.description))!.description).toContain(a.marker);
      }
      for (const respondentId of ['R1', 'R2'] as const) {
        const own = added.filter((t) => new RegExp(`\\b${respondentId}\\b`).test(t.description));
        expect(own.length).toBeGreaterThanOrEqual(1);
        const closing = own.findIndex((t) => t.type === 'FollowUpDeclaredImpossible' || t.description.endsWith(': AS_RECOMMENDED'));
        if (closing >= 0) expect(own.slice(closing + 1)).toEqual([]); // nothing after a final step
        const declared = own.filter((t) => t.type === 'FollowUpDeclaredImpossible');
        if (declared.length > 0) expect(own).toEqual(declared); // only from SANCTION_DECIDED: nothing before it either
        const last = own[own.length - 1];
        const r = track(final, respondentId);
        if (last.type === 'SanctionExecuted') {
          expect(r.stage).toBe('SANCTION_EXECUTED');
          expect(last.description).toContain(`executed ${r.executedSanction} for ${respondentId}`);
          expect(last.description).toContain(r.followUpStatus!);
        } else {
          expect(r).toMatchObject({ stage: 'FOLLOW_UP_IMPOSSIBLE', followUpStatus: 'CANNOT_BE_ACTED_ON' });
        }
      }
    });

    it('the same execution sent ten times at once with one commandId is recorded once', async () => {
      const setup = await aCaseWithTwoSanctionsDecided(netra);
      const clients = await Promise.all(Array.from({ length: 10 }, () => netra.client('PPK', '16.73')));
      const input = anExecution(setup.id, 'R1', { commandId: 'sk-walikota-0001', decreeNumber: 'SK/ONCE/2024' });

      const outcomes = await Promise.all(clients.map((c) => codeOf(mutate(c, EXECUTE, input))));

      expect(outcomes).toEqual(Array(10).fill('OK'));
      const final = await historyOf(netra, setup.id);
      expect(final.version).toBe(6);
      expect(final.timeline.filter((t) => t.description.includes('SK/ONCE/2024'))).toHaveLength(1);
    });
  });
});

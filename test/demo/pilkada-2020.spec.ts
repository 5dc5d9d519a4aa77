import { fold, initialState, type CaseEvent, type CaseState, type OpenedCase } from '../../src/case/case';
import { KASN_DISSOLVED_AT } from '../../src/case/case-vocabulary';
import { regionLevel } from '../../src/case/validation/regions';
import { KEMENDAGRI_REPRIMAND_2020, PILKADA_2020_CURVE } from '../../src/demo/pilkada-2020-curve';
import { pilkada2020History } from '../../src/demo/pilkada-2020';
import type { SyntheticCase } from '../../src/demo/synthetic-history';

/** When an event takes effect: the date it states, not when it was recorded. */
function effectiveAt(event: CaseEvent): string {
  switch (event.type) {
    case 'CaseReported': return event.data.receivedAt;
    case 'CaseStudied': return event.data.studiedAt;
    case 'RecommendationIssued': return event.data.issuedAt;
    case 'SanctionDecided': case 'RespondentCleared': return event.data.decidedAt;
    case 'SanctionExecuted': return event.data.executedAt;
    case 'EscalationRecorded': return event.data.escalatedAt;
    default: throw new Error(`unexpected ${event.type} in the Pilkada 2020 history`);
  }
}

const eventsOf = (c: SyntheticCase) => c.events as unknown as CaseEvent[];

/** The case as it stood at `t`: its events dated up to t, folded by the decider's own evolve. */
function asOf(c: SyntheticCase, t: Date): CaseState {
  return fold(eventsOf(c).filter((e) => new Date(effectiveAt(e)) <= t), initialState());
}

/** Per person, the three counts of the curve and the SIASN blocks, from folded states only. */
function countAt(history: SyntheticCase[], t: Date) {
  const tracks = history.map((c) => asOf(c, t)).flatMap((s) => (s.status === 'opened' ? s.respondents : []));
  return {
    reported: tracks.length,
    recommended: tracks.filter((r) => r.decision?.sanction).length,
    sanctioned: tracks.filter((r) => r.execution !== null).length,
    blocked: tracks.filter((r) => r.siasnBlocked).length,
  };
}

const rounded = (published: string, sanctioned: number, recommended: number) => {
  const digits = published.replace(/[~%]/g, '');
  const decimals = digits.includes('.') ? digits.split('.')[1].length : 0;
  return ((100 * sanctioned) / recommended).toFixed(decimals) === digits;
};

describe('the Pilkada 2020 synthetic history', () => {
  const history = [...pilkada2020History()];
  const finals = history.map((c) => fold(eventsOf(c), initialState()) as OpenedCase);
  const tracks = finals.flatMap((s) => s.respondents.map((r) => ({ ...r, case: s })));

  it.each(PILKADA_2020_CURVE.map((row) => [row.day, row] as const))('as of %s it counts the published persons and rate', (_day, row) => {
    const counted = countAt(history, row.asOf);
    expect(counted).toMatchObject({ reported: row.reported, recommended: row.recommended, sanctioned: row.sanctioned });
    expect(rounded(row.publishedRate, counted.sanctioned, counted.recommended)).toBe(true);
  });

  it('ends at 2,034 reported, 1,597 proven and decided by KASN, 1,450 executed; the rest not proven', () => {
    expect(tracks).toHaveLength(2034);
    expect(tracks.filter((r) => r.outcome === 'VIOLATION')).toHaveLength(1597);
    expect(tracks.filter((r) => r.stage === 'SANCTION_EXECUTED')).toHaveLength(1450);
    expect(tracks.filter((r) => r.stage === 'SANCTION_DECIDED')).toHaveLength(147);
    expect(tracks.filter((r) => r.stage === 'NO_VIOLATION' || r.stage === 'FORWARDED')).toHaveLength(437);
  });

  it('every case’s events are dated in order, so each person’s steps are; KASN decides before 24 Aug 2024', () => {
    for (const c of history) {
      const dates = eventsOf(c).map((e) => new Date(effectiveAt(e)).getTime());
      expect(dates).toEqual([...dates].sort((a, b) => a - b));
    }
    for (const r of tracks.filter((t) => t.decision)) {
      expect(r.decision).toMatchObject({ decidedBy: 'KASN' });
      expect(new Date(r.decision!.decidedAt).getTime()).toBeLessThan(KASN_DISSOLVED_AT.getTime());
    }
  });

  it('no step falls exactly on midnight WIB, where the rows are counted', () => {
    const midnight = history.flatMap(eventsOf).filter((e) => (new Date(effectiveAt(e)).getTime() + 7 * 3_600_000) % 86_400_000 === 0);
    expect(midnight).toEqual([]);
  });

  it('has about 1.4 persons per case, about 86% findings, Pilkada 2020 in many real regions', () => {
    expect(tracks.length / finals.length).toBeGreaterThan(1.3);
    expect(tracks.length / finals.length).toBeLessThan(1.5);
    const findings = finals.filter((s) => s.source === 'FINDING').length / finals.length;
    expect(findings).toBeGreaterThan(0.83);
    expect(findings).toBeLessThan(0.89);
    expect(finals.every((s) => s.election.kind === 'PILKADA' && s.election.year === 2020)).toBe(true);
    const ppks = tracks.flatMap((r) => (r.decision?.ppk ? [r.decision.ppk] : []));
    expect(ppks.every((p) => regionLevel(p.regionCode) !== undefined && /^(Bupati|Wali Kota|Gubernur) /.test(p.title))).toBe(true);
    expect(new Set(ppks.map((p) => p.regionCode.slice(0, 2))).size).toBeGreaterThanOrEqual(30);
    expect(new Set(ppks.map((p) => p.regionCode)).size).toBeGreaterThanOrEqual(300);
  });

  it('executes most sanctions as recommended and some lighter (NOT_AS_RECOMMENDED)', () => {
    const executed = tracks.filter((r) => r.execution);
    const lighter = executed.filter((r) => r.followUpStatus === 'NOT_AS_RECOMMENDED');
    expect(lighter.length / executed.length).toBeGreaterThan(0.05);
    expect(lighter.length / executed.length).toBeLessThan(0.2);
  });

  it('Kemendagri reprimanded 67 regional heads over exactly the 131 recommendations they sat on, before 13 Oct 2020', () => {
    const reprimands = history.flatMap(eventsOf).flatMap((e) => (e.type === 'EscalationRecorded' && e.data.kind === 'KEMENDAGRI_REPRIMAND' ? [e.data] : []));
    expect(reprimands).toHaveLength(131);
    const at = KEMENDAGRI_REPRIMAND_2020.at;
    expect(reprimands.every((r) => r.escalatedAt === at.toISOString() && r.escalatedBy === 'KEMENDAGRI')).toBe(true);
    expect(at < PILKADA_2020_CURVE[2].asOf && at > new Date('2020-10-01T00:00:00+07:00')).toBe(true);
    const byCase = new Map(history.map((c) => [c.streamId, asOf(c, at)]));
    const waiting = [...byCase.values()].flatMap((s) => (s.status === 'opened' ? s.respondents : [])).filter((r) => r.stage === 'SANCTION_DECIDED');
    const heads = new Set(waiting.filter((r) => r.escalation?.kind === 'KEMENDAGRI_REPRIMAND').map((r) => r.decision!.ppk!.regionCode));
    expect(heads.size).toBe(67);
    expect(waiting.filter((r) => heads.has(r.decision!.ppk!.regionCode))).toHaveLength(131);
  });

  it('26 persons were blocked in SIASN by BKN as of 26 Nov 2020, among the 147 not followed up, and unblocked once executed', () => {
    const row = PILKADA_2020_CURVE.find((r) => r.day === '2020-11-26')!;
    const counted = countAt(history, row.asOf);
    expect(counted.blocked).toBe(26);
    expect(counted.recommended - counted.sanctioned).toBe(147);
    // BKN unblocks once the PPK acted: whoever is still blocked still waits on the PPK.
    expect(tracks.filter((r) => r.siasnBlocked && r.stage !== 'SANCTION_DECIDED')).toEqual([]);
  });

  it('is the same history for the same seed, and another seed reproduces the same curve', () => {
    expect([...pilkada2020History()]).toEqual(history);
    const other = [...pilkada2020History(7)];
    expect(other[0]).not.toEqual(history[0]);
    for (const row of PILKADA_2020_CURVE) {
      expect(countAt(other, row.asOf)).toMatchObject({ reported: row.reported, recommended: row.recommended, sanctioned: row.sanctioned });
    }
  });
});

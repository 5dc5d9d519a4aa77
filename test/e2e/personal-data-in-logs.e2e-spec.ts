import { codeOf, startTestNetra, type RunningNetra } from '../support/netra-app';
import {
  aClearance,
  aDeclaration,
  allFollowUps,
  anExecution,
  aCorrection,
  CORRECT,
  aRecommendation,
  aSanctionDecision,
  aStudy,
  caseCount,
  CASES,
  DECIDE,
  DECLARE,
  EXECUTE,
  mutate,
  readCase,
  RECOMMEND,
  REPORT,
  STUDY,
  summary,
} from './case-steps';
import { aLaporan } from './fixtures';
import { sql } from 'drizzle-orm';
import { READ_DB, type ReadDb } from '../../src/storage/read-db';

/**
 * NIPs, names and the reporter's contacts are personal data (DOMAIN.md §8): whatever happens,
 * accepted or refused, none of it may reach a log line.
 */
describe('personal data in logs', () => {
  let netra: RunningNetra;

  const reporter = { name: 'Siti Nurhaliza Rahmawati', address: 'Jl. Garuda No. 7, Kelurahan Taba Jemekeh', phone: '+62 813 6677 8899', email: 'siti.rahmawati@example.id' };
  const respondents = [
    { name: 'Bambang Supriyadi', nip: '197612242003121004', employment: 'PNS', position: 'Camat Lubuk Linggau Utara I', institution: 'Kecamatan Lubuk Linggau Utara I', institutionRegionCode: '16.73' },
    { name: 'Kartika Sari Dewi', nip: '198911052014022002', employment: 'PNS', position: 'Kepala Seksi', institution: 'Dinas Pendidikan Kota Lubuk Linggau', institutionRegionCode: '16.73' },
    { name: 'Hendro Wibisono', nip: '199203172019031005', employment: 'PPPK', position: 'Guru', institution: 'SD Negeri 12 Lubuk Linggau', institutionRegionCode: '16.73' },
  ];
  const badNips = [
    '19761224200312100', // 17 digits
    '198502302010011001', // 30 February
    '198911052014023002', // sex digit 3
    '198911052014132002', // appointment month 13
    '19761224 200312 1 004', // spaces
    '199203172005031005', // appointed at 13
  ];

  beforeAll(async () => {
    netra = await startTestNetra();
  });
  afterAll(() => netra.close());

  it('a whole lifecycle with refusals along the way leaves no NIP, name or contact in any log line', async () => {
    const bawaslu = await netra.client('BAWASLU', '16.73');
    const outsider = await netra.client('BAWASLU', '16.74');
    const bkn = await netra.client('BKN');
    const ppk = await netra.client('PPK', '16.73');
    const oversight = await netra.client('OVERSIGHT');
    const laporan = aLaporan({ reporter, respondents });

    // Refused reports: bad NIPs on each respondent, a duplicate NIP, an outsider, a malformed e-mail.
    for (const [i, nip] of badNips.entries()) {
      const position = i % respondents.length;
      const withBadNip = respondents.map((r, j) => (j === position ? { ...r, nip } : r));
      expect(await codeOf(mutate(bawaslu, REPORT, aLaporan({ reporter, respondents: withBadNip })))).toBe('BAD_USER_INPUT');
    }
    expect(await codeOf(mutate(bawaslu, REPORT, aLaporan({ reporter, respondents: [respondents[0], { ...respondents[1], nip: respondents[0].nip }] })))).toBe('BAD_USER_INPUT');
    expect(await codeOf(mutate(bawaslu, REPORT, aLaporan({ reporter: { ...reporter, email: reporter.name }, respondents })))).toBe('BAD_USER_INPUT');
    expect(await codeOf(mutate(bawaslu, REPORT, aLaporan({ reporter, respondents: [{ ...respondents[0], name: `${respondents[0].name} ${'x'.repeat(200)}` }] })))).toBe('BAD_USER_INPUT');
    expect(await codeOf(mutate(outsider, REPORT, laporan))).toBe('FORBIDDEN');
    expect(await codeOf(mutate(netra.anonymous(), REPORT, laporan))).toBe('UNAUTHENTICATED');
    expect(await codeOf(mutate(bawaslu, REPORT, aLaporan({ reporter, respondents, receivedAt: 'kemarin' })))).not.toBe('OK');
    expect(await caseCount(oversight)).toBe(0);

    // The lifecycle, with refusals at each step.
    const reported = await mutate(bawaslu, REPORT, { ...laporan, commandId: 'lapor-pdp-0001' });
    await mutate(bawaslu, REPORT, { ...laporan, commandId: 'lapor-pdp-0001' }); // a retry
    expect(await codeOf(mutate(bawaslu, STUDY, aStudy(reported.id, { R1: 'VIOLATION' })))).toBe('BAD_USER_INPUT');
    const studyNote = 'Klarifikasi: terlapor mengakui mengunggah foto bersama calon di akun pribadinya';
    const correctionReason = 'SK 800/1 dicabut atas keberatan terlapor; diganti sesuai rekomendasi';
    const studied = aStudy(reported.id, { R1: 'VIOLATION', R2: 'VIOLATION', R3: 'NO_VIOLATION' });
    await mutate(bawaslu, STUDY, { ...studied, findings: (studied.findings as Array<Record<string, unknown>>).map((f) => (f.respondentId === 'R1' ? { ...f, note: studyNote } : f)) });
    expect(await codeOf(mutate(bawaslu, RECOMMEND, aRecommendation(reported.id, ['R3'])))).toBe('INVALID_TRANSITION');
    await mutate(bawaslu, RECOMMEND, aRecommendation(reported.id, ['R1', 'R2']));
    expect(await codeOf(mutate(bawaslu, DECIDE, aSanctionDecision(reported.id, 'R1')))).toBe('FORBIDDEN');
    await mutate(bkn, DECIDE, aSanctionDecision(reported.id, 'R1', { sanction: 'DEMOTION_12M' }));
    await mutate(bkn, DECIDE, aClearance(reported.id, 'R2'));
    expect(await codeOf(mutate(ppk, EXECUTE, anExecution(reported.id, 'R1', { sanction: 'FLOGGING' })))).toBe('BAD_USER_INPUT');
    expect(await codeOf(mutate(ppk, EXECUTE, anExecution(reported.id, 'R1', { expectedVersion: 2 })))).toBe('CONFLICT');
    await mutate(ppk, EXECUTE, anExecution(reported.id, 'R1', { sanction: 'WRITTEN_REPRIMAND' }));
    expect(await codeOf(mutate(ppk, EXECUTE, anExecution(reported.id, 'R1', { sanction: 'DEMOTION_12M', decreeNumber: '800/2/2024', executedAt: '2024-10-21T10:00:00+07:00' })))).toBe('INVALID_TRANSITION');
    await mutate(ppk, CORRECT, aCorrection(reported.id, 'R1', { sanction: 'DEMOTION_12M', decreeNumber: '800/2/2024', executedAt: '2024-10-21T10:00:00+07:00', reason: correctionReason }));
    expect(await codeOf(mutate(ppk, DECLARE, aDeclaration(reported.id, 'R1')))).toBe('INVALID_TRANSITION');

    // Everyone reads it, including by NIP.
    expect((await readCase(bawaslu, reported.id))?.reporter?.email).toBe(reporter.email);
    await readCase(ppk, reported.id);
    await allFollowUps(oversight, { respondentNip: respondents[0].nip });
    await oversight.request(CASES, { first: 10, filter: { respondentNip: respondents[1].nip } });
    expect(await codeOf(oversight.request(CASES, { first: 10, filter: { respondentNip: badNips[0] } }))).toBe('BAD_USER_INPUT');
    await summary(netra.anonymous(), ['REGION']);
    await summary(oversight, ['REGION', 'PPK']);

    // The log saw all of this happen…
    const logs = netra.logs;
    expect(logs.some((line) => line.includes('command accepted'))).toBe(true);
    expect(logs.filter((line) => line.includes('command refused')).length).toBeGreaterThanOrEqual(10);
    expect(logs.some((line) => line.includes('respondents[0].nip'))).toBe(true);

    // …and holds none of the personal data.
    const secrets = [
      ...respondents.flatMap((r) => [r.nip, r.name]),
      ...badNips,
      studyNote,
      correctionReason,
      reporter.name,
      reporter.address,
      reporter.phone,
      reporter.email,
    ];
    const leaks = logs.flatMap((line) => secrets.filter((secret) => line.includes(secret)).map((secret) => ({ secret, line })));
    expect(leaks).toEqual([]);

    // Metrics are scraped by other systems: the same holds there.
    const metrics = await (await fetch(`${netra.origin}/metrics`)).text();
    expect(metrics).toContain('netra');
    expect(secrets.filter((secret) => metrics.includes(secret))).toEqual([]);
  });

  it('NRPs and NIKs of respondents who are not ASN, accepted or refused, reach no log line either', async () => {
    const bawaslu = await netra.client('BAWASLU', '16.73');
    const tni = await netra.client('TNI', '16.73');
    const ppk = await netra.client('PPK', '16.73');
    const others = [
      { name: 'Sertu Gunawan Prasetyo', nrp: '31140567890', employment: 'TNI', position: 'Babinsa', institution: 'Kodim 0406/Lubuklinggau', institutionRegionCode: '16.73' },
      { name: 'Aipda Yoga Pratama', nrp: '88071234', employment: 'POLRI', position: 'Bhabinkamtibmas', institution: 'Polres Lubuklinggau', institutionRegionCode: '16.73' },
      { name: 'Rusdi Hamzah', nik: '1673021507750002', employment: 'VILLAGE_HEAD', position: 'Kepala Desa', institution: 'Desa Air Kuti', institutionRegionCode: '16.73.02' },
    ];
    const badIdentifiers = [
      { at: 0, field: 'nrp', value: '0311405678' }, // leading zero
      { at: 1, field: 'nrp', value: '88131234' }, // month 13
      { at: 2, field: 'nik', value: '1673023106750002' }, // 31 June
      { at: 0, field: 'nip', value: '197612242003121004' }, // a NIP for a TNI member
    ];
    for (const bad of badIdentifiers) {
      const respondentsWithBad = others.map((r, i) => (i === bad.at ? { ...r, nrp: undefined, nik: undefined, [bad.field]: bad.value } : r));
      expect(await codeOf(mutate(bawaslu, REPORT, aLaporan({ reporter, respondents: respondentsWithBad })))).toBe('BAD_USER_INPUT');
    }
    const reported = await mutate(bawaslu, REPORT, aLaporan({ reporter, respondents: others }));
    await mutate(bawaslu, STUDY, aStudy(reported.id, { R1: 'VIOLATION', R2: 'NO_VIOLATION', R3: 'VIOLATION' }));
    await mutate(bawaslu, RECOMMEND, aRecommendation(reported.id, ['R1'], { recipient: 'TNI' }));
    await mutate(bawaslu, RECOMMEND, aRecommendation(reported.id, ['R3'], { recipient: 'REGIONAL_HEAD' }));
    await mutate(tni, DECIDE, aSanctionDecision(reported.id, 'R1', { sanction: 'TNI_REPRIMAND', ppk: { title: 'Dandim 0406', regionCode: '16.73' } }));
    await mutate(ppk, DECIDE, aSanctionDecision(reported.id, 'R3', { sanction: 'VILLAGE_VERBAL_REPRIMAND' }));
    await mutate(tni, EXECUTE, anExecution(reported.id, 'R1', { sanction: 'TNI_REPRIMAND' }));
    await mutate(ppk, EXECUTE, anExecution(reported.id, 'R3', { sanction: 'VILLAGE_VERBAL_REPRIMAND' }));
    const read = await readCase(await netra.client('OVERSIGHT'), reported.id);
    expect(read?.respondents.map((r) => r.nrp ?? r.nik)).toEqual([others[0].nrp, others[1].nrp, others[2].nik]);

    expect(netra.logs.some((line) => line.includes('respondents[0].nrp'))).toBe(true);
    const secrets = [...others.flatMap((r) => [r.name, r.nrp ?? r.nik!]), ...badIdentifiers.map((b) => b.value)];
    const leaks = netra.logs.flatMap((line) => secrets.filter((secret) => line.includes(secret)).map((secret) => ({ secret, line })));
    expect(leaks).toEqual([]);
  });
});

/**
 * A failed statement's error (drizzle's DrizzleQueryError) quotes the SQL and its parameters, and the
 * projection writes a whole batch as one JSON parameter with the decrypted NIPs in it.
 */
describe('personal data in logs when the read model refuses a write', () => {
  let netra: RunningNetra;

  beforeAll(async () => {
    netra = await startTestNetra();
  });
  afterAll(() => netra.close());

  it('the projection fails, retries, and logs the error type and SQL state, not the failed statement’s parameters', async () => {
    const respondents = [
      { name: 'Bambang Supriyadi', nip: '197612242003121004', employment: 'PNS', position: 'Camat', institution: 'Kecamatan Lubuk Linggau Utara I', institutionRegionCode: '16.73' },
    ];
    const reporter = { name: 'Siti Nurhaliza Rahmawati', address: 'Jl. Garuda No. 7', phone: '+62 813 6677 8899', email: 'siti.rahmawati@example.id' };
    // Every new respondent row now fails a CHECK constraint (SQL state 23514).
    await netra.app.get<symbol, ReadDb>(READ_DB).execute(sql`ALTER TABLE rm_follow_ups ADD CONSTRAINT refuse_all CHECK (false) NOT VALID`);
    const bawaslu = await netra.client('BAWASLU', '16.73');
    await mutate(bawaslu, REPORT, aLaporan({ reporter, respondents })).catch(() => undefined);

    // It resubscribes with backoff and fails again for as long as the constraint refuses the rows.
    const failed = netra.logs.filter((line) => line.includes('projection failed; resubscribing from its checkpoint'));
    expect(failed.length).toBeGreaterThanOrEqual(1);
    for (const line of failed) {
      expect(JSON.parse(line)).toMatchObject({ dependency: 'read model', failure: { type: 'DrizzleQueryError', cause: expect.objectContaining({ code: '23514' }) } });
    }
    const secrets = [respondents[0].nip, respondents[0].name, reporter.name, reporter.address, reporter.phone, reporter.email];
    const leaks = netra.logs.flatMap((line) => secrets.filter((secret) => line.includes(secret)).map((secret) => ({ secret, line })));
    expect(leaks).toEqual([]);
  });
});

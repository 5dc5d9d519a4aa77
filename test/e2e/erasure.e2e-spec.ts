import type { PGlite } from '@electric-sql/pglite';
import { gql, type GraphQLClient } from 'graphql-request';
import { openPglite } from '../../src/event-store/pglite/open-pglite';
import { ERASED } from '../../src/privacy/personal-fields';
import { ProjectionRunner } from '../../src/oversight/projection/projection-runner';
import { openPgliteReadDb } from '../../src/oversight/read-model/open-read-db';
import { dumpReadModel } from '../../src/oversight/read-model/read-model-dump';
import type { Storage } from '../../src/storage/storage';
import { STORAGE } from '../../src/storage/storage.module';
import { codeOf, startTestNetra, type RunningNetra } from '../support/netra-app';
import { aStudy, mutate, readCase, REPORT, STUDY } from './case-steps';
import { aLaporan, NIP_CAMAT, NIP_STAFF, REPORTER } from './fixtures';

const ERASE = gql`
  mutation Erase($input: ErasePersonalDataInput!) {
    erasePersonalData(input: $input) { id version personalDataErasedAt reporter { name } respondents { respondentId name nip stage } timeline { type } }
  }
`;
const PERSONAL = [REPORTER.name, REPORTER.phone, REPORTER.email, NIP_CAMAT, NIP_STAFF, 'Ahmad Fauzi', 'Dewi Anggraini', 'Foto kegiatan'];

describe('confidential reporters and erasure under UU PDP', () => {
  let netra: RunningNetra;
  let storage: Storage;
  let bawaslu: GraphQLClient;
  let national: GraphQLClient;
  let caseId: string;

  beforeAll(async () => {
    netra = await startTestNetra();
    storage = netra.app.get<Storage>(STORAGE);
    [bawaslu, national] = await Promise.all([netra.client('BAWASLU', '16.73'), netra.client('BAWASLU', null)]);
    caseId = (await mutate(bawaslu, REPORT, aLaporan())).id;
  });
  afterAll(() => netra.close());

  const storedText = async () => JSON.stringify((await storage.store.readAll(0n, 10_000)).map((e) => e.data), null, 0);

  it('the events hold the reporter identity, names, NIPs and texts only sealed', async () => {
    const text = await storedText();
    for (const value of PERSONAL) expect(text).not.toContain(value);
    expect(text).toContain('sealed:v1:');
  });

  it('the read model holds no reporter identity, while the handling unit still reads it', async () => {
    const dump = JSON.stringify(await dumpReadModel(storage.readDb));
    for (const value of [REPORTER.name, REPORTER.phone, REPORTER.email]) expect(dump).not.toContain(value);
    expect((await readCase(bawaslu, caseId))?.reporter?.name).toBe(REPORTER.name);
  });

  it('an open case is under legal hold: the handling unit cannot erase it, and nothing is appended', async () => {
    const before = (await readCase(bawaslu, caseId))!.version;
    expect(await codeOf(bawaslu.request(ERASE, { input: { caseId, reason: 'Permintaan pelapor' } }))).toBe('INVALID_TRANSITION');
    expect(await codeOf(bawaslu.request(ERASE, { input: { caseId, reason: 'Permintaan pelapor', overrideLegalHold: true } }))).toBe('FORBIDDEN');
    expect((await readCase(bawaslu, caseId))!.version).toBe(before);
  });

  it('national Bawaslu overrides the hold with a reason: every read shows the data as erased, the rest intact', async () => {
    const before = (await readCase(bawaslu, caseId))!;
    const { erasePersonalData } = await national.request<{ erasePersonalData: any }>(ERASE, {
      input: { caseId, reason: 'Perintah pengadilan', overrideLegalHold: true },
    });
    expect(erasePersonalData.personalDataErasedAt).toEqual(expect.any(String));
    expect(erasePersonalData.version).toBe(before.version + 1);
    expect(erasePersonalData.timeline.map((t: { type: string }) => t.type)).toEqual(['CaseReported', 'PersonalDataErased']);

    const after = (await readCase(bawaslu, caseId))!;
    expect(after.reporter).toBeNull();
    expect(after.respondents.map((r) => [r.respondentId, r.name, r.nip, r.stage])).toEqual(
      before.respondents.map((r) => [r.respondentId, ERASED, null, r.stage]),
    );
    const { followUps } = await national.request<{ followUps: { totalCount: number } }>(
      gql`query($nip: String) { followUps(filter: { respondentNip: $nip }) { totalCount } }`,
      { nip: NIP_CAMAT },
    );
    expect(followUps.totalCount).toBe(0);
  });

  it('the case goes on after erasure: Bawaslu can still record its study, whose note is erased on arrival', async () => {
    const note = 'Ahmad Fauzi mengakui hadir';
    const studied = await mutate(
      bawaslu,
      STUDY,
      aStudy(caseId, { R1: 'VIOLATION', R2: 'NO_VIOLATION' }, { findings: [{ respondentId: 'R1', outcome: 'VIOLATION', violations: ['PARTISAN_ACTIVITY'], note }, { respondentId: 'R2', outcome: 'NO_VIOLATION' }] }),
    );
    expect(studied.respondents.map((r) => r.stage)).toEqual(['STUDIED', 'NO_VIOLATION']);
    // Its note is erased on arrival: sealed with a key nobody keeps, as the case's erasure says.
    expect(await storedText()).not.toContain(note);
    expect((await storage.keys.keys([caseId])).size).toBe(0);
  });

  it('a rebuild from the log cannot bring the data back', async () => {
    let spare: PGlite | null = null;
    try {
      spare = await openPglite('memory:');
      const rebuilt = await openPgliteReadDb(spare);
      const runner = new ProjectionRunner(storage.store, rebuilt, { keys: storage.keys });
      await runner.start();
      await runner.stop();
      const dump = JSON.stringify(await dumpReadModel(rebuilt));
      for (const value of PERSONAL) expect(dump).not.toContain(value);
      expect(dump).not.toContain('Ahmad Fauzi');
      expect(dump).toContain(ERASED);
      expect((await storage.keys.keys([caseId])).size).toBe(0);
    } finally {
      await spare?.close();
    }
  });

  it('a closed case is erased by its own handling unit without any override', async () => {
    const closed = (await mutate(bawaslu, REPORT, aLaporan())).id;
    await mutate(bawaslu, STUDY, aStudy(closed, { R1: 'NO_VIOLATION', R2: 'FORWARDED' }));
    const { erasePersonalData } = await bawaslu.request<{ erasePersonalData: any }>(ERASE, { input: { caseId: closed, reason: 'Masa retensi arsip berakhir' } });
    expect(erasePersonalData.reporter).toBeNull();
    expect(erasePersonalData.respondents.map((r: { nip: string | null }) => r.nip)).toEqual([null, null]);
  });
});

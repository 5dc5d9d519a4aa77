import { EventPublisher } from '@nestjs/cqrs';
import { CaseRepository } from '../../src/case/case.repository';
import { CaseRules } from '../../src/case/case-rules.service';
import { caseStreamId } from '../../src/case/case-events';
import { messageFor } from '../../src/case/case-command-messages';
import { CaseError } from '../../src/case/case-error';
import { CLOCK } from '../../src/config/clock';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store';
import { KEY_STORE } from '../../src/privacy/key-store';
import { startTestNetra, type RunningNetra } from '../support/netra-app';
import { decideSanction, issueRecommendation, recordStudy, reportCase } from './case-commands';
import { CASE_ID } from './case-fixtures';

/**
 * The repository keeps the state of the cases it appended to and decides the next command on it
 * without reading the stream (case.repository.ts). Here a second repository on the same store plays
 * another process: whatever it appends, the first one must neither lose it nor answer from what it kept.
 */
describe('the command path’s kept stream state, beside another writer', () => {
  let netra: RunningNetra;
  let store: EventStore;
  let here: CaseRepository;
  let elsewhere: CaseRepository;
  let reads: number;
  let caseId: string;
  let cases = 0;

  const on = <C extends { caseId: string }>(command: C): C => ({ ...command, caseId });
  const fresh = () => new CaseRepository(store, netra.app.get(CaseRules), netra.app.get(EventPublisher), netra.app.get(KEY_STORE), netra.app.get(CLOCK));
  const types = async () => (await store.readStream(caseStreamId(caseId))).map((e) => `${e.version} ${e.type} ${e.metadata.commandId}`);

  beforeAll(async () => {
    netra = await startTestNetra();
    const real = netra.app.get<symbol, EventStore>(EVENT_STORE);
    reads = 0;
    // Counts the stream reads the repositories make; everything else goes to the real store.
    store = new Proxy(real, {
      get: (target, name) => {
        const value = Reflect.get(target, name) as unknown;
        if (name === 'readStream') return (id: string) => (reads++, target.readStream(id));
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  });
  afterAll(() => netra.close());

  beforeEach(() => {
    // A case of its own for each test, and two writers that have kept nothing yet.
    caseId = `${CASE_ID}-${++cases}`;
    here = fresh();
    elsewhere = fresh();
  });

  it('decides the next commands of a case it wrote without reading its stream', async () => {
    await here.handle(messageFor(on(reportCase()), 'report'));
    await here.handle(messageFor(on(recordStudy()), 'study'));
    const recommended = await here.handle(messageFor(on(issueRecommendation()), 'recommend'));
    expect(recommended.version).toBe(3);
    expect(reads).toBe(0);
    expect(await types()).toEqual(['1 CaseReported report', '2 CaseStudied study', '3 RecommendationIssued recommend']);
  });

  it('loses nothing another writer appended: its own append is refused on the kept version, and it decides again on the stream', async () => {
    await here.handle(messageFor(on(reportCase()), 'report'));
    await elsewhere.handle(messageFor(on(recordStudy()), 'study'));
    const recommended = await here.handle(messageFor(on(issueRecommendation()), 'recommend'));
    // Decided on the kept state (version 1, no study) the recommendation would be refused; on the stream it is appended after the study.
    expect(recommended).toMatchObject({ version: 3, replayed: false });
    expect(await types()).toEqual(['1 CaseReported report', '2 CaseStudied study', '3 RecommendationIssued recommend']);
  });

  it('loses no update when its decision on the kept state is valid but the case moved: the store refuses the kept version', async () => {
    await here.handle(messageFor(on(reportCase()), 'report'));
    await here.handle(messageFor(on(recordStudy()), 'study'));
    await here.handle(messageFor(on(issueRecommendation()), 'recommend'));
    await elsewhere.handle(messageFor(on(decideSanction()), 'decide-r1'));
    const readsBefore = reads;
    const second = await here.handle(messageFor(on(decideSanction({ respondentId: 'R2', letterNumber: 'B-2/JP.01/10/2024' })), 'decide-r2'));
    expect(second.version).toBe(5);
    expect(reads).toBe(readsBefore + 1);
    expect(await types()).toEqual(['1 CaseReported report', '2 CaseStudied study', '3 RecommendationIssued recommend', '4 SanctionDecided decide-r1', '5 SanctionDecided decide-r2']);
  });

  it('takes an expectedVersion it has not seen from the stream, and still refuses one that is really stale', async () => {
    await here.handle(messageFor(on(reportCase()), 'report'));
    await here.handle(messageFor(on(recordStudy()), 'study'));
    await elsewhere.handle(messageFor(on(issueRecommendation()), 'recommend'));
    // The caller saw version 3 (written elsewhere): the kept state, at 2, calls it a version from the future; the stream does not.
    const decided = await here.handle(messageFor(on(decideSanction()), 'decide', 3));
    expect(decided.version).toBe(4);
    const error = await here.handle(messageFor(on(decideSanction({ respondentId: 'R2', letterNumber: 'B-2/JP.01/10/2024' })), 'decide-2', 2)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CaseError);
    expect((error as CaseError).code).toBe('CONFLICT');
    expect(await types()).toHaveLength(4);
  });

  it('answers a retry of a command another writer stored as a replay, appending nothing twice', async () => {
    await here.handle(messageFor(on(reportCase()), 'report'));
    const first = await elsewhere.handle(messageFor(on(recordStudy()), 'study'));
    const again = await here.handle(messageFor(on(recordStudy()), 'study'));
    expect(again).toMatchObject({ replayed: true, version: first.version, position: first.position });
    // Its own next command still lands after it.
    expect((await here.handle(messageFor(on(issueRecommendation()), 'recommend'))).version).toBe(3);
    expect(await types()).toEqual(['1 CaseReported report', '2 CaseStudied study', '3 RecommendationIssued recommend']);
  });

  it('refuses on the merits only what the stored case refuses', async () => {
    await here.handle(messageFor(on(reportCase()), 'report'));
    // Nothing was studied: the recommendation is refused, after a read of the stream confirms it.
    const readsBefore = reads;
    const error = await here.handle(messageFor(on(issueRecommendation()), 'recommend')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CaseError);
    expect(reads).toBe(readsBefore + 1);
    expect(await types()).toEqual(['1 CaseReported report']);
  });
});

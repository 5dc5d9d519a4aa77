import { DrizzleQueryError } from 'drizzle-orm/errors';
import { asUnavailable, isConnectionFailure, UnavailableError } from '../../src/storage/unavailable';
import { Backoff } from '../../src/storage/backoff';

const pgError = (code: string, message = 'server said no') => Object.assign(new Error(message), { name: 'DatabaseError', code });

describe('classifying database failures', () => {
  it.each([
    ['a terminated backend (57P01)', pgError('57P01', 'terminating connection due to administrator command')],
    ['a crash shutdown (57P02)', pgError('57P02')],
    ['a server still starting (57P03)', pgError('57P03', 'the database system is starting up')],
    ['a connection exception (class 08)', pgError('08006')],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a reset connection', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['a timed-out connection', Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' })],
    ['a socket closed under the pool', new Error('Connection terminated unexpectedly')],
    ['a pool that could not connect in time', new Error('timeout exceeded when trying to connect')],
    ['both addresses of localhost refusing', new AggregateError([Object.assign(new Error('a'), { code: 'ECONNREFUSED' }), Object.assign(new Error('b'), { code: 'ECONNREFUSED' })])],
    ['any of these wrapped by drizzle', new DrizzleQueryError('SELECT 1', [], pgError('57P01'))],
  ])('%s is a connection failure: retriable', (_what, error) => {
    expect(isConnectionFailure(error)).toBe(true);
    expect(asUnavailable(error)).toBeInstanceOf(UnavailableError);
  });

  it.each([
    ['a unique violation', pgError('23505')],
    ['a syntax error', pgError('42601')],
    ['a failed authentication', pgError('28P01')],
    ['a statement cancelled by timeout (57014)', pgError('57014')],
    ['a bug', new TypeError('cannot read properties of undefined')],
    ['a string', 'Connection terminated'],
    ['nothing', undefined],
    ['a message that only mentions a connection', new Error('the Connection terminated field is invalid')],
  ])('%s is not: it stays an internal error', (_what, error) => {
    expect(isConnectionFailure(error)).toBe(false);
    expect(asUnavailable(error)).toBeNull();
  });

  it('says how long to wait and, for a recorded write, what was recorded', () => {
    const refusal = new UnavailableError('behind', 3, { caseId: 'c', version: 4, position: 17n });
    expect(asUnavailable(refusal)).toBe(refusal);
    expect(refusal).toMatchObject({ retryAfterSeconds: 3, recorded: { caseId: 'c', version: 4, position: 17n } });
  });
});

describe('backing off', () => {
  it('doubles from the base delay up to the cap, each delay between half and all of its ceiling', () => {
    const low = new Backoff(100, 1000, () => 0);
    const high = new Backoff(100, 1000, () => 1);
    expect(Array.from({ length: 7 }, () => low.next())).toEqual([50, 100, 200, 400, 500, 500, 500]);
    expect(Array.from({ length: 7 }, () => high.next())).toEqual([100, 200, 400, 800, 1000, 1000, 1000]);
  });

  it('is jittered, so instances that failed together do not retry together', () => {
    const backoff = () => new Backoff(1000, 10_000);
    const firsts = new Set(Array.from({ length: 20 }, () => backoff().next()));
    expect(firsts.size).toBeGreaterThan(10);
  });

  it('starts again from the base delay after a success', () => {
    const backoff = new Backoff(100, 1000, () => 1);
    backoff.next();
    backoff.next();
    backoff.reset();
    expect(backoff.next()).toBe(100);
  });
});

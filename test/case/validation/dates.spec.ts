import { assertNotBefore, assertNotFuture, parseInstant } from '../../../src/case/validation/dates';
import { expectBadInput } from './expect-bad-input';

describe('dates typed by officers', () => {
  describe('parseInstant', () => {
    it('reads a date-time with a WIB offset', () => {
      expect(parseInstant('2024-11-27T09:30:00+07:00', 'receivedAt').toISOString()).toBe('2024-11-27T02:30:00.000Z');
    });

    it('reads a UTC date-time with Z, with or without seconds and fractions', () => {
      expect(parseInstant('2024-11-27T02:30:00Z', 'receivedAt').toISOString()).toBe('2024-11-27T02:30:00.000Z');
      expect(parseInstant('2024-11-27T02:30Z', 'receivedAt').toISOString()).toBe('2024-11-27T02:30:00.000Z');
      expect(parseInstant('2024-11-27T02:30:00.123456Z', 'receivedAt').toISOString()).toBe('2024-11-27T02:30:00.123Z');
    });

    it('reads WITA and WIT offsets, and an offset without a colon', () => {
      expect(parseInstant('2024-11-27T10:30:00+08:00', 'receivedAt').toISOString()).toBe('2024-11-27T02:30:00.000Z');
      expect(parseInstant('2024-11-27T11:30:00+0900', 'receivedAt').toISOString()).toBe('2024-11-27T02:30:00.000Z');
      expect(parseInstant('2024-11-26T21:30:00-05:00', 'receivedAt').toISOString()).toBe('2024-11-27T02:30:00.000Z');
    });

    it('reads a bare date as midnight WIB of that day', () => {
      expect(parseInstant('2024-11-27', 'knownAt').toISOString()).toBe('2024-11-26T17:00:00.000Z');
    });

    it('refuses a date-time without a time zone, asking for Z or +07:00', () => {
      expectBadInput(() => parseInstant('2024-11-27T09:30:00', 'knownAt'), 'knownAt', /has no time zone; add Z or an offset such as \+07:00/);
    });

    it('refuses a date that does not exist', () => {
      expectBadInput(() => parseInstant('2025-02-29', 'occurredAt'), 'occurredAt', '2025-02-29 is not a real date');
      expectBadInput(() => parseInstant('2024-04-31T10:00:00Z', 'occurredAt'), 'occurredAt', '2024-04-31 is not a real date');
    });

    it('accepts 29 February of a leap year', () => {
      expect(parseInstant('2024-02-29', 'occurredAt').toISOString()).toBe('2024-02-28T17:00:00.000Z');
    });

    it('refuses a time of day that does not exist', () => {
      expectBadInput(() => parseInstant('2024-11-27T24:00:00Z', 'knownAt'), 'knownAt', /not a real time of day/);
      expectBadInput(() => parseInstant('2024-11-27T09:60:00Z', 'knownAt'), 'knownAt', /not a real time of day/);
    });

    it('refuses an impossible offset', () => {
      expectBadInput(() => parseInstant('2024-11-27T09:30:00+25:00', 'knownAt'), 'knownAt', /impossible time-zone offset/);
    });

    it.each(['yesterday', '27/11/2024', '2024-11-27 09:30', '2024-1-7', '1732671000000'])('refuses %s', (text) => {
      expectBadInput(() => parseInstant(text, 'knownAt'), 'knownAt', /is not an ISO-8601 date or date-time/);
    });

    it('refuses an empty value and a non-string', () => {
      expectBadInput(() => parseInstant('', 'knownAt'), 'knownAt', /is required/);
      expectBadInput(() => parseInstant(undefined as unknown as string, 'knownAt'), 'knownAt', /is required/);
    });

    it('refuses a year before 1900', () => {
      expectBadInput(() => parseInstant('0024-11-27', 'knownAt'), 'knownAt', /year 0024 is not plausible/);
    });
  });

  describe('assertNotFuture', () => {
    const now = new Date('2024-11-27T02:30:00Z');

    it('accepts the past and now', () => {
      expect(() => assertNotFuture(new Date('2024-11-20T00:00:00Z'), 'receivedAt', now)).not.toThrow();
      expect(() => assertNotFuture(now, 'receivedAt', now)).not.toThrow();
    });

    it('tolerates five minutes of clock skew', () => {
      expect(() => assertNotFuture(new Date(now.getTime() + 5 * 60 * 1000), 'receivedAt', now)).not.toThrow();
    });

    it('refuses a time more than five minutes ahead, showing both in WIB', () => {
      expectBadInput(
        () => assertNotFuture(new Date(now.getTime() + 5 * 60 * 1000 + 1), 'receivedAt', now),
        'receivedAt',
        'receivedAt: must not be in the future (2024-11-27 09:35 WIB is after now, 2024-11-27 09:30 WIB)',
      );
    });

    it('refuses an invalid date', () => {
      expectBadInput(() => assertNotFuture(new Date('garbage'), 'receivedAt', now), 'receivedAt', /not a valid date/);
    });
  });

  describe('assertNotBefore', () => {
    const occurredAt = new Date('2024-11-20T03:00:00Z');

    it('accepts a later or equal time', () => {
      expect(() => assertNotBefore(new Date('2024-11-21T00:00:00Z'), 'knownAt', occurredAt, 'occurredAt')).not.toThrow();
      expect(() => assertNotBefore(occurredAt, 'knownAt', occurredAt, 'occurredAt')).not.toThrow();
    });

    it('refuses a violation known before it happened', () => {
      expectBadInput(
        () => assertNotBefore(new Date('2024-11-20T02:59:59Z'), 'knownAt', occurredAt, 'occurredAt'),
        'knownAt',
        'knownAt: must not be before occurredAt',
      );
    });
  });
});

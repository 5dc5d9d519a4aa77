import { randomBytes } from 'node:crypto';
import { openNip, openReporter, sealCaseReported } from '../../src/privacy/personal-data';
import { isSealed, newDataKey, seal, unseal, unwrapKey, wrapKey } from '../../src/privacy/sealing';
import { caseReported, HENDRA, REPORTER } from '../case/case-fixtures';

describe('sealing personal data (AES-256-GCM envelope encryption)', () => {
  const key = newDataKey();

  it('a sealed value opens only with its key and its context', () => {
    const sealed = seal(key, { name: 'Rina' }, 'reporter:case-1');
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain('Rina');
    expect(unseal(key, sealed, 'reporter:case-1')).toEqual({ name: 'Rina' });
    expect(() => unseal(key, sealed, 'reporter:case-2')).toThrow();
    expect(() => unseal(newDataKey(), sealed, 'reporter:case-1')).toThrow();
  });

  it('a tampered ciphertext is refused', () => {
    const sealed = seal(key, 'x', 'c');
    const tampered = sealed.slice(0, -3) + (sealed.endsWith('A') ? 'BBB' : 'AAA');
    expect(() => unseal(key, tampered, 'c')).toThrow();
  });

  it('a data key wrapped by the master key unwraps only for its own case', () => {
    const master = randomBytes(32);
    const wrapped = wrapKey(master, key, 'case-1');
    expect(unwrapKey(master, wrapped, 'case-1').equals(key)).toBe(true);
    expect(() => unwrapKey(master, wrapped, 'case-2')).toThrow();
    expect(() => unwrapKey(randomBytes(32), wrapped, 'case-1')).toThrow();
  });

  it('a reported case is stored with its reporter and NIPs sealed, and opens with the case key', () => {
    const event = caseReported();
    const stored = sealCaseReported(event, key);
    const text = JSON.stringify(stored);
    expect(text).not.toContain(REPORTER.name);
    expect(text).not.toContain(HENDRA.nip);
    expect(stored.data.respondents[0].name).toBe(event.data.respondents[0].name);
    expect(openReporter(stored.data, key)).toEqual(event.data.reporter);
    const r1 = stored.data.respondents[0];
    expect(openNip(stored.data.caseId, r1.respondentId, r1.nip, key)).toBe(event.data.respondents[0].nip);
  });

  it('without the key (destroyed) the reporter and NIPs read as null', () => {
    const stored = sealCaseReported(caseReported(), key);
    expect(openReporter(stored.data, null)).toBeNull();
    expect(openNip(stored.data.caseId, 'R1', stored.data.respondents[0].nip, null)).toBeNull();
  });
});

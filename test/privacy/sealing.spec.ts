import { randomBytes } from 'node:crypto';
import { openEvent, openReporter, sealEvent } from '../../src/privacy/personal-data';
import { ERASED, PERSONAL_FIELDS } from '../../src/privacy/personal-fields';
import { isSealed, newDataKey, seal, unseal, unwrapKey, wrapKey } from '../../src/privacy/sealing';
import { caseReported, caseStudied, finding, HENDRA, REPORTER } from '../case/case-fixtures';

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

  const RINA_NOTE = 'Rina Marlina hadir bersama suaminya';

  it('a reported case is stored with every personal value sealed, and opens with the case key to what was decided', () => {
    const event = caseReported();
    const stored = sealEvent(event, key);
    const text = JSON.stringify(stored);
    for (const value of personalValuesOf(event)) expect(text).not.toContain(value);
    expect(stored.data.registerNumber).toBe(event.data.registerNumber);
    expect(stored.data.respondents.map((r) => [r.respondentId, r.institution, r.employment])).toEqual(
      event.data.respondents.map((r) => [r.respondentId, r.institution, r.employment]),
    );
    expect(stored.data.evidence).toHaveLength(event.data.evidence.length);
    expect(openEvent(stored, key)).toEqual(event);
    expect(openReporter(stored.data, key)).toEqual(event.data.reporter);
  });

  it('notes of the later steps and the erasure reason are sealed too', () => {
    const studied = caseStudied(undefined, { findings: [{ ...finding('R1', 'VIOLATION'), note: RINA_NOTE }, finding('R2', 'NO_VIOLATION')] });
    const stored = sealEvent(studied, key);
    expect(JSON.stringify(stored)).not.toContain(RINA_NOTE);
    expect(stored.data.findings[1].note).toBeNull();
    expect(openEvent(stored, key)).toEqual(studied);
    for (const type of ['FollowUpDeclaredImpossible', 'EscalationRecorded', 'PersonalDataErased']) expect(PERSONAL_FIELDS[type]).toBeDefined();
  });

  it('a value cannot be moved to another respondent or case: the context is bound in', () => {
    const stored = sealEvent(caseReported(), key);
    const swapped = { ...stored, data: { ...stored.data, respondents: [stored.data.respondents[1], stored.data.respondents[0]].map((r, i) => ({ ...r, respondentId: `R${i + 1}` })) } };
    expect(() => openEvent(swapped, key)).toThrow();
  });

  it('without the key (destroyed) names and texts read as the erased marker, NIPs and the reporter as null', () => {
    const stored = sealEvent(caseReported(), key);
    const opened = openEvent(stored, null);
    expect(opened.data.reporter).toBeNull();
    expect(opened.data.respondents.map((r) => [r.name, r.nip, r.position])).toEqual([
      [ERASED, null, ERASED],
      [ERASED, null, ERASED],
    ]);
    expect([opened.data.summary, opened.data.place, ...opened.data.evidence]).toEqual([ERASED, ERASED, ERASED, ERASED]);
  });

  it('a case erased before sealing existed reads as erased too: its plaintext is not shown', () => {
    const opened = openEvent(caseReported(), newDataKey(), true);
    expect(JSON.stringify(opened)).not.toContain(HENDRA.name);
    expect(opened.data.respondents[0].nip).toBeNull();
  });
});

function personalValuesOf(event: ReturnType<typeof caseReported>): string[] {
  const d = event.data;
  return [d.summary, d.place!, ...d.evidence, REPORTER.name, REPORTER.phone, ...d.respondents.flatMap((r) => [r.name, r.nip!, r.position!])];
}

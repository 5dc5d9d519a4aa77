import { decide } from '../../../src/case/case';
import { CaseError } from '../../../src/case/case-error';
import { missingDocument, type OpenedCase } from '../../../src/case/case-state';
import type { Actor } from '../../../src/case/decide-context';
import type { GenerateLetter } from '../../../src/case/generating-letter/generate-letter';
import { aRecommendedCase, anExecutedCase, aSanctionedCase, bawaslu, bkn, CASE_ID, kemendagri, sanctionExecutionCorrected } from '../case-fixtures';
import { given, NOW, stateAfter, testContext } from '../given';

const SHA = 'b'.repeat(64);
const letter = (by: Actor, kind: string, respondentId: string, namedRespondentIds: string[]): GenerateLetter => ({
  type: 'GenerateLetter',
  actor: by,
  caseId: CASE_ID,
  input: { kind, respondentId, document: { documentId: 'l-1', sha256: SHA, size: 4000, name: 'Surat Rekomendasi 045.pdf', namedRespondentIds } },
});
const attached = (data: Record<string, unknown>) => ({
  type: 'DocumentAttached' as const,
  data: {
    caseId: CASE_ID,
    documentId: 'l-1',
    sha256: SHA,
    size: 4000,
    contentType: 'application/pdf' as const,
    name: 'Surat Rekomendasi 045.pdf',
    kind: 'RECOMMENDATION_LETTER' as const,
    respondentId: null,
    attachedAt: NOW.toISOString(),
    attachedBy: 'BAWASLU' as const,
    namedRespondentIds: ['R1', 'R2'],
    ...data,
  },
});
const decreeOf = (respondentId: string) => ({ ...attached({ kind: 'DECREE', respondentId, attachedBy: 'PPK', namedRespondentIds: undefined }) });

describe('generating a letter', () => {
  it('Bawaslu’s recommendation covering two respondents is attached to the case, naming both', () => {
    given(aRecommendedCase()).when(letter(bawaslu('16.73'), 'RECOMMENDATION', 'R1', ['R1', 'R2'])).then(attached({}));
  });

  it('BKN’s letter to the PPK covers the tracks of its letter number and PPK: one respondent, attached to that track', () => {
    given(aSanctionedCase())
      .when(letter(bkn(), 'SANCTION_DECISION', 'R2', ['R2']))
      .then(attached({ kind: 'DECISION_LETTER', respondentId: 'R2', attachedBy: 'BKN', namedRespondentIds: ['R2'] }));
  });

  it('a letter whose step was not recorded for the track is refused', () => {
    given(aRecommendedCase()).when(letter(bkn(), 'SANCTION_DECISION', 'R1', ['R1'])).thenRejects('INVALID_TRANSITION', /no sanction was recommended to a PPK for respondent R1/);
  });

  it('an agency that may not attach documents to the case may not generate its letters', () => {
    given(aRecommendedCase()).when(letter(kemendagri(), 'RECOMMENDATION', 'R1', ['R1', 'R2'])).thenRejects('FORBIDDEN', /KEMENDAGRI may not attachDocument/);
  });

  it('a letter rendered with other respondents than the case now names is a CONFLICT, and nothing is appended', () => {
    const state = stateAfter(aRecommendedCase());
    expect(() => decide(letter(bawaslu('16.73'), 'RECOMMENDATION', 'R1', ['R1']), state, testContext)).toThrow(expect.objectContaining({ code: 'CONFLICT', key: 'letter.changed' }) as CaseError);
  });
});

describe('a step that requires its document', () => {
  const r1 = (state: ReturnType<typeof stateAfter>) => (state as OpenedCase).respondents.find((r) => r.respondentId === 'R1')!;

  it('a decree recorded without its SK is “document missing”; the SK attached to the track clears it; a corrected decree needs its own', () => {
    expect(missingDocument(r1(stateAfter(aSanctionedCase())))).toBeNull();
    expect(missingDocument(r1(stateAfter(anExecutedCase())))).toBe('DECREE');
    expect(missingDocument(r1(stateAfter(anExecutedCase(), decreeOf('R1'))))).toBeNull();
    expect(missingDocument(r1(stateAfter(anExecutedCase(), decreeOf('R2'))))).toBe('DECREE');
    expect(missingDocument(r1(stateAfter(anExecutedCase(), decreeOf('R1'), sanctionExecutionCorrected())))).toBe('DECREE');
  });
});

import type { AttachDocument } from '../../../src/case/attaching-document/attach-document';
import type { Actor } from '../../../src/case/decide-context';
import { aRecommendedCase, aReportedCase, bawaslu, bkn, CASE_ID, kemendagri, ppk, recommendationIssued, aStudiedCase, sanctionDecided } from '../case-fixtures';
import { given, NOW } from '../given';

const SHA = 'a'.repeat(64);
const attach = (by: Actor, input: Partial<AttachDocument['input']> = {}): AttachDocument => ({
  type: 'AttachDocument',
  actor: by,
  caseId: CASE_ID,
  input: { documentId: 'd-1', sha256: SHA, size: 1234, contentType: 'application/pdf', name: 'Surat rekomendasi.pdf', kind: 'RECOMMENDATION_LETTER', ...input },
});
const attached = (data: Record<string, unknown> = {}) => ({
  type: 'DocumentAttached' as const,
  data: {
    caseId: CASE_ID,
    documentId: 'd-1',
    sha256: SHA,
    size: 1234,
    contentType: 'application/pdf' as const,
    name: 'Surat rekomendasi.pdf',
    kind: 'RECOMMENDATION_LETTER' as const,
    respondentId: null,
    attachedAt: NOW.toISOString(),
    attachedBy: 'BAWASLU' as const,
    ...data,
  },
});
/** R1's decision addressed to the Walikota of Lubuk Linggau (16.73), R2's to the Bupati of Musi Rawas (16.05). */
const twoPpks = () => [...aRecommendedCase(), sanctionDecided({ respondentId: 'R1' }), sanctionDecided({ respondentId: 'R2', ppk: { title: 'Bupati Musi Rawas', regionCode: '16.05' } })];

describe('attaching a document', () => {
  it('the handling Bawaslu unit attaches its recommendation letter, recorded with its hash, size, type and name', () => {
    given(aRecommendedCase()).when(attach(bawaslu('16.73'))).then(attached());
  });

  it('BKN attaches its decision letter to a respondent’s track', () => {
    given(twoPpks())
      .when(attach(bkn(), { kind: 'DECISION_LETTER', respondentId: 'R1' }))
      .then(attached({ kind: 'DECISION_LETTER', respondentId: 'R1', attachedBy: 'BKN' }));
  });

  it('the PPK a decision names attaches its SK to that track, and not to another PPK’s', () => {
    given(twoPpks()).when(attach(ppk('16.05'), { kind: 'DECREE', respondentId: 'R2' })).then(attached({ kind: 'DECREE', respondentId: 'R2', attachedBy: 'PPK' }));
    given(twoPpks()).when(attach(ppk('16.05'), { kind: 'DECREE', respondentId: 'R1' })).thenRejects('FORBIDDEN', /no sanction decision of R1 is addressed to it/);
  });

  it('a PPK before any decision names it may not attach', () => {
    given(aStudiedCase(), recommendationIssued()).when(attach(ppk('16.73'), { kind: 'DECREE' })).thenRejects('FORBIDDEN', /may not attachDocument/);
  });

  it('an agency that takes no step of the case may not attach', () => {
    given(aReportedCase()).when(attach(kemendagri())).thenRejects('FORBIDDEN', /KEMENDAGRI may not attachDocument/);
  });

  it('a unit that cannot read the case finds no such case, whatever else is wrong', () => {
    given(aReportedCase()).when(attach(bawaslu('16.05'), { kind: 'NOT_A_KIND' as never })).thenRejects('NOT_FOUND', /^no case /);
  });

  it('the kind must be one of the document kinds, and the respondent one of the case', () => {
    given(aReportedCase()).when(attach(bawaslu('16.73'), { kind: 'PHOTO' as never })).thenRejects('BAD_USER_INPUT', /^kind: must be one of EVIDENCE/);
    given(aReportedCase()).when(attach(bawaslu('16.73'), { respondentId: 'R9' })).thenRejects('NOT_FOUND', /no respondent R9/);
  });

  it('nothing is attached once the case’s personal data was erased', () => {
    const erased = { type: 'PersonalDataErased' as const, data: { caseId: CASE_ID, erasedAt: NOW.toISOString(), reason: 'UU 27/2022', legalHoldOverridden: true } };
    given(aReportedCase(), erased).when(attach(bawaslu('16.73'))).thenRejects('INVALID_TRANSITION', /erased/);
  });
});

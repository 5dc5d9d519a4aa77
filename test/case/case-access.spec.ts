import type { CaseCommand, CaseEvent } from '../../src/case/case';
import type { Actor } from '../../src/case/decide-context';
import {
  clearRespondent,
  declareFollowUpImpossible,
  decideSanction,
  issueRecommendation,
  recordSanctionExecution,
  recordStudy,
  reportCase,
} from './case-commands';
import {
  aRecommendedCase,
  aReportedCase,
  aSanctionedCase,
  aStudiedCase,
  bawaslu,
  bkn,
  caseReported,
  caseStudied,
  followUpDeclaredImpossible,
  kasn,
  kemendagri,
  oversight,
  ppk,
  recommendationIssued,
  respondentCleared,
  sanctionDecided,
  sanctionExecuted,
} from './case-fixtures';
import { given, stateAfter, testContext } from './given';
import { nextSteps, type NextStepName } from '../../src/case/next-steps';

/**
 * Who may do what (shared/CONTRACT.md): each step in the stage where it is allowed, tried by every
 * kind of unit. A unit acts within its region by whole Kemendagri code segments, so Bawaslu `16`
 * (Sumatera Selatan) acts on a `16.73` (Lubuk Linggau) case and Bawaslu `16.74` (Prabumulih) does not.
 */
type Refusal = [label: string, actor: Actor, message: RegExp];
type Permission = [label: string, actor: Actor, produces: CaseEvent];

interface Rule {
  step: string;
  history: CaseEvent[];
  command: (by: Actor) => CaseCommand;
  may: Permission[];
  mayNot: Refusal[];
}

const outside = (unit: string, op: string, target: string) =>
  new RegExp(`unit ${unit.replace('.', '\\.')} may not ${op} .*${target.replace('.', '\\.')}, outside its region`);
const notThisAgency = (agency: string, op: string) => new RegExp(`^${agency} may not ${op}`);
/** A unit that may not read the case learns nothing from the refusal: NOT_FOUND, as for no case at all. */
const UNREADABLE = /^no case [0-9a-f-]+$/;

const RULES: Rule[] = [
  {
    step: 'reporting a case handled by Bawaslu Lubuk Linggau',
    history: [],
    command: (by) => reportCase({ by }),
    may: [
      ['Bawaslu Kota Lubuk Linggau', bawaslu('16.73'), caseReported()],
      ['Bawaslu Provinsi Sumatera Selatan', bawaslu('16'), caseReported()],
      ['Bawaslu RI', bawaslu(null), caseReported()],
    ],
    mayNot: [
      ['Bawaslu Kota Prabumulih', bawaslu('16.74'), outside('16.74', 'reportCase', '16.73')],
      ['Bawaslu Provinsi Sumatera Barat', bawaslu('13'), outside('13', 'reportCase', '16.73')],
      ['BKN', bkn(), notThisAgency('BKN', 'reportCase')],
      ['KASN', kasn(), notThisAgency('KASN', 'reportCase')],
      ['the Walikota Lubuk Linggau as PPK', ppk('16.73'), notThisAgency('PPK', 'reportCase')],
      ['oversight', oversight(), notThisAgency('OVERSIGHT', 'reportCase')],
      ['Kemendagri', kemendagri(), notThisAgency('KEMENDAGRI', 'reportCase')],
    ],
  },
  {
    step: 'recording the study',
    history: aReportedCase(),
    command: (by) => recordStudy({ by }),
    may: [
      ['Bawaslu Kota Lubuk Linggau', bawaslu('16.73'), caseStudied()],
      ['Bawaslu Provinsi Sumatera Selatan', bawaslu('16'), caseStudied()],
    ],
    mayNot: [
      ['Bawaslu Kota Prabumulih', bawaslu('16.74'), UNREADABLE],
      ['BKN', bkn(), notThisAgency('BKN', 'recordStudy')],
      ['the Walikota Lubuk Linggau as PPK', ppk('16.73'), notThisAgency('PPK', 'recordStudy')],
      ['oversight', oversight(), notThisAgency('OVERSIGHT', 'recordStudy')],
    ],
  },
  {
    step: 'issuing the recommendation',
    history: aStudiedCase(),
    command: (by) => issueRecommendation({ by }),
    may: [
      ['Bawaslu Kota Lubuk Linggau', bawaslu('16.73'), recommendationIssued()],
      ['Bawaslu Provinsi Sumatera Selatan', bawaslu('16'), recommendationIssued()],
    ],
    mayNot: [
      ['Bawaslu Kota Prabumulih', bawaslu('16.74'), UNREADABLE],
      ['BKN', bkn(), notThisAgency('BKN', 'issueRecommendation')],
      ['KASN', kasn(), notThisAgency('KASN', 'issueRecommendation')],
      ['oversight', oversight(), notThisAgency('OVERSIGHT', 'issueRecommendation')],
    ],
  },
  {
    step: 'deciding a sanction',
    history: aRecommendedCase(),
    command: (by) => decideSanction({ by }),
    may: [['BKN', bkn(), sanctionDecided()]],
    mayNot: [
      ['KASN, after it was dissolved', kasn(), /KASN may only decide before 24 Aug 2024/],
      ['Bawaslu Kota Lubuk Linggau', bawaslu('16.73'), notThisAgency('BAWASLU', 'decideSanction')],
      ['the Walikota Lubuk Linggau as PPK', ppk('16.73'), notThisAgency('PPK', 'decideSanction')],
      ['oversight', oversight(), notThisAgency('OVERSIGHT', 'decideSanction')],
      ['Kemendagri', kemendagri(), notThisAgency('KEMENDAGRI', 'decideSanction')],
    ],
  },
  {
    step: 'clearing a respondent',
    history: aRecommendedCase(),
    command: (by) => clearRespondent({ by }),
    may: [['BKN', bkn(), respondentCleared()]],
    mayNot: [
      ['Bawaslu Kota Lubuk Linggau', bawaslu('16.73'), notThisAgency('BAWASLU', 'decideSanction')],
      ['the Walikota Lubuk Linggau as PPK', ppk('16.73'), notThisAgency('PPK', 'decideSanction')],
    ],
  },
  {
    step: 'recording the sanction’s execution',
    history: aSanctionedCase(),
    command: (by) => recordSanctionExecution({ by }),
    may: [['the Walikota Lubuk Linggau as PPK', ppk('16.73'), sanctionExecuted()]],
    mayNot: [
      // "the PPK of exactly the region named in the sanction decision": the governor is not the walikota's PPK
      ['the Gubernur Sumatera Selatan as PPK', ppk('16'), /^PPK unit 16 may not recordSanctionExecution: the decision is addressed to the PPK of 16\.73$/],
      ['a PPK without a region (a minister)', ppk(null), /^PPK unit national may not recordSanctionExecution/],
      ['the Walikota Prabumulih as PPK', ppk('16.74'), UNREADABLE],
      ['the Walikota Solok as PPK', ppk('13.72'), UNREADABLE],
      ['BKN', bkn(), notThisAgency('BKN', 'recordSanctionExecution')],
      ['KASN', kasn(), notThisAgency('KASN', 'recordSanctionExecution')],
      ['Bawaslu Kota Lubuk Linggau', bawaslu('16.73'), notThisAgency('BAWASLU', 'recordSanctionExecution')],
      ['oversight', oversight(), notThisAgency('OVERSIGHT', 'recordSanctionExecution')],
    ],
  },
  {
    step: 'declaring follow-up impossible',
    history: aSanctionedCase(),
    command: (by) => declareFollowUpImpossible({ by }),
    may: [
      ['the Walikota Lubuk Linggau as PPK', ppk('16.73'), followUpDeclaredImpossible()],
      ['BKN', bkn(), followUpDeclaredImpossible({ declaredBy: 'BKN' })],
    ],
    mayNot: [
      ['the Gubernur Sumatera Selatan as PPK', ppk('16'), /^PPK unit 16 may not declareFollowUpImpossible: the decision is addressed to the PPK of 16\.73$/],
      ['the Walikota Prabumulih as PPK', ppk('16.74'), UNREADABLE],
      ['KASN', kasn(), notThisAgency('KASN', 'declareFollowUpImpossible')],
      ['Bawaslu Kota Lubuk Linggau', bawaslu('16.73'), notThisAgency('BAWASLU', 'declareFollowUpImpossible')],
      ['oversight', oversight(), notThisAgency('OVERSIGHT', 'declareFollowUpImpossible')],
    ],
  },
];

describe('who may act on a case', () => {
  describe.each(RULES)('$step', ({ history, command, may, mayNot }) => {
    it.each(may)('%s may', (_label, actor, produces) => {
      given(history).when(command(actor)).then(produces);
    });

    it.each(mayNot)('%s may not', (_label, actor, message) => {
      given(history).when(command(actor)).thenRejects(message === UNREADABLE ? 'NOT_FOUND' : 'FORBIDDEN', message);
    });
  });

  it('a unit code that is only a textual prefix of the case’s region does not contain it', () => {
    // Containment goes by whole code segments: `16.7` is no region and contains nothing.
    given().when(reportCase({ by: bawaslu('16.7') })).thenRejects('FORBIDDEN', /outside its region/);
  });
});

/**
 * The steps offered to a caller (src/case/next-steps.ts, what the console renders) are the ones the
 * decider accepts: every rule above, asked the other way round — each unit that may take the step
 * is offered it for that respondent, each that may not is not.
 */
describe('the next steps offered to a caller are exactly the ones it may take', () => {
  const stepOf = (command: CaseCommand): NextStepName => (command.type.charAt(0).toLowerCase() + command.type.slice(1)) as NextStepName;
  const respondentOf = (command: CaseCommand): string | null => {
    const input = command.input as { respondentId?: string; respondentIds?: string[]; findings?: Array<{ respondentId: string }> };
    return input.respondentId ?? input.respondentIds?.[0] ?? input.findings?.[0]?.respondentId ?? null;
  };
  const offered = (history: CaseEvent[], command: CaseCommand) =>
    nextSteps(stateAfter(history), command.actor, testContext).some(
      (s) => s.step === stepOf(command) && (s.step === 'erasePersonalData' || s.respondentIds.includes(respondentOf(command)!)),
    );
  describe.each(RULES.filter((r) => r.history.length > 0))('$step', ({ history, command, may, mayNot }) => {
    it.each(may)('%s is offered it', (_label, actor) => {
      expect(offered(history, command(actor))).toBe(true);
    });
    it.each(mayNot)('%s is not offered it', (_label, actor) => {
      expect(offered(history, command(actor))).toBe(false);
    });
  });
});

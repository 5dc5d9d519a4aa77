import { maySeeRespondent } from '../case-access';
import { invalidTransition } from '../case-error';
import type { Election, Ppk } from '../case-records';
import type { OpenedCase, RespondentTrack } from '../case-state';
import { LETTER_KINDS, VIOLATION_CODES, type Agency, type LetterKind, type RecommendationRecipient, type SanctionKind, type ViolationCode } from '../case-vocabulary';
import type { Actor } from '../decide-context';
import { oneOf } from '../input-rules';
import { trackOf } from '../opened-case';
import { assertMayAttach } from '../attaching-document/attach-document';

/** One respondent the letter names: the caller sees them (names are filled in by whoever renders it). */
export interface LetterRespondent {
  respondentId: string;
  violations: ViolationCode[];
  /** The sanction KASN/BKN recommends to the PPK (letter to the PPK only). */
  sanction: SanctionKind | null;
}

/** What a letter says, from the case as recorded: no names (the renderer takes them from what the caller may see). */
export interface LetterFacts {
  kind: LetterKind;
  documentKind: 'RECOMMENDATION_LETTER' | 'DECISION_LETTER';
  caseId: string;
  registerNumber: string;
  election: Election;
  handlingUnit: string;
  letterNumber: string;
  /** The date the step was recorded with: the letter's date. */
  date: string;
  /** Who writes it: Bawaslu (its handling unit), or the agency that decided (KASN/BKN). */
  author: Agency;
  /** The recommendation's addressee (KASN, BKN, …); null for the letter to the PPK. */
  recipient: RecommendationRecipient | null;
  /** The PPK the letter is addressed to; null for the recommendation. */
  ppk: Ppk | null;
  /** The letter to the PPK cites Bawaslu's recommendation it follows; null for the recommendation itself. */
  recommendationLetterNumber: string | null;
  /** Every track the letter covers, named or not. */
  coveredRespondentIds: string[];
  /** The tracks whose names the caller may see, in the case's order. */
  respondents: LetterRespondent[];
  /** Covered tracks the caller may not see: the letter says how many, never who. */
  withheld: number;
  /** The norms violated by the named respondents, in the catalogue's order. */
  violations: ViolationCode[];
}

const violationsOf = (opened: OpenedCase, track: RespondentTrack): ViolationCode[] => (track.findingViolations.length > 0 ? track.findingViolations : opened.violations);

/**
 * The letter of `kind` that `respondentId`'s step was recorded with: Bawaslu's recommendation (every
 * track recommended under the same letter number), or KASN/BKN's letter to the PPK (every track of
 * that decision letter addressed to the same PPK). A generated letter is a document of the track:
 * whoever may attach one there may generate it (attach-document.ts), and it names only the
 * respondents the caller may see (case-access.ts `maySeeRespondent`).
 */
export function letterFacts(opened: OpenedCase, kindInput: unknown, respondentId: unknown, actor: Actor): LetterFacts {
  const kind = oneOf(kindInput, LETTER_KINDS, 'kind');
  const track = trackOf(opened, respondentId);
  assertMayAttach(actor, opened, track.respondentId);
  const base = { kind, caseId: opened.caseId, registerNumber: opened.registerNumber, election: opened.election, handlingUnit: opened.handlingUnit };
  let covered: RespondentTrack[];
  let letter: Pick<LetterFacts, 'documentKind' | 'letterNumber' | 'date' | 'author' | 'recipient' | 'ppk' | 'recommendationLetterNumber'>;
  if (kind === 'RECOMMENDATION') {
    const recommendation = track.recommendation;
    if (!recommendation) throw notIssued(kind, track, 'no recommendation was issued for');
    covered = opened.respondents.filter((r) => r.recommendation?.letterNumber === recommendation.letterNumber);
    letter = { documentKind: 'RECOMMENDATION_LETTER', letterNumber: recommendation.letterNumber, date: recommendation.issuedAt, author: 'BAWASLU', recipient: recommendation.recipient, ppk: null, recommendationLetterNumber: null };
  } else {
    const decision = track.decision;
    if (!decision?.ppk || decision.sanction === null) throw notIssued(kind, track, 'no sanction was recommended to a PPK for');
    const ppk = decision.ppk;
    covered = opened.respondents.filter((r) => r.decision?.letterNumber === decision.letterNumber && r.decision.ppk?.regionCode === ppk.regionCode && r.decision.sanction !== null);
    letter = {
      documentKind: 'DECISION_LETTER',
      letterNumber: decision.letterNumber,
      date: decision.decidedAt,
      author: decision.decidedBy,
      recipient: null,
      ppk,
      recommendationLetterNumber: track.recommendation?.letterNumber ?? null,
    };
  }
  const named = covered.filter((r) => maySeeRespondent(actor, opened.handlingUnit, { institutionRegionCode: r.institutionRegionCode, ppkRegionCode: r.decision?.ppk?.regionCode ?? null }));
  const violations = new Set(named.flatMap((r) => violationsOf(opened, r)));
  return {
    ...base,
    ...letter,
    coveredRespondentIds: covered.map((r) => r.respondentId),
    respondents: named.map((r) => ({ respondentId: r.respondentId, violations: violationsOf(opened, r), sanction: kind === 'SANCTION_DECISION' ? (r.decision?.sanction ?? null) : null })),
    withheld: covered.length - named.length,
    violations: VIOLATION_CODES.filter((code) => violations.has(code)),
  };
}

function notIssued(kind: LetterKind, track: RespondentTrack, what: string) {
  return invalidTransition(`cannot generate the ${kind} letter: ${what} respondent ${track.respondentId} (stage ${track.stage})`, 'letter.notIssued', {
    kind,
    respondentId: track.respondentId,
    stage: track.stage,
  });
}

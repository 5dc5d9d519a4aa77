import { CaseError, conflict } from '../case-error';
import { LETTER_KINDS } from '../case-vocabulary';
import type { CaseState } from '../case-state';
import type { Actor, DecideContext } from '../decide-context';
import { openedCase } from '../opened-case';
import { attachDocument, attachingDocument, type DocumentAttached } from '../attaching-document/attach-document';
import type { Step } from '../step';
import type { Offer, Trial } from '../trial';
import { letterFacts } from './letter-facts';

export interface GenerateLetter {
  type: 'GenerateLetter';
  actor: Actor;
  caseId: string;
  /** `kind` and `respondentId` from the caller; `document` what the letter rendered from the same facts measured. */
  input: {
    kind: string;
    respondentId: string;
    document: { documentId: string; sha256: string; size: number; name: string; namedRespondentIds: string[] };
  };
}

/**
 * A generated letter is attached like any document (its hash, size and sealed name in the ledger),
 * to the track when it covers one respondent, to the case when it covers several. The facts are
 * asked again here: if the respondents the letter names are no longer the ones it was rendered
 * with, the PDF would not say what the case says, so it is a CONFLICT and nothing is appended.
 */
export function generateLetter(command: GenerateLetter, state: CaseState, ctx: DecideContext): DocumentAttached[] {
  const { actor, input } = command;
  const opened = openedCase(state, command.caseId);
  const facts = letterFacts(opened, input.kind, input.respondentId, actor);
  const named = facts.respondents.map((r) => r.respondentId);
  if (named.join(',') !== input.document.namedRespondentIds.join(',')) {
    throw conflict(`the respondents of letter ${facts.letterNumber} changed while it was generated; generate it again`, 'letter.changed', { respondentId: input.respondentId });
  }
  const events = attachDocument(
    {
      type: 'AttachDocument',
      actor,
      caseId: command.caseId,
      input: {
        ...input.document,
        contentType: 'application/pdf',
        kind: facts.documentKind,
        respondentId: facts.coveredRespondentIds.length === 1 ? facts.coveredRespondentIds[0] : null,
      },
    },
    state,
    ctx,
  );
  return events.map((e) => ({ ...e, data: { ...e.data, namedRespondentIds: named } }));
}

/**
 * The step, as steps.ts gathers it. Who may generate a letter is who may attach a document to the
 * track (attachDocument's row, asked inside), and what it appends is a DocumentAttached, folded by
 * the attaching step's rules.
 */
export const generatingLetter: Step<GenerateLetter, DocumentAttached> = {
  command: 'GenerateLetter',
  access: null,
  decide: generateLetter,
  events: { DocumentAttached: attachingDocument.events.DocumentAttached },
  offeredAs: 'generateLetter',
  offers: letterOffers,
};

/**
 * Per kind, the tracks whose letter the caller may generate now: the facts are asked of letterFacts
 * (the step's own rule, access included), then the command is tried on the decider with them.
 */
function letterOffers(trial: Trial): Offer[] {
  return LETTER_KINDS.flatMap((kind) => {
    const respondentIds = trial.state.respondents
      .filter((track) => {
        let named: string[];
        try {
          named = letterFacts(trial.state, kind, track.respondentId, trial.base.actor).respondents.map((r) => r.respondentId);
        } catch (error) {
          if (error instanceof CaseError) return false;
          throw error;
        }
        const document = { documentId: 'percobaan', sha256: '0'.repeat(64), size: 1, name: 'percobaan.pdf', namedRespondentIds: named };
        return trial.accepts({ ...trial.base, type: 'GenerateLetter', input: { kind, respondentId: track.respondentId, document } });
      })
      .map((track) => track.respondentId);
    return respondentIds.length > 0 ? [{ respondentIds, letterKind: kind }] : [];
  });
}

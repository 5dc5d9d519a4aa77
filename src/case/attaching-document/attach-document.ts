import { assertAgencyMay, assertRegionMay } from '../case-access';
import { badInput, forbidden, invalidTransition } from '../case-error';
import type { DocumentAttached } from '../case-events';
import { DOCUMENT_CONTENT_TYPES, DOCUMENT_KINDS, type DocumentContentType, type DocumentKind } from '../case-vocabulary';
import type { Actor, DecideContext } from '../decide-context';
import type { CaseState, OpenedCase } from '../case-state';
import { iso, oneOf, optionalText, text } from '../input-rules';
import { openedCase, trackOf } from '../opened-case';

export interface AttachDocument {
  type: 'AttachDocument';
  actor: Actor;
  caseId: string;
  /** What the upload measured from the bytes; the client names only the kind, the respondent and the file name. */
  input: {
    documentId: string;
    sha256: string;
    size: number;
    contentType: DocumentContentType;
    name: string;
    kind: DocumentKind;
    respondentId?: string | null;
  };
}

/** Agencies that act on a case's tracks (the PPK, the TNI and Polri for the tracks addressed to them). */
const TRACK_EXECUTORS = ['PPK', 'TNI', 'POLRI'] as const;

/**
 * A document is attached by whoever may take the steps of that case: the handling Bawaslu unit (or
 * one above it), KASN/BKN within their region, and the PPK (TNI, Polri) a sanction decision of the
 * case is addressed to — for a respondent's track, exactly that track's. The case's erasure shredded
 * the key the bytes would be sealed with, so nothing is attached after it.
 */
export function attachDocument(command: AttachDocument, state: CaseState, ctx: DecideContext): DocumentAttached[] {
  const { actor, input } = command;
  const opened = openedCase(state, command.caseId);
  const kind = oneOf(input.kind, DOCUMENT_KINDS, 'kind');
  const respondentId = optionalText(input.respondentId, 'respondentId', 40);
  if (respondentId !== null) trackOf(opened, respondentId);
  assertMayAttach(actor, opened, respondentId);
  if (opened.personalDataErasedAt !== null) {
    throw invalidTransition(`personal data of this case was erased on ${opened.personalDataErasedAt}: its data key is gone, nothing can be attached`, 'erasure.done', {
      erasedAt: opened.personalDataErasedAt,
    });
  }
  if (!/^[0-9a-f]{64}$/.test(input.sha256)) throw badInput('file', 'has no SHA-256', 'value.invalid', { constraint: 'sha256' });
  if (!Number.isSafeInteger(input.size) || input.size <= 0) throw badInput('file', 'is empty', 'document.empty');
  const contentType = oneOf(input.contentType, DOCUMENT_CONTENT_TYPES, 'file');
  return [
    {
      type: 'DocumentAttached',
      data: {
        caseId: opened.caseId,
        documentId: text(input.documentId, 'documentId', 64),
        sha256: input.sha256,
        size: input.size,
        contentType,
        name: text(input.name, 'name', 255),
        kind,
        respondentId,
        attachedAt: iso(ctx.now),
        attachedBy: actor.agency,
      },
    },
  ];
}

export function assertMayAttach(actor: Actor, opened: OpenedCase, respondentId: string | null): void {
  assertAgencyMay(actor, 'attachDocument');
  if (!(TRACK_EXECUTORS as readonly string[]).includes(actor.agency)) {
    assertRegionMay(actor, 'attachDocument', opened.handlingUnit);
    return;
  }
  const tracks = opened.respondents.filter((r) => respondentId === null || r.respondentId === respondentId);
  if (!tracks.some((r) => r.decision?.ppk && r.decision.ppk.regionCode === actor.region)) {
    throw forbidden(`${actor.agency} unit ${actor.region ?? 'national'} may not attachDocument: no sanction decision of ${respondentId ?? 'this case'} is addressed to it`, 'access.namedPpk', {
      region: actor.region,
      operation: 'attachDocument',
      ppkRegion: tracks.map((r) => r.decision?.ppk?.regionCode).filter(Boolean).join(',') || null,
    });
  }
}

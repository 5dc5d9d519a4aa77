import { assertAgencyMay, assertRegionMay } from '../case-access';
import { badInput, forbidden, invalidTransition } from '../case-error';
import { type Agency, DOCUMENT_CONTENT_TYPES, DOCUMENT_KINDS, type DocumentContentType, type DocumentKind } from '../case-vocabulary';
import type { Actor, DecideContext } from '../decide-context';
import type { CaseState, OpenedCase } from '../case-state';
import { iso, oneOf, optionalText, text } from '../input-rules';
import { openedCase, trackOf } from '../opened-case';
import type { Step, StepAccess } from '../step';
import { acceptedTracks, PROBE_TEXT } from '../trial';
import { withTracks } from '../track-change';

/**
 * A file attached to the case (issue 18), content-addressed: the ledger covers its SHA-256, size and
 * sniffed type, and `npm run verify` holds the stored bytes against them. The bytes are sealed with
 * the case's data key in the blob store; the file name is personal free text, sealed like a note.
 */
export interface DocumentAttached {
  type: 'DocumentAttached';
  data: {
    caseId: string;
    documentId: string;
    /** Hex SHA-256 of the plaintext bytes. */
    sha256: string;
    size: number;
    contentType: DocumentContentType;
    name: string;
    kind: DocumentKind;
    /** The respondent's track it belongs to; null for the case as a whole. */
    respondentId: string | null;
    attachedAt: string;
    attachedBy: Agency;
    /**
     * A letter Netra generated (src/case/generating-letter): the respondents whose names it shows.
     * Only a caller who sees each of them lists or downloads it. Absent on uploads.
     */
    namedRespondentIds?: string[];
  };
}

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

/** Bawaslu, KASN and BKN within the handling unit's region; the PPK, TNI and Polri that a sanction decision of the track names. */
const ACCESS: StepAccess<'attachDocument'> = { operation: 'attachDocument', agencies: ['BAWASLU', 'BKN', 'KASN', 'PPK', 'TNI', 'POLRI'], regionOf: 'the case handling unit (the PPK: the region its sanction decision names)' };

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
  assertAgencyMay(actor, ACCESS);
  if (!(TRACK_EXECUTORS as readonly string[]).includes(actor.agency)) {
    assertRegionMay(actor, ACCESS, opened.handlingUnit);
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

/** The step, as steps.ts gathers it: its command, who may take it, its decision and its events. */
export const attachingDocument: Step<AttachDocument, DocumentAttached> = {
  command: 'AttachDocument',
  access: ACCESS,
  decide: attachDocument,
  events: {
    // A document changes no stage: the case's version moves, and with a respondent that track's, which keeps its kind.
    DocumentAttached: {
      occurredAt: (e) => e.data.attachedAt,
      // A file's name often names a person ("BAP Sulastri.pdf"); its bytes are sealed apart (blob-sealing.ts).
      sealed: [{ path: 'name' }],
      timeline: {
        name: { id: 'Dokumen dilampirkan', en: 'Document attached' },
        line: (e) => {
          const d = e.data;
          return `Document attached by ${d.attachedBy}: ${d.kind} (${d.contentType}, ${d.size} bytes, SHA-256 ${d.sha256.slice(0, 12)}…)${d.respondentId ? ` for ${d.respondentId}` : ''}`;
        },
        details: (e) => ({ respondentIds: e.data.respondentId ? [e.data.respondentId] : [], actor: e.data.attachedBy }),
        withheld: 'a document was attached',
      },
      tracks: (e) => (e.data.respondentId === null ? [] : [e.data.respondentId]),
      evolve: (state, { data: d }) =>
        d.respondentId === null
          ? state
          : withTracks(state, [d.respondentId], (r) => ((r.documentKinds ?? []).includes(d.kind) ? r : { ...r, documentKinds: [...(r.documentKinds ?? []), d.kind] })),
    },
  },
  offers: (trial) => {
    // One entry with no respondent when the caller may attach to the case as a whole, one with the tracks it may attach to.
    const whole = trial.accepts({ ...trial.base, ...probeDocument(null) }) ? [{ respondentIds: [] }] : [];
    return [...whole, ...acceptedTracks(trial, (t) => probeDocument(t.respondentId))];
  },
};

/** A trial upload (next-steps.ts): a plausible file's measurements, never stored. */
function probeDocument(respondentId: string | null): { type: 'AttachDocument'; input: AttachDocument['input'] } {
  return { type: 'AttachDocument', input: { documentId: 'percobaan', sha256: '0'.repeat(64), size: 1, contentType: 'application/pdf', name: PROBE_TEXT, kind: 'EVIDENCE', respondentId } };
}

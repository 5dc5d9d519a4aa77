import { Inject, Injectable } from '@nestjs/common';
import { maySeeEveryRespondent } from '../../case/case-access';
import { caseStreamId } from '../../case/case-events';
import type { DocumentAttached } from '../../case/attaching-document/attach-document';
import type { Actor } from '../../case/decide-context';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store';
import { CaseReader } from '../../oversight/queries/case-reader';
import { KEY_STORE, KeyStore } from '../../privacy/key-store';
import { openEvent } from '../../privacy/personal-data';
import { sharedRead, type SharedReads } from '../../storage/shared-reads';
import type { DocumentView } from './document.model';

/**
 * A case's documents as a caller may see them, from the case's own history (the ledger is the record
 * of them): only of a case the caller reads, and of a respondent's track only when the caller sees
 * that respondent (a generated letter: every respondent it names); the file name only where the caller sees the people it may name (for a document of
 * the whole case: every respondent), as the gRPC feed does.
 */
@Injectable()
export class DocumentReader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
    private readonly reader: CaseReader,
  ) {}

  /** Null when the caller may not read the case (or there is none); `asOf`: only what was attached by then. */
  /**
   * `read`: the case as the caller reads it now, when the caller has just read it (GraphQL's
   * `Case.documents` on a current case), instead of reading it again; `shared`: the request's other
   * resolvers read the same stream and key once with it (storage/shared-reads.ts).
   */
  async list(caseId: string, actor: Actor, asOf: Date | null = null, read?: { handlingUnit: string }, shared?: SharedReads): Promise<DocumentView[] | null> {
    const view = read ?? (await this.reader.case(caseId, actor));
    if (!view) return null;
    const history = await sharedRead(shared, `stream:${caseId}`, () => this.store.readStream(caseStreamId(caseId)));
    const attached = history.filter(
      (e) => e.type === 'DocumentAttached' && (asOf === null || Date.parse((e.data as unknown as DocumentAttached['data']).attachedAt) <= asOf.getTime()),
    );
    if (attached.length === 0) return [];
    const erased = history.some((e) => e.type === 'PersonalDataErased');
    const key = erased ? null : ((await sharedRead(shared, `key:${caseId}`, () => this.keys.keys([caseId]))).get(caseId) ?? null);
    const respondents = await this.reader.respondents(caseId, null, actor);
    const visible = new Set(respondents.filter((r) => !r.identityWithheld).map((r) => r.respondentId));
    const seesAll = maySeeEveryRespondent(actor, view.handlingUnit) || respondents.every((r) => !r.identityWithheld);
    const documents: DocumentView[] = [];
    for (const event of attached) {
      const d = (event as unknown as DocumentAttached).data;
      if (d.respondentId !== null && !seesAll && !visible.has(d.respondentId)) continue;
      // A generated letter shows names: only to a caller who sees every respondent it names.
      if (!seesAll && (d.namedRespondentIds ?? []).some((id) => !visible.has(id))) continue;
      const showName = seesAll || (d.respondentId !== null && visible.has(d.respondentId));
      documents.push({
        id: d.documentId,
        kind: d.kind,
        name: showName ? openEvent(event as unknown as DocumentAttached, key, erased).data.name : null,
        size: d.size,
        contentType: d.contentType,
        sha256: d.sha256,
        respondentId: d.respondentId,
        attachedAt: new Date(d.attachedAt),
        attachedBy: d.attachedBy,
        attachedByUnit: (event.metadata.unit as string | null | undefined) ?? null,
        readable: key !== null,
        version: event.version,
      });
    }
    return documents;
  }
}

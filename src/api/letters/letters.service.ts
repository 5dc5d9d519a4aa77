import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Logger } from 'pino';
import { AccessAudit } from '../../audit/access-audit';
import { CaseCommands } from '../../case/case-commands.service';
import { invalidTransition, notFound } from '../../case/case-error';
import type { Actor } from '../../case/decide-context';
import type { GenerateLetter } from '../../case/generating-letter/generate-letter';
import { CaseCommandMessage } from '../../case/case-command';
import { letterFacts } from '../../case/generating-letter/letter-facts';
import { LOGGER } from '../../observability/logger';
import type { CaseView } from '../../oversight/models/case.model';
import { CaseReader } from '../../oversight/queries/case-reader';
import { blobContext, sealStream } from '../../privacy/blob-sealing';
import { KEY_STORE, KeyStore } from '../../privacy/key-store';
import { BLOB_STORE, blobKey, type BlobStore } from '../../storage/blob-store';
import { SAME_BLOB } from '../documents/one-at-a-time';
import { CaseMutations } from '../case-mutations.service';
import { DocumentReader } from '../documents/document-reader';
import type { DocumentView } from '../documents/document.model';
import { FILE_NAME } from './letter-wording';
import { renderLetter, type LetterPerson } from './render-letter';

export interface LetterRequest {
  caseId: string;
  kind: string;
  respondentId: string;
  expectedVersion?: number | null;
}

/** The personal fields a letter shows of each respondent it names: recorded in the access audit like a read. */
const SHOWN_FIELDS = ['name', 'nip', 'position', 'institution'] as const;

/**
 * Generates a letter from the case (issue 18) and attaches it as a document of the step: facts from
 * the decider's state, names from the read side as the caller may see them, the PDF sealed into the
 * blob store, then GenerateLetter through the command gateway (access, ledger, rate limit). When the
 * caller sent no expectedVersion, the version the letter was composed from is expected: a step
 * recorded on the track in between is a CONFLICT, never a letter that says what the case no longer says.
 */
@Injectable()
export class LetterService {
  constructor(
    private readonly commands: CaseCommands,
    private readonly reader: CaseReader,
    private readonly documents: DocumentReader,
    private readonly mutations: CaseMutations,
    private readonly audit: AccessAudit,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async generate(actor: Actor, request: LetterRequest, via: string, requestKey: string): Promise<{ document: DocumentView; case: CaseView }> {
    const { caseId } = request;
    const view = await this.reader.case(caseId, actor);
    if (!view) throw notFound(`no case ${caseId}`, 'case.notFound');
    const state = await this.commands.state(caseId);
    if (state.status !== 'opened') throw notFound(`no case ${caseId}`, 'case.notFound');
    const facts = letterFacts(state, request.kind, request.respondentId, actor);
    const key = state.personalDataErasedAt === null ? await this.keys.keyFor(caseId) : null;
    if (!key) {
      throw invalidTransition('personal data of this case was erased: its data key is gone, no letter can be generated', 'erasure.done', { erasedAt: state.personalDataErasedAt });
    }
    const people = new Map<string, LetterPerson>();
    for (const r of await this.reader.respondents(caseId, null, actor)) {
      if (!r.identityWithheld && r.name) people.set(r.respondentId, { name: r.name, nip: r.nip, position: r.position, institution: r.institution });
    }
    const pdf = await renderLetter(facts, people);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const stored = blobKey(caseId, sha256);
    // The same letter generated twice at once renders the same bytes: one blob key, one at a time (one-at-a-time.ts).
    const documentId = randomUUID();
    const after = await SAME_BLOB.run(stored, async () => {
      const staged = await this.blobs.stage(Readable.from([pdf]).pipe(sealStream(key, blobContext(caseId))));
      const { created } = await this.blobs.commit(staged, stored);
      const command: GenerateLetter = {
        type: 'GenerateLetter',
        actor,
        caseId,
        input: {
          kind: facts.kind,
          respondentId: request.respondentId,
          document: {
            documentId,
            sha256,
            size: pdf.length,
            name: `${FILE_NAME[facts.kind]} ${facts.letterNumber.replace(/[\\/:*?"<>|]/g, '-')}.pdf`,
            namedRespondentIds: facts.respondents.map((r) => r.respondentId),
          },
        },
      };
      try {
        return await this.mutations.execute(new CaseCommandMessage(command, null, request.expectedVersion ?? state.version));
      } catch (error) {
        if (created) await this.blobs.remove(stored);
        throw error;
      }
    });
    for (const r of facts.respondents) {
      if (people.has(r.respondentId)) this.audit.record({ actor, via, request: requestKey, caseId, respondentId: r.respondentId, fields: SHOWN_FIELDS });
    }
    this.logger.info({ caseId, documentId, kind: facts.kind, size: pdf.length, agency: actor.agency, unit: actor.region }, 'letter generated');
    const document = (await this.documents.list(caseId, actor))?.find((d) => d.id === documentId);
    if (!document) throw new Error(`letter ${documentId} was attached but is not listed`);
    return { document, case: after };
  }
}

import { Controller, Get, Inject, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { createHash, randomUUID } from 'node:crypto';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Logger } from 'pino';
import type { AttachDocument } from '../../case/attaching-document/attach-document';
import { CaseCommandMessage } from '../../case/case-command';
import { AuthService, requireActor } from '../../auth/auth.service';
import { badInput, invalidTransition, list, notFound } from '../../case/case-error';
import type { Actor } from '../../case/decide-context';
import { DOCUMENT_CONTENT_TYPES, DOCUMENT_EXTENSIONS, type DocumentKind } from '../../case/case-vocabulary';
import { NETRA_CONFIG, type NetraConfig } from '../../config/config';
import { LOGGER } from '../../observability/logger';
import { CaseReader } from '../../oversight/queries/case-reader';
import { blobContext, openStream } from '../../privacy/blob-sealing';
import { KEY_STORE, KeyStore } from '../../privacy/key-store';
import { BLOB_STORE, blobKey, type BlobStore } from '../../storage/blob-store';
import { CaseMutations } from '../case-mutations.service';
import { DocumentErrorFilter } from './document-error.filter';
import { DocumentReader } from './document-reader';
import { SAME_BLOB } from './one-at-a-time';
import { receiveUpload, type ReceivedUpload } from './receive-upload';

const MB = 1024 * 1024;
/**
 * Documents of a case (issue 18): `POST /cases/{id}/documents` (multipart: `file`, `kind`, optional
 * `respondentId`) and `GET /cases/{id}/documents/{documentId}`. The upload streams into the blob
 * store sealed with the case's data key; the DocumentAttached event goes through the command gateway
 * like every step, so its access rules, rate limit and ledger apply. Reads follow the case's and the
 * respondent's visibility; a caller that may not read the case gets NOT_FOUND before its body is read.
 */
@Controller('cases')
@UseFilters(DocumentErrorFilter)
export class DocumentsController {
  constructor(
    private readonly auth: AuthService,
    private readonly reader: CaseReader,
    private readonly documents: DocumentReader,
    private readonly mutations: CaseMutations,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(NETRA_CONFIG) private readonly config: NetraConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Post(':caseId/documents')
  async upload(@Param('caseId') caseId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const actor = requireActor(await this.auth.actorFrom(req.headers.authorization));
    const view = await this.reader.case(caseId, actor);
    if (!view) throw notFound(`no case ${caseId}`, 'case.notFound');
    if (view.personalDataErasedAt) {
      const erasedAt = view.personalDataErasedAt.toISOString();
      throw invalidTransition(`personal data of this case was erased on ${erasedAt}: its data key is gone, nothing can be attached`, 'erasure.done', { erasedAt });
    }
    const key = await this.keys.keyFor(caseId);
    if (!key) throw invalidTransition('personal data of this case was erased: its data key is gone, nothing can be attached', 'erasure.done', { erasedAt: null });
    const maxBytes = this.config.documentMaxBytes;
    const upload = await receiveUpload(req, { caseId, key, maxBytes, blobs: this.blobs });
    const file = upload.file;
    let checked: ReturnType<DocumentsController['check']>;
    try {
      checked = this.check(upload, maxBytes);
    } catch (error) {
      if (file) await this.blobs.discard(file.staged);
      throw error;
    }
    await SAME_BLOB.run(blobKey(caseId, checked.sha256), () => this.attach(caseId, actor, upload, checked, res));
  }

  /** Commits the staged bytes and appends the event; a refusal removes the bytes only if this upload created them. */
  private async attach(caseId: string, actor: Actor, upload: ReceivedUpload, checked: ReturnType<DocumentsController['check']>, res: Response): Promise<void> {
    let committed: { key: string; created: boolean } | null = null;
    try {
      committed = { key: blobKey(caseId, checked.sha256), ...(await this.blobs.commit(checked.staged, blobKey(caseId, checked.sha256))) };
      const documentId = randomUUID();
      const command: AttachDocument = {
        type: 'AttachDocument',
        actor,
        caseId,
        input: {
          documentId,
          sha256: checked.sha256,
          size: checked.size,
          contentType: checked.contentType,
          name: checked.name,
          kind: upload.fields.kind as DocumentKind,
          respondentId: upload.fields.respondentId || null,
        },
      };
      const after = await this.mutations.execute(new CaseCommandMessage(command));
      this.logger.info({ caseId, documentId, size: checked.size, contentType: checked.contentType, agency: actor.agency, unit: actor.region }, 'document attached');
      res.status(201).json({
        documentId,
        caseId,
        sha256: checked.sha256,
        size: checked.size,
        contentType: checked.contentType,
        kind: command.input.kind,
        respondentId: command.input.respondentId,
        version: after.version,
      });
    } catch (error) {
      if (committed === null) await this.blobs.discard(checked.staged);
      else if (committed.created) await this.blobs.remove(committed.key);
      throw error;
    }
  }

  /** The refusals an upload earns from its bytes alone, before any step's rule is asked. */
  private check(upload: ReceivedUpload, maxBytes: number) {
    const file = upload.file;
    if (!file) throw badInput('file', 'is missing: send the document as the multipart part named "file"', 'document.fileMissing');
    if (upload.extraFiles) throw badInput('file', 'send one file per request', 'document.oneFile');
    if (file.truncated) {
      throw badInput('file', `is larger than the limit of ${maxBytes / MB} MB (${maxBytes} bytes; DOCUMENT_MAX_MB)`, 'document.tooLarge', { maxBytes, maxMegabytes: maxBytes / MB });
    }
    if (file.size === 0) throw badInput('file', 'is empty', 'document.empty');
    if (file.contentType === null) {
      throw badInput('file', `is not one of the accepted types (PDF, JPEG, PNG, MP4, DOCX, XLSX), judged by its content`, 'document.type', { allowed: list(DOCUMENT_CONTENT_TYPES) });
    }
    return { ...file, contentType: file.contentType };
  }

  @Get(':caseId/documents/:documentId')
  async download(@Param('caseId') caseId: string, @Param('documentId') documentId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const actor = requireActor(await this.auth.actorFrom(req.headers.authorization));
    const listed = await this.documents.list(caseId, actor);
    if (listed === null) throw notFound(`no case ${caseId}`, 'case.notFound');
    const document = listed.find((d) => d.id === documentId);
    if (!document) throw notFound(`case ${caseId} has no document ${documentId} you may read`, 'document.notFound', { documentId });
    const key = document.readable ? ((await this.keys.keys([caseId])).get(caseId) ?? null) : null;
    if (!key) {
      const view = await this.reader.case(caseId, actor);
      const erasedAt = view?.personalDataErasedAt?.toISOString() ?? null;
      throw invalidTransition(`the personal data of this case was erased${erasedAt ? ` on ${erasedAt}` : ''}: the key that opens the document is destroyed`, 'document.erased', { erasedAt });
    }
    const blob = await this.blobs.open(blobKey(caseId, document.sha256));
    if (!blob) throw new Error('a document’s stored bytes are missing (run npm run verify)');
    const filename = document.name && document.name !== '[erased]' ? document.name : `document-${document.id}.${DOCUMENT_EXTENSIONS[document.contentType as keyof typeof DOCUMENT_EXTENSIONS]}`;
    res.status(200);
    res.setHeader('Content-Type', document.contentType);
    res.setHeader('Content-Length', String(document.size));
    res.setHeader('Content-Disposition', contentDisposition(filename));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('X-Netra-Sha256', document.sha256);
    try {
      await pipeline(blob, openStream(key, blobContext(caseId)), hashMustBe(document.sha256), res);
    } catch (error) {
      this.logger.error({ caseId, documentId, failure: { type: error instanceof Error ? error.name : typeof error } }, 'document download stopped: stored bytes do not open or do not match their hash');
      res.destroy();
    }
  }
}

/** Fails the stream at its end when the bytes are not the ones the ledger hashed: the client sees a cut-off download, never a whole wrong file. */
function hashMustBe(sha256: string): Transform {
  const hash = createHash('sha256');
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
    flush(done) {
      done(hash.digest('hex') === sha256 ? null : new Error('stored bytes do not match their SHA-256'));
    },
  });
}

/** `attachment` always (never rendered inline), with an ASCII fallback and the UTF-8 name (RFC 6266). */
function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

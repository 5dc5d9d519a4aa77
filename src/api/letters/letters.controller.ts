import { Body, Controller, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { newRequestKey } from '../../audit/personal-fields';
import { AuthService, requireActor } from '../../auth/auth.service';
import { badInput } from '../../case/case-error';
import { DocumentErrorFilter } from '../documents/document-error.filter';
import { LetterService } from './letters.service';

/**
 * `POST /cases/{caseId}/letters` with JSON `{ kind, respondentId, expectedVersion? }`: the same as
 * the GraphQL mutation generateLetter; answers 201 with the document as Case.documents lists it.
 */
@Controller('cases')
@UseFilters(DocumentErrorFilter)
export class LettersController {
  constructor(
    private readonly auth: AuthService,
    private readonly letters: LetterService,
  ) {}

  @Post(':caseId/letters')
  async generate(@Param('caseId') caseId: string, @Body() body: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    const actor = requireActor(await this.auth.actorFrom(req.headers.authorization));
    const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const expectedVersion = fields.expectedVersion ?? null;
    if (expectedVersion !== null && !(Number.isSafeInteger(expectedVersion) && (expectedVersion as number) >= 1)) {
      throw badInput('expectedVersion', 'must be a whole number from 1', 'value.invalid', { constraint: 'min 1' });
    }
    const { document, case: after } = await this.letters.generate(
      actor,
      { caseId, kind: fields.kind as string, respondentId: fields.respondentId as string, expectedVersion: expectedVersion as number | null },
      'http:letters',
      newRequestKey(),
    );
    res.status(201).json({
      documentId: document.id,
      caseId,
      kind: document.kind,
      name: document.name,
      sha256: document.sha256,
      size: document.size,
      contentType: document.contentType,
      respondentId: document.respondentId,
      version: after.version,
    });
  }
}

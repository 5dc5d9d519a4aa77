import { Controller, Get, Inject, Post, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuthService, requireActor } from '../auth/auth.service';
import { badInput } from '../case/case-error';
import { NETRA_CONFIG, type NetraConfig } from '../config/config';
import { ImportErrorFilter } from './import-error.filter';
import type { ImportLanguage } from './import-report';
import { registerTemplate } from './import-template';
import { receiveRegister } from './receive-register';
import { RegisterImports } from './register-import.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PARAMETERS = ['dryRun', 'confirm', 'election', 'lang'];

/**
 * Importing an agency's register (issue 18): `POST /imports?dryRun=true` (multipart, part `file`: XLSX
 * or CSV) answers a report of what each row becomes and each row's problems, writing nothing;
 * `POST /imports?confirm=<importId>` with the same file writes it. `GET /imports/template.xlsx` is
 * the register's template.
 */
@Controller('imports')
@UseFilters(ImportErrorFilter)
export class ImportsController {
  constructor(
    private readonly auth: AuthService,
    private readonly imports: RegisterImports,
    @Inject(NETRA_CONFIG) private readonly config: NetraConfig,
  ) {}

  @Post()
  async import(@Req() req: Request, @Res() res: Response): Promise<void> {
    const actor = requireActor(await this.auth.actorFrom(req.headers.authorization));
    const query = queryOf(req);
    const dryRun = query.dryRun === undefined ? false : booleanOf(query.dryRun);
    const upload = await receiveRegister(req, this.config.importMaxBytes);
    const report = await this.imports.run(upload.bytes, actor, {
      dryRun,
      confirm: query.confirm ?? null,
      election: query.election ?? upload.fields.election ?? null,
      lang: languageOf(query.lang),
      fileName: upload.name,
    });
    res.status(200).setHeader('Cache-Control', 'no-store').json(report);
  }

  @Get('template.xlsx')
  async template(@Req() req: Request, @Res() res: Response): Promise<void> {
    const lang = languageOf(queryOf(req).lang);
    const bytes = await registerTemplate(lang);
    res.status(200);
    res.setHeader('Content-Type', XLSX);
    res.setHeader('Content-Disposition', `attachment; filename="netra-register-${lang === 'id' ? 'templat' : 'template'}.xlsx"`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.send(bytes);
  }
}

/** Query parameters, each at most once; one the import does not take is refused, so a typo never changes what is written. */
function queryOf(req: Request): Record<string, string | undefined> {
  const query: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.query)) {
    if (!PARAMETERS.includes(name)) throw badInput(name, `is not a parameter of the import (${PARAMETERS.join(', ')})`, 'export.unknownParameter', { allowed: PARAMETERS.join(',') });
    if (typeof value !== 'string') throw badInput(name, 'may be given once', 'export.repeatedParameter');
    query[name] = value === '' ? undefined : value;
  }
  return query;
}

function booleanOf(value: string): boolean {
  if (['true', '1'].includes(value)) return true;
  if (['false', '0'].includes(value)) return false;
  throw badInput('dryRun', 'must be true or false', 'export.boolean');
}

function languageOf(value: string | undefined): ImportLanguage {
  if (value === undefined || value === 'id') return 'id';
  if (value === 'en') return 'en';
  throw badInput('lang', 'must be id or en', 'export.headers');
}

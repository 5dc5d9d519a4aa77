import { Controller, Get, Inject, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { AuthService, requireActor } from '../../auth/auth.service';
import { wibDayOf } from '../../case/deadlines/wib';
import { CLOCK, type Clock } from '../../config/clock';
import { LOGGER } from '../../observability/logger';
import { CaseReader, type FollowUpRecord } from '../queries/case-reader';
import { AccessAudit } from '../../audit/access-audit';
import { newRequestKey, respondentReads } from '../../audit/personal-fields';
import type { Actor } from '../../case/decide-context';
import { AnonymousLimits } from '../../security/anonymous-limits';
import { requestSignal } from '../../security/request-signal';
import { FollowUpSummaryReader } from '../queries/follow-up-summary';
import { readSource } from '../queries/read-source';
import { UTF8_BOM } from './csv';
import { ExportErrorFilter } from './export-error.filter';
import { exportParams, type ExportFormat } from './export-params';
import { csvChunks, followUpPages, jsonChunks, primed, send, type Progress } from './follow-up-stream';
import { summaryCsv, summaryXlsx } from './summary-columns';
import { followUpXlsxColumns } from './follow-up-columns';
import { sendXlsx, XLSX_CONTENT_TYPE } from './xlsx';
import { PublicFiguresCache, sendPublic, type CachedAnswer, type SentAnswer } from '../public-figures/public-figures-cache';
import { exportRequestKey } from '../public-figures/request-key';

const CONTENT_TYPE: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8; header=present',
  json: 'application/json; charset=utf-8',
  xlsx: XLSX_CONTENT_TYPE,
};

/**
 * Files of follow-ups and figures, for officers and auditors who work in spreadsheets: GET
 * /exports/follow-ups.{csv,json} and /exports/summary.{csv,json}, taking the GraphQL filter as query
 * parameters. The same readers, scope and refusals as the followUps and followUpSummary queries.
 */
@Controller('exports')
@UseFilters(ExportErrorFilter)
export class ExportsController {
  constructor(
    private readonly auth: AuthService,
    private readonly reader: CaseReader,
    private readonly summaries: FollowUpSummaryReader,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly audit: AccessAudit,
    private readonly limits: AnonymousLimits,
    private readonly publicFigures: PublicFiguresCache,
  ) {}

  @Get('follow-ups.csv')
  followUpsCsv(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.followUps(req, res, 'csv');
  }

  @Get('follow-ups.json')
  followUpsJson(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.followUps(req, res, 'json');
  }

  @Get('follow-ups.xlsx')
  followUpsXlsx(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.followUps(req, res, 'xlsx');
  }

  @Get('summary.xlsx')
  summaryXlsx(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.summary(req, res, 'xlsx');
  }

  @Get('summary.csv')
  summaryCsv(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.summary(req, res, 'csv');
  }

  @Get('summary.json')
  summaryJson(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.summary(req, res, 'json');
  }

  /** Names and NIPs: a token is required, and the caller's region bounds the rows, as in followUps. */
  private async followUps(req: Request, res: Response, format: ExportFormat): Promise<void> {
    const actor = requireActor(await this.auth.actorFrom(req.headers.authorization));
    const params = await exportParams(req.query, 'follow-ups', format);
    const requested = this.clock();
    // One instant for every page: without asOf the moment the request came, so a long download is one picture.
    const source = { ...readSource(params.asOf ?? requested, requested), position: await this.reader.position() };
    if (req.method === 'HEAD') {
      // Express answers HEAD with this GET handler: the headers a download would carry, without reading a row.
      attachment(res, 'follow-ups', format, source.at);
      res.setHeader('X-Netra-Position', source.position.toString());
      res.end();
      return;
    }
    const progress: Progress = { pages: 0, rows: 0 };
    const pages = await primed(this.audited(followUpPages(this.reader, params.filter, actor, source, progress), actor, `export:${req.path.replace(/^\/exports\//, '')}`));
    attachment(res, 'follow-ups', format, source.at);
    res.setHeader('X-Netra-Position', source.position.toString());
    const outcome =
      format === 'xlsx'
        ? await sendXlsx(res, params.headers === 'id' ? 'Tindak Lanjut' : 'Follow-ups', followUpXlsxColumns(params.headers), pages, params.headers)
        : await send(res, format === 'csv' ? csvChunks(pages, params.headers, params.bom) : jsonChunks(pages, source.at));
    this.logger.info(
      { export: req.path, outcome, rows: progress.rows, pages: progress.pages, ms: Date.now() - requested.getTime(), agency: actor.agency, unit: actor.region },
      outcome === 'sent' ? 'export sent' : 'export stopped: the client went away',
    );
  }

  /** Each page's names, NIPs, positions and institutions go to the access audit as the page is read. */
  private async *audited(pages: AsyncGenerator<FollowUpRecord[]>, actor: Actor, via: string): AsyncGenerator<FollowUpRecord[]> {
    const request = newRequestKey();
    for await (const records of pages) {
      for (const read of respondentReads(actor, via, request, records.map((r) => r.followUp))) this.audit.record(read);
      // The next page is read once this one's records are written, or nearly (AccessAudit.keptUp).
      await this.audit.keptUp();
      yield records;
    }
  }

  /**
   * Aggregates only: allowed without a token, which then may not narrow figures to a person or a
   * case — and is answered from the public figures' cache while the read model stays where it was.
   */
  private async summary(req: Request, res: Response, format: ExportFormat): Promise<void> {
    const actor = await this.auth.actorFrom(req.headers.authorization);
    if (actor === null) this.limits.take(req.ip ?? req.socket.remoteAddress ?? 'unknown');
    const params = await exportParams(req.query, 'summary', format);
    const build = async (): Promise<SentAnswer> => {
      const summary = await this.summaries.summary(params.groupBy, params.filter, actor, readSource(params.asOf, this.clock()), '', requestSignal(req, res));
      const { asOf, current, position, overall, buckets } = summary;
      return {
        headers: { ...attachmentHeaders('summary', format, summary.asOf), 'X-Netra-Position': position },
        body:
          format === 'xlsx'
            ? await summaryXlsx(summary, params.groupBy, params.headers)
            : format === 'csv'
              ? `${params.bom ? UTF8_BOM : ''}${summaryCsv(summary, params.groupBy, params.headers)}`
              : `${JSON.stringify({ asOf, current, position, groupBy: params.groupBy, overall, buckets })}\n`,
      };
    };
    let outcome = 'sent';
    if (actor === null && this.publicFigures.enabled) {
      outcome = sendPublic(this.publicFigures, req, res, await this.publicAnswer(exportRequestKey(req.path, req.query), build));
    } else {
      const { headers, body } = await build();
      res.status(200).set(headers).send(body);
    }
    this.logger.info({ export: req.path, outcome, agency: actor?.agency ?? null, unit: actor?.region ?? null }, 'export sent');
  }

  /** The cached answer at the read model's position now, the one being computed, or this request's own. */
  private async publicAnswer(key: string, build: () => Promise<SentAnswer>): Promise<CachedAnswer> {
    const position = await this.publicFigures.position();
    const known = this.publicFigures.fresh(key, position) ?? (await this.publicFigures.underWay(key, position));
    if (known) return known;
    const done = this.publicFigures.lead(key, position);
    try {
      return done(await build())!;
    } catch (error) {
      done(null);
      throw error;
    }
  }
}

function attachment(res: Response, name: string, format: ExportFormat, at: Date): void {
  res.status(200);
  res.set(attachmentHeaders(name, format, at));
}

function attachmentHeaders(name: string, format: ExportFormat, at: Date): Record<string, string> {
  return {
    'Content-Type': CONTENT_TYPE[format],
    'Content-Disposition': `attachment; filename="netra-${name}-${wibDayOf(at)}.${format}"`,
    // Names and NIPs must not stay in a shared cache or a browser's disk cache (public figures: public-figures-cache.ts).
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'X-Netra-As-Of': at.toISOString(),
  };
}

import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import { mayReadAccessAudit } from '../case/case-access';
import { badInput } from '../case/case-error';
import type { Actor } from '../case/decide-context';
import { unitKey } from '../inbox/inbox-routing';
import { rows } from '../inbox/inbox-tables';
import { READ_DB, type ReadDb } from '../storage/read-db';
import { toDeliveryRow, type DeliveryRow, type DeliveryStatus } from './notify-tables';

export const MAX_DELIVERY_PAGE = 100;

/**
 * The delivery log: a unit reads the deliveries addressed to it; a national Bawaslu or OVERSIGHT
 * unit (who reads the access audit) reads all. Addresses are the configuration's, never a message.
 */
@Injectable()
export class DeliveryLog {
  constructor(@Inject(READ_DB) private readonly db: ReadDb) {}

  async page(actor: Actor, first: number, after: string | null, status: DeliveryStatus | null): Promise<{ rows: DeliveryRow[]; hasNextPage: boolean; totalCount: number }> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_DELIVERY_PAGE) throw badInput('first', `must be between 1 and ${MAX_DELIVERY_PAGE}`, 'page.size', { minimum: 1, maximum: MAX_DELIVERY_PAGE });
    let cursor: RegExpExecArray | null = null;
    if (after) {
      cursor = /^(\d{1,20}):([0-9a-f-]{36})$/.exec(Buffer.from(after, 'base64url').toString());
      if (!cursor) throw badInput('after', 'is not a cursor this query returned', 'page.cursor');
    }
    const whose = mayReadAccessAudit(actor) ? sql`TRUE` : sql`unit = ${unitKey(actor)}`;
    const which = status ? sql`AND status = ${status}` : sql``;
    const before = cursor ? sql`AND (position < ${cursor[1]}::bigint OR (position = ${cursor[1]}::bigint AND id < ${cursor[2]}))` : sql``;
    const found = await rows(this.db, sql`SELECT * FROM netra_notify.deliveries WHERE ${whose} ${which} ${before} ORDER BY position DESC, id DESC LIMIT ${first + 1}`);
    const [count] = await rows(this.db, sql`SELECT count(*) AS n FROM netra_notify.deliveries WHERE ${whose} ${which}`);
    return { rows: found.slice(0, first).map(toDeliveryRow), hasNextPage: found.length > first, totalCount: Number(count.n) };
  }
}

export const deliveryCursor = (row: DeliveryRow) => Buffer.from(`${row.position}:${row.id}`).toString('base64url');

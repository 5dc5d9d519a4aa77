import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import type { CalendarReads, RecountSelection } from '../../case/calendar/calendar-reads.port';
import type { CaseState } from '../../case/case-state';
import type { OverdueReads } from '../../case/overdue/overdue-reads.port';
import { READ_DB, type ReadDb } from '../../storage/read-db';
import { ProjectionService } from '../projection.service';

/** The read side of the deadline and calendar processes (the ports beside them in src/case). */
@Injectable()
export class ProcessReads implements OverdueReads, CalendarReads {
  constructor(
    @Inject(READ_DB) private readonly db: ReadDb,
    private readonly projection: ProjectionService,
  ) {}

  async overdueCases(now: Date, limit: number): Promise<CaseState[]> {
    const result = await this.db.execute(sql`
      SELECT s.state FROM rm_case_states s
      WHERE s.case_id IN (
        SELECT DISTINCT f.case_id FROM rm_follow_ups f
        WHERE f.waiting_on IS NOT NULL
          AND f.due_at < ${now.toISOString()}::timestamptz
          AND f.overdue_since IS DISTINCT FROM f.due_at
        LIMIT ${limit}
      )`);
    return states(result);
  }

  waitFor(position: bigint, ms: number): Promise<boolean> {
    return this.projection.runner.waitFor(position, ms);
  }

  async provisionalDueTimes(): Promise<number> {
    const result = await this.db.execute(sql`SELECT count(*) AS n FROM rm_follow_ups WHERE waiting_on IS NOT NULL AND due_at_provisional`);
    return Number((result as unknown as { rows: Array<{ n: unknown }> }).rows[0].n);
  }

  async recountPage(selection: RecountSelection, after: string, limit: number): Promise<CaseState[]> {
    const condition =
      selection === 'provisional' ? sql`f.due_at_provisional` : sql`f.due_at >= ${selection.from}::timestamptz AND f.since < ${selection.to}::timestamptz`;
    const result = await this.db.execute(sql`
      SELECT s.state FROM rm_case_states s
      WHERE s.case_id IN (
        SELECT DISTINCT f.case_id FROM rm_follow_ups f
        WHERE f.waiting_on IS NOT NULL AND f.due_at IS NOT NULL AND ${condition} AND f.case_id > ${after}
        ORDER BY f.case_id LIMIT ${limit}
      )
      ORDER BY s.case_id`);
    return states(result);
  }
}

function states(result: unknown): CaseState[] {
  const rows = (result as { rows: Array<{ state: unknown }> }).rows;
  return rows.map((row) => (typeof row.state === 'string' ? JSON.parse(row.state) : row.state) as CaseState);
}

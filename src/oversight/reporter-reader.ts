import { Inject, Injectable } from '@nestjs/common';
import { maySeeReporter } from '../case/case-access';
import { caseStreamId, type CaseReported } from '../case/case-events';
import type { Actor } from '../case/decide-context';
import { EVENT_STORE, type EventStore } from '../event-store/event-store';
import type { ReporterView } from './models/case.model';

/**
 * The reporter's identity is never copied into the read model: it is read from the case's first
 * event, and only for the handling Bawaslu unit (or a Bawaslu unit above it).
 */
@Injectable()
export class ReporterReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async reporter(caseId: string, handlingUnit: string, actor: Actor | null): Promise<ReporterView | null> {
    if (!maySeeReporter(actor, handlingUnit)) return null;
    const [first] = await this.store.readStream(caseStreamId(caseId));
    const reported = first as unknown as CaseReported | undefined;
    return reported?.type === 'CaseReported' ? reported.data.reporter : null;
  }
}

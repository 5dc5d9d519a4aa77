import { Inject, Injectable } from '@nestjs/common';
import { maySeeReporter } from '../case/case-access';
import { caseStreamId } from '../case/case-events';
import type { CaseReported } from '../case/reporting/report-case';
import type { Actor } from '../case/decide-context';
import { EVENT_STORE, type EventStore } from '../event-store/event-store';
import { KEY_STORE, KeyStore } from '../privacy/key-store';
import { openReporter } from '../privacy/personal-data';
import { sharedRead, type SharedReads } from '../storage/shared-reads';
import type { ReporterView } from './models/case.model';

/**
 * The reporter's identity is never copied into the read model: it is unsealed from the case's first
 * event, only for the handling Bawaslu unit (or a Bawaslu unit above it), and reads as null once erased.
 */
@Injectable()
export class ReporterReader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
  ) {}

  /** `shared`: the request's other resolvers read the same stream and key once with it (storage/shared-reads.ts). */
  async reporter(caseId: string, handlingUnit: string, actor: Actor | null, shared?: SharedReads): Promise<ReporterView | null> {
    if (!maySeeReporter(actor, handlingUnit)) return null;
    const [first] = await sharedRead(shared, `stream:${caseId}`, () => this.store.readStream(caseStreamId(caseId)));
    const reported = first as unknown as CaseReported | undefined;
    if (reported?.type !== 'CaseReported' || reported.data.reporter === null) return null;
    const key = (await sharedRead(shared, `key:${caseId}`, () => this.keys.keys([caseId]))).get(caseId) ?? null;
    return openReporter(reported.data, key);
  }
}

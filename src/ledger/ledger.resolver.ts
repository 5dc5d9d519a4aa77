import { Query, Resolver } from '@nestjs/graphql';
import { LedgerHeadView } from './ledger-head.model';
import { LedgerHeadReader } from './ledger-head';

/** Public integrity data: anyone may read the head and publish it; nothing about a case shows. */
@Resolver(() => LedgerHeadView)
export class LedgerResolver {
  constructor(private readonly reader: LedgerHeadReader) {}

  @Query(() => LedgerHeadView, { description: 'Head of the tamper-evident event log; allowed without a token' })
  async ledger(): Promise<LedgerHeadView> {
    const { position, hash, count } = await this.reader.head();
    return { headPosition: position.toString(), headHash: hash, count };
  }
}

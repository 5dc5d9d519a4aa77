import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../../auth/current-actor.decorator';
import type { Actor } from '../../case/decide-context';
import { FollowUpFilter } from '../queries/filters.input';
import { DocumentsMissingFigure } from './documents-missing.model';
import { DocumentsMissingReader } from './documents-missing.reader';

@Resolver()
export class DocumentsMissingResolver {
  constructor(private readonly reader: DocumentsMissingReader) {}

  @Query(() => DocumentsMissingFigure, {
    description: 'How many persons have a step recorded without the document it requires (a decree without its SK), with the same filter and scope as followUpSummary; a token is required',
  })
  documentsMissing(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => FollowUpFilter, nullable: true }) filter?: FollowUpFilter,
    @Args('asOf', { type: () => Date, nullable: true, description: 'As things stood at this instant (absent = now; not in the future)' }) asOf?: Date,
  ): Promise<DocumentsMissingFigure> {
    return this.reader.figure(filter, actor, asOf ?? null);
  }
}

import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphqlContext } from '../../auth/current-actor.decorator';
import { CaseView } from '../../oversight/models/case.model';
import { DocumentReader } from './document-reader';
import { DocumentView } from './document.model';

@Resolver(() => CaseView)
export class DocumentsResolver {
  constructor(private readonly reader: DocumentReader) {}

  @ResolveField(() => [DocumentView], { description: 'Files attached to the case (evidence, letters, decrees), in the order attached; those of respondents outside your region are left out' })
  async documents(@Parent() parent: { id: string; asOf?: Date | null }, @Context() context: GraphqlContext): Promise<DocumentView[]> {
    if (!context.actor) return [];
    return (await this.reader.list(parent.id, context.actor, parent.asOf ?? null)) ?? [];
  }
}

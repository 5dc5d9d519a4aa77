import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphqlContext } from '../../auth/current-actor.decorator';
import { CaseView } from '../../oversight/models/case.model';
import { DocumentReader } from './document-reader';
import { DocumentView } from './document.model';

@Resolver(() => CaseView)
export class DocumentsResolver {
  constructor(private readonly reader: DocumentReader) {}

  @ResolveField(() => [DocumentView], { description: 'Files attached to the case (evidence, letters, decrees), in the order attached; those of respondents outside your region are left out' })
  async documents(@Parent() parent: { id: string; version: number; handlingUnit: string; asOf?: Date | null }, @Context() context: GraphqlContext): Promise<DocumentView[]> {
    if (!context.actor) return [];
    // A case read now by this caller needs no second read to know the caller may read it.
    const readNow = parent.asOf === null ? parent : undefined;
    return (await this.reader.list(parent.id, context.actor, parent.asOf ?? null, readNow, { request: context, version: parent.version })) ?? [];
  }
}
